import type { RiskModel, RiskPromise, RiskTouchpoint } from '@qihe/domain';
import type { Sql } from './database';
import { numberArray, textArray } from './pg-array';
import { inSubtree } from './unit-scope';

// Customer risk: fitted models, each customer's current risk, and the
// histories both are computed from (read per batch of customers, through
// customer_touchpoint and commitment_node_customer_idx).

const ms = (col: string, as: string): string => `floor(extract(epoch FROM ${col}) * 1000)::float8 AS "${as}"`;

export async function latestRiskModel(sql: Sql): Promise<RiskModel | null> {
  const rows = await sql.query<{ model: RiskModel | string }>(`SELECT model FROM risk_model ORDER BY trained_at DESC, version DESC LIMIT 1`);
  if (rows.length === 0) return null;
  const m = rows[0].model;
  return typeof m === 'string' ? (JSON.parse(m) as RiskModel) : m;
}

/** Stores a fitted model (the same fit again is the same version: kept once). */
export async function insertRiskModel(sql: Sql, model: RiskModel): Promise<void> {
  await sql.query(
    `INSERT INTO risk_model (version, trained_at, ratings_at_fit, model) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (version) DO UPDATE SET trained_at = EXCLUDED.trained_at, ratings_at_fit = EXCLUDED.ratings_at_fit, model = EXCLUDED.model`,
    [model.version, new Date(model.trainedAt).toISOString(), model.ratingsAtFit, JSON.stringify(model)],
  );
}

/** Every rating held, from the root's day rollups (a handful of rows, whatever the table's size). */
export async function countRatings(sql: Sql, rootUnitId: string): Promise<number> {
  const [{ n }] = await sql.query<{ n: string | number | null }>(`SELECT coalesce(sum(rated), 0) AS n FROM rollup_day WHERE unit_id = $1`, [rootUnitId]);
  return Number(n);
}

/**
 * Customers in id order after `after` (a page of the whole customer set): the next `limit` rows of
 * customer_unit's key, so fewer customers when some hold several units, and an empty page only at the end.
 * A range of the key whatever the statistics say: `SELECT DISTINCT … LIMIT` was planned as a scan of the
 * whole table per page while its statistics lagged (165 ms a page at 100,000 customers, docs/PERFORMANCE.md).
 */
export async function customersAfter(sql: Sql, after: string | null, limit: number): Promise<string[]> {
  const rows = await sql.query<{ c: string }>(
    `SELECT DISTINCT c FROM (SELECT customer_id AS c FROM customer_unit WHERE ($1::text IS NULL OR customer_id > $1) ORDER BY customer_id LIMIT $2) page
      ORDER BY c`,
    [after, limit],
  );
  return rows.map((r) => r.c);
}

/** What a pass read of the queue: the customers, and the snapshot (and the database's now) it read them in. */
export interface TouchedCustomers {
  now: number;
  /** pg_snapshot as text: the touches it saw are the ones to prune once they are scored. */
  snapshot: string;
  customers: string[];
}

/**
 * Customers whose history changed (a touchpoint stored, a late rating:
 * customer_touched, one row per ingest statement, stamped with its
 * transaction), as one statement's snapshot sees them. Every touch committed
 * before that snapshot is in; a transaction that commits after it (however
 * early its now()) is not, and its row stays for the next pass — no time
 * overlap, so no customer is rescored twice for one touch. The queue holds
 * what passes have not pruned: a pass's worth of ingest, read whole.
 */
export async function touchedCustomers(sql: Sql): Promise<TouchedCustomers> {
  const [r] = await sql.query<{ now: string | number; snapshot: string; customers: string[] }>(
    `SELECT ${ms('now()', 'now')}, pg_current_snapshot()::text AS snapshot,
            array(SELECT DISTINCT c FROM customer_touched, unnest(customers) AS c ORDER BY c) AS customers`,
  );
  return { now: Number(r.now), snapshot: r.snapshot, customers: r.customers };
}

/** A snapshot of the database now (pg_snapshot as text) and its clock: what a refit scores everyone after, to prune behind. */
export async function currentSnapshot(sql: Sql): Promise<{ now: number; snapshot: string }> {
  const [r] = await sql.query<{ now: string | number; snapshot: string }>(`SELECT ${ms('now()', 'now')}, pg_current_snapshot()::text AS snapshot`);
  return { now: Number(r.now), snapshot: r.snapshot };
}

/** Drops the touches `snapshot` saw (they are scored; later commits stay queued); null: every touch (no model scores anyone). */
export async function pruneTouchedCustomers(sql: Sql, snapshot: string | null): Promise<void> {
  if (snapshot === null) await sql.query(`DELETE FROM customer_touched`);
  else await sql.query(`DELETE FROM customer_touched WHERE pg_visible_in_snapshot(xid, $1::pg_snapshot)`, [snapshot]);
}

/** When the last pass ran (the database's clock as it took its snapshot, for a refit and a rescoring pass alike): for people and the bench, not for the passes. */
export async function setRiskPassMark(sql: Sql, at: number): Promise<void> {
  await sql.query(`UPDATE risk_pass SET scored_until = $1 WHERE id = 1`, [new Date(at).toISOString()]);
}

/** One customer's history, as the risk features read it, with the unit of each touchpoint. */
export interface RiskHistory {
  touchpoints: (RiskTouchpoint & { unitId: string })[];
  promises: (RiskPromise & { unitId: string })[];
}

/**
 * The histories of some customers: touchpoints that occurred from `since`
 * on (every unit, or only `unitIds`), sorted by (occurredAt, id), and their
 * level-1 commitments started from `since` on. Touchpoints from
 * customer_touchpoint: one key range per customer, not one probe per daily partition.
 */
export async function riskHistories(sql: Sql, customerIds: readonly string[], since: number, unitIds: readonly string[] | null = null): Promise<Map<string, RiskHistory>> {
  const out = new Map<string, RiskHistory>();
  if (customerIds.length === 0) return out;
  for (const c of customerIds) out.set(c, { touchpoints: [], promises: [] });
  const params: unknown[] = [textArray(customerIds), new Date(since).toISOString()];
  const units = unitIds ? ` AND unit_id = ANY($3::text[])` : '';
  if (unitIds) params.push(textArray(unitIds));
  // A range of customer_touchpoint's key per customer, whatever the statistics say (`customer_id = ANY(…)` was
  // planned as a scan of the whole table while they lagged: 54 ms for 500 customers at 200,000 rows).
  const tps = await sql.query<{ c: string; id: string; unitId: string; at: string | number; need: string; served: boolean; resolved: boolean | null; handoff: boolean; score: string | number | null }>(
    `SELECT q.c, h.id, h.unit_id AS "unitId", ${ms('h.occurred_at', 'at')}, h.need_category AS need, h.served, h.resolved, h.handoff, h.satisfaction_score AS score
       FROM unnest($1::text[]) AS q(c)
       CROSS JOIN LATERAL (SELECT id, unit_id, occurred_at, need_category, served, resolved, handoff, satisfaction_score FROM customer_touchpoint
                            WHERE customer_id = q.c AND occurred_at >= $2${units} OFFSET 0) h
      ORDER BY q.c, h.occurred_at, h.id`,
    params,
  );
  for (const r of tps) {
    out.get(r.c)?.touchpoints.push({ id: r.id, unitId: r.unitId, occurredAt: Number(r.at), needCategory: r.need, served: r.served, resolved: r.resolved, handoff: r.handoff, score: r.score === null ? null : Number(r.score) });
  }
  const nodes = await sql.query<{ c: string; unitId: string; due: string | number; done: string | number | null }>(
    `SELECT customer_id AS c, unit_id AS "unitId", ${ms('due_at', 'due')}, ${ms('completed_at', 'done')}
       FROM commitment_node WHERE customer_id = ANY($1::text[]) AND level = 1 AND started_at >= $2${units}`,
    params,
  );
  for (const r of nodes) out.get(r.c)?.promises.push({ unitId: r.unitId, dueAt: Number(r.due), completedAt: r.done === null ? null : Number(r.done) });
  return out;
}

export interface CustomerRiskRow {
  customerId: string;
  unitId: string;
  latestTouchpointId: string;
  probability: number;
  features: number[];
  modelVersion: string;
  asOf: number;
}

/** The stored probability of some customers (absent: never scored) — what a pass compares a new one with; not the features, which it would parse for nothing. */
export async function storedProbabilities(sql: Sql, customerIds: readonly string[]): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await sql.query<{ c: string; p: number | string }>(`SELECT customer_id AS c, probability AS p FROM customer_risk WHERE customer_id = ANY($1::text[])`, [textArray(customerIds)]);
  return new Map(rows.map((r) => [r.c, Number(r.p)]));
}

/** Writes customers' current risk, in customer order. */
export async function upsertRisks(sql: Sql, risks: readonly CustomerRiskRow[]): Promise<void> {
  if (risks.length === 0) return;
  const rows = [...risks].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  await sql.query(
    `INSERT INTO customer_risk (unit_id, customer_id, latest_touchpoint_id, probability, features, model_version, as_of)
     SELECT u.unit_id, u.customer_id, u.tp, u.p, string_to_array(u.f, ',')::float8[], u.v, u.at
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::float8[], $5::text[], $6::text[], $7::timestamptz[]) AS u(unit_id, customer_id, tp, p, f, v, at)
     ON CONFLICT (customer_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, latest_touchpoint_id = EXCLUDED.latest_touchpoint_id,
       probability = EXCLUDED.probability, features = EXCLUDED.features, model_version = EXCLUDED.model_version, as_of = EXCLUDED.as_of`,
    [
      textArray(rows.map((r) => r.unitId)),
      textArray(rows.map((r) => r.customerId)),
      textArray(rows.map((r) => r.latestTouchpointId)),
      numberArray(rows.map((r) => r.probability)),
      textArray(rows.map((r) => r.features.join(','))),
      textArray(rows.map((r) => r.modelVersion)),
      textArray(rows.map((r) => new Date(r.asOf).toISOString())),
    ],
  );
}

/** The riskiest customers whose latest touchpoint is in the subtree under `unitId`. */
export async function riskiestCustomers(sql: Sql, unitId: string, limit: number): Promise<CustomerRiskRow[]> {
  const rows = await sql.query<RawRisk>(
    `SELECT ${RISK_COLUMNS} FROM customer_risk WHERE ${inSubtree('unit_id', 1)} ORDER BY probability DESC, customer_id LIMIT $2`,
    [unitId, limit],
  );
  return rows.map(toRisk);
}

const RISK_COLUMNS = `customer_id AS "customerId", unit_id AS "unitId", latest_touchpoint_id AS "latestTouchpointId", probability,
  array_to_string(features, ',') AS features, model_version AS "modelVersion", ${ms('as_of', 'asOf')}`;
interface RawRisk {
  customerId: string;
  unitId: string;
  latestTouchpointId: string;
  probability: number | string;
  features: string;
  modelVersion: string;
  asOf: number | string;
}
const toRisk = (r: RawRisk): CustomerRiskRow => ({
  ...r,
  probability: Number(r.probability),
  features: r.features === '' ? [] : r.features.split(',').map(Number),
  asOf: Number(r.asOf),
});

/** Of these customers, those with an OPEN AT_RISK_CUSTOMER follow-up. */
export async function customersWithOpenRiskFollowUp(sql: Sql, customerIds: readonly string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await sql.query<{ c: string }>(
    `SELECT customer_id AS c FROM follow_up WHERE reason = 'AT_RISK_CUSTOMER' AND state = 'OPEN' AND customer_id = ANY($1::text[])`,
    [textArray(customerIds)],
  );
  return new Set(rows.map((r) => r.c));
}

import type { AlertStage, CommitmentDefinition, CommitmentNode, CommitmentState, Resolution, SliceFields } from '@qihe/domain';
import { SCOPE_BACKFILL_SQL, SCOPE_DELTAS_SQL } from './commitment-scopes';
import type { Sql } from './database';
import { boolArray, numberArray, textArray } from './pg-array';
import { findTouchpointKeys, keyJoin, keyParams } from './touchpoint.repository';
import { inSubtree } from './unit-scope';

// The SQL of service commitments: the catalogue, instance nodes, completion
// events and the per-code hourly counters that commitmentPerformance reads.

const ms = (col: string, as: string): string => `floor(extract(epoch FROM ${col}) * 1000)::float8 AS "${as}"`;
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---- catalogue ----

export async function loadCatalogue(sql: Sql): Promise<CommitmentDefinition[]> {
  const rows = await sql.query<CommitmentDefinition>(
    `SELECT code, name, level, parent_code AS "parentCode", target_minutes AS "targetMinutes",
            warn_at_percent AS "warnAtPercent", owner_unit_id AS "ownerUnitId"
       FROM commitment_definition ORDER BY level, code`,
  );
  return rows.map((r) => ({ ...r, level: Number(r.level), targetMinutes: Number(r.targetMinutes), warnAtPercent: Number(r.warnAtPercent) }));
}

/** Creates or updates definitions; parents first, so a new parent exists before its child names it. */
export async function upsertDefinitions(sql: Sql, defs: readonly CommitmentDefinition[]): Promise<void> {
  for (const d of [...defs].sort((a, b) => a.level - b.level || cmp(a.code, b.code))) {
    await sql.query(
      `INSERT INTO commitment_definition (code, name, level, parent_code, target_minutes, warn_at_percent, owner_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         target_minutes = EXCLUDED.target_minutes, warn_at_percent = EXCLUDED.warn_at_percent,
         owner_unit_id = EXCLUDED.owner_unit_id, updated_at = now()
       WHERE (commitment_definition.name, commitment_definition.level, commitment_definition.parent_code,
              commitment_definition.target_minutes, commitment_definition.warn_at_percent, commitment_definition.owner_unit_id)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.target_minutes,
              EXCLUDED.warn_at_percent, EXCLUDED.owner_unit_id)`,
      [d.code, d.name, d.level, d.parentCode, d.targetMinutes, d.warnAtPercent, d.ownerUnitId],
    );
  }
}

// ---- nodes ----

const NODE_COLUMNS = `unit_id AS "unitId", id, touchpoint_id AS "touchpointId", customer_id AS "customerId", code, name, level,
  parent_code AS "parentCode", owner_unit_id AS "ownerUnitId", ${ms('started_at', 'startedAt')}, ${ms('warn_at', 'warnAt')},
  ${ms('due_at', 'dueAt')}, ${ms('completed_at', 'completedAt')}, resolved, caused, alert_stage AS "alertStage",
  ${ms('next_check_at', 'nextCheckAt')}`;

interface NodeRow extends Omit<CommitmentNode, 'level' | 'alertStage'> {
  level: number | string;
  alertStage: number | string;
}
const toNode = (r: NodeRow): CommitmentNode => ({
  ...r,
  level: Number(r.level),
  startedAt: Number(r.startedAt),
  warnAt: Number(r.warnAt),
  dueAt: Number(r.dueAt),
  completedAt: r.completedAt === null ? null : Number(r.completedAt),
  resolved: r.resolved as Resolution | null,
  alertStage: Number(r.alertStage) as AlertStage,
  nextCheckAt: r.nextCheckAt === null ? null : Number(r.nextCheckAt),
});

/** Inserts the nodes of new trees (their touchpoints were inserted in this transaction: no conflict possible). */
export async function insertNodes(sql: Sql, nodes: readonly CommitmentNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await sql.query(
    `INSERT INTO commitment_node (unit_id, id, touchpoint_id, customer_id, code, name, level, parent_code, owner_unit_id,
       started_at, warn_at, due_at, completed_at, resolved, caused, alert_stage, next_check_at)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::smallint[], $8::text[],
       $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::text[], $15::boolean[],
       $16::smallint[], $17::timestamptz[])`,
    [
      textArray(nodes.map((n) => n.unitId)),
      textArray(nodes.map((n) => n.id)),
      textArray(nodes.map((n) => n.touchpointId)),
      textArray(nodes.map((n) => n.customerId)),
      textArray(nodes.map((n) => n.code)),
      textArray(nodes.map((n) => n.name)),
      numberArray(nodes.map((n) => n.level)),
      textArray(nodes.map((n) => n.parentCode)),
      textArray(nodes.map((n) => n.ownerUnitId)),
      textArray(nodes.map((n) => iso(n.startedAt))),
      textArray(nodes.map((n) => iso(n.warnAt))),
      textArray(nodes.map((n) => iso(n.dueAt))),
      textArray(nodes.map((n) => iso(n.completedAt))),
      textArray(nodes.map((n) => n.resolved)),
      boolArray(nodes.map((n) => n.caused)),
      numberArray(nodes.map((n) => n.alertStage)),
      textArray(nodes.map((n) => iso(n.nextCheckAt))),
    ],
  );
}

/** Writes what changed in settled nodes: completion, resolution, culprits, alerts announced, next check. */
export async function updateNodes(sql: Sql, nodes: readonly CommitmentNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await sql.query(
    `UPDATE commitment_node n SET completed_at = u.completed_at, resolved = u.resolved, caused = u.caused,
        alert_stage = u.alert_stage, next_check_at = u.next_check_at
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::boolean[], $5::smallint[], $6::timestamptz[])
         AS u(id, completed_at, resolved, caused, alert_stage, next_check_at)
      WHERE n.id = u.id`,
    [
      textArray(nodes.map((n) => n.id)),
      textArray(nodes.map((n) => iso(n.completedAt))),
      textArray(nodes.map((n) => n.resolved)),
      boolArray(nodes.map((n) => n.caused)),
      numberArray(nodes.map((n) => n.alertStage)),
      textArray(nodes.map((n) => iso(n.nextCheckAt))),
    ],
  );
}

const groupByTouchpoint = (rows: NodeRow[]): Map<string, CommitmentNode[]> => {
  const out = new Map<string, CommitmentNode[]>();
  for (const r of rows) {
    const n = toNode(r);
    const list = out.get(n.touchpointId) ?? [];
    list.push(n);
    out.set(n.touchpointId, list);
  }
  return out;
};

/**
 * Locks whole trees for a change. Every writer locks a tree's level-1 node
 * first (rows sorted by touchpoint, then level), so the level-1 row is the
 * tree's mutex and writers of several trees take them in one global order.
 */
export async function lockTrees(sql: Sql, touchpointIds: readonly string[]): Promise<Map<string, CommitmentNode[]>> {
  if (touchpointIds.length === 0) return new Map();
  const rows = await sql.query<NodeRow>(
    `SELECT ${NODE_COLUMNS} FROM commitment_node WHERE touchpoint_id = ANY($1::uuid[])
      ORDER BY touchpoint_id, level, code FOR UPDATE`,
    [textArray([...new Set(touchpointIds)])],
  );
  return groupByTouchpoint(rows);
}

/**
 * The monitor's claim: trees with a node whose next check is due, whose
 * level-1 node no other transaction holds (SKIP LOCKED: two replicas never
 * take the same tree), then the rest of each claimed tree (only ever locked by
 * the holder of its level-1 node, so this never waits long), keeping the trees
 * still due when read under the lock. Returns the trees and the database's now.
 */
export async function claimDueTrees(sql: Sql, limit: number): Promise<{ now: number; trees: Map<string, CommitmentNode[]> }> {
  const roots = await sql.query<{ touchpoint_id: string; now_ms: number | string }>(
    `SELECT r.touchpoint_id, floor(extract(epoch FROM now()) * 1000)::float8 AS now_ms
       FROM commitment_node r
      WHERE r.level = 1 AND r.touchpoint_id IN (
              SELECT touchpoint_id FROM commitment_node WHERE next_check_at <= now() ORDER BY next_check_at LIMIT $1)
      ORDER BY r.touchpoint_id
      FOR UPDATE OF r SKIP LOCKED`,
    [limit],
  );
  if (roots.length === 0) {
    const [{ now_ms }] = await sql.query<{ now_ms: number | string }>(`SELECT floor(extract(epoch FROM now()) * 1000)::float8 AS now_ms`);
    return { now: Number(now_ms), trees: new Map() };
  }
  const now = Number(roots[0].now_ms);
  const trees = await lockTrees(sql, roots.map((r) => r.touchpoint_id));
  // The roots were chosen from the statement's snapshot; a root whose holder
  // committed just before this lock reached it is locked anyway (PostgreSQL
  // re-checks the locked row, not the subquery that chose it). Its tree, read
  // again under the lock, has nothing due: it was someone else's, and is left.
  for (const [id, nodes] of trees) if (!nodes.some((n) => n.nextCheckAt !== null && n.nextCheckAt <= now)) trees.delete(id);
  return { now, trees };
}

/** The trees of some touchpoints, unlocked, for reading. */
export async function treesOf(sql: Sql, touchpointIds: readonly string[]): Promise<Map<string, CommitmentNode[]>> {
  if (touchpointIds.length === 0) return new Map();
  const rows = await sql.query<NodeRow>(
    `SELECT ${NODE_COLUMNS} FROM commitment_node WHERE touchpoint_id = ANY($1::uuid[]) ORDER BY touchpoint_id, level, code`,
    [textArray([...new Set(touchpointIds)])],
  );
  return groupByTouchpoint(rows);
}

export async function findNode(sql: Sql, id: string): Promise<CommitmentNode | null> {
  const rows = await sql.query<NodeRow>(`SELECT ${NODE_COLUMNS} FROM commitment_node WHERE id = $1`, [id]);
  return rows.length ? toNode(rows[0]) : null;
}

/** SQL for "the node is in one of these states at $now" (the rules of commitmentState). */
const STATE_SQL: Record<CommitmentState, string> = {
  MET: `(completed_at IS NOT NULL AND completed_at <= due_at)`,
  BREACHED: `(completed_at > due_at OR (completed_at IS NULL AND due_at <= $now))`,
  AT_RISK: `(completed_at IS NULL AND warn_at <= $now AND due_at > $now)`,
  OPEN: `(completed_at IS NULL AND warn_at > $now)`,
};

export interface NodePageQuery {
  /** The unit whose subtree's touchpoints (owned: false) or owned nodes (owned: true) are listed. */
  unitId: string;
  owned: boolean;
  from: number;
  to: number;
  states: CommitmentState[] | null;
  level: number | null;
  now: number;
  limit: number;
  after: { startedAt: number; id: string } | null;
  /** Also count the whole set (a scan of the window; callers with counters pass false, total is then null). */
  countTotal?: boolean;
}

/** A page of nodes started in [from, to), newest first, and the size of the whole set. */
export async function pageNodes(sql: Sql, q: NodePageQuery): Promise<{ nodes: CommitmentNode[]; total: number | null }> {
  const params: unknown[] = [q.unitId, iso(q.from), iso(q.to), iso(q.now)];
  const where = [inSubtree(q.owned ? 'owner_unit_id' : 'unit_id', 1), `started_at >= $2`, `started_at < $3`];
  if (q.states) where.push(`(${q.states.length ? q.states.map((s) => STATE_SQL[s]).join(' OR ') : 'false'})`.replace(/\$now/g, '$4::timestamptz'));
  if (q.level !== null) {
    params.push(q.level);
    where.push(`level = $${params.length}`);
  }
  const base = where.join(' AND ');
  const total =
    q.countTotal === false ? null : Number((await sql.query<{ total: number | string }>(`SELECT count(*) AS total FROM commitment_node WHERE ${base} AND $4::timestamptz IS NOT NULL`, params))[0].total);
  let cursor = '';
  if (q.after) {
    params.push(iso(q.after.startedAt), q.after.id);
    cursor = ` AND (started_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  params.push(q.limit);
  const rows = await sql.query<NodeRow>(
    `SELECT ${NODE_COLUMNS} FROM commitment_node WHERE ${base}${cursor} AND $4::timestamptz IS NOT NULL
      ORDER BY started_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return { nodes: rows.map(toNode), total };
}

// ---- completion events ----

export interface CommitmentEventRow {
  id: string;
  unitId: string;
  touchpointId: string;
  code: string;
  completedAt: number;
  contentHash: string;
}

/** Inserts new events; returns the ids that were new. Stored ones are compared by hash by the caller. */
export async function insertEvents(sql: Sql, events: readonly CommitmentEventRow[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const sorted = [...events].sort((a, b) => cmp(a.id, b.id));
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO commitment_event (unit_id, id, touchpoint_id, code, completed_at, content_hash)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[])
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      textArray(sorted.map((e) => e.unitId)),
      textArray(sorted.map((e) => e.id)),
      textArray(sorted.map((e) => e.touchpointId)),
      textArray(sorted.map((e) => e.code)),
      textArray(sorted.map((e) => iso(e.completedAt))),
      textArray(sorted.map((e) => e.contentHash)),
    ],
  );
  return new Set(rows.map((r) => r.id));
}

export async function eventHashes(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM commitment_event WHERE id = ANY($1::uuid[])`, [
    textArray([...ids]),
  ]);
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

// ---- per-code counters ----

export interface StatDelta {
  unitId: string;
  ownerUnitId: string;
  code: string;
  hour: number;
  started: number;
  met: number;
  breached: number;
  atRisk: number;
  caused: number;
}

/** Sums node count changes per row of commitment_stat_hour. */
export class StatDeltas {
  private readonly rows = new Map<string, StatDelta>();

  add(n: { unitId: string; ownerUnitId: string; code: string; startedAt: number }, d: Omit<StatDelta, 'unitId' | 'ownerUnitId' | 'code' | 'hour'>): void {
    if (!d.started && !d.met && !d.breached && !d.atRisk && !d.caused) return;
    const hour = Math.floor(n.startedAt / 3_600_000) * 3_600_000;
    const key = `${n.unitId}\u0000${n.ownerUnitId}\u0000${n.code}\u0000${hour}`;
    const row = this.rows.get(key);
    if (!row) return void this.rows.set(key, { unitId: n.unitId, ownerUnitId: n.ownerUnitId, code: n.code, hour, ...d });
    row.started += d.started;
    row.met += d.met;
    row.breached += d.breached;
    row.atRisk += d.atRisk;
    row.caused += d.caused;
  }

  /** In primary-key order: concurrent writers lock the rows they share in the same order. */
  list(): StatDelta[] {
    return [...this.rows.values()].sort((a, b) => cmp(a.unitId, b.unitId) || cmp(a.ownerUnitId, b.ownerUnitId) || cmp(a.code, b.code) || a.hour - b.hour);
  }
}

/** Moves the per-unit counters and, by the same amounts, the counters of every ancestor scope (commitment-scopes.ts). */
export async function applyStatDeltas(sql: Sql, deltas: StatDeltas): Promise<void> {
  const rows = deltas.list();
  if (rows.length === 0) return;
  const params = [
      textArray(rows.map((r) => r.unitId)),
      textArray(rows.map((r) => r.ownerUnitId)),
      textArray(rows.map((r) => r.code)),
      textArray(rows.map((r) => iso(r.hour))),
      numberArray(rows.map((r) => r.started)),
      numberArray(rows.map((r) => r.met)),
      numberArray(rows.map((r) => r.breached)),
      numberArray(rows.map((r) => r.atRisk)),
      numberArray(rows.map((r) => r.caused)),
  ];
  await sql.query(
    `INSERT INTO commitment_stat_hour AS t (unit_id, owner_unit_id, code, hour, started, met, breached, at_risk, caused)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[])
     ON CONFLICT (unit_id, owner_unit_id, code, hour) DO UPDATE SET started = t.started + EXCLUDED.started, met = t.met + EXCLUDED.met,
       breached = t.breached + EXCLUDED.breached, at_risk = t.at_risk + EXCLUDED.at_risk, caused = t.caused + EXCLUDED.caused`,
    params,
  );
  await sql.query(SCOPE_DELTAS_SQL, params);
}

/** Recounts the scope counters from the per-unit ones: after the org tree was re-shaped (in its transaction). */
export async function rebuildStatScopes(sql: Sql): Promise<void> {
  await sql.query(`DELETE FROM commitment_stat_scope`);
  await sql.query(SCOPE_BACKFILL_SQL);
}

export interface CodeStats {
  code: string;
  started: number;
  met: number;
  breached: number;
  atRisk: number;
  caused: number;
}

/** Per-code counters of nodes started in [from, to) whose touchpoint unit (or owner unit) is in the subtree of `scopeUnitId`. */
export async function sumStatsByCode(sql: Sql, scopeUnitId: string, owned: boolean, from: number, to: number): Promise<CodeStats[]> {
  const rows = await sql.query<Record<string, string | number>>(
    `SELECT code, sum(started)::float8 AS started, sum(met)::float8 AS met, sum(breached)::float8 AS breached,
            sum(at_risk)::float8 AS at_risk, sum(caused)::float8 AS caused
       FROM commitment_stat_scope
      WHERE scope_unit_id = $1 AND owned = $2 AND hour >= $3 AND hour < $4
      GROUP BY code ORDER BY code`,
    [scopeUnitId, owned, iso(from), iso(to)],
  );
  return rows.map((r) => ({
    code: String(r.code),
    started: Number(r.started),
    met: Number(r.met),
    breached: Number(r.breached),
    atRisk: Number(r.at_risk),
    caused: Number(r.caused),
  }));
}

/**
 * What the counters do not know yet at `now`, per code: nodes whose moment has
 * come but that the monitor has not settled (it passes every second). Only
 * nodes with next_check_at <= now can be such (the monitor's backlog), so this
 * reads the due index, never the window's history.
 *  - dueNow: unresolved and past due: BREACHED now, still open in the counters
 *  - riskToBreach: of those, the ones the counters hold as at risk
 *  - newRisk: unresolved, past the warning, not due, not yet counted at risk
 */
export interface PendingStates {
  code: string;
  level: number;
  dueNow: number;
  riskToBreach: number;
  newRisk: number;
}

export async function pendingStatesByCode(sql: Sql, unitId: string, owned: boolean, from: number, to: number, now: number): Promise<PendingStates[]> {
  const rows = await sql.query<Record<string, string | number>>(
    `SELECT code, min(level)::int AS level,
            count(*) FILTER (WHERE due_at <= $4)::int AS due_now,
            count(*) FILTER (WHERE due_at <= $4 AND alert_stage = 1)::int AS risk_to_breach,
            count(*) FILTER (WHERE due_at > $4 AND warn_at <= $4 AND alert_stage = 0)::int AS new_risk
       FROM commitment_node
      WHERE next_check_at <= $4 AND resolved IS NULL AND ${inSubtree(owned ? 'owner_unit_id' : 'unit_id', 1)} AND started_at >= $2 AND started_at < $3
      GROUP BY code`,
    [unitId, iso(from), iso(to), iso(now)],
  );
  return rows.map((r) => ({ code: String(r.code), level: Number(r.level), dueNow: Number(r.due_now), riskToBreach: Number(r.risk_to_breach), newRisk: Number(r.new_risk) }));
}

/** What the rollup rows of some stored touchpoints are keyed by (never changes once stored: read without a lock). */
export async function touchpointBuckets(
  sql: Sql,
  ids: readonly string[],
): Promise<Map<string, SliceFields & { unitId: string; occurredAt: number }>> {
  const keys = await findTouchpointKeys(sql, ids);
  if (keys.size === 0) return new Map();
  const { keys: k, match } = keyJoin(1);
  const rows = await sql.query<SliceFields & { id: string; unitId: string; occurredAt: number | string }>(
    `SELECT id, unit_id AS "unitId", ${ms('occurred_at', 'occurredAt')}, channel, kind, stage, region, industry, need_category AS "needCategory",
            agent_id AS "agentId", team_id AS "teamId", product_id AS "productId", perception_member AS "perceptionMember"
       FROM touchpoint JOIN ${k} ON ${match('touchpoint')}`,
    keyParams(keys),
  );
  return new Map(rows.map((r) => [r.id, { ...r, occurredAt: Number(r.occurredAt) }]));
}

/** The database's clock: every replica judges deadlines by the same one. */
export async function databaseNow(sql: Sql): Promise<number> {
  const [{ now_ms }] = await sql.query<{ now_ms: number | string }>(`SELECT floor(extract(epoch FROM now()) * 1000)::float8 AS now_ms`);
  return Number(now_ms);
}

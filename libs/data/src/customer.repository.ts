import { isoTime, type CustomerTouchpointFacts } from '@qihe/domain';
import type { Sql } from './database';
import { numberArray, textArray } from './pg-array';

// Per-customer data kept at ingest (customer_unit) and read by customer: the
// profile and the timeline of one customer never look at anyone else's rows.

/** A newly stored touchpoint, as the summaries see it. */
export interface CustomerContact {
  customerId: string;
  unitId: string;
  occurredAt: Date;
}

/**
 * Adds newly stored touchpoints to their customers' per-unit summaries, in the
 * ingest transaction: one statement, rows in (customer, unit) order so that
 * concurrent transactions lock them in the same order. The same statement
 * queues the customers for the risk pass (customer_touched, one row). No
 * indexed column of customer_unit changes, so the update of an existing row
 * can stay on its page (HOT, migration 1765140000000).
 */
export async function addCustomerContacts(sql: Sql, contacts: readonly CustomerContact[]): Promise<void> {
  if (contacts.length === 0) return;
  const byKey = new Map<string, { customerId: string; unitId: string; n: number; first: number; last: number }>();
  for (const c of contacts) {
    const at = c.occurredAt.getTime();
    const key = `${c.customerId}\u0000${c.unitId}`;
    const row = byKey.get(key);
    if (!row) byKey.set(key, { customerId: c.customerId, unitId: c.unitId, n: 1, first: at, last: at });
    else {
      row.n++;
      row.first = Math.min(row.first, at);
      row.last = Math.max(row.last, at);
    }
  }
  const rows = [...byKey.values()].sort((a, b) => cmp(a.customerId, b.customerId) || cmp(a.unitId, b.unitId));
  await sql.query(
    `WITH summary AS (
       INSERT INTO customer_unit AS c (unit_id, customer_id, touchpoints, first_contact_at, last_contact_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::timestamptz[])
       ON CONFLICT (customer_id, unit_id) DO UPDATE SET touchpoints = c.touchpoints + EXCLUDED.touchpoints,
         first_contact_at = least(c.first_contact_at, EXCLUDED.first_contact_at),
         last_contact_at = greatest(c.last_contact_at, EXCLUDED.last_contact_at))
     INSERT INTO customer_touched (customers) VALUES ($6::text[])`,
    [
      textArray(rows.map((r) => r.unitId)),
      textArray(rows.map((r) => r.customerId)),
      numberArray(rows.map((r) => r.n)),
      textArray(rows.map((r) => isoTime(r.first))),
      textArray(rows.map((r) => isoTime(r.last))),
      textArray(distinctCustomers(rows)),
    ],
  );
}

/** Late ratings change their customers' history: the risk pass looks at them again (one queue row). */
export async function touchCustomers(sql: Sql, rated: readonly { customerId: string }[]): Promise<void> {
  if (rated.length === 0) return;
  await sql.query(`INSERT INTO customer_touched (customers) VALUES ($1::text[])`, [textArray(distinctCustomers(rated))]);
}

const distinctCustomers = (rows: readonly { customerId: string }[]): string[] => [...new Set(rows.map((r) => r.customerId))].sort(cmp);

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface CustomerUnitRow {
  unitId: string;
  touchpoints: number;
  firstContactAt: number;
  lastContactAt: number;
}

const ms = (col: string, as: string): string => `floor(extract(epoch FROM ${col}) * 1000)::float8 AS "${as}"`;

/** Every unit that served the customer (the caller filters by scope). */
export async function customerUnits(sql: Sql, customerId: string): Promise<CustomerUnitRow[]> {
  const rows = await sql.query<{ unitId: string; touchpoints: string | number; firstContactAt: string | number; lastContactAt: string | number }>(
    `SELECT unit_id AS "unitId", touchpoints, ${ms('first_contact_at', 'firstContactAt')}, ${ms('last_contact_at', 'lastContactAt')}
       FROM customer_unit WHERE customer_id = $1`,
    [customerId],
  );
  return rows.map((r) => ({ unitId: r.unitId, touchpoints: Number(r.touchpoints), firstContactAt: Number(r.firstContactAt), lastContactAt: Number(r.lastContactAt) }));
}

/** What the customer lens (four types, risk features) reads of one touchpoint: the counters' facts and where it happened. */
export interface CustomerFactRow extends CustomerTouchpointFacts {
  id: string;
  unitId: string;
}

// Read from customer_touchpoint (migration 1765110000001): the customer's facts in one index range,
// kept equal to the touchpoint rows by triggers, instead of one probe per daily partition of a year.
const FACT_COLUMNS = `id, unit_id AS "unitId", ${ms('occurred_at', 'occurredAt')}, ${ms('received_at', 'receivedAt')}, channel,
  need_category AS "needCategory", served, handle_seconds AS "handleSeconds", resolved, first_contact AS "firstContact",
  knowledge_refs AS "knowledgeRefs", knowledge_created AS "knowledgeCreated", handoff, commitment_met AS "commitmentMet",
  linked, repeat, satisfaction_score AS score`;

type RawFact = Omit<CustomerFactRow, 'occurredAt' | 'receivedAt' | 'score' | 'knowledgeRefs' | 'handleSeconds'> & {
  handleSeconds: number | string | null;
  occurredAt: number | string;
  receivedAt: number | string;
  score: number | string | null;
  knowledgeRefs: number | string;
};
const toFact = (r: RawFact): CustomerFactRow => ({
  ...r,
  occurredAt: Number(r.occurredAt),
  receivedAt: Number(r.receivedAt),
  score: r.score === null ? null : Number(r.score),
  knowledgeRefs: Number(r.knowledgeRefs),
  handleSeconds: r.handleSeconds === null ? null : Number(r.handleSeconds),
});

/**
 * One customer's touchpoints that occurred from `since` on, in these units
 * (null: every unit), oldest first — one range of customer_touchpoint's key.
 */
export async function customerFacts(sql: Sql, customerId: string, unitIds: readonly string[] | null, since: number): Promise<CustomerFactRow[]> {
  const params: unknown[] = [customerId, new Date(since).toISOString()];
  let units = '';
  if (unitIds) {
    params.push(textArray(unitIds));
    units = ' AND unit_id = ANY($3::text[])';
  }
  const rows = await sql.query<RawFact>(
    `SELECT ${FACT_COLUMNS} FROM customer_touchpoint WHERE customer_id = $1 AND occurred_at >= $2${units}
      ORDER BY occurred_at, id`,
    params,
  );
  return rows.map(toFact);
}

/** Level-1 commitments of a customer, as the risk features see them: when due, when completed. */
export interface CustomerPromiseRow {
  unitId: string;
  touchpointId: string;
  startedAt: number;
  dueAt: number;
  completedAt: number | null;
}

export async function customerPromises(sql: Sql, customerId: string, unitIds: readonly string[] | null, since: number): Promise<CustomerPromiseRow[]> {
  const params: unknown[] = [customerId, new Date(since).toISOString()];
  let units = '';
  if (unitIds) {
    params.push(textArray(unitIds));
    units = ' AND unit_id = ANY($3::text[])';
  }
  const rows = await sql.query<{ unitId: string; touchpointId: string; startedAt: string | number; dueAt: string | number; completedAt: string | number | null }>(
    `SELECT unit_id AS "unitId", touchpoint_id AS "touchpointId", ${ms('started_at', 'startedAt')}, ${ms('due_at', 'dueAt')}, ${ms('completed_at', 'completedAt')}
       FROM commitment_node WHERE customer_id = $1 AND level = 1 AND started_at >= $2${units} ORDER BY started_at`,
    params,
  );
  return rows.map((r) => ({ ...r, startedAt: Number(r.startedAt), dueAt: Number(r.dueAt), completedAt: r.completedAt === null ? null : Number(r.completedAt) }));
}

/** The customer's unfinished level-1 commitment nodes' touchpoints in these units (null: every unit), newest first. */
export async function openPromiseTouchpoints(sql: Sql, customerId: string, unitIds: readonly string[] | null, limit = 50): Promise<string[]> {
  // No list for a caller who sees every unit: a customer served by 1,000 units made a 1,000-element literal to plan.
  const params: unknown[] = [customerId, limit];
  if (unitIds) params.push(textArray(unitIds));
  const rows = await sql.query<{ touchpointId: string }>(
    `SELECT touchpoint_id AS "touchpointId" FROM commitment_node
      WHERE customer_id = $1 AND level = 1 AND completed_at IS NULL${unitIds ? ' AND unit_id = ANY($3::text[])' : ''}
      ORDER BY started_at DESC LIMIT $2`,
    params,
  );
  return rows.map((r) => r.touchpointId);
}

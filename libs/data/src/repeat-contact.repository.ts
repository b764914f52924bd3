import { repeatsWithin, type SliceFields } from '@qihe/domain';
import type { Sql } from './database';
import { sliceFieldsOf, type SliceColumns } from './own-slices';
import { claimSortedKeys, insertParam, insertParams, insertRows, insertStatement, keyJoin, keyParams, sortedById, sortedOnly, type NewTouchpoint, type SortedTouchpoints } from './touchpoint.repository';

// The repeat rule at ingest (libs/domain repeat-contacts.ts says why two
// neighbours are enough). Inside the ingest transaction, in two round trips:
// claim the new touchpoints' ids and lock their (customer, need) keys
// (claimSortedKeys with repeatLocks), then insert them with the probe of their
// stored neighbours in the same statement — each new one's flag is the probe's
// answer or the rule among the batch's own — and get back the stored ones they
// turn into repeats, marked by one more statement only when there are any.
// The lock (a transaction advisory lock per key, taken in key order) makes
// concurrent transactions — other replicas — see each other's touchpoints of
// one customer and need in turn, so none is missed: the insert is a later
// statement than the lock, so its snapshot (READ COMMITTED) holds everything
// committed by the transactions the lock waited for. The probe could not join
// the claim: that statement's snapshot is taken before it waits for a lock.

/** A stored touchpoint that a new one turns into a repeat: where its counters live. */
export interface TurnedRepeat extends SliceFields {
  id: string;
  repeat: boolean;
  unitId: string;
  occurredAt: number;
}

/** The insert's one summary row (id null), then a row per stored successor (a turn candidate). */
interface InsertedRow {
  id: string | null;
  /** The summary's: receivedAt of every new touchpoint (one transaction, one now()), their count, the repeats' ids comma-separated. */
  received_ms: number | string | null;
  n: number | null;
  repeats: string | null;
  /** A successor's occurredAt and unit. */
  next_ms: number | string | null;
  next_unit: string | null;
}

interface TurnedRow extends SliceColumns {
  id: string;
  unit_id: string;
  ms: number | string;
}

// The look-ups read customer_touchpoint (the customer's rows by need and time, kept equal to `touchpoint` in the same
// transaction by statement triggers, migration 1765110000001): ranges of its key (customer, need, time, id, migration
// 1765220000000), one descent to the row each, whatever else the customer did (with the need a filter, a customer with
// thousands of touchpoints a week cost each look-up that many rows). On `touchpoint` the same probe descended one index
// per daily partition of the 14-day window, most of them long out of cache at 10 M rows (docs/PERFORMANCE.md, "Ingest,
// 2 December"). Each is a lateral join or a subquery run once per touchpoint that needs it (as an EXISTS in the select
// list of a filtered subquery PostgreSQL ran it twice per row returned; repeat-probe-plans.spec). The window is
// `interval '168 hours'`: exactly 7 × 24 h, as REPEAT_CONTACT_WINDOW_MS. '7 days' is seven calendar days in the
// session's TimeZone, 167 or 169 hours across a daylight-saving change.
const WINDOW = `interval '168 hours'`;
// One look-up per touchpoint first (h13c, docs/PERFORMANCE.md "Issue 13's budget by component"): the LAST stored
// touchpoint of its customer and need within the window either side, read newest first. When there is none,
// nothing stored is its neighbour; when it is before the new one, it is a stored predecessor (the new one is a
// repeat) and nothing stored follows within the window (nothing turns) — live traffic, nearly every touchpoint:
// one index descent where two were made. Only when it is after the new one (a touchpoint arriving after later ones
// of its customer and need) are the two exact look-ups made: is there a predecessor, and the first successor.
const LAST = `
    LEFT JOIN LATERAL (
      SELECT l.occurred_at, l.id FROM customer_touchpoint l
       WHERE l.customer_id = u.customer_id AND l.occurred_at >= u.occurred_at - ${WINDOW} AND l.occurred_at <= u.occurred_at + ${WINDOW}
         AND l.need_category = u.need_category
       ORDER BY l.occurred_at DESC, l.id DESC LIMIT 1) l ON true`;
// Is there a stored touchpoint before it within the window: ORed into the new one's flag as it is inserted. The
// CASE reads customer_touchpoint again only when the last one in the window follows the new one.
const PREVIOUS = `CASE WHEN l.last_at IS NULL THEN false WHEN (l.last_at, l.last_id) < (u.occurred_at, u.id) THEN true
    ELSE EXISTS (SELECT FROM customer_touchpoint p
       WHERE p.customer_id = u.customer_id AND p.occurred_at >= u.occurred_at - ${WINDOW} AND (p.occurred_at, p.id) < (u.occurred_at, u.id)
         AND p.need_category = u.need_category) END`;
// The statement: `l`, each new touchpoint's key, place in the arrays (n) and last look-up (only these few columns
// are kept: all of a row's, kept for the insert to read, cost about as much as the look-up they spared), read
// twice; the insert, its rows joined to `l` by place (its snapshot does not hold its own rows: the look-ups see
// only touchpoints stored before); then, for the new ones that have a stored touchpoint after them within the
// window, the first such one when it is not a repeat yet — the stored touchpoints the batch turns into repeats
// (most batches: none, no row). `l` unnests the insert's own arrays again: no parameter twice. The insert answers
// in one row — how many it stored, their receivedAt (the same now() for all), the ids of the repeats as one
// comma-separated text: not a row per touchpoint for the driver to parse into objects (h16c).
const INSERT_PROBED_SQL = `WITH l AS MATERIALIZED (
  SELECT u.n, u.id, u.customer_id, u.need_category, u.occurred_at, l.occurred_at AS last_at, l.id AS last_id
    FROM unnest(${['id', 'customer_id', 'need_category', 'occurred_at'].map(insertParam).join(', ')}) WITH ORDINALITY AS u(id, customer_id, need_category, occurred_at, n)${LAST}),
ins AS (${insertStatement({ from: `${insertRows(true)} JOIN l ON l.n = u.n`, repeat: `u.repeat OR ${PREVIOUS}`, returning: ', repeat' })})
SELECT NULL::text AS id, max(received_ms) AS received_ms, count(*)::int AS n, string_agg(id::text, ',') FILTER (WHERE repeat) AS repeats,
       NULL::float8 AS next_ms, NULL::text AS next_unit FROM ins
UNION ALL
SELECT s.id::text, NULL, NULL, NULL, floor(extract(epoch FROM s.occurred_at) * 1000)::float8, s.unit_id
  FROM l u CROSS JOIN LATERAL (
    SELECT id, repeat, occurred_at, unit_id FROM customer_touchpoint s
     WHERE s.customer_id = u.customer_id AND (s.occurred_at, s.id) > (u.occurred_at, u.id) AND s.occurred_at <= u.occurred_at + ${WINDOW}
       AND s.need_category = u.need_category
     ORDER BY s.occurred_at, s.id LIMIT 1) s
 WHERE (u.last_at, u.last_id) > (u.occurred_at, u.id) AND NOT s.repeat`;

// The stored touchpoints turned now, marked; their unit and slices (where their counters live) come back with the mark.
// NOT repeat: a touchpoint already turned (by a transaction that committed meanwhile) moves nothing again.
// Each by its whole key, in id order (keyJoin: a primary-key probe each, whatever the statistics say); their times
// name their partitions (a touchpoint's time never changes).
const MARKED = keyJoin(1);
const MARK_SQL = `UPDATE touchpoint t SET repeat = true FROM ${MARKED.keys} WHERE ${MARKED.match('t')} AND NOT t.repeat
  RETURNING t.id, t.unit_id, floor(extract(epoch FROM t.occurred_at) * 1000)::float8 AS ms, t.channel, t.kind, t.stage, t.region, t.industry,
            t.need_category, t.agent_id, t.team_id, t.product_id, t.perception_member`;

export interface StoredBatch {
  /** The ids stored now, with their receivedAt (epoch ms). */
  received: Map<string, number>;
  /** Which of them are repeat contacts (their counters are still to be made). */
  repeats: Set<string>;
  /** Touchpoints stored before that turned into repeats now; the caller moves their counters. */
  turned: TurnedRepeat[];
}

/**
 * Stores the touchpoints whose ids are new, each with its repeat flag, in two
 * round trips: claim the ids and lock their repeat keys, then insert with the
 * probe (plus an UPDATE only when stored touchpoints turn into repeats).
 */
export async function storeTouchpoints(sql: Sql, items: readonly NewTouchpoint[], siteId: string | null): Promise<StoredBatch> {
  // Sorted and their times written out once, for both statements.
  const sorted = sortedById(items);
  const fresh = sortedOnly(sorted, await claimSortedKeys(sql, sorted, true));
  return insertWithRepeats(sql, fresh, siteId);
}

/**
 * Inserts touchpoints whose ids this transaction claimed and whose repeat keys
 * it locked (claimSortedKeys with repeatLocks; none of them stored yet), each
 * with its repeat flag — a stored touchpoint or another of them within 7 days
 * before — and marks the stored touchpoints that turn into repeats now, each
 * exactly once; the caller moves their counters.
 */
export async function insertWithRepeats(sql: Sql, fresh: SortedTouchpoints, siteId: string | null): Promise<StoredBatch> {
  if (fresh.items.length === 0) return { received: new Map(), repeats: new Set(), turned: [] };
  // The rule among the batch's own touchpoints (the probe sees only stored ones).
  const within = repeatsWithin(fresh.items.map(({ record: r }) => ({ id: r.id, customerId: r.customerId, needCategory: r.needCategory, occurredAt: r.occurredAt.getTime() })));
  const rows = await sql.query<InsertedRow>(INSERT_PROBED_SQL, insertParams(fresh, siteId, within));
  const received = new Map<string, number>();
  let repeats = new Set<string>();
  const next = new Map<string, { occurredAt: number; unitId: string }>(); // several new ones may precede the same stored one: marked once
  for (const r of rows) {
    if (r.id !== null) {
      if (r.next_unit === null) throw new Error(`the stored successor ${r.id} came back without its unit`);
      next.set(r.id, { occurredAt: Number(r.next_ms), unitId: r.next_unit });
      continue;
    }
    // Every claimed touchpoint is inserted (no conflict clause can skip one): all of `fresh`, or the statement failed.
    if (Number(r.n) !== fresh.items.length) throw new Error(`inserted ${r.n} of ${fresh.items.length} claimed touchpoints`);
    const at = Number(r.received_ms);
    for (const it of fresh.items) received.set(it.record.id, at);
    if (r.repeats) repeats = new Set(r.repeats.split(','));
  }
  return { received, repeats, turned: await markTurned(sql, next) };
}

/** Marks these stored touchpoints (id → key) as repeats, those not marked yet; returns the ones marked now. */
async function markTurned(sql: Sql, next: ReadonlyMap<string, { occurredAt: number; unitId: string }>): Promise<TurnedRepeat[]> {
  if (next.size === 0) return [];
  const marked = await sql.query<TurnedRow>(MARK_SQL, keyParams([...next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  return marked.map((r) => ({ id: r.id, repeat: true, unitId: r.unit_id, occurredAt: Number(r.ms), ...sliceFieldsOf(r) }));
}

import { isoTime, repeatsWithin, settleRepeats, type RepeatKey, type RepeatProbe, type SliceFields } from '@qihe/domain';
import type { Sql } from './database';
import { sliceFieldsOf, type SliceColumns } from './own-slices';
import { textArray, textColumn } from './pg-array';
import { claimSortedKeys, insertSortedTouchpoints, sortedById, sortedOnly, type NewTouchpoint } from './touchpoint.repository';

// The repeat rule at ingest (libs/domain repeat-contacts.ts says why two
// neighbours are enough). Run inside the ingest transaction after the new
// touchpoints' ids are claimed and their (customer, need) keys locked
// (claimTouchpointKeys with repeatLocks), before the touchpoints themselves are
// inserted: probe each one's stored neighbours, settle the new ones among
// themselves, mark the stored ones they turn into repeats. The new ones get
// their flag in their insert. The lock (a transaction advisory lock per key,
// taken in key order) makes concurrent transactions — other replicas — see
// each other's touchpoints of one customer and need in turn, so none is missed.

/** A stored neighbour as the probe sees it: enough to settle the rule. */
interface StoredNeighbour {
  id: string;
  repeat: boolean;
  occurredAt: number;
}

/** A stored touchpoint that a new one turns into a repeat: where its counters live. */
export interface TurnedRepeat extends SliceFields {
  id: string;
  repeat: boolean;
  unitId: string;
  occurredAt: number;
}

interface ProbeRow {
  i: number;
  has_previous: boolean;
  next_id: string | null;
  next_repeat: boolean | null;
  next_ms: number | string | null;
}

interface TurnedRow extends SliceColumns {
  id: string;
  unit_id: string;
  ms: number | string;
}

// Per touchpoint: is there one before it within 7 days, and its first successor within 7 days.
// Both read customer_touchpoint (the customer's rows in time order, kept equal to `touchpoint` in
// the same transaction by statement triggers, migration 1765110000001): one range of its key
// (customer, time, id) per touchpoint, the need a filter on the customer's few rows of the window.
// On `touchpoint` the same probe descended one index per daily partition of the 14-day window,
// most of them long out of cache at 10 M rows (docs/PERFORMANCE.md, "Ingest, 2 December").
// Only the touchpoints whose probe found something come back (most find nothing: no row to send and parse).
// Both look-ups are lateral joins, each run once per touchpoint: as an EXISTS in the select list of a subquery
// filtered on it, PostgreSQL pulled the subquery up and ran the EXISTS twice for every touchpoint returned (once
// in the filter, once for the column): three index look-ups where two do (repeat-probe-plans.spec).
const PROBE_SQL = `SELECT u.i::int AS i, p.found IS NOT NULL AS has_previous,
    s.id AS next_id, s.repeat AS next_repeat, floor(extract(epoch FROM s.occurred_at) * 1000)::float8 AS next_ms
  FROM unnest($1::text[], $2::text[], $3::uuid[], $4::timestamptz[]) WITH ORDINALITY AS u(c, n, id, o, i)
  LEFT JOIN LATERAL (
    SELECT true AS found FROM customer_touchpoint p
     WHERE p.customer_id = u.c AND p.occurred_at >= u.o - interval '7 days' AND (p.occurred_at, p.id) < (u.o, u.id) AND p.need_category = u.n
     LIMIT 1) p ON true
  LEFT JOIN LATERAL (
    SELECT id, repeat, occurred_at FROM customer_touchpoint s
     WHERE s.customer_id = u.c AND (s.occurred_at, s.id) > (u.o, u.id) AND s.occurred_at <= u.o + interval '7 days' AND s.need_category = u.n
     ORDER BY s.occurred_at, s.id LIMIT 1) s ON true
  WHERE p.found OR s.id IS NOT NULL`;

// The stored touchpoints turned now, marked; their unit and slices (where their counters live) come back with the mark.
// NOT repeat: a touchpoint already turned (by a transaction that committed meanwhile) moves nothing again.
// Their times name their partitions (a touchpoint's time never changes).
const MARK_SQL = `UPDATE touchpoint SET repeat = true WHERE id = ANY($1::uuid[]) AND occurred_at = ANY($2::timestamptz[]) AND NOT repeat
  RETURNING id, unit_id, floor(extract(epoch FROM occurred_at) * 1000)::float8 AS ms, channel, kind, stage, region, industry,
            need_category, agent_id, team_id, product_id, perception_member`;

/**
 * Settles the repeat rule for touchpoints about to be inserted in this
 * transaction (their ids claimed, their keys locked, none of them stored yet):
 * returns which of them are repeats — a stored touchpoint or another of them
 * within 7 days before — and the stored touchpoints that turn into repeats now,
 * marked here, each exactly once; the caller moves their counters.
 */
export async function settleRepeatContacts(
  sql: Sql,
  fresh: readonly RepeatKey[],
  /** Each one's occurredAt as ISO text, when the caller has it already. */
  at: readonly string[] = fresh.map((t) => isoTime(t.occurredAt)),
): Promise<{ repeats: Set<string>; turned: TurnedRepeat[] }> {
  if (fresh.length === 0) return { repeats: new Set(), turned: [] };
  const rows = await sql.query<ProbeRow>(PROBE_SQL, [
    textColumn(fresh, (t) => t.customerId),
    textColumn(fresh, (t) => t.needCategory),
    textColumn(fresh, (t) => t.id),
    textArray(at),
  ]);
  const probes: RepeatProbe<StoredNeighbour>[] = rows.map((r) => ({
    id: fresh[r.i - 1].id,
    hasPrevious: r.has_previous,
    next: r.next_id === null ? null : { id: r.next_id, repeat: r.next_repeat === true, occurredAt: Number(r.next_ms) },
  }));
  const { repeats, turned } = settleRepeats(new Set(fresh.map((t) => t.id)), probes);
  for (const id of repeatsWithin(fresh)) repeats.add(id);
  if (turned.length === 0) return { repeats, turned: [] };
  const marked = await sql.query<TurnedRow>(MARK_SQL, [
    textArray(turned.map((t) => t.id).sort()),
    textArray([...new Set(turned.map((t) => new Date(t.occurredAt).toISOString()))]),
  ]);
  return {
    repeats,
    turned: marked.map((r) => ({
      id: r.id,
      repeat: true,
      unitId: r.unit_id,
      occurredAt: Number(r.ms),
      ...sliceFieldsOf(r),
    })),
  };
}

export interface StoredBatch {
  /** The ids stored now, with their receivedAt (epoch ms). */
  received: Map<string, number>;
  /** Which of them are repeat contacts (their counters are still to be made). */
  repeats: Set<string>;
  /** Touchpoints stored before that turned into repeats now; the caller moves their counters. */
  turned: TurnedRepeat[];
}

/**
 * Stores the touchpoints whose ids are new, each with its repeat flag, in three
 * round trips: claim the ids and lock their repeat keys, probe, insert (plus an
 * UPDATE only when stored touchpoints turn into repeats).
 */
export async function storeTouchpoints(sql: Sql, items: readonly NewTouchpoint[], siteId: string | null): Promise<StoredBatch> {
  // Sorted and their times written out once, for all three statements.
  const sorted = sortedById(items);
  const fresh = sortedOnly(sorted, await claimSortedKeys(sql, sorted, true));
  const { repeats, turned } = await settleRepeatContacts(
    sql,
    fresh.items.map(({ record: r }) => ({ id: r.id, customerId: r.customerId, needCategory: r.needCategory, occurredAt: r.occurredAt.getTime() })),
    fresh.at,
  );
  const received = await insertSortedTouchpoints(sql, fresh, siteId, repeats);
  return { received, repeats, turned };
}

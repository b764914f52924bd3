import {
  COUNTER_KEYS,
  countTouchpoint,
  SLICE_DIMENSIONS,
  sliceValuesOf,
  TIMELINESS_LIMIT_MS,
  UNKNOWN_SLICE,
  zeroCounters,
  type Channel,
  type CounterKey,
  type Counters,
  type NeedCategory,
  type SliceDimension,
  type SliceFields,
  type SliceValues,
} from '@qihe/domain';
import type { Sql } from './database';
import { COUNTER_COLUMNS } from './rollup-deltas';

// A touchpoint adds to the slice rows (dim > 0) of its unit's ancestors only,
// never of its own unit (rollup-deltas.ts): a unit sees a few touchpoints of a
// batch, so its own slice rows barely summed and were most of the rows written.
// A unit's own part of a breakdown is counted here from its raw rows instead,
// with the counting code ingest and the recount use (one path, so it is exact).
// Once a day is past, its own counters are settled into rollup_own_day
// (touchpoint-retention.ts, settleOwnDays), which every later write to that day
// adds its change to (applyRollupDeltas): they are read once its raw rows are dropped.

/** A stored touchpoint's slice columns, as SQL returns them. */
export interface SliceColumns {
  channel: string;
  kind: string;
  stage: string;
  region: string | null;
  industry: string | null;
  need_category: string;
  agent_id: string | null;
  team_id: string | null;
  product_id: string | null;
  perception_member: string | null;
}

/** A stored touchpoint as the counters need it (the recount reads the same rows). */
export interface RawRow extends SliceColumns {
  unit_id: string;
  occurred_ms: number;
  received_ms: number;
  served: boolean;
  handle_seconds: number | null;
  repeat: boolean;
  resolved: boolean | null;
  first_contact: boolean | null;
  refs: number | string | null;
  knowledge_created: boolean | null;
  handoff_unit_id: string | null;
  commitment_code: string | null;
  commitment_met: boolean | null;
  /** Whether the touchpoint started a tracked commitment, and what its level-1 node resolved to (null: not yet). */
  tracked: boolean;
  tracked_resolved: string | null;
  satisfaction_score: number | null;
  linked: boolean;
}

/** The rows of `source` (a table or partition) as RawRow, with an optional WHERE and ORDER BY on `t`. */
export const rawRowsSql = (source: string, rest = ''): string =>
  `SELECT t.unit_id, floor(extract(epoch FROM t.occurred_at) * 1000)::float8 AS occurred_ms,
          floor(extract(epoch FROM t.received_at) * 1000)::float8 AS received_ms, t.channel, t.kind, t.stage, t.region, t.industry,
          t.need_category, t.agent_id, t.team_id, t.product_id, t.perception_member, t.served, t.handle_seconds, t.repeat, t.resolved, t.first_contact, jsonb_array_length(coalesce(t.knowledge_refs, '[]'::jsonb)) AS refs,
          t.knowledge_created, t.handoff_unit_id, t.commitment_code, t.commitment_met, t.satisfaction_score,
          (t.contract_id IS NOT NULL OR t.product_id IS NOT NULL) AS linked,
          n.touchpoint_id IS NOT NULL AS tracked, n.resolved AS tracked_resolved
     FROM ${source} t LEFT JOIN commitment_node n ON n.touchpoint_id = t.id AND n.level = 1 ${rest}`;

/** A stored touchpoint's counters, as ingest counted them (and every later rating, repeat and commitment since). */
export function countersOfRaw(r: RawRow): Counters {
  return countTouchpoint({
    needCategory: r.need_category as NeedCategory,
    channel: r.channel as Channel,
    service: r.served
      ? {
          handleSeconds: Number(r.handle_seconds ?? 0),
          resolved: r.resolved === true,
          firstContact: r.first_contact === true,
          knowledgeRefs: Number(r.refs ?? 0),
          knowledgeCreated: r.knowledge_created === true,
          handoff: r.handoff_unit_id !== null,
          // A tracked promise counts as its level-1 node resolved (as ingest and the monitor count it).
          commitmentMet: r.tracked ? (r.tracked_resolved === null ? null : r.tracked_resolved === 'MET') : r.commitment_code === null ? null : r.commitment_met === true,
        }
      : null,
    score: r.satisfaction_score === null ? null : Number(r.satisfaction_score),
    linked: r.linked,
    repeat: r.repeat,
    occurredAt: Number(r.occurred_ms),
    receivedAt: Number(r.received_ms),
  });
}

/** The slice fields of a stored row, in the domain's names. */
export const sliceFieldsOf = (r: SliceColumns): SliceFields => ({
  channel: r.channel,
  kind: r.kind,
  stage: r.stage,
  region: r.region,
  industry: r.industry,
  needCategory: r.need_category,
  agentId: r.agent_id,
  teamId: r.team_id,
  productId: r.product_id,
  perceptionMember: r.perception_member,
});

export const slicesOfRaw = (r: SliceColumns): SliceValues => sliceValuesOf(sliceFieldsOf(r));

function addInto(into: Counters, c: Counters): void {
  for (const k of COUNTER_KEYS) into[k] += c[k];
}

/**
 * The unit's own touchpoints in [from, to) (not its descendants'), counted per
 * value of the slice dimension `dim` (its code): the part of a breakdown the
 * slice rows leave out. Stored rows only: those of dropped days are in
 * rollup_own_day (sliceRowsSql reads them).
 */
export async function ownSliceCounters(sql: Sql, unitId: string, dim: number, from: number, to: number): Promise<Map<string, Counters>> {
  const rows = await sql.query<RawRow>(rawRowsSql('touchpoint', `WHERE t.unit_id = $1 AND t.occurred_at >= $2 AND t.occurred_at < $3`), [
    unitId,
    new Date(from).toISOString(),
    new Date(to).toISOString(),
  ]);
  const d = SLICE_DIMENSIONS[dim - 1];
  const out = new Map<string, Counters>();
  for (const r of rows) {
    const val = slicesOfRaw(r)[d];
    let c = out.get(val);
    if (!c) out.set(val, (c = zeroCounters()));
    addInto(c, countersOfRaw(r));
  }
  return out;
}

/** Adds `part` into `into` (a breakdown's counters per slice value) and returns it. */
export function mergeSlices(into: Map<string, Counters>, part: Map<string, Counters>): Map<string, Counters> {
  for (const [val, c] of part) {
    const have = into.get(val);
    if (have) addInto(have, c);
    else into.set(val, c);
  }
  return into;
}

const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);

// The fold counts in SQL, over the columns of rawRowsSql, what countersOfRaw and slicesOfRaw count in
// JavaScript: a day's rows never leave PostgreSQL (read into the gateway through a cursor and summed there over
// ten dimensions, a fold cost 1.7x as much, and blocked the gateway's event loop while it summed; the rest is
// the ~7.5 rows a touchpoint it writes: docs/PERFORMANCE.md). Two implementations of one counting: own-slices-fold.spec.ts
// holds this one to countersOfRaw and slicesOfRaw over random rows. Every condition is CASE-wrapped, so a NULL
// counts 0 exactly as a JavaScript falsy value does.
const one = (cond: string): string => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
const SERVED = `r.served IS TRUE`;
const RATED = `r.satisfaction_score IS NOT NULL`;
const RESOLVED = `${SERVED} AND r.resolved IS TRUE`;
// A tracked promise counts as its level-1 node resolved (countersOfRaw's commitmentMet); NULL: no commitment.
const COMMITMENT_MET = `CASE WHEN r.tracked THEN CASE WHEN r.tracked_resolved IS NULL THEN NULL ELSE r.tracked_resolved = 'MET' END
  WHEN r.commitment_code IS NULL THEN NULL ELSE r.commitment_met IS TRUE END`;
const COUNTER_SQL: Record<CounterKey, string> = {
  touchpoints: '1',
  served: one(SERVED),
  rated: one(RATED),
  ratingPoints: `CASE WHEN ${RATED} THEN r.satisfaction_score - 1 ELSE 0 END`,
  servedRated: one(`${SERVED} AND ${RATED}`),
  winWin: one(`${RESOLVED} AND r.satisfaction_score >= 4`),
  growth: one(`r.need_category IN ('PURCHASE', 'RENEWAL')`),
  resolved: one(RESOLVED),
  commitmentPresent: one(`${SERVED} AND (${COMMITMENT_MET}) IS NOT NULL`),
  commitmentMet: one(`${SERVED} AND (${COMMITMENT_MET}) IS TRUE`),
  handoff: one(`${SERVED} AND r.handoff_unit_id IS NOT NULL`),
  handoffResolved: one(`${RESOLVED} AND r.handoff_unit_id IS NOT NULL`),
  knowledgeUsed: one(`${SERVED} AND coalesce(r.refs, 0) > 0`),
  firstContactResolved: one(`${RESOLVED} AND r.first_contact IS TRUE`),
  knowledgeCreated: one(`${SERVED} AND r.knowledge_created IS TRUE`),
  linked: one('r.linked'),
  timely: one(`r.received_ms - r.occurred_ms <= ${TIMELINESS_LIMIT_MS}`),
  handleSeconds: `CASE WHEN ${SERVED} THEN coalesce(r.handle_seconds, 0) ELSE 0 END`,
  repeats: one('r.repeat IS TRUE'),
  selfService: one(`r.channel IN ('WEB', 'APP')`),
  complaints: one(`r.need_category = 'COMPLAINT'`),
  renewals: one(`r.need_category = 'RENEWAL'`),
  delighted: one('r.satisfaction_score = 5'),
  lowRated: one('r.satisfaction_score <= 2'),
  neutral: one('r.satisfaction_score = 3'),
};
// sliceValuesOf's value of each dimension, its code its place in SLICE_DIMENSIONS (1-based).
const SLICE_SQL: Record<SliceDimension, string> = {
  CHANNEL: 'r.channel',
  KIND: 'r.kind',
  STAGE: 'r.stage',
  REGION: `coalesce(r.region, '${UNKNOWN_SLICE}')`,
  INDUSTRY: `coalesce(r.industry, '${UNKNOWN_SLICE}')`,
  NEED_CATEGORY: 'r.need_category',
  AGENT: `coalesce(r.agent_id, '${UNKNOWN_SLICE}')`,
  TEAM: `coalesce(r.team_id, '${UNKNOWN_SLICE}')`,
  PRODUCT: `coalesce(r.product_id, '${UNKNOWN_SLICE}')`,
  PERCEPTION_POINT: `coalesce(r.perception_member, '${UNKNOWN_SLICE}')`,
};
// One pass over the partition: each row counted once, then into its ten (unit, dim, value) groups, summed, and
// inserted in key order as the day's base rows. One statement: no CTE between the grouping and the insert, so the
// sorted groups go straight in (a materialised CTE re-sorted them on disk: 1.3x slower; so did a UNION with the
// change rows below: it took the incremental sort away, 3.0–3.3 s against 1.7 s for 11,128 rows).
const foldOwnSql = (source: string): string => `INSERT INTO rollup_own_day AS t (unit_id, dim, day, val, base, ${COLS.join(', ')})
  SELECT c.unit_id, s.dim, $1::timestamptz, s.val, true, ${COLS.map((c) => `sum(c.${c})`).join(', ')}
    FROM (SELECT r.unit_id, ${SLICE_DIMENSIONS.map((d, i) => `${SLICE_SQL[d]} AS s${i + 1}`).join(', ')},
                 ${COLS.map((c, i) => `${COUNTER_SQL[COUNTER_KEYS[i]]} AS ${c}`).join(', ')}
            FROM (${rawRowsSql(source)}) r) c
    CROSS JOIN LATERAL (VALUES ${SLICE_DIMENSIONS.map((_, i) => `(${i + 1}::smallint, c.s${i + 1})`).join(', ')}) AS s (dim, val)
   GROUP BY c.unit_id, s.dim, s.val
   ORDER BY c.unit_id, s.dim, s.val
  ON CONFLICT (unit_id, dim, day, val, base) DO UPDATE SET ${COLS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;
// The changes already written to the day, taken out of its base rows (in key order).
const LESS_CHANGES_SQL = `INSERT INTO rollup_own_day AS t (unit_id, dim, day, val, base, ${COLS.join(', ')})
  SELECT unit_id, dim, day, val, true, ${COLS.map((c) => `-${c}`).join(', ')} FROM rollup_own_day WHERE day = $1::timestamptz AND NOT base
   ORDER BY unit_id, dim, val
  ON CONFLICT (unit_id, dim, day, val, base) DO UPDATE SET ${COLS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;

/**
 * Settling the day partition `source` (UTC day `day`): its touchpoints' own-unit
 * slice counters, less the changes already written to the day, go into
 * rollup_own_day as the day's base rows, so a breakdown of that day needs no
 * raw rows once they are dropped. The caller reads the rows and the changes
 * at one moment: a REPEATABLE READ transaction (one snapshot), or the day's
 * writes held (a lock on the partition). Then base + changes = the rows,
 * whenever a write commits. Returns the touchpoints folded.
 */
export async function foldOwnSlices(sql: Sql, source: string, day: number): Promise<number> {
  const at = new Date(day).toISOString();
  await sql.query(foldOwnSql(source), [at]);
  await sql.query(LESS_CHANGES_SQL, [at]);
  const [{ n }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${source}`);
  return n;
}

import { COUNTER_KEYS, countTouchpoint, SLICE_DIMENSIONS, sliceValuesOf, zeroCounters, type Channel, type Counters, type NeedCategory, type SliceFields, type SliceValues } from '@qihe/domain';
import type { Sql } from './database';
import { numberArray, textArray } from './pg-array';
import { COUNTER_COLUMNS } from './rollup-deltas';

// A touchpoint adds to the slice rows (dim > 0) of its unit's ancestors only,
// never of its own unit (rollup-deltas.ts): a unit sees a few touchpoints of a
// batch, so its own slice rows barely summed and were most of the rows written.
// A unit's own part of a breakdown is counted here from its raw rows instead,
// with the counting code ingest and the recount use (one path, so it is exact),
// and folded into rollup_day_slice when retention drops the raw rows.

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
 * rollup_day_slice (foldOwnSlices).
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
const FOLD_OWN_SQL = `INSERT INTO rollup_day_slice AS t (unit_id, dim, day, val, ${COLS.join(', ')})
  SELECT u, d, $3::timestamptz, v, ${COLS.join(', ')}
    FROM unnest($1::text[], $2::smallint[], $4::text[], ${COLS.map((c, i) => `$${i + 5}::${c === COUNTER_COLUMNS.handleSeconds ? 'bigint' : 'int'}[]`).join(', ')}) AS x (u, d, v, ${COLS.join(', ')})
   ORDER BY u, d, v
  ON CONFLICT (unit_id, dim, day, val) DO UPDATE SET ${COLS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;
const PAGE = 20_000;
let cursors = 0;

/**
 * Before the day partition `source` (UTC day `day`) is dropped, in the DROP's
 * transaction: its touchpoints' own-unit slice counters go into rollup_day_slice,
 * so a breakdown of that day needs no raw rows. Returns the rows folded.
 */
export async function foldOwnSlices(sql: Sql, source: string, day: number): Promise<number> {
  const sums = new Map<string, { u: string; d: number; v: string; c: Counters }>();
  const cursor = `qihe_own_slices_${++cursors}`;
  await sql.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${rawRowsSql(source)}`);
  let n = 0;
  for (;;) {
    const rows = await sql.query<RawRow>(`FETCH ${PAGE} FROM ${cursor}`);
    if (rows.length === 0) break;
    n += rows.length;
    for (const r of rows) {
      const c = countersOfRaw(r);
      const vals = slicesOfRaw(r);
      for (let d = 1; d <= SLICE_DIMENSIONS.length; d++) {
        const v = vals[SLICE_DIMENSIONS[d - 1]];
        const key = `${r.unit_id}\u0000${d}\u0000${v}`;
        const s = sums.get(key);
        if (s) addInto(s.c, c);
        else sums.set(key, { u: r.unit_id, d, v, c: { ...c } });
      }
    }
  }
  await sql.query(`CLOSE ${cursor}`);
  if (sums.size === 0) return n;
  const rows = [...sums.values()];
  await sql.query(FOLD_OWN_SQL, [
    textArray(rows.map((r) => r.u)),
    numberArray(rows.map((r) => r.d)),
    new Date(day).toISOString(),
    textArray(rows.map((r) => r.v)),
    ...COUNTER_KEYS.map((k) => `{${rows.map((r) => r.c[k]).join(',')}}`),
  ]);
  return n;
}

import { COUNTER_KEYS, WindowError, zeroCounters, type CounterKey, type Counters, type SliceDimension } from '@qihe/domain';
import type { Sql } from './database';
import { COUNTER_COLUMNS, dimCode, parentCodeOf } from './rollup-deltas';
import { mergeSlices, ownSliceCounters } from './own-slices';
import { splitByGrain, unitParam, type GrainSplit } from './rollup-grain';
import { foldedSliceEdge, sliceRowsSql } from './touchpoint-retention';

// Reading rollups: summed counters for the scores and the feed. Each query's
// row is typed; every counter column comes back summed under its own key
// (null when no row matched).

const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);

/** Every counter summed, under its own name: null when no row was summed. */
type Sums = { [K in CounterKey]: number | null };
const SUMS = COUNTER_KEYS.map((k) => `sum(${COUNTER_COLUMNS[k]})::float8 AS "${k}"`).join(', ');

function countersOf(row: Sums): Counters {
  const c = zeroCounters();
  for (const k of COUNTER_KEYS) c[k] = Number(row[k] ?? 0);
  return c;
}

/** The bounds of a split as six parameters: head hours, days, tail hours. */
const splitParams = (s: GrainSplit): string[] => [s.head, s.days, s.tail].flatMap(([lo, hi]) => [new Date(lo).toISOString(), new Date(hi).toISOString()]);

/**
 * The whole-subtree rows of the unit `unit` (an SQL expression) in a split
 * whose bounds are $p…$p+5, as one row set of (t, counters…): whole days from
 * rollup_day, the hours around them from rollup_hour. Three plain index ranges
 * (an empty one costs nothing), so the planner sees each bound.
 */
const WHOLE_ROWS = (unit: string, p: number): string => `
  SELECT hour AS t, ${COLS.join(', ')} FROM rollup_hour
   WHERE unit_id = ${unit} AND dim = 0 AND hour >= $${p} AND hour < $${p + 1}
  UNION ALL
  SELECT day, ${COLS.join(', ')} FROM rollup_day
   WHERE unit_id = ${unit} AND day >= $${p + 2} AND day < $${p + 3}
  UNION ALL
  SELECT hour, ${COLS.join(', ')} FROM rollup_hour
   WHERE unit_id = ${unit} AND dim = 0 AND hour >= $${p + 4} AND hour < $${p + 5}`;

/**
 * Summed whole-subtree counters per unit for [from, to). Units without rows are absent.
 * One small aggregate per unit (a nested loop): as one big UNION ALL over all
 * units, PostgreSQL would pick a parallel plan whose worker start-up costs far
 * more than the few hundred rows it reads.
 */
export async function sumByUnit(sql: Sql, unitIds: string[], from: number, to: number): Promise<Map<string, Counters>> {
  const rows = await sql.query<Sums & { unit_id: string; n: string }>(
    `SELECT u.unit_id, s.* FROM unnest($1::text[]) AS u (unit_id)
       CROSS JOIN LATERAL (SELECT count(*) AS n, ${SUMS} FROM (${WHOLE_ROWS('u.unit_id', 2)}) w) s
      WHERE s.n > 0`,
    [unitIds, ...splitParams(splitByGrain(from, to))],
  );
  return new Map(rows.map((r) => [r.unit_id, countersOf(r)]));
}

/**
 * One unit's summed whole-subtree counters in each of several windows, in one
 * statement (indicators: the window and the one before it): one round trip and
 * one pooled connection instead of one per window. Zero counters for a window without rows.
 */
export async function sumWindows(sql: Sql, unitId: string, windows: readonly (readonly [number, number])[]): Promise<Counters[]> {
  const parts = windows.map((_, i) => `SELECT ${i} AS k, w${i}.* FROM (${WHOLE_ROWS(unitParam(1), 2 + 6 * i)}) w${i}`);
  const rows = await sql.query<Sums & { k: number }>(`SELECT k, ${SUMS} FROM (${parts.join(' UNION ALL ')}) w GROUP BY k`, [
    unitId,
    ...windows.flatMap(([from, to]) => splitParams(splitByGrain(from, to))),
  ]);
  const out = windows.map(() => zeroCounters());
  for (const r of rows) out[Number(r.k)] = countersOf(r);
  return out;
}

/**
 * A subtree's counters per value of one slice dimension for [from, to): hour
 * rows, and day rows where old hours were folded (touchpoint-retention.ts),
 * its parents' rows for the PARENT_KEPT dimensions (rollup-deltas.ts),
 * plus the unit's own touchpoints, which its slice rows leave out (own-slices.ts).
 * A window edge inside a folded day cannot be answered exactly: refused.
 */
export async function sumBySlice(sql: Sql, unitId: string, dim: SliceDimension, from: number, to: number): Promise<Map<string, Counters>> {
  const code = dimCode(dim);
  const parentCode = parentCodeOf(code);
  // Both edges in one statement, before the reads: run beside them, it took a third connection and CPU from the
  // slice rows' read (the group's 30-day REGION breakdown 0.5–1.3 ms slower at 1 M rows on two cores).
  const folded = await foldedSliceEdge(sql, unitId, code, from, to, parentCode);
  if (folded) {
    const { field, day } = folded;
    throw new WindowError(field, `"${field}": breakdowns of ${new Date(day).toISOString().slice(0, 10)} are kept per UTC day (QIHE_HOUR_ROLLUP_DAYS, QIHE_RETENTION_DAYS): start and end the window at a UTC midnight there`);
  }
  // The slice rows and the unit's own rows side by side (two connections of a pool).
  const [rows, own] = await Promise.all([
    sql.query<Sums & { val: string }>(`SELECT val, ${SUMS} FROM (${sliceRowsSql(1, parentCode)}) s GROUP BY val ORDER BY val`, [
      unitId,
      code,
      new Date(from).toISOString(),
      new Date(to).toISOString(),
    ]),
    ownSliceCounters(sql, unitId, code, from, to),
  ]);
  const sums = mergeSlices(new Map(rows.map((r) => [r.val, countersOf(r)])), own);
  return new Map([...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A subtree's counters in consecutive buckets of `stepMs` from `from` (whole
 * hours), keyed by bucket index. Day rows serve the whole UTC days when every
 * bucket edge is a UTC midnight (see splitByGrain); else hours serve it all.
 */
export async function sumByBucket(sql: Sql, unitId: string, from: number, to: number, stepMs: number): Promise<Map<number, Counters>> {
  const split = splitByGrain(from, to, stepMs);
  const bucket = `floor(extract(epoch FROM t - $2::timestamptz) * 1000 / $3)::int AS bucket`;
  const rows =
    split.days[0] === split.days[1]
      ? await sql.query<Sums & { bucket: number }>(
          `SELECT ${bucket}, ${SUMS} FROM (SELECT hour AS t, ${COLS.join(', ')} FROM rollup_hour
             WHERE unit_id = ${unitParam(1)} AND dim = 0 AND hour >= $2 AND hour < $4) w
            GROUP BY bucket`,
          [unitId, new Date(from).toISOString(), stepMs, new Date(to).toISOString()],
        )
      : await sql.query<Sums & { bucket: number }>(`SELECT ${bucket}, ${SUMS} FROM (${WHOLE_ROWS(unitParam(1), 4)}) w GROUP BY bucket`, [
          unitId,
          new Date(from).toISOString(),
          stepMs,
          ...splitParams(split),
        ]);
  return new Map(rows.map((r) => [Number(r.bucket), countersOf(r)]));
}

/**
 * A subtree's counters in buckets of any length, keyed by bucket index: bucket i
 * holds the hours from starts[i] to starts[i + 1] (the last one to `to`).
 * `starts` are whole UTC hours, ascending, starts[0] = from. Hour rollups only,
 * so the edges may fall anywhere (local midnights of engagementTrend's timeZone).
 */
export async function sumByStarts(sql: Sql, unitId: string, starts: number[], to: number): Promise<Map<number, Counters>> {
  const rows = await sql.query<Sums & { bucket: number }>(
    `SELECT width_bucket(hour, $2::timestamptz[]) - 1 AS bucket, ${SUMS} FROM rollup_hour
      WHERE unit_id = ${unitParam(1)} AND dim = 0 AND hour >= $3 AND hour < $4
      GROUP BY bucket`,
    [unitId, starts.map((s) => new Date(s).toISOString()), new Date(starts[0]).toISOString(), new Date(to).toISOString()],
  );
  return new Map(rows.map((r) => [Number(r.bucket), countersOf(r)]));
}

/** Whole-subtree counters per unit over minute rollups, for the feed's rolling hour. */
export async function sumMinutesByUnit(sql: Sql, unitIds: string[], from: number, to: number): Promise<Map<string, Counters>> {
  const rows = await sql.query<Sums & { unit_id: string }>(
    `SELECT unit_id, ${SUMS} FROM rollup_minute
      WHERE unit_id = ANY($1::text[]) AND minute >= $2 AND minute < $3
      GROUP BY unit_id`,
    [unitIds, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  return new Map(rows.map((r) => [r.unit_id, countersOf(r)]));
}


import type { CheckedFilter, CounterKey, SliceDimension } from '@qihe/domain';
import type { Sql } from './database';
import { COUNTER_COLUMNS, dimCode } from './rollup-deltas';
import { sumByUnit } from './rollup-read.repository';
import { DAY_MS } from './rollup-grain';
import { SUM_COUNTERS } from './touchpoint-drill.repository';
import { sliceDayFolded, sliceRowsSql } from './touchpoint-retention';

// A drill-down's totalCount from the rollups, when the filter is a rollup row
// set: the whole subtree or one slice of a low-cardinality dimension, with or
// without a measure part whose rows are a counter's. Rollups count exactly what
// the rows hold (the same transaction writes both), so this is the exact count,
// read from a few hundred rows instead of millions.

/** Dimensions read from rollups: few values per hour. Agents, teams and products have an index on the rows instead. */
const ROLLUP_DIMS: ReadonlySet<SliceDimension> = new Set<SliceDimension>(['CHANNEL', 'KIND', 'STAGE', 'NEED_CATEGORY', 'REGION', 'INDUSTRY']);

/** Whether countFromRollups can answer this filter. */
export function rollupCountable(f: CheckedFilter): boolean {
  if (f.customerId !== null || f.perceptionPoint !== null || f.resolved !== null || f.maxSatisfaction !== null) return false;
  if (f.slices.length > 1 || (f.slices.length === 1 && !ROLLUP_DIMS.has(f.slices[0].dim))) return false;
  return !f.part || (!SUM_COUNTERS.has(f.part.include) && !(f.part.exclude && SUM_COUNTERS.has(f.part.exclude)));
}

/**
 * The filtered count of a whole subtree `unitId` in [from, to) (whole hours); only for rollupCountable filters.
 * Null when a slice's window edge falls inside a day whose hours were folded (QIHE_HOUR_ROLLUP_DAYS): count the rows.
 */
export async function countFromRollups(sql: Sql, unitId: string, from: number, to: number, f: CheckedFilter): Promise<number | null> {
  if (!rollupCountable(f)) throw new Error('countFromRollups: this filter is not a rollup row set');
  const include: CounterKey = f.part ? f.part.include : 'touchpoints';
  const exclude = f.part?.exclude ?? null;
  if (f.slices.length === 0) {
    const c = (await sumByUnit(sql, [unitId], from, to)).get(unitId);
    return c ? c[include] - (exclude ? c[exclude] : 0) : 0;
  }
  const s = f.slices[0];
  const dim = dimCode(s.dim);
  for (const edge of [from, to]) {
    const day = Math.floor(edge / DAY_MS) * DAY_MS;
    if (edge !== day && (await sliceDayFolded(sql, unitId, dim, day))) return null;
  }
  const minus = exclude ? ` - coalesce(sum(${COUNTER_COLUMNS[exclude]}), 0)` : '';
  const [row] = await sql.query<{ n: string | number }>(
    `SELECT coalesce(sum(${COUNTER_COLUMNS[include]}), 0)${minus} AS n FROM (${sliceRowsSql(1)}) s WHERE val = $5`,
    [unitId, dim, new Date(from).toISOString(), new Date(to).toISOString(), s.value],
  );
  return Number(row.n);
}

import type { CheckedFilter, CounterKey, SliceDimension } from '@qihe/domain';
import type { Sql } from './database';
import { COUNTER_COLUMNS, dimCode, parentCodeOf } from './rollup-deltas';
import { ownSliceCounters } from './own-slices';
import { sumByUnit } from './rollup-read.repository';
import { SUM_COUNTERS } from './touchpoint-drill.repository';
import { foldedSliceEdge, sliceRowsSql } from './touchpoint-retention';

// A drill-down's totalCount from the rollups, when the filter is a rollup row
// set: the whole subtree or one slice of a low-cardinality dimension, with one
// of a measure part, `resolved` or `maxSatisfaction` written as counters
// (resolved false = served − resolved; maxSatisfaction 4 = rated − delighted;
// csat's NUMERATOR, the rated 4..5, = rated − lowRated − neutral).
// Rollups count exactly what the rows hold (the same transaction writes both),
// so this is the exact count, read from a few hundred rows instead of millions.

/** Dimensions read from rollups: few values per hour. Agents, teams and products have an index on the rows instead. */
const ROLLUP_DIMS: ReadonlySet<SliceDimension> = new Set<SliceDimension>(['CHANNEL', 'KIND', 'STAGE', 'NEED_CATEGORY', 'REGION', 'INDUSTRY']);

/** A count as Σ plus − Σ minus of counters. */
export interface RollupTerms {
  plus: CounterKey[];
  minus: CounterKey[];
}

const one = (k: CounterKey): RollupTerms => ({ plus: [k], minus: [] });

/** The rows a counter counts, as terms: csat's rating points count the rated 4..5. */
function counted(k: CounterKey): RollupTerms | null {
  if (k === 'ratingPoints') return { plus: ['rated'], minus: ['lowRated', 'neutral'] };
  return SUM_COUNTERS.has(k) ? null : one(k);
}

/** The filter's count as rollup terms, or null when only the rows can count it. */
export function rollupTerms(f: CheckedFilter): RollupTerms | null {
  if (f.customerId !== null || f.perceptionPoint !== null) return null;
  if (f.slices.length > 1 || (f.slices.length === 1 && !ROLLUP_DIMS.has(f.slices[0].dim))) return null;
  // One row condition besides the slice: two would be an intersection, which counters do not hold.
  if ((f.part ? 1 : 0) + (f.resolved !== null ? 1 : 0) + (f.maxSatisfaction !== null ? 1 : 0) > 1) return null;
  if (f.resolved !== null) return f.resolved ? one('resolved') : { plus: ['served'], minus: ['resolved'] };
  if (f.maxSatisfaction !== null) {
    const byMax: Record<number, RollupTerms | null> = {
      1: null,
      2: one('lowRated'),
      3: { plus: ['lowRated', 'neutral'], minus: [] },
      4: { plus: ['rated'], minus: ['delighted'] },
      5: one('rated'),
    };
    return byMax[f.maxSatisfaction] ?? null;
  }
  if (!f.part) return one('touchpoints');
  const inc = counted(f.part.include);
  if (!inc || !f.part.exclude) return inc;
  // MISSED: the part's rows are include's minus exclude's (a measure's numerator rows lie within its denominator's).
  const exc = counted(f.part.exclude);
  if (!exc) return null;
  return { plus: [...inc.plus, ...exc.minus], minus: [...inc.minus, ...exc.plus] };
}

/** Whether countFromRollups can answer this filter. */
export function rollupCountable(f: CheckedFilter): boolean {
  return rollupTerms(f) !== null;
}

/**
 * The filtered count of a whole subtree `unitId` in [from, to) (whole hours);
 * only for rollupCountable filters. Null when a slice's window edge falls
 * inside a day whose hours were folded (QIHE_HOUR_ROLLUP_DAYS): count the rows.
 */
export async function countFromRollups(sql: Sql, unitId: string, from: number, to: number, f: CheckedFilter): Promise<number | null> {
  const terms = rollupTerms(f);
  if (!terms) throw new Error('countFromRollups: this filter is not a rollup row set');
  const sum = (c: Record<CounterKey, number>): number => terms.plus.reduce((n, k) => n + c[k], 0) - terms.minus.reduce((n, k) => n + c[k], 0);
  let n: number;
  if (f.slices.length === 0) {
    const c = (await sumByUnit(sql, [unitId], from, to)).get(unitId);
    n = c ? sum(c) : 0;
  } else {
    const s = f.slices[0];
    const dim = dimCode(s.dim);
    const parentCode = parentCodeOf(dim);
    const keys = [...new Set([...terms.plus, ...terms.minus])];
    // A window edge in a folded day leaves the count to the rows (one statement for both edges); else the slice
    // rows and the unit's own rows side by side, as sumBySlice reads them.
    if (await foldedSliceEdge(sql, unitId, dim, from, to, parentCode)) return null;
    const [[row], ownSlices] = await Promise.all([
      sql.query<Record<string, string | number | null>>(
        `SELECT ${keys.map((k) => `coalesce(sum(${COUNTER_COLUMNS[k]}), 0)::float8 AS "${k}"`).join(', ')} FROM (${sliceRowsSql(1, parentCode)}) s WHERE val = $5`,
        [unitId, dim, new Date(from).toISOString(), new Date(to).toISOString(), s.value],
      ),
      ownSliceCounters(sql, unitId, dim, from, to),
    ]);
    const own = ownSlices.get(s.value);
    n = sum(Object.fromEntries(keys.map((k) => [k, Number(row[k] ?? 0) + (own?.[k] ?? 0)])) as Record<CounterKey, number>);
  }
  return n;
}

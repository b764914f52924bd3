import { HOUR_MS } from '@qihe/domain';

// Which rollup grain serves which part of a window. A day row may stand in for
// its 24 hourly rows only when the whole day lies inside the window and inside
// one bucket; everything else is read hour by hour, so every answer stays exact.

export const DAY_MS = 24 * HOUR_MS;

/** A half-open range [lo, hi) in epoch ms; lo = hi is empty. */
export type Range = readonly [lo: number, hi: number];

/** A window as at most three index ranges, in time order. */
export interface GrainSplit {
  /** Hours before the first whole day (rollup_hour). */
  head: Range;
  /** Whole UTC days (rollup_day). */
  days: Range;
  /** Hours after the last whole day (rollup_hour). */
  tail: Range;
}

/** The UTC midnight at or before `ms`. */
export const floorDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
const ceilDay = (ms: number): number => Math.ceil(ms / DAY_MS) * DAY_MS;

/**
 * Splits [from, to), cut into buckets of `step` ms from `from` (the last one cut
 * at `to`), into hours, whole days and hours that together cover the window
 * exactly once. Days are used only when no bucket edge falls inside a day: one
 * bucket, or buckets of whole days from a UTC midnight. Otherwise (e.g. daily
 * buckets from 13:00) the whole window is hours: a day row would straddle two
 * buckets, and many small ranges would cost more than they save.
 */
export function splitByGrain(from: number, to: number, step: number = to - from): GrainSplit {
  if (!(from < to)) throw new RangeError(`splitByGrain: empty window [${from}, ${to})`);
  if (!(step > 0)) throw new RangeError(`splitByGrain: step must be positive, got ${step}`);
  const d0 = ceilDay(from);
  const d1 = floorDay(to);
  const dayBuckets = step >= to - from || (step % DAY_MS === 0 && from % DAY_MS === 0);
  if (!dayBuckets || d0 >= d1) return { head: [from, to], days: [to, to], tail: [to, to] };
  return { head: [from, d0], days: [d0, d1], tail: [d1, to] };
}

/**
 * A unit id parameter as rollup reads compare it: `unit_id = ${unitParam(1)}`.
 * The root and the business units hold most slice rows (every touchpoint below
 * adds to them), so with the value in sight PostgreSQL takes the root's share of
 * the whole table (37 % of rollup_hour's rows at 10 M) for that of its whole
 * rows over a window (a few thousand) and scans all 39 M rows. Behind a scalar
 * subquery the value is unknown at planning, the estimate is an average unit's,
 * and the read is the primary key's range it always should be.
 */
export const unitParam = (p: number): string => `(SELECT $${p}::text)`;

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

const floorDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
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

/** A day row that stands in for its 24 hours in the bucket holding most of them (BucketPlan). */
export interface DayStandIn {
  day: number;
  bucket: number;
}

/**
 * How to sum whole-subtree rows into buckets that start at `starts` (whole
 * hours, ascending; the last bucket ends at `to`) when the buckets need not
 * start at UTC midnights (local days, or days from 13:00). Read as is, each
 * bucket is all its hours: 2,160 rows for a 90-day daily trend. Here a UTC day
 * inside the window whose largest part in one bucket is at least
 * MIN_STAND_IN_HOURS long is read as its day row, given whole to that bucket,
 * plus the hours of its other parts, each given to its own bucket and taken
 * back from the day row's bucket. Counters are sums, so this is exact (a day
 * row is the sum of its unit's 24 whole hour rows: ingest, ratings and the
 * recount write both from the same deltas, and retention folds neither). A
 * daily trend from any hour then reads one day row and at most 12 hours a day.
 * `hours`: the hour ranges to read, merged where they touch, in time order.
 */
export interface BucketPlan {
  hours: Range[];
  days: DayStandIn[];
}

/** Below this, a day's largest part is cheaper read as hours (hourly buckets: 24 parts of one hour). */
export const MIN_STAND_IN_HOURS = 4;

export function planBuckets(starts: readonly number[], to: number): BucketPlan {
  if (starts.length === 0 || !(starts[0] < to)) throw new RangeError('planBuckets: no bucket before `to`');
  const hours: [number, number][] = [];
  const days: DayStandIn[] = [];
  const read = (lo: number, hi: number): void => {
    const last = hours[hours.length - 1];
    if (last && last[1] === lo) last[1] = hi;
    else hours.push([lo, hi]);
  };
  // The bucket of each part of a day, walked with the days: `b` is the bucket holding the day's start.
  let b = 0;
  for (let day = floorDay(starts[0]); day < to; day += DAY_MS) {
    const lo = Math.max(day, starts[0]);
    const hi = Math.min(day + DAY_MS, to);
    while (b + 1 < starts.length && starts[b + 1] <= lo) b++;
    // The day's parts: cut at every bucket start inside it.
    const parts: { lo: number; hi: number; bucket: number }[] = [];
    let at = lo;
    let k = b;
    while (at < hi) {
      const next = k + 1 < starts.length ? Math.min(starts[k + 1], hi) : hi;
      parts.push({ lo: at, hi: next, bucket: k });
      at = next;
      if (k + 1 < starts.length && starts[k + 1] === next) k++;
    }
    const largest = parts.reduce((m, p) => (p.hi - p.lo > m.hi - m.lo ? p : m));
    if (lo === day && hi === day + DAY_MS && largest.hi - largest.lo >= MIN_STAND_IN_HOURS * HOUR_MS) {
      days.push({ day, bucket: largest.bucket });
      for (const p of parts) if (p !== largest) read(p.lo, p.hi);
    } else {
      read(lo, hi);
    }
  }
  return { hours, days };
}

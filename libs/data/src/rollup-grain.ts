import { HOUR_MS } from '@qihe/domain';

// Which rollup grain serves which part of a window. A day row may stand in for
// its 24 hourly rows only when the whole day lies inside the window and inside
// one bucket; everything else is read hour by hour, so every answer stays exact.

export const DAY_MS = 24 * HOUR_MS;

/** A half-open range [lo, hi) in epoch ms. */
export type Range = readonly [lo: number, hi: number];

export interface GrainSplit {
  /** Whole UTC days, each inside one bucket, to read from rollup_day. */
  days: Range[];
  /** The rest of the window, to read from rollup_hour. */
  hours: Range[];
}

const floorDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
const ceilDay = (ms: number): number => Math.ceil(ms / DAY_MS) * DAY_MS;

/** Appends [lo, hi) to `into`, merged with the last range when they touch. */
function push(into: [number, number][], lo: number, hi: number): void {
  if (lo >= hi) return;
  const last = into[into.length - 1];
  if (last && last[1] === lo) last[1] = hi;
  else into.push([lo, hi]);
}

/**
 * Splits [from, to), cut into buckets of `step` ms from `from` (the last one cut
 * at `to`), into day ranges and hour ranges that together cover every hour of
 * the window exactly once. Ranges are sorted and merged where they touch.
 */
export function splitByGrain(from: number, to: number, step: number = to - from): GrainSplit {
  if (!(from < to)) throw new RangeError(`splitByGrain: empty window [${from}, ${to})`);
  if (!(step > 0)) throw new RangeError(`splitByGrain: step must be positive, got ${step}`);
  const days: [number, number][] = [];
  const hours: [number, number][] = [];
  // A bucket shorter than a day cannot hold a whole day.
  if (step < DAY_MS) return { days, hours: [[from, to]] };
  for (let lo = from; lo < to; lo += step) {
    const hi = Math.min(lo + step, to);
    const d0 = ceilDay(lo);
    const d1 = floorDay(hi);
    if (d0 < d1) {
      push(hours, lo, d0);
      push(days, d0, d1);
      push(hours, d1, hi);
    } else {
      push(hours, lo, hi);
    }
  }
  return { days, hours };
}

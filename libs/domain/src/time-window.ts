import type { TrendInterval } from './vocabulary';

export const HOUR_MS = 3_600_000;
/**
 * The earliest instant Qihe takes anywhere (touchpoint dates, query windows):
 * 2000-01-01T00:00:00Z. Nothing a contact centre records is older, and it keeps
 * out dates PostgreSQL cannot store (year 0), which would refuse a whole batch.
 */
export const EARLIEST_DATE_MS = Date.UTC(2000, 0, 1);
export const EARLIEST_DATE_ISO = new Date(EARLIEST_DATE_MS).toISOString();
export const MINUTE_MS = 60_000;
const INTERVAL_MS: Record<TrendInterval, number> = { HOUR: HOUR_MS, DAY: 24 * HOUR_MS, WEEK: 7 * 24 * HOUR_MS };

/** A half-open window [from, to) on occurredAt, in epoch ms, on whole UTC hours. */
export interface TimeWindow {
  from: number;
  to: number;
}

export class WindowError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const floorToHour = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;
export const floorToMinute = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** Checks a query window: both ends whole UTC hours, from EARLIEST_DATE_MS on, from before to, at most `maxDays` long. */
export function checkWindow(from: Date, to: Date, maxDays = 3660): TimeWindow {
  const f = from.getTime();
  const t = to.getTime();
  if (Number.isNaN(f)) throw new WindowError('from', '"from" is not a valid date-time');
  if (Number.isNaN(t)) throw new WindowError('to', '"to" is not a valid date-time');
  if (f < EARLIEST_DATE_MS) throw new WindowError('from', `"from" must not be before ${EARLIEST_DATE_ISO}`);
  if (f % HOUR_MS !== 0) throw new WindowError('from', `"from" must be a whole UTC hour (e.g. ${new Date(floorToHour(f)).toISOString()})`);
  if (t % HOUR_MS !== 0) throw new WindowError('to', `"to" must be a whole UTC hour (e.g. ${new Date(floorToHour(t)).toISOString()})`);
  if (t <= f) throw new WindowError('to', '"to" must be after "from"');
  if (t - f > maxDays * 24 * HOUR_MS) throw new WindowError('to', `the window from "from" to "to" may span at most ${maxDays} days`);
  return { from: f, to: t };
}

/** At most this many points in one trend. */
export const MAX_TREND_POINTS = 5000;

/** How many points a trend over [from, to) has at this interval (0 for an empty or invalid window). */
export function trendPointCount(from: number, to: number, interval: TrendInterval): number {
  if (!(to > from) || !Object.hasOwn(INTERVAL_MS, interval)) return 0;
  return Math.ceil((to - from) / INTERVAL_MS[interval]);
}

/** Consecutive windows starting at `from`, each one interval long, the last cut at `to`. */
export function trendWindows(w: TimeWindow, interval: TrendInterval, maxPoints = MAX_TREND_POINTS): TimeWindow[] {
  const step = INTERVAL_MS[interval];
  const count = trendPointCount(w.from, w.to, interval);
  if (count > maxPoints) {
    throw new WindowError('interval', `"interval" ${interval} over this window gives ${count} points; at most ${maxPoints} are allowed`);
  }
  const out: TimeWindow[] = [];
  for (let start = w.from; start < w.to; start += step) out.push({ from: start, to: Math.min(start + step, w.to) });
  return out;
}

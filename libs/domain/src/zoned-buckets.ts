import { floorToHour, MAX_TREND_POINTS, WindowError, type TimeWindow } from './time-window';
import type { TrendInterval } from './vocabulary';

// Trend buckets on an organisation's own calendar (engagementTrend's
// `timeZone`): a DAY starts at local midnight, a WEEK at local Monday midnight,
// so "today" is one bucket however far the zone is from UTC, and a day across a
// daylight-saving change is 23 or 25 hours long. Buckets are made of hour
// rollups, so every edge is a whole UTC hour: in a zone whose offset is not
// whole hours (Asia/Kolkata +05:30, Asia/Kathmandu +05:45), a bucket starts at
// the last whole UTC hour before local midnight (23:30 in Kolkata), and the
// touchpoints of that part-hour count in the day they precede.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `timeZone` is an IANA zone name this runtime knows (e.g. "Asia/Shanghai", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws WindowError('timeZone', …) unless `timeZone` is a known IANA zone name. */
export function checkTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone)) throw new WindowError('timeZone', `"timeZone" must be an IANA time zone name such as "Asia/Shanghai", got "${timeZone.slice(0, 64)}"`);
  return timeZone;
}

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number; // 1..12
  day: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  /** The local wall clock read as if it were UTC, in ms. */
  wallMs: number;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function localParts(ms: number, timeZone: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(ms))) p[part.type] = part.value;
  const [year, month, day] = [Number(p.year), Number(p.month), Number(p.day)];
  const wallMs = Date.UTC(year, month - 1, day, Number(p.hour), Number(p.minute), Number(p.second));
  return { year, month, day, weekday: WEEKDAYS.indexOf(p.weekday), wallMs };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  return localParts(ms, timeZone).wallMs - Math.floor(ms / 1000) * 1000;
}

/** The first instant of a local date (y, m 1..12, d; overflowing days roll over). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two passes: the offset before and after the guess differ only across a change.
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  // The earlier candidate that falls on the date; a midnight skipped by a change
  // (clocks jump 00:00 → 01:00) leaves only the instant the clock resumes.
  const onDate = (ms: number): boolean => Math.floor(localParts(ms, timeZone).wallMs / DAY_MS) === Math.floor(wall / DAY_MS);
  const [early, late] = first <= second ? [first, second] : [second, first];
  return onDate(early) ? early : late;
}

/** The local midnight at or before an instant. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return localMidnight(p.year, p.month, p.day, timeZone);
}

/**
 * The trend's windows in `timeZone`: DAY buckets from local midnight to local
 * midnight, WEEK buckets from Monday to Monday, each edge floored to a whole UTC
 * hour; the first bucket starts at `w.from` and the last ends at `w.to`.
 * HOUR buckets are UTC hours whatever the zone. Throws WindowError('interval')
 * past `maxPoints` buckets.
 */
export function zonedTrendWindows(w: TimeWindow, interval: TrendInterval, timeZone: string, maxPoints = MAX_TREND_POINTS): TimeWindow[] {
  checkTimeZone(timeZone);
  const edges = [w.from];
  if (interval === 'HOUR') {
    for (let t = w.from + 3_600_000; t < w.to; t += 3_600_000) edges.push(t);
  } else {
    const start = localParts(w.from, timeZone);
    const step = interval === 'DAY' ? 1 : 7;
    // The first local day (DAY) or Monday (WEEK) after the one `from` falls in.
    let offset = interval === 'DAY' ? 1 : 7 - start.weekday;
    for (;;) {
      const edge = floorToHour(localMidnight(start.year, start.month, start.day + offset, timeZone));
      if (edge >= w.to) break;
      if (edge > edges[edges.length - 1]) edges.push(edge);
      if (edges.length > maxPoints) break;
      offset += step;
    }
  }
  if (edges.length > maxPoints) {
    throw new WindowError('interval', `"interval" ${interval} over this window gives more than ${maxPoints} points; at most ${maxPoints} are allowed`);
  }
  return edges.map((from, i) => ({ from, to: i + 1 < edges.length ? edges[i + 1] : w.to }));
}

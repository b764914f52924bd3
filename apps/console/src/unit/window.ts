import { checkWindow, floorToHour, HOUR_MS, localMidnight, startOfLocalDay, WindowError, zoneOffsetMs, type TrendInterval } from '@qihe/domain';
import { getTimeZone } from '../ui/time-zone';

// The window a unit view shows, as the URL says it (?window=7d, or
// ?window=custom&from=…&to=…). Windows are whole UTC hours, half-open [from, to).
// Presets end with the current hour included; "today", "7 days" and "30 days"
// start at local midnight in the console's time zone (floored to a whole UTC
// hour where the zone is off by a part-hour), "24 h" is the last 24 hours.

export const PRESETS = ['today', '24h', '7d', '30d'] as const;
export type Preset = (typeof PRESETS)[number];
/** Local days a day preset covers (today and the days before it). */
const PRESET_DAYS: Partial<Record<Preset, number>> = { today: 1, '7d': 7, '30d': 30 };

export interface UnitWindow {
  preset: Preset | 'custom';
  from: string;
  to: string;
  interval: TrendInterval;
}

export type WindowResult = { ok: true; window: UnitWindow } | { ok: false; field: string; message: string; preset: 'custom' };

/** Trend points: hourly up to three days, daily up to three months, weekly beyond. */
export function intervalFor(hours: number): TrendInterval {
  if (hours <= 72) return 'HOUR';
  if (hours <= 24 * 92) return 'DAY';
  return 'WEEK';
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A preset ends with the current hour included (the hour after now, floored), so fresh touchpoints count. */
export function presetWindow(preset: Preset, now: number, timeZone = getTimeZone()): UnitWindow {
  const to = floorToHour(now) + HOUR_MS;
  const days = PRESET_DAYS[preset];
  if (!days) return { preset, from: iso(to - 24 * HOUR_MS), to: iso(to), interval: 'HOUR' };
  // Today's local midnight, then back whole local days (each 23 to 25 hours across a clock change).
  const today = new Date(startOfLocalDay(now, timeZone) + 12 * HOUR_MS);
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(today);
  const part = (type: string): number => Number(local.find((p) => p.type === type)?.value);
  const from = floorToHour(localMidnight(part('year'), part('month'), part('day') - (days - 1), timeZone));
  return { preset, from: iso(from), to: iso(to), interval: days === 1 ? 'HOUR' : 'DAY' };
}

export function windowFromParams(params: URLSearchParams, now: number, timeZone = getTimeZone()): WindowResult {
  const preset = params.get('window') ?? '24h';
  if (preset !== 'custom') return { ok: true, window: presetWindow((PRESETS as readonly string[]).includes(preset) ? (preset as Preset) : '24h', now, timeZone) };
  try {
    // The same check the gateway applies, so the message is the one it would give.
    const w = checkWindow(new Date(params.get('from') ?? ''), new Date(params.get('to') ?? ''));
    return { ok: true, window: { preset: 'custom', from: iso(w.from), to: iso(w.to), interval: intervalFor((w.to - w.from) / HOUR_MS) } };
  } catch (err) {
    if (err instanceof WindowError) return { ok: false, field: err.field, message: err.message, preset: 'custom' };
    throw err;
  }
}

/** The query params that put a window in the URL. */
export function windowParams(w: Pick<UnitWindow, 'preset' | 'from' | 'to'>): Record<string, string | undefined> {
  return w.preset === 'custom' ? { window: 'custom', from: w.from, to: w.to } : { window: w.preset };
}

/** A datetime-local value ('YYYY-MM-DDTHH:mm'): the wall clock of an instant in the console's time zone. */
export function toLocalInput(isoString: string, timeZone = getTimeZone()): string {
  const ms = Date.parse(isoString);
  if (!isoString || Number.isNaN(ms)) return '';
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant a datetime-local value names in the console's time zone, floored
 * to a whole UTC hour (windows are whole UTC hours; a part-hour zone's midnight
 * floors as the presets' does). '' when the value is not a date and time.
 */
export function fromLocalInput(value: string, timeZone = getTimeZone()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return '';
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  // The wall clock read as UTC, less the zone's offset at (about) that instant: two
  // passes, as the offset before and after the guess differ only across a clock change.
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const at = wall - zoneOffsetMs(wall - zoneOffsetMs(wall, timeZone), timeZone);
  return iso(floorToHour(at));
}

/** The window of the same length just before (the "previous period" deltas compare with). */
export function previousWindow(w: Pick<UnitWindow, 'from' | 'to'>): { from: string; to: string } {
  const from = Date.parse(w.from);
  const len = Date.parse(w.to) - from;
  return { from: iso(from - len), to: iso(from) };
}

import { checkWindow, floorToHour, HOUR_MS, WindowError, type TrendInterval } from '@qihe/domain';

// The window a unit view shows, as the URL says it (?window=7d, or
// ?window=custom&from=…&to=…). Windows are whole UTC hours, half-open [from, to).

export const PRESETS = ['24h', '7d', '30d'] as const;
export type Preset = (typeof PRESETS)[number];
const PRESET_HOURS: Record<Preset, number> = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };

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
export function presetWindow(preset: Preset, now: number): UnitWindow {
  const to = floorToHour(now) + HOUR_MS;
  const hours = PRESET_HOURS[preset];
  return { preset, from: iso(to - hours * HOUR_MS), to: iso(to), interval: intervalFor(hours) };
}

export function windowFromParams(params: URLSearchParams, now: number): WindowResult {
  const preset = params.get('window') ?? '24h';
  if (preset !== 'custom') return { ok: true, window: presetWindow((PRESETS as readonly string[]).includes(preset) ? (preset as Preset) : '24h', now) };
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

/** 'YYYY-MM-DDTHH:00' (a datetime-local value, read as UTC) ⇄ ISO. */
export const toLocalInput = (isoString: string): string => isoString.slice(0, 16);
export const fromLocalInput = (value: string): string => (value ? `${value.slice(0, 16)}:00Z` : '');

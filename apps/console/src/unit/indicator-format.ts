// Display of an indicator in its own unit (MANAGEMENT-MODEL.md §4): ratios as
// percentages, seconds as seconds, scores to one decimal. Targets are typed in
// the unit they are shown in and sent as the API holds them (a ratio 0..1).

export type IndicatorUnit = 'ratio' | 'seconds' | 'score';

const asUnit = (u: string): IndicatorUnit => (u === 'seconds' || u === 'score' ? u : 'ratio');

/** A value as shown; absent (null) as an em dash. */
export function fmtIndicator(v: number | null | undefined, unit: string): string {
  if (v == null || Number.isNaN(v)) return '—';
  switch (asUnit(unit)) {
    case 'ratio':
      return `${(v * 100).toFixed(1)}%`;
    case 'seconds':
      return `${Math.round(v)} s`;
    case 'score':
      return v.toFixed(1);
  }
}

/** A change between two values, signed, in the value's display unit (percentage points for ratios). */
export function fmtDelta(now: number | null | undefined, before: number | null | undefined, unit: string): string {
  if (now == null || before == null) return '—';
  const d = now - before;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  switch (asUnit(unit)) {
    case 'ratio':
      return `${sign}${(abs * 100).toFixed(1)} pp`;
    case 'seconds':
      return `${sign}${Math.round(abs)} s`;
    case 'score':
      return `${sign}${abs.toFixed(1)}`;
  }
}

/** Better, worse or the same as before, given which way is better; null when either is absent. */
export function trendOf(now: number | null | undefined, before: number | null | undefined, higherIsBetter: boolean): 'better' | 'worse' | 'same' | null {
  if (now == null || before == null) return null;
  if (now === before) return 'same';
  return now > before === higherIsBetter ? 'better' : 'worse';
}

/** A target as typed into its input (the display unit, without the sign). */
export function targetText(target: number, unit: string): string {
  return asUnit(unit) === 'ratio' ? String(Number((target * 100).toFixed(4))) : String(target);
}

/** What the unit head typed, as the API's number; null when it is not a number. */
export function parseTarget(text: string, unit: string): number | null {
  const t = text.trim().replace(/%$/, '').trim();
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return asUnit(unit) === 'ratio' ? n / 100 : n;
}

// Display only: every number comes from the API; screens round, never recompute.

/** A score (0..100) rounded to one decimal; absent (null) shown as an em dash. */
export const fmtScore = (v: number | null | undefined): string => (v == null || Number.isNaN(v) ? '—' : v.toFixed(1));

/** A ratio or normalized value (0..1) to three decimals; absent as an em dash. */
export const fmtRatio = (v: number | null | undefined): string => (v == null || Number.isNaN(v) ? '—' : v.toFixed(3));

/** A count or sum: integers as they are, other values to two decimals. */
export const fmtCount = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2))));

/** A UTC instant as 'YYYY-MM-DD HH:mm' (UTC), the way windows are defined. */
export const fmtUtc = (iso: string): string => iso.replace('T', ' ').slice(0, 16);

/** Local wall-clock time of an instant, for tickers and agents' lists. */
export const fmtTime = (iso: string, lang: string): string =>
  new Date(iso).toLocaleTimeString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const fmtDuration = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

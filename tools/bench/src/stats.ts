// Small, dependency-free statistics for benchmark figures: every figure is
// reported with how many samples it rests on and how far they spread.

/** The q-quantile (0..1) of `xs` by linear interpolation; NaN for an empty list. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = Float64Array.from(xs).sort();
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

export interface Spread {
  n: number;
  median: number;
  min: number;
  max: number;
}

// Loops, not Math.min(...xs): a feed run has millions of samples, more than a call's arguments may hold.
function extreme(xs: readonly number[], pick: (a: number, b: number) => number): number {
  if (xs.length === 0) return NaN;
  let m = xs[0];
  for (let i = 1; i < xs.length; i++) m = pick(m, xs[i]);
  return m;
}

export function spread(xs: readonly number[]): Spread {
  return { n: xs.length, median: median(xs), min: extreme(xs, Math.min), max: extreme(xs, Math.max) };
}

export interface Latency {
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function latency(ms: readonly number[]): Latency {
  return {
    n: ms.length,
    p50Ms: round(quantile(ms, 0.5)),
    p95Ms: round(quantile(ms, 0.95)),
    p99Ms: round(quantile(ms, 0.99)),
    maxMs: round(extreme(ms, Math.max)),
  };
}

export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** "12,345" style thousands for the console table. */
export const fmt = (x: number, digits = 0): string =>
  Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(x);

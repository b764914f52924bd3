// Is a series flat or growing? Ordinary least squares over (minute, value)
// and a one-sided t-test on the slope: "growth" only when the slope is
// significantly above zero (p < 0.05) and large enough to matter (over the run
// it adds more than `material` of the series' mean). A noisy but flat series
// stays "flat"; a steady climb, however slow, does not.

export interface Trend {
  n: number;
  /** Units of the series per minute. */
  slope: number;
  /** Standard error of the slope; NaN when n < 3. */
  stderr: number;
  t: number;
  /** Slope × span, as a share of the series' mean. */
  relativeGrowth: number;
  verdict: 'flat' | 'growth' | 'too short';
}

// One-sided 95 % critical values of Student's t by degrees of freedom (n − 2).
const T95 = [NaN, 6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74, 1.734, 1.729, 1.725];
export const tCritical = (df: number): number => (df < T95.length ? T95[df] : df < 30 ? 1.7 : 1.645);

export function trend(points: readonly { x: number; y: number }[], material = 0.1): Trend {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  const slope = n >= 2 && sxx > 0 ? sxy / sxx : NaN;
  if (n < 3 || !Number.isFinite(slope)) return { n, slope, stderr: NaN, t: NaN, relativeGrowth: NaN, verdict: 'too short' };
  const sse = points.reduce((s, p) => s + (p.y - (meanY + slope * (p.x - meanX))) ** 2, 0);
  const stderr = Math.sqrt(sse / (n - 2) / sxx);
  // A perfectly straight line has no error: any rise is then significant.
  const t = stderr > 0 ? slope / stderr : slope > 0 ? Number.POSITIVE_INFINITY : slope < 0 ? Number.NEGATIVE_INFINITY : 0;
  const span = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
  const relativeGrowth = meanY !== 0 ? (slope * span) / Math.abs(meanY) : slope > 0 ? Number.POSITIVE_INFINITY : 0;
  const verdict = t > tCritical(n - 2) && relativeGrowth > material ? 'growth' : 'flat';
  return { n, slope, stderr, t, relativeGrowth, verdict };
}

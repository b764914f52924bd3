// Σ w·x / Σ w, with the weights first scaled by the largest (so huge or tiny
// weights neither overflow nor lose precision) and the result held inside
// [min x, max x], which float rounding alone could leave by an ulp.
export function weightedMean(pairs: readonly (readonly [weight: number, x: number])[]): number | null {
  if (pairs.length === 0) return null;
  const top = Math.max(...pairs.map(([w]) => w));
  let sum = 0;
  let weights = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const [w, x] of pairs) {
    sum += (w / top) * x;
    weights += w / top;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return Math.min(hi, Math.max(lo, sum / weights));
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** (value − floor) / (target − floor), held to 0..1; null when the measure is absent. */
export const normalize = (value: number | null, floor: number, target: number): number | null =>
  value === null ? null : clamp01((value - floor) / (target - floor));

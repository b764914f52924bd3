import { DEFAULT_MODEL } from '@qihe/domain';

/**
 * Points per touchpoint of a measure's denominator: 1 for a count of
 * touchpoints; csat sums rating − 1 out of 4 per rated touchpoint, so its
 * numbers are points, and its drill-down parts list touchpoints by rating
 * (MANAGEMENT-MODEL.md §3: NUMERATOR rated 4–5, DENOMINATOR rated, MISSED rated 1–3).
 */
export function pointsPerTouchpoint(measure: string): number {
  return DEFAULT_MODEL.measures.find((d) => d.key === measure)?.denominator.factor ?? 1;
}

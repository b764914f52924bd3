import type { CounterKey } from './counters';
import type { EngagementModel } from './engagement-model';
import { WindowError } from './time-window';
import { CHANNELS, LIFECYCLE_STAGES, NEED_CATEGORIES, TOUCHPOINT_KINDS, UNKNOWN_SLICE, type SliceDimension } from './vocabulary';

// The drill-down behind a number (MANAGEMENT-MODEL.md §3): which touchpoints a
// filter selects, stated over counters so that "the touchpoints behind a
// measure" are exactly those its numerator or denominator counted.

export const MEASURE_PARTS = ['NUMERATOR', 'DENOMINATOR', 'MISSED'] as const;
export type MeasurePart = (typeof MEASURE_PARTS)[number];

export interface TouchpointFilter {
  measure?: string | null;
  part?: MeasurePart | null;
  channel?: string | null;
  kind?: string | null;
  stage?: string | null;
  needCategory?: string | null;
  region?: string | null;
  industry?: string | null;
  agentId?: string | null;
  teamId?: string | null;
  productId?: string | null;
  customerId?: string | null;
  perceptionPoint?: string | null;
  resolved?: boolean | null;
  maxSatisfaction?: number | null;
}

/** The fields that name one slice of a rollup dimension, with that dimension. */
export const SLICE_FILTERS = [
  ['channel', 'CHANNEL'],
  ['kind', 'KIND'],
  ['stage', 'STAGE'],
  ['needCategory', 'NEED_CATEGORY'],
  ['region', 'REGION'],
  ['industry', 'INDUSTRY'],
  ['agentId', 'AGENT'],
  ['teamId', 'TEAM'],
  ['productId', 'PRODUCT'],
] as const satisfies readonly (readonly [keyof TouchpointFilter, SliceDimension])[];
export type SliceFilterField = (typeof SLICE_FILTERS)[number][0];

/**
 * The touchpoints of a measure part, as counters: those `include` counts,
 * minus those `exclude` counts (MISSED). For a sum counter (csat's rating
 * points) the rows are those §3 names: rated 4..5 for the numerator.
 */
export interface PartSelection {
  measure: string;
  part: MeasurePart;
  include: CounterKey;
  exclude: CounterKey | null;
}

/** A checked filter: every field valid, the measure resolved against the model. */
export interface CheckedFilter {
  slices: { field: SliceFilterField; dim: SliceDimension; value: string }[];
  customerId: string | null;
  perceptionPoint: string | null;
  resolved: boolean | null;
  maxSatisfaction: number | null;
  part: PartSelection | null;
}

/** A bad filter: `field` names the argument (e.g. "filter.measure"). */
export class FilterError extends WindowError {}

const MAX_TEXT = 200;
const ENUMS: Partial<Record<SliceFilterField, readonly string[]>> = {
  channel: CHANNELS,
  kind: TOUCHPOINT_KINDS,
  stage: LIFECYCLE_STAGES,
  needCategory: NEED_CATEGORIES,
};

function text(field: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_TEXT) {
    throw new FilterError(field, `${field} must be a text of 1 to ${MAX_TEXT} characters`);
  }
  return v;
}

/**
 * Checks a filter against the active model. `perceptionPoints`: the catalogue's
 * codes, or null while the gateway keeps none (the filter is then refused).
 */
export function checkTouchpointFilter(filter: TouchpointFilter | null | undefined, model: EngagementModel, perceptionPoints: ReadonlySet<string> | null = null): CheckedFilter {
  const out: CheckedFilter = { slices: [], customerId: null, perceptionPoint: null, resolved: null, maxSatisfaction: null, part: null };
  if (!filter) return out;
  for (const [field, dim] of SLICE_FILTERS) {
    const v = filter[field];
    if (v === null || v === undefined) continue;
    const name = `filter.${field}`;
    const value = text(name, v);
    const allowed = ENUMS[field];
    if (allowed && !allowed.includes(value)) throw new FilterError(name, `${name}: "${value}" is not one of ${allowed.join(', ')}`);
    out.slices.push({ field, dim, value });
  }
  if (filter.customerId !== null && filter.customerId !== undefined) out.customerId = text('filter.customerId', filter.customerId);
  if (filter.perceptionPoint !== null && filter.perceptionPoint !== undefined) {
    const code = text('filter.perceptionPoint', filter.perceptionPoint);
    if (!perceptionPoints) throw new FilterError('filter.perceptionPoint', 'filter.perceptionPoint: this gateway keeps no perception-point catalogue yet');
    if (!perceptionPoints.has(code)) throw new FilterError('filter.perceptionPoint', `filter.perceptionPoint: "${code}" is not in the perception-point catalogue`);
    out.perceptionPoint = code;
  }
  if (filter.resolved !== null && filter.resolved !== undefined) {
    if (typeof filter.resolved !== 'boolean') throw new FilterError('filter.resolved', 'filter.resolved must be true or false');
    out.resolved = filter.resolved;
  }
  const max = filter.maxSatisfaction;
  if (max !== null && max !== undefined) {
    if (!Number.isInteger(max) || max < 1 || max > 5) throw new FilterError('filter.maxSatisfaction', `filter.maxSatisfaction must be a whole number from 1 to 5, got ${max}`);
    out.maxSatisfaction = max;
  }
  out.part = checkPart(filter, model);
  return out;
}

function checkPart(filter: TouchpointFilter, model: EngagementModel): PartSelection | null {
  const part = filter.part ?? null;
  if (filter.measure === null || filter.measure === undefined) {
    if (part !== null) throw new FilterError('filter.part', 'filter.part needs filter.measure');
    return null;
  }
  const key = text('filter.measure', filter.measure);
  const def = model.measures.find((m) => m.key === key);
  if (!def) throw new FilterError('filter.measure', `filter.measure: "${key}" is not a measure of ${model.version} (${model.measures.map((m) => m.key).join(', ')})`);
  const p = part ?? 'DENOMINATOR';
  if (!MEASURE_PARTS.includes(p)) throw new FilterError('filter.part', `filter.part must be one of ${MEASURE_PARTS.join(', ')}`);
  const num = def.numerator.counter;
  const den = def.denominator.counter;
  if (p === 'DENOMINATOR') return { measure: key, part: p, include: den, exclude: null };
  if (p === 'NUMERATOR') return { measure: key, part: p, include: num, exclude: null };
  return { measure: key, part: p, include: den, exclude: num };
}

/** Whether a slice value names the touchpoints without that field (they fall in the UNKNOWN slice). */
export const isUnknownSlice = (value: string): boolean => value === UNKNOWN_SLICE;

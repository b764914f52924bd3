import { MEASURE_PARTS, UNKNOWN_SLICE, type MeasurePart, type SliceDimension } from '@qihe/domain';
import { buildHash } from './hash-route';

// The one way to link to "the touchpoints behind a number" (MANAGEMENT-MODEL.md §3):
//
//   #/unit/<unitId>/touchpoints?window=7d&measure=csat&part=MISSED&channel=PHONE
//   #/unit/<unitId>/touchpoints?window=custom&from=…Z&to=…Z&agentId=a-17
//
// The query keeps the unit view's window params (`window`, or `window=custom&from&to`)
// and one param per TouchpointFilter field, named exactly like the field, so the
// same params serve the GraphQL `filter` and GET /export/touchpoints.csv.
// Every screen that shows a number (scores, measures, breakdowns, children,
// indicators, short boards, customers) links through touchpointsHref.

/** The TouchpointFilter fields a link may carry, in the order chips show them. */
export const DRILL_FIELDS = [
  'measure',
  'part',
  'channel',
  'kind',
  'stage',
  'needCategory',
  'region',
  'industry',
  'agentId',
  'teamId',
  'productId',
  'perceptionPoint',
  'customerId',
  'resolved',
  'maxSatisfaction',
] as const;
export type DrillField = (typeof DRILL_FIELDS)[number];

/** A drill-down filter as the URL holds it: text values, absent fields left out. */
export type DrillFilter = Partial<Record<DrillField, string>>;

/** The window of the unit view: a preset (`24h`, `7d`, …) or a custom [from, to). */
export interface DrillWindow {
  preset: string;
  from: string;
  to: string;
}

/** The GraphQL `TouchpointFilter` of a link: booleans and numbers typed, `part` only with a measure. */
export interface DrillFilterInput {
  measure?: string;
  part?: MeasurePart;
  channel?: string;
  kind?: string;
  stage?: string;
  needCategory?: string;
  region?: string;
  industry?: string;
  agentId?: string;
  teamId?: string;
  productId?: string;
  perceptionPoint?: string;
  customerId?: string;
  resolved?: boolean;
  maxSatisfaction?: number;
}

/** The filter field that selects one value of a breakdown dimension. */
export const SLICE_FIELD: Record<SliceDimension, DrillField> = {
  CHANNEL: 'channel',
  KIND: 'kind',
  STAGE: 'stage',
  NEED_CATEGORY: 'needCategory',
  REGION: 'region',
  INDUSTRY: 'industry',
  AGENT: 'agentId',
  TEAM: 'teamId',
  PRODUCT: 'productId',
  PERCEPTION_POINT: 'perceptionPoint',
};

/**
 * The filter behind one breakdown row, or null when no filter selects exactly
 * that row: the PERCEPTION_POINT dimension's UNKNOWN (touchpoints of no catalogue
 * point) has no filter value. Every other UNKNOWN matches touchpoints without one.
 */
export function sliceFilter(by: SliceDimension, value: string): DrillFilter | null {
  if (by === 'PERCEPTION_POINT' && value === UNKNOWN_SLICE) return null;
  return { [SLICE_FIELD[by]]: value };
}

/** The window params of a link (a preset stays relative, a custom window is pinned). */
export function windowQuery(w: DrillWindow): Record<string, string> {
  return w.preset === 'custom' ? { window: 'custom', from: w.from, to: w.to } : { window: w.preset };
}

/** `#/unit/<unitId>/touchpoints?…`: the touchpoints of the unit's subtree in the window that the filter selects. */
export function touchpointsHref(unitId: string, filter: DrillFilter, w: DrillWindow): string {
  const q: Record<string, string | undefined> = { ...windowQuery(w) };
  for (const f of DRILL_FIELDS) q[f] = filter[f];
  if (!q.measure) delete q.part;
  return buildHash(['unit', unitId, 'touchpoints'], q);
}

/** The filter a touchpoints URL carries; unknown params are ignored, empty ones absent. */
export function drillFilterOf(params: URLSearchParams): DrillFilter {
  const out: DrillFilter = {};
  for (const f of DRILL_FIELDS) {
    const v = params.get(f);
    if (v != null && v !== '') out[f] = v;
  }
  return out;
}

/**
 * The GraphQL filter of a URL filter. Values are passed on as given (the
 * gateway checks them and names the field it refuses), except the two typed
 * ones, which must parse: a bad `resolved` or `maxSatisfaction` is reported by
 * field here, as the gateway would.
 */
export function drillFilterInput(f: DrillFilter): { ok: true; filter: DrillFilterInput } | { ok: false; field: string; message: string } {
  const out: DrillFilterInput = {};
  for (const k of DRILL_FIELDS) {
    const v = f[k];
    if (v === undefined) continue;
    if (k === 'resolved') {
      if (v !== 'true' && v !== 'false') return { ok: false, field: 'filter.resolved', message: 'filter.resolved must be true or false' };
      out.resolved = v === 'true';
    } else if (k === 'maxSatisfaction') {
      const n = Number(v);
      if (!Number.isInteger(n)) return { ok: false, field: 'filter.maxSatisfaction', message: `filter.maxSatisfaction must be a whole number from 1 to 5, got ${v}` };
      out.maxSatisfaction = n;
    } else if (k === 'part') {
      if (!(MEASURE_PARTS as readonly string[]).includes(v)) return { ok: false, field: 'filter.part', message: `filter.part must be one of ${MEASURE_PARTS.join(', ')}` };
      out.part = v as MeasurePart;
    } else {
      out[k] = v;
    }
  }
  return { ok: true, filter: out };
}

/** The same filter without one field (a removed chip); removing the measure removes its part. */
export function withoutField(f: DrillFilter, field: DrillField): DrillFilter {
  const out = { ...f };
  delete out[field];
  if (field === 'measure') delete out.part;
  return out;
}

import type { StoredTouchpoint } from '@qihe/data';
import type { EngagementScoreModel } from '../scores/models/engagement-score.model';

// What an exported row holds: the fields the API returns for the same list,
// one column each, in a fixed order; and the file's name, which says what is
// in it (list, unit, window, filters).

type Cell = string | number | boolean | null;

const iso = (d: Date): string => d.toISOString();

/** The columns of touchpoints.csv: a Touchpoint of the API, flattened. */
export const TOUCHPOINT_COLUMNS = [
  'id', 'unitId', 'customerId', 'occurredAt', 'receivedAt', 'channel', 'kind', 'stage', 'region', 'industry',
  'agentId', 'teamId', 'productId', 'contractId', 'needCategory', 'needDescription', 'serviceAction', 'resolved',
  'handleSeconds', 'satisfactionScore', 'satisfactionComment',
] as const;

export function touchpointRow(t: StoredTouchpoint): Cell[] {
  return [
    t.id, t.unitId, t.customerId, iso(t.occurredAt), iso(t.receivedAt), t.channel, t.kind, t.stage, t.region, t.industry,
    t.agentId, t.teamId, t.productId, t.contractId, t.needCategory, t.needDescription, t.serviceAction,
    t.served ? t.resolved : null, t.served ? t.handleSeconds : null, t.satisfactionScore, t.satisfactionComment,
  ];
}

/** The columns of a scored row after its own key columns: the score, its chains, every measure's parts. */
export function scoreColumns(sample: EngagementScoreModel | undefined, measureKeys: readonly string[]): string[] {
  const chains = sample ? sample.chains.map((c) => c.chain) : ['VALUE', 'BUSINESS', 'KNOWLEDGE', 'DATA'];
  return [
    'from', 'to', 'touchpoints', 'overall', ...chains.map((c) => `${c}.score`),
    ...measureKeys.flatMap((k) => [`${k}.numerator`, `${k}.denominator`, `${k}.value`]),
    'modelVersion',
  ];
}

export function scoreCells(s: EngagementScoreModel, measureKeys: readonly string[]): Cell[] {
  const measures = new Map(s.chains.flatMap((c) => c.measures).map((m) => [m.key, m]));
  return [
    iso(s.from), iso(s.to), s.touchpoints, s.overall, ...s.chains.map((c) => c.score),
    ...measureKeys.flatMap((k) => {
      const m = measures.get(k);
      return m ? [m.numerator, m.denominator, m.value] : [null, null, null];
    }),
    s.modelVersion,
  ];
}

// 2026-12-01T07:00:00.000Z → 20261201T0700Z: sortable, and safe in any file system.
const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\d\d\.\d{3}Z$/, 'Z');
const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);

/** e.g. qihe-touchpoints_bu-a_20261201T0000Z-20261202T0000Z_channel-PHONE_measure-csat.csv */
export function exportFileName(list: string, unitId: string, from: Date, to: Date, extra: Record<string, unknown>): string {
  const parts = Object.entries(extra)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${safe(k)}-${safe(String(v))}`);
  return ['qihe-' + list, safe(unitId), `${stamp(from)}-${stamp(to)}`, ...parts].join('_') + '.csv';
}

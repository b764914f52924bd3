import type { Counters } from './counters';
import { scoreCounters, type EngagementModel } from './engagement-model';
import { DEFAULT_INDICATOR_TARGETS } from './indicator-targets';

export { DEFAULT_INDICATOR_TARGETS };

// The indicator set (MANAGEMENT-MODEL.md §4): KPI (results), KCI
// (controllable process), KQI (customer-perceived quality) — seed 003: assess
// mainly by KCI and KQI, KPI as support. Every value is a ratio of additive
// counters (rollups), except overall (the engagement score) and recoveryRate
// (follow-ups, counted apart and passed in).

export const INDICATOR_CLASSES = ['KPI', 'KCI', 'KQI'] as const;
export type IndicatorClass = (typeof INDICATOR_CLASSES)[number];
export const STATUSES = ['GREEN', 'AMBER', 'RED'] as const;
export type Status = (typeof STATUSES)[number];
export type MeasureUnit = 'ratio' | 'seconds' | 'score';

export interface IndicatorDefinition {
  key: string;
  class: IndicatorClass;
  unit: MeasureUnit;
  higherIsBetter: boolean;
}

const d = (key: string, cls: IndicatorClass, unit: MeasureUnit, higherIsBetter: boolean): IndicatorDefinition => ({ key, class: cls, unit, higherIsBetter });

/** Every key of §4, in the table's order. */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  d('overall', 'KPI', 'score', true),
  d('resolution', 'KPI', 'ratio', true),
  d('growth', 'KPI', 'ratio', true),
  d('aht', 'KCI', 'seconds', false),
  d('fcr', 'KCI', 'ratio', true),
  d('repeatContactRate', 'KCI', 'ratio', false),
  d('commitmentKeptRate', 'KCI', 'ratio', true),
  d('timeliness', 'KCI', 'ratio', true),
  d('csat', 'KQI', 'ratio', true),
  d('lowRatingRate', 'KQI', 'ratio', false),
  d('complaintRate', 'KQI', 'ratio', false),
  d('recoveryRate', 'KQI', 'ratio', true),
]);
export const INDICATOR_KEYS: readonly string[] = INDICATORS.map((x) => x.key);

/** The default amber band: 10 % of the target. */
export const defaultAmberBand = (target: number): number => Math.abs(target) * 0.1;

export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}
const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });

/** Follow-ups created in the window: how many recovered, how many have an answer yet (recovered ≠ null). */
export interface RecoveryCounts {
  recovered: number;
  answered: number;
}

/** Every indicator's numerator, denominator and value over one set of counters. */
export function indicatorValues(c: Counters, recovery: RecoveryCounts, model: EngagementModel): Map<string, Ratio> {
  const scored = scoreCounters(c, model);
  // "the measure's value": as the active model defines it, so a loaded model's csat is the csat shown.
  const measure = (key: string): Ratio => {
    for (const chain of scored.chains) {
      const m = chain.measures.find((x) => x.key === key);
      if (m) return { numerator: m.numerator, denominator: m.denominator, value: m.value };
    }
    return ratio(0, 0);
  };
  const overall = scored.overall;
  return new Map<string, Ratio>([
    ['overall', overall === null ? ratio(0, 0) : { numerator: overall, denominator: 1, value: overall }],
    ['resolution', measure('resolution')],
    ['growth', measure('growth')],
    ['aht', ratio(c.handleSeconds, c.served)],
    ['fcr', ratio(c.firstContactResolved, c.served)],
    ['repeatContactRate', ratio(c.repeats, c.touchpoints)],
    ['commitmentKeptRate', measure('commitmentKept')],
    ['timeliness', measure('timeliness')],
    ['csat', measure('csat')],
    ['lowRatingRate', ratio(c.lowRated, c.rated)],
    ['complaintRate', ratio(c.complaints, c.touchpoints)],
    ['recoveryRate', ratio(recovery.recovered, recovery.answered)],
  ]);
}

/** GREEN when the value meets the target, AMBER within the band of it, else RED; null without a value or target. */
export function statusOf(value: number | null, target: number | null, amberBand: number, higherIsBetter: boolean): Status | null {
  if (value === null || target === null) return null;
  const short = higherIsBetter ? target - value : value - target; // how far it falls short (≤ 0: met)
  if (short <= 0) return 'GREEN';
  return short <= amberBand ? 'AMBER' : 'RED';
}

export interface TargetInForce {
  key: string;
  target: number;
  amberBand: number;
  /** Where it is set: this unit, an ancestor (its id), or the model's default. */
  setOn: string | null;
  source: 'UNIT' | 'INHERITED' | 'MODEL';
}

export interface StoredTarget {
  unitId: string;
  key: string;
  target: number;
  amberBand: number | null;
}

/**
 * The targets in force for a unit: per key, the one set on the nearest unit
 * of its lineage (the unit itself first, then up to the root), else the
 * model's default. `lineage` runs from the unit up to the root.
 */
export function targetsInForce(lineage: readonly string[], stored: readonly StoredTarget[], defaults: Readonly<Record<string, number>> = DEFAULT_INDICATOR_TARGETS): Map<string, TargetInForce> {
  const out = new Map<string, TargetInForce>();
  const depth = new Map(lineage.map((u, i) => [u, i]));
  const nearest = new Map<string, StoredTarget>();
  for (const t of stored) {
    const at = depth.get(t.unitId);
    if (at === undefined) continue;
    const held = nearest.get(t.key);
    if (!held || at < (depth.get(held.unitId) as number)) nearest.set(t.key, t);
  }
  for (const [key, target] of Object.entries(defaults)) {
    out.set(key, { key, target, amberBand: defaultAmberBand(target), setOn: null, source: 'MODEL' });
  }
  for (const [key, t] of nearest) {
    out.set(key, {
      key,
      target: t.target,
      amberBand: t.amberBand ?? defaultAmberBand(t.target),
      setOn: t.unitId,
      source: t.unitId === lineage[0] ? 'UNIT' : 'INHERITED',
    });
  }
  return out;
}

export interface IndicatorResult extends Ratio {
  key: string;
  class: IndicatorClass;
  measureUnit: MeasureUnit;
  higherIsBetter: boolean;
  target: number | null;
  status: Status | null;
  previous: number | null;
}

/** The indicators of a window beside the window before it, each judged against its target in force. */
export function computeIndicators(
  now: { counters: Counters; recovery: RecoveryCounts },
  before: { counters: Counters; recovery: RecoveryCounts },
  targets: ReadonlyMap<string, TargetInForce>,
  model: EngagementModel,
): IndicatorResult[] {
  const cur = indicatorValues(now.counters, now.recovery, model);
  const prev = indicatorValues(before.counters, before.recovery, model);
  return INDICATORS.map((def) => {
    const r = cur.get(def.key) as Ratio;
    const t = targets.get(def.key) ?? null;
    return {
      key: def.key,
      class: def.class,
      measureUnit: def.unit,
      higherIsBetter: def.higherIsBetter,
      ...r,
      target: t ? t.target : null,
      status: statusOf(r.value, t ? t.target : null, t ? t.amberBand : 0, def.higherIsBetter),
      previous: (prev.get(def.key) as Ratio).value,
    };
  });
}

/** Keys a target may be set for: an indicator, a measure of the model, a chain, or "overall". */
export function targetKeys(model: EngagementModel): Set<string> {
  return new Set([...INDICATOR_KEYS, ...model.measures.map((m) => m.key), 'VALUE', 'BUSINESS', 'KNOWLEDGE', 'DATA', 'overall']);
}

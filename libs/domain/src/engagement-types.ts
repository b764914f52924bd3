import { COUNTER_KEYS, type CounterKey, type Counters } from './counters';
import type { MeasureDefinition, MeasureResult } from './engagement-model';
import { CHAINS, ENGAGEMENT_TYPES, type Chain, type EngagementType } from './vocabulary';
import { normalize, weightedMean } from './score-math';

// The four engagement types (四维契合, MANAGEMENT-MODEL.md §6): a second lens
// on the same counters as the chains, with the same arithmetic (measure →
// normalised → weighted score 0..100). A type measure's numerator and
// denominator are sums of counters with factors, so "(N − repeats) ÷ N" is
// data like every other measure. The definitions live in the engagement model
// (EngagementModel.types) and are versioned with it.

/** factor × counter; a type measure adds several (factors may be negative). */
export interface TypeTerm {
  counter: CounterKey;
  factor: number;
}

export interface TypeMeasureDefinition {
  type: EngagementType;
  key: string;
  /** The chain a measure borrowed from the model belongs to; its own measures are placed in the closest one. */
  chain: Chain;
  numerator: TypeTerm[];
  denominator: TypeTerm[];
  floor: number;
  target: number;
  weight: number;
}

export interface EngagementTypeResult {
  type: EngagementType;
  /** 0..100, null when none of its measures is present. */
  score: number | null;
  measures: MeasureResult[];
}

const one = (counter: CounterKey, factor = 1): TypeTerm[] => [{ counter, factor }];
const t = (
  type: EngagementType,
  key: string,
  chain: Chain,
  numerator: TypeTerm[],
  denominator: TypeTerm[],
  target: number,
  weight: number,
): TypeMeasureDefinition => ({ type, key, chain, numerator, denominator, floor: 0, target, weight });

/** The table of MANAGEMENT-MODEL.md §6; "as in the model" measures carry the model's counters. */
export const DEFAULT_TYPE_MEASURES: TypeMeasureDefinition[] = [
  t('BEHAVIOURAL', 'selfService', 'DATA', one('selfService'), one('touchpoints'), 0.5, 0.3),
  t('BEHAVIOURAL', 'repeatFree', 'KNOWLEDGE', [...one('touchpoints'), ...one('repeats', -1)], one('touchpoints'), 1, 0.4),
  t('BEHAVIOURAL', 'closedLoop', 'DATA', one('servedRated'), one('touchpoints'), 1, 0.3),
  t('EMOTIONAL', 'csat', 'VALUE', one('ratingPoints'), one('rated', 4), 1, 0.5),
  t('EMOTIONAL', 'delight', 'VALUE', one('delighted'), one('rated'), 0.5, 0.25),
  t('EMOTIONAL', 'complaintFree', 'VALUE', [...one('touchpoints'), ...one('complaints', -1)], one('touchpoints'), 1, 0.25),
  t('WIN_WIN', 'winWin', 'VALUE', one('winWin'), one('servedRated'), 1, 0.4),
  t('WIN_WIN', 'growth', 'VALUE', one('growth'), one('touchpoints'), 0.25, 0.3),
  t('WIN_WIN', 'resolution', 'BUSINESS', one('resolved'), one('served'), 1, 0.3),
  t('STRATEGIC', 'linkage', 'DATA', one('linked'), one('touchpoints'), 1, 0.3),
  t('STRATEGIC', 'renewal', 'VALUE', one('renewals'), one('touchpoints'), 0.1, 0.3),
  t('STRATEGIC', 'collaboration', 'BUSINESS', one('handoffResolved'), one('handoff'), 1, 0.2),
  t('STRATEGIC', 'knowledgeCapture', 'KNOWLEDGE', one('knowledgeCreated'), one('served'), 0.1, 0.2),
];
Object.freeze(DEFAULT_TYPE_MEASURES);

const sum = (counters: Counters, terms: readonly TypeTerm[]): number => {
  let s = 0;
  for (const x of terms) s += counters[x.counter] * x.factor;
  return s;
};

/**
 * Counters → the four type scores, always in ENGAGEMENT_TYPES order. Pure and
 * exact: the gateway feeds it a unit's rollups, a customer profile the
 * customer's own touchpoints counted the same way.
 */
export function scoreEngagementTypes(counters: Counters, model: { types: readonly TypeMeasureDefinition[] }): EngagementTypeResult[] {
  return ENGAGEMENT_TYPES.map((type) => {
    const present: [number, number][] = [];
    const measures: MeasureResult[] = [];
    for (const def of model.types) {
      if (def.type !== type) continue;
      const numerator = sum(counters, def.numerator);
      const denominator = sum(counters, def.denominator);
      const value = denominator === 0 ? null : numerator / denominator;
      const normalized = normalize(value, def.floor, def.target);
      if (normalized !== null) present.push([def.weight, normalized]);
      measures.push({ key: def.key, chain: def.chain, numerator, denominator, value, normalized, weight: def.weight });
    }
    const mean = weightedMean(present);
    return { type, score: mean === null ? null : 100 * mean, measures };
  });
}

const MAX_FACTOR = 1e6;
const MIN_FACTOR = 1e-6;

/**
 * The "types" of a model file: each entry either names a measure of the model
 * (`"measure": "closedLoop"`: its counters and chain) or gives its own
 * `numerator` / `denominator` as lists of { counter, factor }. `fail` throws a
 * sentence naming the entry.
 */
export function parseTypeMeasures(raw: unknown, measures: readonly MeasureDefinition[], fail: (what: string) => never): TypeMeasureDefinition[] {
  if (!Array.isArray(raw) || raw.length === 0) fail('"types" must be a non-empty array');
  const seen = new Set<string>();
  const terms = (v: unknown, where: string): TypeTerm[] => {
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0) fail(`${where} must name at least one counter`);
    return list.map((x, j) => {
      const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
      const factor = o.factor ?? 1;
      if (!COUNTER_KEYS.includes(o.counter as CounterKey)) fail(`${where}[${j}].counter must be one of ${COUNTER_KEYS.join(', ')}`);
      if (typeof factor !== 'number' || !(Math.abs(factor) >= MIN_FACTOR && Math.abs(factor) <= MAX_FACTOR)) {
        fail(`${where}[${j}].factor must be a number whose size is from ${MIN_FACTOR} to ${MAX_FACTOR}`);
      }
      return { counter: o.counter as CounterKey, factor: factor as number };
    });
  };
  const out = (raw as unknown[]).map((e, i): TypeMeasureDefinition => {
    const at = `types[${i}]`;
    if (typeof e !== 'object' || e === null) fail(`${at} must be an object`);
    const d = e as Record<string, unknown>;
    if (!ENGAGEMENT_TYPES.includes(d.type as EngagementType)) fail(`${at}.type must be one of ${ENGAGEMENT_TYPES.join(', ')}`);
    if (typeof d.key !== 'string' || d.key === '') fail(`${at}.key must be a non-empty string`);
    const id = `${d.type as string}/${d.key as string}`;
    if (seen.has(id)) fail(`${at}: ${d.type as string} has "${d.key as string}" twice`);
    seen.add(id);
    for (const f of ['target', 'weight'] as const) if (typeof d[f] !== 'number' || !Number.isFinite(d[f])) fail(`${at}.${f} must be a number`);
    const floor = d.floor ?? 0;
    if (typeof floor !== 'number' || !Number.isFinite(floor)) fail(`${at}.floor must be a number`);
    if ((d.target as number) <= (floor as number)) fail(`${at}.target must be greater than its floor`);
    if ((d.weight as number) <= 0) fail(`${at}.weight must be positive`);
    let chain: Chain;
    let numerator: TypeTerm[];
    let denominator: TypeTerm[];
    if (d.measure !== undefined) {
      const m = measures.find((x) => x.key === d.measure);
      if (!m) fail(`${at}.measure "${String(d.measure)}" is not a measure of this model`);
      const def = m as MeasureDefinition;
      chain = def.chain;
      numerator = [{ ...def.numerator }];
      denominator = [{ ...def.denominator }];
    } else {
      if (!CHAINS.includes(d.chain as Chain)) fail(`${at}.chain must be one of ${CHAINS.join(', ')} (or name a "measure")`);
      chain = d.chain as Chain;
      numerator = terms(d.numerator, `${at}.numerator`);
      denominator = terms(d.denominator, `${at}.denominator`);
    }
    return { type: d.type as EngagementType, key: d.key as string, chain, numerator, denominator, floor: floor as number, target: d.target as number, weight: d.weight as number };
  });
  for (const type of ENGAGEMENT_TYPES) if (!out.some((x) => x.type === type)) fail(`"types" has no measure of ${type}`);
  return out;
}

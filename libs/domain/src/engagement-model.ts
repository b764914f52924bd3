import { COUNTER_KEYS, type CounterKey, type Counters } from './counters';
import { CHAINS, type Chain } from './vocabulary';
import { normalize, weightedMean } from './score-math';
import { DEFAULT_TYPE_MEASURES, parseTypeMeasures, type TypeMeasureDefinition } from './engagement-types';
import { DEFAULT_INDICATOR_TARGETS } from './indicator-targets';

// The engagement model is data: which counters make each measure, and the
// floors, targets and weights that turn measures into chain and overall scores.
// `qihe-default@1` below is the contract of ENGAGEMENT-MODEL.md; a deployment
// may load another with the same structure (see parseEngagementModel).

export interface Term {
  counter: CounterKey;
  factor: number;
}

export interface MeasureDefinition {
  key: string;
  chain: Chain;
  numerator: Term;
  denominator: Term;
  floor: number;
  target: number;
  weight: number;
}

export interface EngagementModel {
  version: string;
  chainWeights: Record<Chain, number>;
  measures: MeasureDefinition[];
  /** The four engagement types' measures (MANAGEMENT-MODEL.md §6), versioned with the chains. */
  types: TypeMeasureDefinition[];
  /** Default targets of indicators (and measures, chains, overall) before any unit sets its own. */
  indicatorTargets: Readonly<Record<string, number>>;
}

export interface MeasureResult {
  key: string;
  chain: Chain;
  numerator: number;
  denominator: number;
  value: number | null;
  normalized: number | null;
  weight: number;
}

export interface ChainResult {
  chain: Chain;
  score: number | null;
  measures: MeasureResult[];
}

export interface EngagementResult {
  touchpoints: number;
  overall: number | null;
  chains: ChainResult[]; // always the four chains, VALUE, BUSINESS, KNOWLEDGE, DATA
  modelVersion: string;
}

const m = (
  key: string,
  chain: Chain,
  numerator: CounterKey,
  denominator: CounterKey,
  target: number,
  weight: number,
  denominatorFactor = 1,
): MeasureDefinition => ({
  key,
  chain,
  numerator: { counter: numerator, factor: 1 },
  denominator: { counter: denominator, factor: denominatorFactor },
  floor: 0,
  target,
  weight,
});

export const DEFAULT_MODEL: EngagementModel = Object.freeze({
  version: 'qihe-default@1',
  chainWeights: { VALUE: 0.25, BUSINESS: 0.25, KNOWLEDGE: 0.25, DATA: 0.25 },
  measures: [
    m('csat', 'VALUE', 'ratingPoints', 'rated', 1, 0.5, 4),
    m('winWin', 'VALUE', 'winWin', 'servedRated', 1, 0.3),
    m('growth', 'VALUE', 'growth', 'touchpoints', 0.25, 0.2),
    m('resolution', 'BUSINESS', 'resolved', 'served', 1, 0.4),
    m('commitmentKept', 'BUSINESS', 'commitmentMet', 'commitmentPresent', 1, 0.3),
    m('collaboration', 'BUSINESS', 'handoffResolved', 'handoff', 1, 0.3),
    m('knowledgeUse', 'KNOWLEDGE', 'knowledgeUsed', 'served', 1, 0.4),
    m('firstContactResolution', 'KNOWLEDGE', 'firstContactResolved', 'served', 1, 0.4),
    m('knowledgeCapture', 'KNOWLEDGE', 'knowledgeCreated', 'served', 0.1, 0.2),
    m('closedLoop', 'DATA', 'servedRated', 'touchpoints', 1, 0.4),
    m('linkage', 'DATA', 'linked', 'touchpoints', 1, 0.3),
    m('timeliness', 'DATA', 'timely', 'touchpoints', 1, 0.3),
  ],
  types: DEFAULT_TYPE_MEASURES,
  indicatorTargets: DEFAULT_INDICATOR_TARGETS,
});

/**
 * One chain's score from counters (ENGAGEMENT-MODEL.md); with `measures`, each measure's result is pushed there
 * too. The one place the arithmetic lives: scoreCounters and overallScore both come here, so a list that shows
 * only overall scores gets exactly the numbers the full answer has.
 */
function chainScore(counters: Counters, model: EngagementModel, chain: Chain, measures: MeasureResult[] | null): number | null {
  const present: [number, number][] = [];
  for (const def of model.measures) {
    if (def.chain !== chain) continue;
    const numerator = counters[def.numerator.counter] * def.numerator.factor;
    const denominator = counters[def.denominator.counter] * def.denominator.factor;
    const value = denominator === 0 ? null : numerator / denominator;
    const normalized = normalize(value, def.floor, def.target);
    if (normalized !== null) present.push([def.weight, normalized]);
    measures?.push({ key: def.key, chain, numerator, denominator, value, normalized, weight: def.weight });
  }
  const mean = weightedMean(present);
  return mean === null ? null : 100 * mean;
}

/** The overall score of the four chain scores (CHAINS order; null: a chain with nothing to score). */
function overallOfChains(scores: readonly (number | null)[], model: EngagementModel): number | null {
  const scored: [number, number][] = [];
  for (let i = 0; i < CHAINS.length; i++) {
    const score = scores[i];
    if (score !== null) scored.push([model.chainWeights[CHAINS[i]], score]);
  }
  return weightedMean(scored);
}

/** Counters → measures → chain scores → overall, exactly as ENGAGEMENT-MODEL.md says. */
export function scoreCounters(counters: Counters, model: EngagementModel = DEFAULT_MODEL): EngagementResult {
  const chains: ChainResult[] = CHAINS.map((chain) => {
    const measures: MeasureResult[] = [];
    return { chain, score: chainScore(counters, model, chain, measures), measures };
  });
  return {
    touchpoints: counters.touchpoints,
    overall: overallOfChains(
      chains.map((c) => c.score),
      model,
    ),
    chains,
    modelVersion: model.version,
  };
}

/**
 * scoreCounters(counters, model).overall, without building the chains' and measures' objects: a breakdown of
 * 10,000 agents asks only each one's overall score (and builds the rest when a caller asks for it).
 */
export function overallScore(counters: Counters, model: EngagementModel = DEFAULT_MODEL): number | null {
  return overallOfChains(
    CHAINS.map((chain) => chainScore(counters, model, chain, null)),
    model,
  );
}

export class ModelDefinitionError extends Error {}

const MIN_FACTOR = 1e-6;
const MAX_FACTOR = 1e6;

/** Validates a model loaded from JSON; throws a sentence naming the bad entry. */
export function parseEngagementModel(raw: unknown): EngagementModel {
  const fail = (what: string): never => {
    throw new ModelDefinitionError(`engagement model: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null) fail('must be a JSON object');
  const o = raw as Record<string, unknown>;
  if (typeof o.version !== 'string' || !/^[\w.-]+@[\w.-]+$/.test(o.version)) fail('"version" must look like "name@1"');
  const cw = o.chainWeights as Record<string, unknown> | undefined;
  if (typeof cw !== 'object' || cw === null) fail('"chainWeights" must be an object with VALUE, BUSINESS, KNOWLEDGE, DATA');
  const chainWeights = {} as Record<Chain, number>;
  for (const c of CHAINS) {
    const w = (cw as Record<string, unknown>)[c];
    if (typeof w !== 'number' || !Number.isFinite(w) || !(w > 0)) fail(`chainWeights.${c} must be a positive number`);
    chainWeights[c] = w as number;
  }
  if (!Array.isArray(o.measures) || o.measures.length === 0) fail('"measures" must be a non-empty array');
  const keys = new Set<string>();
  const term = (t: unknown, where: string): Term => {
    const x = t as Record<string, unknown> | null;
    if (typeof x !== 'object' || x === null) fail(`${where} must be { counter, factor }`);
    const counter = (x as Record<string, unknown>).counter;
    const factor = (x as Record<string, unknown>).factor ?? 1;
    if (!COUNTER_KEYS.includes(counter as CounterKey)) fail(`${where}.counter must be one of ${COUNTER_KEYS.join(', ')}`);
    // Bounded so that counts times factors can never overflow into Infinity or NaN.
    if (typeof factor !== 'number' || !(factor >= MIN_FACTOR && factor <= MAX_FACTOR)) {
      fail(`${where}.factor must be a number from ${MIN_FACTOR} to ${MAX_FACTOR}`);
    }
    return { counter: counter as CounterKey, factor: factor as number };
  };
  const measures = (o.measures as unknown[]).map((raw, i): MeasureDefinition => {
    const d = raw as Record<string, unknown>;
    const at = `measures[${i}]`;
    if (typeof d !== 'object' || d === null) fail(`${at} must be an object`);
    if (typeof d.key !== 'string' || d.key === '') fail(`${at}.key must be a non-empty string`);
    if (keys.has(d.key as string)) fail(`${at}.key "${d.key}" is defined twice`);
    keys.add(d.key as string);
    if (!CHAINS.includes(d.chain as Chain)) fail(`${at}.chain must be one of ${CHAINS.join(', ')}`);
    for (const f of ['floor', 'target', 'weight'] as const) {
      if (typeof d[f] !== 'number' || !Number.isFinite(d[f])) fail(`${at}.${f} must be a number`);
    }
    if ((d.target as number) <= (d.floor as number)) fail(`${at}.target must be greater than its floor`);
    if ((d.weight as number) <= 0) fail(`${at}.weight must be positive`);
    return {
      key: d.key as string,
      chain: d.chain as Chain,
      numerator: term(d.numerator, `${at}.numerator`),
      denominator: term(d.denominator, `${at}.denominator`),
      floor: d.floor as number,
      target: d.target as number,
      weight: d.weight as number,
    };
  });
  // A model file without "types" keeps the default four types (they name counters, not measure keys).
  const types = o.types === undefined ? DEFAULT_TYPE_MEASURES : parseTypeMeasures(o.types, measures, fail);
  const targets = o.indicatorTargets === undefined ? {} : o.indicatorTargets;
  if (typeof targets !== 'object' || targets === null || Array.isArray(targets)) fail('"indicatorTargets" must be an object of key: target');
  for (const [k, v] of Object.entries(targets as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`indicatorTargets.${k} must be a number`);
  }
  const indicatorTargets = { ...DEFAULT_INDICATOR_TARGETS, ...(targets as Record<string, number>) };
  return { version: o.version as string, chainWeights, measures, types, indicatorTargets };
}

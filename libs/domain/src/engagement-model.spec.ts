import { countTouchpoint, sumCounters, zeroCounters, type Counters, type TouchpointFacts } from './counters';
import {
  DEFAULT_MODEL,
  ModelDefinitionError,
  parseEngagementModel,
  scoreCounters,
  type EngagementResult,
  type MeasureResult,
} from './engagement-model';
import { CHAINS, type Chain, type NeedCategory } from './vocabulary';

const T0 = Date.UTC(2024, 0, 1, 10);
const MIN = 60_000;

// One row of the worked example of ENGAGEMENT-MODEL.md, as its table reads.
interface ExampleRow {
  id: number;
  served: boolean;
  resolved: boolean;
  firstContact: boolean;
  knowledgeRefs: number;
  score: number | null;
  need: NeedCategory;
  contract: boolean;
  lagMinutes: number;
}

const WORKED_EXAMPLE: ExampleRow[] = [
  { id: 1, served: true, resolved: true, firstContact: true, knowledgeRefs: 1, score: 5, need: 'FAULT', contract: true, lagMinutes: 1 },
  { id: 2, served: true, resolved: false, firstContact: false, knowledgeRefs: 0, score: 2, need: 'COMPLAINT', contract: false, lagMinutes: 1 },
  { id: 3, served: true, resolved: true, firstContact: false, knowledgeRefs: 0, score: null, need: 'PURCHASE', contract: true, lagMinutes: 40 },
  { id: 4, served: false, resolved: false, firstContact: false, knowledgeRefs: 0, score: null, need: 'CONSULTATION', contract: false, lagMinutes: 1 },
];

const toFacts = (r: ExampleRow): TouchpointFacts => ({
  needCategory: r.need,
  channel: 'PHONE',
  repeat: false,
  service: r.served
    ? { handleSeconds: 0, resolved: r.resolved, firstContact: r.firstContact, knowledgeRefs: r.knowledgeRefs, knowledgeCreated: false, handoff: false, commitmentMet: null }
    : null,
  score: r.score,
  linked: r.contract,
  occurredAt: T0 + r.id * MIN,
  receivedAt: T0 + r.id * MIN + r.lagMinutes * MIN,
});

// What each row alone contributes; the pooled counters below must be their sum.
const ROW_COUNTERS: [number, Partial<Counters>][] = [
  [1, { touchpoints: 1, served: 1, rated: 1, ratingPoints: 4, delighted: 1, servedRated: 1, winWin: 1, resolved: 1, knowledgeUsed: 1, firstContactResolved: 1, linked: 1, timely: 1 }],
  [2, { touchpoints: 1, served: 1, rated: 1, ratingPoints: 1, servedRated: 1, timely: 1, complaints: 1, lowRated: 1 }],
  [3, { touchpoints: 1, served: 1, growth: 1, resolved: 1, linked: 1 }],
  [4, { touchpoints: 1, timely: 1 }],
];

const exampleCounters = (): Counters => sumCounters(WORKED_EXAMPLE.map((r) => countTouchpoint(toFacts(r))));
const chainOf = (r: EngagementResult, c: Chain) => r.chains.find((x) => x.chain === c);
const measureOf = (r: EngagementResult, key: string): MeasureResult | undefined =>
  r.chains.flatMap((c) => c.measures).find((m) => m.key === key);

describe('countTouchpoint on the worked example', () => {
  it.each(ROW_COUNTERS)('touchpoint %i contributes exactly its counters', (id, expected) => {
    const row = WORKED_EXAMPLE.find((r) => r.id === id) as ExampleRow;
    expect(countTouchpoint(toFacts(row))).toEqual({ ...zeroCounters(), ...expected });
  });

  it('pools the four touchpoints into N=4, S=3, R=2, S∩R=2', () => {
    const c = exampleCounters();
    expect([c.touchpoints, c.served, c.rated, c.servedRated]).toEqual([4, 3, 2, 2]);
    expect(c.commitmentPresent).toBe(0);
    expect(c.handoff).toBe(0);
  });
});

describe('scoreCounters with qihe-default@1 (worked example)', () => {
  const result = scoreCounters(exampleCounters());

  // Exact expected values as fractions; the contract asks for 1e-9.
  const CHAIN_SCORES: [Chain, number][] = [
    ['VALUE', 100 * (0.5 * (5 / 8) + 0.3 * (1 / 2) + 0.2 * 1)], // 66.25
    ['BUSINESS', 200 / 3],
    ['KNOWLEDGE', 80 / 3],
    ['DATA', 100 * (0.4 * (2 / 4) + 0.3 * (2 / 4) + 0.3 * (3 / 4))], // 57.5
  ];

  it.each(CHAIN_SCORES)('%s chain scores %d', (chain, expected) => {
    expect(Math.abs((chainOf(result, chain)?.score as number) - expected)).toBeLessThan(1e-9);
  });

  it('pins the chain scores to the numbers printed in the document', () => {
    expect(chainOf(result, 'VALUE')?.score).toBeCloseTo(66.25, 9);
    expect(chainOf(result, 'BUSINESS')?.score).toBeCloseTo(66.6666666667, 9);
    expect(chainOf(result, 'KNOWLEDGE')?.score).toBeCloseTo(26.6666666667, 9);
    expect(chainOf(result, 'DATA')?.score).toBeCloseTo(57.5, 9);
  });

  it('overall is the equal-weight mean of the four chains: 2605/48 ≈ 54.2708', () => {
    expect(Math.abs((result.overall as number) - 2605 / 48)).toBeLessThan(1e-9);
    expect(result.overall).toBeCloseTo(54.2708333333, 9);
  });

  // key, chain, numerator, denominator, value, normalized, weight
  const MEASURES: [string, Chain, number, number, number | null, number | null, number][] = [
    ['csat', 'VALUE', 5, 8, 5 / 8, 5 / 8, 0.5],
    ['winWin', 'VALUE', 1, 2, 1 / 2, 1 / 2, 0.3],
    ['growth', 'VALUE', 1, 4, 1 / 4, 1, 0.2],
    ['resolution', 'BUSINESS', 2, 3, 2 / 3, 2 / 3, 0.4],
    ['commitmentKept', 'BUSINESS', 0, 0, null, null, 0.3],
    ['collaboration', 'BUSINESS', 0, 0, null, null, 0.3],
    ['knowledgeUse', 'KNOWLEDGE', 1, 3, 1 / 3, 1 / 3, 0.4],
    ['firstContactResolution', 'KNOWLEDGE', 1, 3, 1 / 3, 1 / 3, 0.4],
    ['knowledgeCapture', 'KNOWLEDGE', 0, 3, 0, 0, 0.2],
    ['closedLoop', 'DATA', 2, 4, 2 / 4, 2 / 4, 0.4],
    ['linkage', 'DATA', 2, 4, 2 / 4, 2 / 4, 0.3],
    ['timeliness', 'DATA', 3, 4, 3 / 4, 3 / 4, 0.3],
  ];

  it.each(MEASURES)('measure %s (%s) = %d / %d', (key, chain, numerator, denominator, value, normalized, weight) => {
    const mr = measureOf(result, key) as MeasureResult;
    expect(mr).toBeDefined();
    expect(mr.chain).toBe(chain);
    expect(chainOf(result, chain)?.measures).toContain(mr);
    expect(mr.numerator).toBe(numerator);
    expect(mr.denominator).toBe(denominator);
    expect(mr.weight).toBe(weight);
    if (value === null) expect(mr.value).toBeNull();
    else expect(Math.abs((mr.value as number) - value)).toBeLessThan(1e-12);
    if (normalized === null) expect(mr.normalized).toBeNull();
    else expect(Math.abs((mr.normalized as number) - normalized)).toBeLessThan(1e-12);
  });

  it('reports exactly the twelve measures of the model, in model order', () => {
    expect(result.chains.flatMap((c) => c.measures.map((m) => m.key))).toEqual(MEASURES.map(([k]) => k));
  });

  it('names the model version and counts the touchpoints', () => {
    expect(result.modelVersion).toBe('qihe-default@1');
    expect(result.touchpoints).toBe(4);
  });

  it('lists the chains in the order VALUE, BUSINESS, KNOWLEDGE, DATA', () => {
    expect(result.chains.map((c) => c.chain)).toEqual(['VALUE', 'BUSINESS', 'KNOWLEDGE', 'DATA']);
  });

  it('gives the same result whatever the order the touchpoints were counted in', () => {
    const reversed = sumCounters([...WORKED_EXAMPLE].reverse().map((r) => countTouchpoint(toFacts(r))));
    expect(scoreCounters(reversed)).toEqual(result);
  });
});

describe('scoreCounters on edge cases', () => {
  it('empty counters: every chain and the overall are null, every measure absent', () => {
    const r = scoreCounters(zeroCounters());
    expect(r.chains.map((c) => c.chain)).toEqual([...CHAINS]);
    expect(r.chains.every((c) => c.score === null)).toBe(true);
    expect(r.overall).toBeNull();
    expect(r.touchpoints).toBe(0);
    expect(r.modelVersion).toBe('qihe-default@1');
    for (const mr of r.chains.flatMap((c) => c.measures)) {
      expect([mr.denominator, mr.value, mr.normalized]).toEqual([0, null, null]);
    }
  });

  it('overall averages only the chains that are present', () => {
    // One unserved, unrated touchpoint: VALUE has growth only, DATA all three; BUSINESS and KNOWLEDGE are null.
    const t: TouchpointFacts = { needCategory: 'RENEWAL', channel: 'PHONE', repeat: false, service: null, score: null, linked: true, occurredAt: T0, receivedAt: T0 };
    const r = scoreCounters(countTouchpoint(t));
    expect(chainOf(r, 'VALUE')?.score).toBe(100);
    expect(chainOf(r, 'BUSINESS')?.score).toBeNull();
    expect(chainOf(r, 'KNOWLEDGE')?.score).toBeNull();
    expect(chainOf(r, 'DATA')?.score).toBeCloseTo(100 * (0.3 + 0.3) / 1.0, 9);
    expect(r.overall).toBeCloseTo((100 + 60) / 2, 9);
  });

  it('a lag of exactly 15 minutes is timely, one millisecond more is not', () => {
    const base: TouchpointFacts = { needCategory: 'OTHER', channel: 'PHONE', repeat: false, service: null, score: null, linked: false, occurredAt: T0, receivedAt: T0 + 15 * MIN };
    expect(countTouchpoint(base).timely).toBe(1);
    expect(countTouchpoint({ ...base, receivedAt: T0 + 15 * MIN + 1 }).timely).toBe(0);
  });

  it('normalizes above the target to 1 (clamped)', () => {
    const c = { ...zeroCounters(), touchpoints: 4, growth: 4 };
    expect(measureOf(scoreCounters(c), 'growth')).toMatchObject({ value: 1, normalized: 1 });
  });
});

// A deployment's own model: other weights/targets than the default.
const CUSTOM = {
  version: 'custom@2',
  chainWeights: { VALUE: 3, BUSINESS: 1, KNOWLEDGE: 0.5, DATA: 1 },
  measures: [
    { key: 'csat', chain: 'VALUE', numerator: { counter: 'ratingPoints' }, denominator: { counter: 'rated', factor: 4 }, floor: 0.5, target: 1, weight: 1 },
    { key: 'resolution', chain: 'BUSINESS', numerator: { counter: 'resolved', factor: 1 }, denominator: { counter: 'served', factor: 1 }, floor: 0, target: 0.5, weight: 2 },
    { key: 'timeliness', chain: 'DATA', numerator: { counter: 'timely' }, denominator: { counter: 'touchpoints' }, floor: 0, target: 1, weight: 1 },
  ],
};

describe('parseEngagementModel', () => {
  const valid = CUSTOM;

  it('accepts the default model written out as JSON and scores identically', () => {
    const parsed = parseEngagementModel(JSON.parse(JSON.stringify(DEFAULT_MODEL)));
    expect(parsed).toEqual(DEFAULT_MODEL);
    expect(scoreCounters(exampleCounters(), parsed)).toEqual(scoreCounters(exampleCounters()));
  });

  it('a loaded model changes the numbers and names its version', () => {
    const model = parseEngagementModel(JSON.parse(JSON.stringify(valid)));
    const r = scoreCounters(exampleCounters(), model);
    expect(r.modelVersion).toBe('custom@2');
    expect(r.chains.map((c) => c.chain)).toEqual([...CHAINS]);
    // csat 5/8 over floor 0.5, target 1 → (0.625 − 0.5)/0.5 = 0.25
    expect(measureOf(r, 'csat')).toMatchObject({ numerator: 5, denominator: 8, value: 5 / 8 });
    expect(measureOf(r, 'csat')?.normalized).toBeCloseTo(0.25, 12);
    expect(chainOf(r, 'VALUE')?.score).toBeCloseTo(25, 9);
    // resolution 2/3 against a target of 0.5 → clamped to 1
    expect(chainOf(r, 'BUSINESS')?.score).toBe(100);
    expect(chainOf(r, 'KNOWLEDGE')).toEqual({ chain: 'KNOWLEDGE', score: null, measures: [] });
    expect(chainOf(r, 'DATA')?.score).toBeCloseTo(75, 9);
    // KNOWLEDGE is null, so its weight drops out: (3·25 + 1·100 + 1·75) / 5
    expect(Math.abs((r.overall as number) - 250 / 5)).toBeLessThan(1e-9);
    expect(r.overall).not.toBeCloseTo(scoreCounters(exampleCounters()).overall as number, 3);
  });

  it('a perfect score is exactly 100 whatever the weights (no float overshoot)', () => {
    // 100·w/w is 100.00000000000001 for this w; scores must stay within [0,100].
    const w = 0.09045745524810804;
    const model = parseEngagementModel({
      version: 'odd@1',
      chainWeights: { VALUE: w, BUSINESS: 5e-324, KNOWLEDGE: 1e308, DATA: 1e308 },
      measures: [
        { key: 'all', chain: 'VALUE', numerator: { counter: 'touchpoints' }, denominator: { counter: 'touchpoints' }, floor: 0, target: 1, weight: w },
        { key: 'big', chain: 'DATA', numerator: { counter: 'touchpoints' }, denominator: { counter: 'touchpoints' }, floor: 0, target: 1, weight: 1e308 },
        { key: 'big2', chain: 'DATA', numerator: { counter: 'touchpoints' }, denominator: { counter: 'touchpoints' }, floor: 0, target: 1, weight: 1e308 },
      ],
    });
    const r = scoreCounters({ ...zeroCounters(), touchpoints: 3 }, model);
    expect(chainOf(r, 'VALUE')?.score).toBe(100);
    expect(chainOf(r, 'DATA')?.score).toBe(100); // 1e308 + 1e308 must not overflow to Infinity/Infinity
    expect(r.overall).toBe(100);
  });

  it('defaults a missing factor to 1', () => {
    const model = parseEngagementModel(valid);
    expect(model.measures[0].numerator).toEqual({ counter: 'ratingPoints', factor: 1 });
    expect(model.measures[0].denominator).toEqual({ counter: 'rated', factor: 4 });
  });

  type Mutate = (m: Record<string, unknown>) => unknown;
  const withMeasure = (i: number, patch: Record<string, unknown>): Mutate => (m) => ({
    ...m,
    measures: (m.measures as Record<string, unknown>[]).map((x, j) => (j === i ? { ...x, ...patch } : x)),
  });
  const BAD: [string, Mutate, RegExp][] = [
    ['not an object', () => 'qihe', /must be a JSON object/],
    ['null', () => null, /must be a JSON object/],
    ['missing version', ({ version: _v, ...m }) => m, /"version"/],
    ['version without @', (m) => ({ ...m, version: 'custom' }), /"version"/],
    ['no chainWeights', ({ chainWeights: _c, ...m }) => m, /"chainWeights"/],
    ['chain weight missing', (m) => ({ ...m, chainWeights: { VALUE: 1, BUSINESS: 1, KNOWLEDGE: 1 } }), /chainWeights\.DATA/],
    ['chain weight zero', (m) => ({ ...m, chainWeights: { ...valid.chainWeights, BUSINESS: 0 } }), /chainWeights\.BUSINESS/],
    ['chain weight infinite', (m) => ({ ...m, chainWeights: { ...valid.chainWeights, VALUE: Infinity } }), /chainWeights\.VALUE/],
    ['chain weight a string', (m) => ({ ...m, chainWeights: { ...valid.chainWeights, KNOWLEDGE: '1' } }), /chainWeights\.KNOWLEDGE/],
    ['measures missing', ({ measures: _m, ...m }) => m, /"measures"/],
    ['measures empty', (m) => ({ ...m, measures: [] }), /"measures"/],
    ['a measure that is not an object', (m) => ({ ...m, measures: [...(m.measures as unknown[]), 7] }), /measures\[3\] must be an object/],
    ['a measure without key', withMeasure(1, { key: '' }), /measures\[1\]\.key/],
    ['a key defined twice', withMeasure(2, { key: 'csat' }), /measures\[2\]\.key "csat" is defined twice/],
    ['an unknown chain', withMeasure(0, { chain: 'PEOPLE' }), /measures\[0\]\.chain/],
    ['a floor that is not a number', withMeasure(1, { floor: '0' }), /measures\[1\]\.floor/],
    ['a NaN target', withMeasure(2, { target: NaN }), /measures\[2\]\.target/],
    ['a target not above its floor', withMeasure(0, { floor: 1, target: 1 }), /measures\[0\]\.target must be greater than its floor/],
    ['a zero weight', withMeasure(1, { weight: 0 }), /measures\[1\]\.weight/],
    ['an infinite weight', withMeasure(1, { weight: Infinity }), /measures\[1\]\.weight/],
    ['no numerator', withMeasure(2, { numerator: undefined }), /measures\[2\]\.numerator must be/],
    ['an unknown counter', withMeasure(0, { numerator: { counter: 'likes' } }), /measures\[0\]\.numerator\.counter/],
    ['a negative factor', withMeasure(1, { denominator: { counter: 'served', factor: -1 } }), /measures\[1\]\.denominator\.factor/],
    ['an infinite factor', withMeasure(1, { denominator: { counter: 'served', factor: Infinity } }), /measures\[1\]\.denominator\.factor/],
    ['a factor beyond 1e6', withMeasure(2, { numerator: { counter: 'timely', factor: 1e9 } }), /measures\[2\]\.numerator\.factor/],
    ['a factor below 1e-6', withMeasure(2, { numerator: { counter: 'timely', factor: 1e-9 } }), /measures\[2\]\.numerator\.factor/],
  ];

  it.each(BAD)('rejects %s, naming the bad entry', (_name, mutate, message) => {
    const raw = mutate(JSON.parse(JSON.stringify(valid)) as Record<string, unknown>);
    expect(() => parseEngagementModel(raw)).toThrow(ModelDefinitionError);
    expect(() => parseEngagementModel(raw)).toThrow(message);
  });
});

import fc from 'fast-check';
import { COUNTER_KEYS, addCounters, countTouchpoint, ratingDelta, sumCounters, type TouchpointFacts } from './counters';
import { overallScore, parseEngagementModel, scoreCounters, type EngagementModel, type EngagementResult } from './engagement-model';
import { CHAINS, CHANNELS, NEED_CATEGORIES } from './vocabulary';

// Enough runs to find edge cases, few enough to keep the whole domain suite fast.
const RUNS = { numRuns: 250 };
const T0 = Date.UTC(2024, 0, 1);
const MIN = 60_000;

const serviceArb = fc.record({
  handleSeconds: fc.nat({ max: 3600 }),
  resolved: fc.boolean(),
  firstContact: fc.boolean(),
  knowledgeRefs: fc.nat({ max: 3 }),
  knowledgeCreated: fc.boolean(),
  handoff: fc.boolean(),
  commitmentMet: fc.constantFrom(true, false, null),
});

const factsArb: fc.Arbitrary<TouchpointFacts> = fc
  .record({
    needCategory: fc.constantFrom(...NEED_CATEGORIES),
    channel: fc.constantFrom(...CHANNELS),
    repeat: fc.boolean(),
    service: fc.option(serviceArb, { nil: null }),
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    linked: fc.boolean(),
    occurredAt: fc.integer({ min: T0, max: T0 + 30 * 24 * 60 * MIN }),
    // around the 15-minute timeliness limit, either side
    lagMs: fc.oneof(fc.integer({ min: 0, max: 30 * MIN }), fc.constantFrom(15 * MIN, 15 * MIN + 1)),
  })
  .map(({ lagMs, ...t }) => ({ ...t, receivedAt: t.occurredAt + lagMs }));

const factsListArb = fc.array(factsArb, { maxLength: 40 });

const countAll = (list: TouchpointFacts[]) => sumCounters(list.map(countTouchpoint));

const close = (a: number | null, b: number | null): boolean => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9);

/** Same chains, overall and measures, each number to 1e-9. */
function expectSameScores(a: EngagementResult, b: EngagementResult): void {
  expect(a.modelVersion).toBe(b.modelVersion);
  expect(a.touchpoints).toBe(b.touchpoints);
  expect(close(a.overall, b.overall)).toBe(true);
  expect(a.chains.map((c) => c.chain)).toEqual(b.chains.map((c) => c.chain));
  a.chains.forEach((ca, i) => {
    const cb = b.chains[i];
    expect(close(ca.score, cb.score)).toBe(true);
    expect(ca.measures.map((m) => m.key)).toEqual(cb.measures.map((m) => m.key));
    ca.measures.forEach((ma, j) => {
      const mb = cb.measures[j];
      expect(close(ma.numerator, mb.numerator)).toBe(true);
      expect(close(ma.denominator, mb.denominator)).toBe(true);
      expect(close(ma.value, mb.value)).toBe(true);
      expect(close(ma.normalized, mb.normalized)).toBe(true);
    });
  });
}

const inRange = (x: number | null, lo: number, hi: number): boolean => x === null || (Number.isFinite(x) && x >= lo && x <= hi);

function expectBounded(r: EngagementResult): void {
  expect(r.chains.map((c) => c.chain)).toEqual([...CHAINS]);
  expect(inRange(r.overall, 0, 100)).toBe(true);
  for (const c of r.chains) {
    expect(inRange(c.score, 0, 100)).toBe(true);
    for (const m of c.measures) expect(inRange(m.normalized, 0, 1)).toBe(true);
  }
  // overall is null exactly when every chain is
  expect(r.overall === null).toBe(r.chains.every((c) => c.score === null));
}

describe('engagement model properties (qihe-default@1)', () => {
  it('pooling: the sum of two disjoint sets scores like their union counted from scratch', () => {
    fc.assert(
      fc.property(factsListArb, factsListArb, (a, b) => {
        const pooled = sumCounters([countAll(a), countAll(b)]);
        const union = countAll([...a, ...b]);
        expect(pooled).toEqual(union);
        expectSameScores(scoreCounters(pooled), scoreCounters(union));
      }),
      RUNS,
    );
  });

  it('order of arrival does not matter', () => {
    fc.assert(
      fc.property(
        factsListArb.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          expectSameScores(scoreCounters(countAll(shuffled)), scoreCounters(countAll(list)));
        },
      ),
      RUNS,
    );
  });

  it('stored unrated then rated later (ratingDelta) equals stored with its rating', () => {
    fc.assert(
      fc.property(factsListArb, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (list, ratedLater) => {
        // Each rated touchpoint either arrives with its score or is stored without it and rated afterwards.
        const late = list.map((t, i) => t.score !== null && ratedLater[i]);
        const stored = sumCounters(list.map((t, i) => countTouchpoint(late[i] ? { ...t, score: null } : t)));
        list.forEach((t, i) => {
          if (late[i]) addCounters(stored, ratingDelta(t, t.score as number));
        });
        expect(stored).toEqual(countAll(list));
        expectSameScores(scoreCounters(stored), scoreCounters(countAll(list)));
      }),
      RUNS,
    );
  });

  it('one touchpoint: rating later adds exactly the rating counters', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 1, max: 5 }), (t, score) => {
        const later = addCounters(countTouchpoint({ ...t, score: null }), ratingDelta(t, score));
        expect(later).toEqual(countTouchpoint({ ...t, score }));
      }),
      RUNS,
    );
  });

  it('every chain and overall lies in [0,100] or is null, every normalized in [0,1] or is null', () => {
    fc.assert(
      fc.property(factsListArb, (list) => {
        const r = scoreCounters(countAll(list));
        expectBounded(r);
        expect(r.touchpoints).toBe(list.length);
        // with at least one touchpoint the DATA chain always exists
        if (list.length > 0) expect(r.chains[3].score).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('counters are non-negative integers and sub-counts never exceed their denominators', () => {
    fc.assert(
      fc.property(factsListArb, (list) => {
        const c = countAll(list);
        for (const k of COUNTER_KEYS) expect(Number.isInteger(c[k]) && c[k] >= 0).toBe(true);
        expect(c.served).toBeLessThanOrEqual(c.touchpoints);
        expect(c.servedRated).toBeLessThanOrEqual(Math.min(c.served, c.rated));
        expect(c.winWin).toBeLessThanOrEqual(c.servedRated);
        expect(c.ratingPoints).toBeLessThanOrEqual(4 * c.rated);
        expect(c.handoffResolved).toBeLessThanOrEqual(c.handoff);
        expect(c.commitmentMet).toBeLessThanOrEqual(c.commitmentPresent);
        expect(c.firstContactResolved).toBeLessThanOrEqual(c.resolved);
      }),
      RUNS,
    );
  });
});

// Any finite number a JSON model may carry, from tiny to huge.
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const positive = fc.oneof(finite(Number.MIN_VALUE, Number.MAX_VALUE), finite(1e-3, 10));
// factors are bounded by the parser (1e-6..1e6)
const factorArb = fc.oneof(finite(1e-6, 1e6), fc.constantFrom(1e-6, 1, 4, 100, 1e6));

const termArb = fc.record(
  { counter: fc.constantFrom(...COUNTER_KEYS), factor: factorArb },
  { requiredKeys: ['counter'] },
);

const measureArb = fc
  .record({
    chain: fc.constantFrom(...CHAINS),
    numerator: termArb,
    denominator: termArb,
    floor: fc.oneof(finite(-Number.MAX_VALUE, Number.MAX_VALUE), finite(-1, 1)),
    span: positive,
    weight: positive,
  })
  .map(({ span, ...m }) => ({ ...m, target: m.floor + span }))
  .filter((m) => Number.isFinite(m.target) && m.target > m.floor);

const modelArb = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    chainWeights: fc.record({ VALUE: positive, BUSINESS: positive, KNOWLEDGE: positive, DATA: positive }),
    measures: fc.array(measureArb, { minLength: 1, maxLength: 14 }),
  })
  .map(({ name, chainWeights, measures }) => ({
    version: `${name}@2`,
    chainWeights,
    measures: measures.map((m, i) => ({ key: `m${i}`, ...m })),
  }));

describe('engagement model properties (custom models)', () => {
  it('any valid definition parses, names its version, and keeps scores in [0,100]', () => {
    fc.assert(
      fc.property(modelArb, factsListArb, (raw, list) => {
        const model: EngagementModel = parseEngagementModel(raw);
        const r = scoreCounters(countAll(list), model);
        expect(r.modelVersion).toBe(raw.version);
        expect(r.chains.flatMap((c) => c.measures).length).toBe(raw.measures.length);
        expectBounded(r);
      }),
      RUNS,
    );
  });

  it('pooling holds for any valid model too', () => {
    fc.assert(
      fc.property(modelArb, factsListArb, factsListArb, (raw, a, b) => {
        const model = parseEngagementModel(raw);
        expectSameScores(scoreCounters(sumCounters([countAll(a), countAll(b)]), model), scoreCounters(countAll([...a, ...b]), model));
      }),
      { numRuns: 100 },
    );
  });
});

describe('overallScore: the overall alone', () => {
  it('is exactly scoreCounters(…).overall, for the default model and any valid model', () => {
    fc.assert(
      fc.property(fc.option(modelArb, { nil: null }), factsListArb, (raw, list) => {
        const model = raw === null ? undefined : parseEngagementModel(raw);
        const counters = countAll(list);
        // The same number bit for bit, not within a tolerance: a list of overall scores must equal the full answers.
        expect(Object.is(overallScore(counters, model), scoreCounters(counters, model).overall)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

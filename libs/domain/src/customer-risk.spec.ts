import fc from 'fast-check';
import { auc, crossesThreshold, precisionAt, predictRisk, refitDue, RISK_FEATURES, riskFeaturesAt, riskProbability, sortHistory, splitByTime, type RiskPromise, type RiskTouchpoint } from './customer-risk';

// Scenario: customer cust-7 as of 1 March 2026 00:00 (t). Times in days before t.
const DAY = 86_400_000;
const T = Date.UTC(2026, 2, 1);
const at = (daysBefore: number): number => T - daysBefore * DAY;
let n = 0;
const tp = (daysBefore: number, need: string, o: Partial<RiskTouchpoint> = {}): RiskTouchpoint => ({
  id: `tp-${String(++n).padStart(3, '0')}`,
  occurredAt: at(daysBefore),
  needCategory: need,
  served: true,
  resolved: true,
  handoff: false,
  score: null,
  ...o,
});

const history = sortHistory([
  tp(200, 'FAULT', { score: 1 }), // outside 90 d: not a low rating of the window
  tp(60, 'FAULT', { score: 2 }), // low rating, inside 90 d, outside 30 d
  tp(20, 'COMPLAINT', { resolved: false }), // complaint, unresolved
  tp(18, 'COMPLAINT', { handoff: true }), // a repeat of the one 2 days before; hand-off
  tp(5, 'BILLING', { served: false }), // not served: not unresolved
  tp(2, 'BILLING', { score: 4 }), // a repeat (3 days after the BILLING one); the last rating
  tp(0, 'FAULT', { score: 1 }), // at t itself: not before t, ignored
  tp(-3, 'FAULT', { score: 1, resolved: false }), // the future: ignored
]);
const promises: RiskPromise[] = [
  { dueAt: at(10), completedAt: null }, // unfinished at its due time: broken 10 days before t
  { dueAt: at(12), completedAt: at(11) }, // completed late: broken at its due time
  { dueAt: at(15), completedAt: at(16) }, // kept
  { dueAt: at(40), completedAt: null }, // broken, but more than 30 days before t
  { dueAt: at(-1), completedAt: null }, // due after t: not (yet) broken
];

describe('risk features as of t', () => {
  it('reads only what occurred before t, each with its window', () => {
    const x = riskFeaturesAt(history, promises, T);
    expect(Object.fromEntries(RISK_FEATURES.map((f, i) => [f, x[i]]))).toEqual({
      lastRating: 4, // the BILLING touchpoint 2 days before (the one at t does not count)
      lowRatings90d: 1, // the 2 of 60 days before; the 1 of 200 days before is out of the window
      unresolved30d: 1, // the complaint 20 days before (the unserved BILLING one is not unresolved)
      repeats30d: 2, // COMPLAINT after COMPLAINT 2 days earlier, BILLING after BILLING 3 days earlier
      complaints30d: 2,
      brokenPromises30d: 2, // due 10 and 12 days before, not kept; the one of 40 days is out, the kept one and the future one do not count
      handoffs30d: 1,
      contacts30d: 4, // 20, 18, 5, 2 days before
      daysSinceLastContact: 2,
      // the neutral prior (weight 1) and the ratings of 60 and 2 days before, each weighing ½ per 14 days of age
      recentRating: expect.closeTo((3 + 2 * 0.5 ** (60 / 14) + 4 * 0.5 ** (2 / 14)) / (1 + 0.5 ** (60 / 14) + 0.5 ** (2 / 14)), 9),
      ratingTrend: 2, // the last rating (4) minus the mean of the earlier ones in 90 days (2); the 1 of 200 days is out
      lowRatingShare90d: 1 / 3, // one low of two ratings, plus one neutral
      lastUnresolved: 0, // the latest served touchpoint (2 days before) was resolved
      unresolvedShare30d: 1 / 3, // of the three served in 30 days (20, 18, 2 days before)
      complaintShare30d: 0.5,
      repeats7d: 1, // the BILLING of 2 days before
      contacts7d: 2, // 5 and 2 days before
    });
  });

  it('with no history: never rated (the neutral 3), nothing counted, 365 days since contact', () => {
    expect(riskFeaturesAt([], [], T)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 365, 3, 0, 0, 0, 0, 0, 0, 0]);
  });

  // The no-leakage rule: whatever happens at or after t — a rating moved, changed,
  // added, a touchpoint moved further into the future — the features at t stay.
  it('moving or changing any future rating never changes an earlier feature vector (property)', () => {
    const needs = ['FAULT', 'COMPLAINT', 'BILLING'];
    const item = fc.record({
      day: fc.integer({ min: -60, max: 200 }),
      need: fc.constantFrom(...needs),
      served: fc.boolean(),
      resolved: fc.boolean(),
      handoff: fc.boolean(),
      score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.integer({ min: 0, max: 100 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })), { maxLength: 10 }), (items, cutDays, moves) => {
        const t = at(cutDays);
        const base = sortHistory(items.map((it, i) => ({ id: `id-${String(i).padStart(3, '0')}`, occurredAt: at(it.day), needCategory: it.need, served: it.served, resolved: it.resolved, handoff: it.handoff, score: it.score })));
        const before = riskFeaturesAt(base, [], t);
        // Move future touchpoints further on, and change their ratings.
        const changed = base.map((h) => ({ ...h }));
        for (const [k, days, score] of moves) {
          const h = changed[k % Math.max(1, changed.length)];
          if (!h || h.occurredAt < t) continue;
          h.occurredAt = t + days * DAY;
          h.score = score;
        }
        expect(riskFeaturesAt(sortHistory(changed), [], t)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('prediction and its drivers', () => {
  const model = { features: ['a', 'b', 'c'], means: [1, 0, 2], coefficients: [0.5, -1, 2], intercept: -1 };
  it('log-odds = intercept + Σ coefficient × (value − mean); drivers largest first', () => {
    const { probability, drivers } = predictRisk(model, [3, 1, 2]);
    // contributions: a 0.5 × (3 − 1) = 1, b −1 × (1 − 0) = −1, c 2 × (2 − 2) = 0 → z = −1 + 1 − 1 + 0 = −1
    expect(probability).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
    expect(drivers).toEqual([
      { feature: 'a', value: 3, contribution: 1 },
      { feature: 'c', value: 2, contribution: 0 },
      { feature: 'b', value: 1, contribution: -1 },
    ]);
  });
});

describe('the probability alone (what a pass scoring everyone computes)', () => {
  // The stored probabilities were computed as z = intercept, then += each contribution in feature order, then the sigmoid.
  const reference = (m: { means: number[]; coefficients: number[]; intercept: number }, x: number[]): number => {
    let z = m.intercept;
    m.coefficients.forEach((c, i) => (z += c * (x[i] - m.means[i])));
    return 1 / (1 + Math.exp(-z));
  };
  it('is predictRisk\'s probability and the reference sum, bit for bit, from an array or a Float64Array view', () => {
    const num = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    const d = RISK_FEATURES.length;
    fc.assert(
      fc.property(fc.array(num, { minLength: d, maxLength: d }), fc.array(num, { minLength: d, maxLength: d }), fc.array(num, { minLength: d, maxLength: d }), num, (means, coefficients, x, intercept) => {
        const model = { features: [...RISK_FEATURES], means, coefficients, intercept };
        const flat = new Float64Array(3 * d);
        flat.set(x, d);
        const p = riskProbability(model, x);
        expect(Object.is(p, reference(model, x))).toBe(true);
        expect(Object.is(p, predictRisk(model, x).probability)).toBe(true);
        expect(Object.is(riskProbability(model, flat.subarray(d, 2 * d)), p)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('quality measures', () => {
  it.each<[string, number[], number[], number | null]>([
    ['perfect ranking', [0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1],
    ['reversed ranking', [0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0], 0],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0], 0.5],
    ['one pair swapped of four pairs', [0.9, 0.5, 0.6, 0.1], [1, 1, 0, 0], 0.75],
    ['one class only', [0.9, 0.1], [1, 1], null],
  ])('AUC, %s', (_, scores, labels, expected) => {
    expect(auc(scores, labels)).toBe(expected);
  });

  it('precision@k counts a tie across the cut at its own rate', () => {
    // top 2 of [0.9 (1), 0.5 (1), 0.5 (0), 0.5 (0)]: the 0.9 hit, then one of three tied with one hit → 1 + 1/3
    expect(precisionAt(2, [0.9, 0.5, 0.5, 0.5], [1, 1, 0, 0])).toBeCloseTo((1 + 1 / 3) / 2, 12);
    expect(precisionAt(50, [0.2, 0.7], [0, 1])).toBe(0.5); // fewer than k: all of them
    expect(precisionAt(50, [], [])).toBeNull();
  });

  it('the hold-out is the latest 20 % by time', () => {
    const samples = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, at: 1000 - i, x: [i], y: 0 as const }));
    const { train, holdout } = splitByTime(samples);
    expect(holdout.map((s) => s.at)).toEqual([999, 1000]);
    expect(train).toHaveLength(8);
  });
});

describe('when to fit and when to follow up', () => {
  it.each<[string, { trainedAt: number; ratingsAtFit: number } | null, number, number, boolean]>([
    ['199 ratings, no model', null, 199, T, false],
    ['200 ratings, no model', null, 200, T, true],
    ['a model of 1,000 ratings, 1,199 now, same day', { trainedAt: T - 3_600_000, ratingsAtFit: 1000 }, 1199, T, false],
    ['a model of 1,000 ratings, 1,200 now (+20 %)', { trainedAt: T - 3_600_000, ratingsAtFit: 1000 }, 1200, T, true],
    ['a model a day old', { trainedAt: T - DAY, ratingsAtFit: 1000 }, 1000, T, true],
  ])('%s → %s', (_, model, ratings, now, due) => {
    expect(refitDue(model, ratings, now)).toBe(due);
  });

  it.each<[number | null, number, boolean]>([
    [null, 0.6, true],
    [0.4, 0.5, true],
    [0.5, 0.7, false], // already above: no new crossing
    [0.6, 0.3, false],
    [null, 0.49, false],
  ])('from %p to %p crosses 0.5: %p', (before, after, crosses) => {
    expect(crossesThreshold(before, after, 0.5)).toBe(crosses);
  });
});

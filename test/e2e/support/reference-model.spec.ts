import { referenceBreakdown, referenceScore, referenceTrendWindows, type RefTouchpoint } from './reference-model';

// The e2e reference must itself be right: ENGAGEMENT-MODEL.md's worked example.
const HOUR = 3_600_000;
const MIN = 60_000;
const base: Omit<RefTouchpoint, 'id' | 'needCategory' | 'service' | 'score' | 'contractId' | 'receivedAt'> = {
  unitId: 'bu-a',
  occurredAt: 10 * HOUR,
  channel: 'PHONE',
  kind: 'SERVICE',
  stage: 'AFTER_SALE',
  region: null,
  industry: null,
  productId: null,
};
const served = (resolved: boolean, firstContact: boolean, knowledgeRefs: number): RefTouchpoint['service'] => ({
  resolved,
  firstContact,
  knowledgeRefs,
  knowledgeCreated: false,
  handoffUnitId: null,
  commitment: null,
});
const example: RefTouchpoint[] = [
  { ...base, id: '1', needCategory: 'FAULT', service: served(true, true, 1), score: 5, contractId: 'c', receivedAt: 10 * HOUR + MIN },
  { ...base, id: '2', needCategory: 'COMPLAINT', service: served(false, false, 0), score: 2, contractId: null, receivedAt: 10 * HOUR + MIN },
  { ...base, id: '3', needCategory: 'PURCHASE', service: served(true, false, 0), score: null, contractId: 'c', receivedAt: 10 * HOUR + 40 * MIN },
  { ...base, id: '4', needCategory: 'CONSULTATION', service: null, score: null, contractId: null, receivedAt: 10 * HOUR + MIN },
];

describe('reference engagement model (e2e oracle)', () => {
  it('reproduces the worked example of ENGAGEMENT-MODEL.md', () => {
    const s = referenceScore(example);
    const byChain = Object.fromEntries(s.chains.map((c) => [c.chain, c]));
    expect(s.touchpoints).toBe(4);
    expect(byChain.VALUE.score).toBeCloseTo(66.25, 9);
    expect(byChain.BUSINESS.score).toBeCloseTo(200 / 3, 9);
    expect(byChain.KNOWLEDGE.score).toBeCloseTo(80 / 3, 9);
    expect(byChain.DATA.score).toBeCloseTo(57.5, 9);
    expect(s.overall).toBeCloseTo((66.25 + 200 / 3 + 80 / 3 + 57.5) / 4, 9);
    const absent = byChain.BUSINESS.measures.filter((m) => m.value === null).map((m) => m.key);
    expect(absent).toEqual(['commitmentKept', 'collaboration']);
  });

  it('has null scores for an empty set and slices by UNKNOWN region', () => {
    const empty = referenceScore([]);
    expect(empty.overall).toBeNull();
    expect(empty.chains.map((c) => c.score)).toEqual([null, null, null, null]);
    expect([...referenceBreakdown(example, 'REGION').keys()]).toEqual(['UNKNOWN']);
  });

  it('cuts the last trend window at `to`', () => {
    expect(referenceTrendWindows(0, 49 * HOUR, 24 * HOUR)).toEqual([
      { from: 0, to: 24 * HOUR },
      { from: 24 * HOUR, to: 48 * HOUR },
      { from: 48 * HOUR, to: 49 * HOUR },
    ]);
  });
});

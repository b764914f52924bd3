import { causeKey, firstRatingAfter, followUpDueAt, isLowRating, outcomeProblem, recoveredBy } from './follow-ups';

// Scenario: a follow-up opened at 10:00 on 2 March 2026 for customer cust-9.

const CREATED = Date.parse('2026-03-02T10:00:00Z');
const H = 3_600_000;

describe('follow-up rules', () => {
  it.each<[number | null, boolean]>([
    [1, true],
    [2, true],
    [3, false],
    [5, false],
    [null, false],
  ])('rating %p opens a LOW_SATISFACTION follow-up: %p', (score, low) => {
    expect(isLowRating(score)).toBe(low);
  });

  it('is due 24 h after it was opened, or after the deployment\'s hours', () => {
    expect(followUpDueAt(CREATED)).toBe(CREATED + 24 * H); // 10:00 + 24 h = 3 March 10:00
    expect(followUpDueAt(CREATED, 4)).toBe(CREATED + 4 * H);
  });

  it.each<[string, ReturnType<typeof causeKey>]>([
    ['LOW_SATISFACTION', 'touchpoint:tp-1'],
    ['COMMITMENT_BREACHED', 'commitment:c-7'],
    ['AT_RISK_CUSTOMER', 'at-risk:cust-9:tp-1'], // one per crossing: the customer's latest touchpoint then
    ['MANUAL', null],
  ])('%s has cause %p', (reason, key) => {
    expect(causeKey(reason as never, { touchpointId: 'tp-1', commitmentId: 'c-7', customerId: 'cust-9' })).toBe(key);
  });

  it.each<[string, [string, number, number][], boolean | null]>([
    // case, ratings (touchpoint, minutes after 10:00, score), recovered
    ['no rating yet', [], null],
    ['only ratings of touchpoints before it opened', [['a', -30, 5], ['b', 0, 5]], null], // 0 is not after 10:00
    ['the next rating is 4', [['a', 30, 4]], true],
    ['the next rating is 3', [['a', 30, 3], ['b', 90, 5]], false], // the first after 10:00 decides: 3 < 4
    ['arrival order does not matter: the earliest occurrence decides', [['b', 90, 1], ['a', 30, 5]], true],
    ['equal times: the smaller id', [['b', 30, 1], ['a', 30, 4]], true],
  ])('%s → recovered %p', (_, ratings, recovered) => {
    const first = firstRatingAfter(CREATED, ratings.map(([touchpointId, m, score]) => ({ touchpointId, occurredAt: CREATED + m * 60_000, score })));
    expect(recoveredBy(first?.score)).toBe(recovered);
  });

  it.each<[unknown, string | null]>([
    ['called back, refund agreed', null],
    ['', '"outcome" is required to close a follow-up'],
    ['   ', '"outcome" is required to close a follow-up'],
    ['x'.repeat(2001), '"outcome" may have at most 2000 characters, got 2001'],
    ['x'.repeat(2000), null],
  ])('outcome %#: %p', (outcome, problem) => {
    expect(outcomeProblem(outcome)).toBe(problem);
  });
});

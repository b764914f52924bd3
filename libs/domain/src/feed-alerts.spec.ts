import { brokenCommitment, satisfactionDrop, type RollingScore } from './feed-alerts';

const score = (touchpoints: number, VALUE: number | null): RollingScore => ({ touchpoints, chains: { VALUE, BUSINESS: 50, KNOWLEDGE: 50, DATA: 50 } });

describe('satisfactionDrop: the value chain fell ≥ 10 points between two rolling scores of ≥ 20 touchpoints', () => {
  it.each([
    // before, now, alert (from → to) or null
    [score(30, 80), score(30, 70), { from: 80, to: 70 }], // 80 − 70 = 10: exactly the threshold
    [score(30, 80), score(30, 70.01), null], // 9.99 < 10
    [score(30, 90), score(25, 55.5), { from: 90, to: 55.5 }], // 34.5
    [score(30, 80), score(19, 40), null], // too few touchpoints now (19 < 20), however far it fell
    [score(5, 80), score(20, 60), { from: 80, to: 60 }], // only the current hour's count matters
    [score(30, 70), score(30, 90), null], // a rise
    [undefined, score(30, 10), null], // the first score of a unit: nothing to compare
    [score(30, null), score(30, 10), null], // no value score before (no rated touchpoint)
    [score(30, 80), score(30, null), null], // none now
  ])('%j → %j gives %j', (before, now, expected) => {
    const drop = satisfactionDrop(before, now);
    expect(drop && { from: drop.from, to: drop.to }).toEqual(expected);
  });

  it('says what fell, from and to, one decimal', () => {
    expect(satisfactionDrop(score(30, 82.25), score(30, 61.04))?.message).toBe('value chain fell from 82.3 to 61.0 in the last hour');
  });
});

describe('brokenCommitment: a touchpoint recorded with a commitment it did not meet', () => {
  it.each([
    [{ id: 't1', commitment: { code: 'REPAIR_48H', met: false } }, { code: 'REPAIR_48H', message: 'service commitment REPAIR_48H was not met (touchpoint t1)' }],
    [{ id: 't2', commitment: { code: 'REPAIR_48H', met: true } }, null],
    [{ id: 't3', commitment: null }, null],
    [{ id: 't4' }, null],
  ])('%j → %j', (tp, expected) => {
    expect(brokenCommitment(tp)).toEqual(expected);
  });
});

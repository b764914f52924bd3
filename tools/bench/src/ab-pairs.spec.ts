import { byRoundPair } from './ab';

describe('A/B ratios paired by two rounds', () => {
  it('cancels the order within a pair: first in a round 10 % faster, second 10 % slower, pair ratio 1', () => {
    const a = [110, 90, 99, 81];
    const b = [90, 110, 81, 99];
    expect(byRoundPair(4, (r) => b[r] / a[r])).toEqual([1, 1]);
  });

  it('cancels a steady drift over the rounds exactly', () => {
    // Both variants equal; rates fall 10 % a slot; A B, B A, A B, B A.
    const slot = (i: number): number => 1000 * 0.9 ** i;
    const a = [slot(0), slot(3), slot(4), slot(7)];
    const b = [slot(1), slot(2), slot(5), slot(6)];
    expect(byRoundPair(4, (r) => b[r] / a[r])).toEqual([1, 1]);
    // Unpaired, round by round, the same drift reads as ±10 %.
    expect(a.map((x, r) => Math.round((b[r] / x) * 100))).toEqual([90, 111, 90, 111]);
  });

  it('keeps a last odd round alone and shows a real difference', () => {
    expect(byRoundPair(3, () => 0.9)).toEqual([0.9, 0.9]);
  });
});

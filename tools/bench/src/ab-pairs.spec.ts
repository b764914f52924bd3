import { byRoundPair, medianInterval } from './ab';

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

describe('the interval of a median of pairs', () => {
  it('takes the 2nd smallest and 2nd largest of ten pairs (97.9 %: the 3rd would cover 89.1 %, under 90 %)', () => {
    const xs = [1.05, 0.97, 1.02, 0.99, 1.08, 1.01, 0.95, 1.03, 1.0, 1.04];
    expect(medianInterval(xs, 0.9)).toEqual({ low: 0.97, high: 1.05, coverage: 0.979 });
    // 89 % is enough for the 3rd: 1 − 2·56/1024.
    expect(medianInterval(xs, 0.89)).toEqual({ low: 0.99, high: 1.04, coverage: 0.891 });
  });

  it('narrows as pairs are added, and holds the true median of a known distribution at its level', () => {
    // Ratios uniform on [0.9, 1.1] (median 1), 2,000 draws of n pairs: the interval holds 1 at least 90 % of the time.
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const n of [10, 20, 40]) {
      let held = 0;
      let width = 0;
      for (let t = 0; t < 2000; t++) {
        const xs = Array.from({ length: n }, () => 0.9 + 0.2 * rand());
        const iv = medianInterval(xs, 0.9);
        if (iv.low <= 1 && 1 <= iv.high) held++;
        width += iv.high - iv.low;
      }
      expect(held / 2000).toBeGreaterThanOrEqual(0.88);
      expect(width / 2000).toBeLessThan(n === 10 ? 0.15 : n === 20 ? 0.09 : 0.06);
    }
  });

  it('gives the whole range, with its lower coverage, when there are too few pairs for the level', () => {
    expect(medianInterval([1.1, 0.9, 1.0], 0.9)).toEqual({ low: 0.9, high: 1.1, coverage: 0.75 });
  });
});

import fc from 'fast-check';
import { DAY_MS, splitByGrain, type Range } from './rollup-grain';

const H = 3_600_000;
const MIDNIGHT = Date.UTC(2024, 2, 4); // a Monday, 00:00 UTC
const at = (hours: number): number => MIDNIGHT + hours * H;
const hoursOf = (ranges: readonly Range[]): [number, number][] => ranges.map(([lo, hi]) => [(lo - MIDNIGHT) / H, (hi - MIDNIGHT) / H]);

describe('splitByGrain', () => {
  it.each([
    ['inside one day', 3, 20, undefined, [], [[3, 20]]],
    ['exactly one day', 0, 24, undefined, [[0, 24]], []],
    ['exactly on day boundaries', 24, 96, undefined, [[24, 96]], []],
    ['ragged on both sides', 5, 77, undefined, [[24, 72]], [[5, 24], [72, 77]]],
    ['ragged start, ends at midnight', 23, 48, undefined, [[24, 48]], [[23, 24]]],
    ['across one midnight, no whole day', 13, 37, undefined, [], [[13, 37]]],
    ['hourly buckets read hours only', 0, 72, H, [], [[0, 72]]],
    ['daily buckets from midnight, last one cut', 0, 75, DAY_MS, [[0, 72]], [[72, 75]]],
    ['daily buckets from 13:00 hold no whole day', 13, 85, DAY_MS, [], [[13, 85]]],
    ['weekly buckets from 13:00', 13, 13 + 14 * 24, 7 * DAY_MS, [[24, 168], [192, 336]], [[13, 24], [168, 192], [336, 349]]],
    ['two-day buckets from midnight', 0, 96, 2 * DAY_MS, [[0, 96]], []],
  ])('%s', (_name, from, to, step, days, hours) => {
    const split = splitByGrain(at(from), at(to), step);
    expect(hoursOf(split.days)).toEqual(days);
    expect(hoursOf(split.hours)).toEqual(hours);
  });

  it('refuses an empty window and a step that is not positive', () => {
    expect(() => splitByGrain(at(5), at(5))).toThrow(RangeError);
    expect(() => splitByGrain(at(5), at(6), 0)).toThrow(RangeError);
  });

  // Any window and bucket size: each hour is read exactly once, and a day row
  // is used only for a whole UTC day inside the window and inside one bucket.
  it('covers every hour once and never puts a day across a bucket edge', () => {
    const steps = fc.oneof(fc.constantFrom(1, 24, 48, 168), fc.integer({ min: 1, max: 400 }));
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 400 }), fc.integer({ min: 1, max: 800 }), fc.option(steps, { nil: undefined }), (start, length, stepHours) => {
        const from = at(start);
        const to = from + length * H;
        const step = stepHours === undefined ? undefined : stepHours * H;
        const split = splitByGrain(from, to, step);
        const bucket = (t: number): number => Math.floor((t - from) / (step ?? to - from));
        const seen = new Map<number, number>();
        const count = (t: number): void => void seen.set(t, (seen.get(t) ?? 0) + 1);
        for (const [lo, hi] of split.hours) for (let t = lo; t < hi; t += H) count(t);
        for (const [lo, hi] of split.days) {
          expect(lo % DAY_MS).toBe(0);
          expect(hi % DAY_MS).toBe(0);
          for (let d = lo; d < hi; d += DAY_MS) {
            expect(bucket(d)).toBe(bucket(d + DAY_MS - H));
            for (let t = d; t < d + DAY_MS; t += H) count(t);
          }
        }
        expect([...seen.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length }, (_, i) => from + i * H));
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        // Sorted, and merged wherever two ranges touch.
        for (const ranges of [split.days, split.hours]) {
          for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBeGreaterThan(ranges[i - 1][1]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

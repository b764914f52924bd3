import fc from 'fast-check';
import { DAY_MS, splitByGrain, type Range } from './rollup-grain';

const H = 3_600_000;
const MIDNIGHT = Date.UTC(2024, 2, 4); // a Monday, 00:00 UTC
const at = (hours: number): number => MIDNIGHT + hours * H;
const hoursOf = (ranges: readonly Range[]): [number, number][] => ranges.map(([lo, hi]) => [(lo - MIDNIGHT) / H, (hi - MIDNIGHT) / H]);

describe('splitByGrain', () => {
  it.each([
    ['inside one day', 3, 20, undefined, [3, 20], [20, 20], [20, 20]],
    ['exactly one day', 0, 24, undefined, [0, 0], [0, 24], [24, 24]],
    ['exactly on day boundaries', 24, 96, undefined, [24, 24], [24, 96], [96, 96]],
    ['ragged on both sides', 5, 77, undefined, [5, 24], [24, 72], [72, 77]],
    ['ragged start, ends at midnight', 23, 48, undefined, [23, 24], [24, 48], [48, 48]],
    ['across one midnight, no whole day', 13, 37, undefined, [13, 37], [37, 37], [37, 37]],
    ['hourly buckets read hours only', 0, 72, H, [0, 72], [72, 72], [72, 72]],
    ['daily buckets from midnight, last one cut', 0, 75, DAY_MS, [0, 0], [0, 72], [72, 75]],
    ['two-day buckets from midnight', 0, 96, 2 * DAY_MS, [0, 0], [0, 96], [96, 96]],
    ['daily buckets from 13:00 hold no whole day', 13, 85, DAY_MS, [13, 85], [85, 85], [85, 85]],
    ['weekly buckets from 13:00 read hours', 13, 13 + 14 * 24, 7 * DAY_MS, [13, 349], [349, 349], [349, 349]],
    ['36-hour buckets from midnight read hours', 0, 96, 36 * H, [0, 96], [96, 96], [96, 96]],
  ])('%s', (_name, from, to, step, head, days, tail) => {
    const split = splitByGrain(at(from), at(to), step);
    expect(hoursOf([split.head, split.days, split.tail])).toEqual([head, days, tail]);
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
        const { head, days, tail } = splitByGrain(from, to, step);
        const bucket = (t: number): number => Math.floor((t - from) / (step ?? to - from));
        // In time order, end to end: [from, to) once.
        expect([head[0], head[1], days[0], days[1], tail[0], tail[1]]).toEqual([from, head[1], head[1], days[1], days[1], to]);
        expect(head[0] <= head[1] && days[0] <= days[1] && tail[0] <= tail[1]).toBe(true);
        if (days[0] < days[1]) expect([days[0] % DAY_MS, days[1] % DAY_MS]).toEqual([0, 0]);
        for (let d = days[0]; d < days[1]; d += DAY_MS) expect(bucket(d)).toBe(bucket(d + DAY_MS - H));
      }),
      { numRuns: 1000 },
    );
  });
});

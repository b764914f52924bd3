import fc from 'fast-check';
import { DAY_MS, MIN_STAND_IN_HOURS, planBuckets, splitByGrain, type BucketPlan, type Range } from './rollup-grain';

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

describe('planBuckets', () => {
  /**
   * What the plan adds to each bucket, hour by hour: an hour read adds to its own bucket and, inside a day read as
   * its row, comes back out of that row's bucket; a day row adds each of its 24 hours to its bucket.
   */
  function netByHour(plan: BucketPlan, starts: number[]): Map<number, Map<number, number>> {
    const bucketOf = (t: number): number => starts.filter((s) => s <= t).length - 1;
    const standIn = new Map(plan.days.map((d) => [d.day, d.bucket]));
    const net = new Map<number, Map<number, number>>();
    const add = (hour: number, bucket: number, n: number): void => {
      const m = net.get(hour) ?? new Map<number, number>();
      m.set(bucket, (m.get(bucket) ?? 0) + n);
      if (m.get(bucket) === 0) m.delete(bucket);
      net.set(hour, m);
    };
    for (const [lo, hi] of plan.hours) {
      for (let t = lo; t < hi; t += H) {
        add(t, bucketOf(t), 1);
        const day = Math.floor(t / DAY_MS) * DAY_MS;
        if (standIn.has(day)) add(t, standIn.get(day) as number, -1);
      }
    }
    for (const d of plan.days) for (let t = d.day; t < d.day + DAY_MS; t += H) add(t, d.bucket, 1);
    return net;
  }

  it('gives every hour of the window to its bucket exactly once, and nothing outside it, for any bucket starts', () => {
    const window = fc.record({
      first: fc.integer({ min: -30, max: 30 }),
      gaps: fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 0, maxLength: 25 }),
      last: fc.integer({ min: 1, max: 80 }),
    });
    fc.assert(
      fc.property(window, ({ first, gaps, last }) => {
        const starts = [at(first)];
        for (const g of gaps) starts.push(starts[starts.length - 1] + g * H);
        const to = starts[starts.length - 1] + last * H;
        const plan = planBuckets(starts, to);
        const net = netByHour(plan, starts);
        for (const [hour, m] of net) {
          const inside = hour >= starts[0] && hour < to;
          expect([hour, [...m]]).toEqual([hour, inside ? [[starts.filter((s) => s <= hour).length - 1, 1]] : []]);
        }
        for (let t = starts[0]; t < to; t += H) expect(net.has(t)).toBe(true);
        // Ranges are in time order, disjoint and merged where they touch.
        for (let i = 1; i < plan.hours.length; i++) expect(plan.hours[i][0]).toBeGreaterThan(plan.hours[i - 1][1]);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a daily trend from any hour as one day row and at most 12 hours a day', () => {
    for (let h = 0; h < 24; h++) {
      const starts = Array.from({ length: 90 }, (_, d) => at(h + d * 24));
      const plan = planBuckets(starts, at(h + 90 * 24));
      const hoursRead = plan.hours.reduce((n, [lo, hi]) => n + (hi - lo) / H, 0);
      // 89 or 90 whole UTC days inside the window, each read as its row; the rest are the two ragged ends' hours.
      expect(plan.days.length).toBe(h === 0 ? 90 : 89);
      expect(hoursRead).toBe(h === 0 ? 0 : 89 * Math.min(h, 24 - h) + 24);
      expect(hoursRead).toBeLessThanOrEqual(89 * 12 + 24);
    }
  });

  it('reads hourly buckets as hours, in one range', () => {
    const starts = Array.from({ length: 72 }, (_, i) => at(5 + i));
    expect(planBuckets(starts, at(77))).toEqual({ hours: [[at(5), at(77)]], days: [] });
    expect(MIN_STAND_IN_HOURS).toBeGreaterThan(1);
  });

  it('refuses an empty window', () => {
    expect(() => planBuckets([at(5)], at(5))).toThrow(RangeError);
    expect(() => planBuckets([], at(5))).toThrow(RangeError);
  });
});

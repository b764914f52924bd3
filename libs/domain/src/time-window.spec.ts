import {
  HOUR_MS,
  MINUTE_MS,
  WindowError,
  checkWindow,
  floorToHour,
  floorToMinute,
  trendWindows,
  type TimeWindow,
} from './time-window';
import type { TrendInterval } from './vocabulary';

const at = (iso: string): Date => new Date(iso);
const ms = (iso: string): number => Date.parse(iso);
const DAY_MS = 24 * HOUR_MS;

/** Runs fn and returns the WindowError it throws. */
function windowError(fn: () => unknown): WindowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WindowError) return e;
    throw e;
  }
  throw new Error('expected a WindowError, nothing was thrown');
}

describe('floorToHour / floorToMinute', () => {
  it.each([
    ['2024-03-05T10:00:00.000Z', '2024-03-05T10:00:00.000Z', '2024-03-05T10:00:00.000Z'],
    ['2024-03-05T10:59:59.999Z', '2024-03-05T10:00:00.000Z', '2024-03-05T10:59:00.000Z'],
    ['1969-12-31T23:30:30.000Z', '1969-12-31T23:00:00.000Z', '1969-12-31T23:30:00.000Z'],
  ])('%s → hour %s, minute %s', (iso, hour, minute) => {
    expect(floorToHour(ms(iso))).toBe(ms(hour));
    expect(floorToMinute(ms(iso))).toBe(ms(minute));
  });

  it('has the right unit sizes', () => {
    expect([HOUR_MS, MINUTE_MS]).toEqual([3_600_000, 60_000]);
  });
});

describe('checkWindow', () => {
  it('accepts whole UTC hours, from before to, and returns epoch ms', () => {
    expect(checkWindow(at('2024-03-05T10:00:00Z'), at('2024-03-05T11:00:00Z'))).toEqual({
      from: ms('2024-03-05T10:00:00Z'),
      to: ms('2024-03-05T11:00:00Z'),
    });
  });

  it('accepts whole hours given with an offset (they are whole UTC hours too)', () => {
    expect(checkWindow(at('2024-03-05T18:00:00+08:00'), at('2024-03-06T00:00:00+08:00'))).toEqual({
      from: ms('2024-03-05T10:00:00Z'),
      to: ms('2024-03-05T16:00:00Z'),
    });
  });

  it('rejects a whole hour of a half-hour time zone, which is not a whole UTC hour', () => {
    expect(windowError(() => checkWindow(at('2024-03-05T10:00:00+05:30'), at('2024-03-06T00:00:00Z'))).field).toBe('from');
  });

  it.each<[string, string, string, string, RegExp]>([
    ['from is not a whole hour (minutes)', '2024-03-05T10:30:00Z', '2024-03-05T12:00:00Z', 'from', /"from" must be a whole UTC hour \(e\.g\. 2024-03-05T10:00:00\.000Z\)/],
    ['from is not a whole hour (ms)', '2024-03-05T10:00:00.001Z', '2024-03-05T12:00:00Z', 'from', /"from" must be a whole UTC hour/],
    ['to is not a whole hour', '2024-03-05T10:00:00Z', '2024-03-05T12:00:01Z', 'to', /"to" must be a whole UTC hour \(e\.g\. 2024-03-05T12:00:00\.000Z\)/],
    ['to equals from', '2024-03-05T10:00:00Z', '2024-03-05T10:00:00Z', 'to', /"to" must be after "from"/],
    ['to before from', '2024-03-05T10:00:00Z', '2024-03-05T09:00:00Z', 'to', /"to" must be after "from"/],
    ['from is not a date', 'yesterday', '2024-03-05T09:00:00Z', 'from', /"from" is not a valid date-time/],
    ['to is not a date', '2024-03-05T10:00:00Z', '2024-13-45T00:00:00Z', 'to', /"to" is not a valid date-time/],
  ])('%s → error on "%s"…"%s" names %s', (_name, from, to, field, message) => {
    const e = windowError(() => checkWindow(at(from), at(to)));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('reports an invalid "from" before anything about "to"', () => {
    expect(windowError(() => checkWindow(at('nope'), at('also nope'))).field).toBe('from');
  });

  it('limits the span to maxDays', () => {
    const from = at('2024-01-01T00:00:00Z');
    expect(checkWindow(from, at('2024-01-08T00:00:00Z'), 7)).toEqual({ from: from.getTime(), to: ms('2024-01-08T00:00:00Z') });
    const e = windowError(() => checkWindow(from, at('2024-01-08T01:00:00Z'), 7));
    expect(e.field).toBe('to');
    expect(e.message).toMatch(/at most 7 days/);
    // the default allows ten years but not more
    expect(() => checkWindow(from, at('2034-01-01T00:00:00Z'))).not.toThrow();
    expect(windowError(() => checkWindow(from, at('2035-01-01T00:00:00Z'))).message).toMatch(/at most 3660 days/);
  });

  it('is an Error carrying its field', () => {
    const e = windowError(() => checkWindow(at('x'), at('y')));
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toContain('"from"');
  });
});

describe('trendWindows', () => {
  const W = (from: string, to: string): TimeWindow => ({ from: ms(from), to: ms(to) });

  it.each<[TrendInterval, string, string, number]>([
    ['HOUR', '2024-03-05T00:00:00Z', '2024-03-05T06:00:00Z', 6],
    ['HOUR', '2024-03-05T00:00:00Z', '2024-03-05T01:00:00Z', 1],
    ['DAY', '2024-03-01T00:00:00Z', '2024-03-08T00:00:00Z', 7],
    ['DAY', '2024-03-01T00:00:00Z', '2024-03-08T05:00:00Z', 8],
    ['DAY', '2024-03-01T00:00:00Z', '2024-03-01T05:00:00Z', 1],
    ['WEEK', '2024-03-01T00:00:00Z', '2024-03-29T00:00:00Z', 4],
    ['WEEK', '2024-03-01T00:00:00Z', '2024-03-31T00:00:00Z', 5],
    ['WEEK', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 53],
  ])('%s over %s…%s gives %i windows', (interval, from, to, count) => {
    expect(trendWindows(W(from, to), interval)).toHaveLength(count);
  });

  it.each<[TrendInterval, number]>([
    ['HOUR', HOUR_MS],
    ['DAY', DAY_MS],
    ['WEEK', 7 * DAY_MS],
  ])('%s windows tile the window: contiguous, from `from`, the last cut at `to`', (interval, step) => {
    const w = W('2024-03-01T00:00:00Z', '2024-03-20T07:00:00Z');
    const out = trendWindows(w, interval);
    expect(out[0].from).toBe(w.from);
    expect(out[out.length - 1].to).toBe(w.to);
    out.forEach((x, i) => {
      if (i > 0) expect(x.from).toBe(out[i - 1].to);
      if (i < out.length - 1) expect(x.to - x.from).toBe(step);
      else expect(x.to - x.from).toBeLessThanOrEqual(step);
      expect(x.to).toBeGreaterThan(x.from);
    });
  });

  it('cuts the last DAY window at `to`', () => {
    expect(trendWindows(W('2024-03-01T00:00:00Z', '2024-03-03T05:00:00Z'), 'DAY')).toEqual([
      W('2024-03-01T00:00:00Z', '2024-03-02T00:00:00Z'),
      W('2024-03-02T00:00:00Z', '2024-03-03T00:00:00Z'),
      W('2024-03-03T00:00:00Z', '2024-03-03T05:00:00Z'),
    ]);
  });

  it('starts its days and weeks at `from`, not at midnight or Monday', () => {
    expect(trendWindows(W('2024-03-01T09:00:00Z', '2024-03-09T09:00:00Z'), 'WEEK')).toEqual([
      W('2024-03-01T09:00:00Z', '2024-03-08T09:00:00Z'),
      W('2024-03-08T09:00:00Z', '2024-03-09T09:00:00Z'),
    ]);
  });

  it('refuses more points than maxPoints, naming "interval"', () => {
    const w = W('2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z');
    expect(trendWindows(w, 'HOUR', 24)).toHaveLength(24);
    const e = windowError(() => trendWindows(w, 'HOUR', 23));
    expect(e.field).toBe('interval');
    expect(e.message).toMatch(/"interval" HOUR over this window gives 24 points; at most 23/);
    // ten years of hours is far beyond the default of 5000
    expect(windowError(() => trendWindows(W('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z'), 'HOUR')).field).toBe('interval');
  });
});

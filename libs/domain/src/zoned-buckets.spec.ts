import { WindowError } from './time-window';
import { checkTimeZone, isTimeZone, localMidnight, zonedTrendWindows, zoneOffsetMs } from './zoned-buckets';

const at = (iso: string): number => Date.parse(iso);
const isoOf = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const starts = (from: string, to: string, interval: 'HOUR' | 'DAY' | 'WEEK', zone: string): string[] =>
  zonedTrendWindows({ from: at(from), to: at(to) }, interval, zone).map((w) => isoOf(w.from));

describe('time zone names', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata'])('%s is a zone', (z) => expect(isTimeZone(z)).toBe(true));
  it.each(['', 'Mars/Olympus', 'UTC+8', 'x'.repeat(65)])('"%s" is not', (z) => expect(isTimeZone(z)).toBe(false));
  it('a bad zone is a WindowError naming timeZone', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(WindowError);
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(expect.objectContaining({ field: 'timeZone' }));
  });
});

describe('localMidnight', () => {
  it.each([
    // [zone, y, m, d, midnight as UTC]
    ['Asia/Shanghai', 2026, 12, 1, '2026-11-30T16:00:00Z'], // +08:00
    ['America/New_York', 2026, 3, 8, '2026-03-08T05:00:00Z'], // EST, the day clocks go forward at 02:00
    ['America/New_York', 2026, 3, 9, '2026-03-09T04:00:00Z'], // EDT
    ['America/New_York', 2026, 11, 1, '2026-11-01T04:00:00Z'], // EDT, the day clocks go back
    ['America/New_York', 2026, 11, 2, '2026-11-02T05:00:00Z'], // EST
    ['Asia/Kolkata', 2026, 12, 1, '2026-11-30T18:30:00Z'], // +05:30
    ['America/Santiago', 2026, 9, 6, '2026-09-06T04:00:00Z'], // midnight skipped: 00:00 → 01:00 (-04 → -03)
    ['Asia/Shanghai', 2026, 12, 32, '2026-12-31T16:00:00Z'], // day overflow rolls into January
  ])('%s %i-%i-%i starts at %s', (zone, y, m, d, expected) => {
    expect(isoOf(localMidnight(y, m, d, zone))).toBe(expected);
  });

  it('offsets', () => {
    expect(zoneOffsetMs(at('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3600_000);
    expect(zoneOffsetMs(at('2026-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(5.75 * 3600_000);
  });
});

describe('zonedTrendWindows', () => {
  it('Asia/Shanghai days start at 16:00 UTC; the first and last are cut at the window', () => {
    expect(starts('2026-11-28T10:00:00Z', '2026-12-01T03:00:00Z', 'DAY', 'Asia/Shanghai')).toEqual([
      '2026-11-28T10:00:00Z', // 18:00 local on the 28th, cut at from
      '2026-11-28T16:00:00Z',
      '2026-11-29T16:00:00Z',
      '2026-11-30T16:00:00Z', // the 1st, until to (11:00 local)
    ]);
  });

  it('America/New_York days across the change to summer time are 23 hours long', () => {
    const w = zonedTrendWindows({ from: at('2026-03-07T05:00:00Z'), to: at('2026-03-10T04:00:00Z') }, 'DAY', 'America/New_York');
    expect(w.map((x) => (x.to - x.from) / 3600_000)).toEqual([24, 23, 24]);
  });

  it('and 25 hours across the change back', () => {
    const w = zonedTrendWindows({ from: at('2026-11-01T04:00:00Z'), to: at('2026-11-02T05:00:00Z') }, 'DAY', 'America/New_York');
    expect(w.map((x) => (x.to - x.from) / 3600_000)).toEqual([25]);
  });

  it('weeks start on local Monday midnight', () => {
    // 2026-12-07 is a Monday; in Shanghai it starts 2026-12-06T16:00Z.
    expect(starts('2026-12-01T00:00:00Z', '2026-12-20T00:00:00Z', 'WEEK', 'Asia/Shanghai')).toEqual(['2026-12-01T00:00:00Z', '2026-12-06T16:00:00Z', '2026-12-13T16:00:00Z']);
  });

  it('a non-whole-hour zone floors each edge to the UTC hour before local midnight', () => {
    expect(starts('2026-11-30T00:00:00Z', '2026-12-02T00:00:00Z', 'DAY', 'Asia/Kolkata')).toEqual(['2026-11-30T00:00:00Z', '2026-11-30T18:00:00Z', '2026-12-01T18:00:00Z']);
  });

  it('UTC gives the UTC days, and HOUR ignores the zone', () => {
    expect(starts('2026-11-30T12:00:00Z', '2026-12-02T00:00:00Z', 'DAY', 'UTC')).toEqual(['2026-11-30T12:00:00Z', '2026-12-01T00:00:00Z']);
    expect(starts('2026-11-30T12:00:00Z', '2026-11-30T15:00:00Z', 'HOUR', 'Asia/Kolkata')).toEqual(['2026-11-30T12:00:00Z', '2026-11-30T13:00:00Z', '2026-11-30T14:00:00Z']);
  });

  it('refuses too many points, naming interval', () => {
    expect(() => zonedTrendWindows({ from: at('2000-01-01T00:00:00Z'), to: at('2010-01-01T00:00:00Z') }, 'DAY', 'UTC', 100)).toThrow(expect.objectContaining({ field: 'interval' }));
  });
});

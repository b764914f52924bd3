import { fromLocalInput, toLocalInput } from './window';

// A custom window is typed on the wall clock of the console's time zone and
// sent as whole UTC hours; the inputs show a window's instants on that clock.

describe('custom window inputs in the chosen time zone', () => {
  it('reads a date and time in Shanghai as that local instant (UTC+8)', () => {
    expect(fromLocalInput('2026-11-20T00:00', 'Asia/Shanghai')).toBe('2026-11-19T16:00:00Z');
    expect(fromLocalInput('2026-11-27T09:00', 'Asia/Shanghai')).toBe('2026-11-27T01:00:00Z');
    expect(toLocalInput('2026-11-19T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-20T00:00');
  });

  it('in UTC the wall clock is the instant', () => {
    expect(fromLocalInput('2026-11-20T00:00', 'UTC')).toBe('2026-11-20T00:00:00Z');
    expect(toLocalInput('2026-11-20T00:00:00Z', 'UTC')).toBe('2026-11-20T00:00');
  });

  it('follows a clock change (New York: EDT until 1 Nov 2026, EST after) and floors a part-hour zone to a whole UTC hour', () => {
    expect(fromLocalInput('2026-10-31T00:00', 'America/New_York')).toBe('2026-10-31T04:00:00Z');
    expect(fromLocalInput('2026-11-02T00:00', 'America/New_York')).toBe('2026-11-02T05:00:00Z');
    // Kolkata's midnight is 18:30 UTC: floored to 18:00, as the presets floor it.
    expect(fromLocalInput('2026-11-20T00:00', 'Asia/Kolkata')).toBe('2026-11-19T18:00:00Z');
  });

  it('gives no instant for an empty or partial value', () => {
    expect(fromLocalInput('', 'Asia/Shanghai')).toBe('');
    expect(fromLocalInput('2026-11-20', 'Asia/Shanghai')).toBe('');
    expect(toLocalInput('', 'Asia/Shanghai')).toBe('');
  });
});

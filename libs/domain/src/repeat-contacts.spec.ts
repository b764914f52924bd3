import { makesRepeat, REPEAT_CONTACT_WINDOW_MS, repeatsAmong, type RepeatKey } from './repeat-contacts';

const T = Date.UTC(2024, 0, 10);
const k = (id: string, at: number, customerId = 'c', needCategory = 'FAULT'): RepeatKey => ({ id, customerId, needCategory, occurredAt: at });

describe('the 7-day repeat rule (MANAGEMENT-MODEL.md §4)', () => {
  it.each([
    ['exactly 7 days before', k('a', T - REPEAT_CONTACT_WINDOW_MS), k('b', T), true],
    ['7 days and 1 ms before', k('a', T - REPEAT_CONTACT_WINDOW_MS - 1), k('b', T), false],
    ['equal times, smaller id first', k('a', T), k('b', T), true],
    ['equal times, greater id first', k('b', T), k('a', T), false],
    ['after it', k('a', T + 1), k('b', T), false],
    ['another customer', k('a', T - 1, 'x'), k('b', T), false],
    ['another need', k('a', T - 1, 'c', 'BILLING'), k('b', T), false],
  ])('%s: %s', (_what, earlier, t, expected) => {
    expect(makesRepeat(earlier, t)).toBe(expected);
  });

  it('reads a chain: each within 7 days of the one before is a repeat, the first never', () => {
    const day = 24 * 3_600_000;
    const all = [k('1', T), k('2', T + 6 * day), k('3', T + 12 * day), k('4', T + 20 * day)];
    expect([...repeatsAmong(all)].sort()).toEqual(['2', '3']);
  });
});

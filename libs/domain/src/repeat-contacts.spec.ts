import { makesRepeat, REPEAT_CONTACT_WINDOW_MS, repeatsAmong, settleRepeats, type RepeatKey } from './repeat-contacts';

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

  it('turns a stored touchpoint once however many new ones precede it, and never a new one or a repeat', () => {
    const stored = { id: 's', repeat: false };
    const out = settleRepeats(new Set(['n1', 'n2', 'n3']), [
      { id: 'n1', hasPrevious: false, next: stored },
      { id: 'n2', hasPrevious: true, next: stored },
      { id: 'n3', hasPrevious: true, next: { id: 'n1', repeat: false } }, // a new one: counted as new
    ]);
    expect(out.turned).toEqual([stored]);
    expect([...out.repeats].sort()).toEqual(['n2', 'n3']);
    expect(settleRepeats(new Set(['n']), [{ id: 'n', hasPrevious: false, next: { id: 's', repeat: true } }]).turned).toEqual([]);
  });
});

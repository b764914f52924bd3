import { checkTouchpoint, touchpointContentHash } from '@qihe/server';
import { ClockCorrection } from './clock-correction';

const MIN = 60_000;
const now = Date.parse('2026-12-01T12:00:00Z');

const item = (occurredAt: string, servedAt?: string): Record<string, unknown> => ({
  id: '0193a1f2-7c00-7000-8000-000000000001',
  unitId: 'prj-a1',
  customerId: 'c-1',
  channel: 'PHONE',
  kind: 'SERVICE',
  stage: 'AFTER_SALE',
  occurredAt,
  need: { category: 'FAULT' },
  service: { action: 'reset', handleSeconds: 60, resolved: true, firstContact: true, ...(servedAt ? { servedAt } : {}) },
});

describe('ClockCorrection.measure', () => {
  it.each([
    ['no sentAt', null, 0],
    ['a clock within the tolerance (transit)', new Date(now - 2_000), 0],
    ['a clock 10 minutes fast', new Date(now + 10 * MIN), -10 * MIN],
    ['a clock 3 hours slow', new Date(now - 3 * 60 * MIN), 3 * 60 * MIN],
    ['an invalid date', new Date(NaN), 0],
  ])('%s', (_what, sentAt, offset) => {
    expect(ClockCorrection.measure(sentAt, now, MIN).offsetMs).toBe(offset);
  });
});

describe('a site 10 minutes fast', () => {
  const fast = ClockCorrection.measure(new Date(now + 10 * MIN), now, MIN);
  const sent = item(new Date(now + 10 * MIN - 30_000).toISOString(), new Date(now + 10 * MIN - 20_000).toISOString());

  it('has its occurredAt and servedAt moved back before the 5-minute rule, and is accepted', () => {
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      expect(checkTouchpoint(sent).ok).toBe(false); // as sent: 9.5 minutes ahead of the gateway
      const checked = checkTouchpoint(fast.correct(sent));
      if (!checked.ok) throw new Error(checked.message);
      expect(checked.value.occurredAt.toISOString()).toBe(new Date(now - 30_000).toISOString());
      expect(checked.value.service?.servedAt?.toISOString()).toBe(new Date(now - 20_000).toISOString());
      expect(sent.occurredAt).toBe(new Date(now + 10 * MIN - 30_000).toISOString()); // the caller's item is untouched
    } finally {
      jest.useRealTimers();
    }
  });

  it('hashes the touchpoint as the site sent it: another sentAt (another offset) gives the same content hash', () => {
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const again = ClockCorrection.measure(new Date(now + 10 * MIN + 3_700), now, MIN); // a re-send, measured 3.7 s differently
      const a = checkTouchpoint(fast.correct(sent));
      const b = checkTouchpoint(again.correct(sent));
      if (!a.ok || !b.ok) throw new Error('refused');
      expect(a.value.occurredAt.getTime()).not.toBe(b.value.occurredAt.getTime());
      expect(touchpointContentHash(fast.asSent(a.value))).toBe(touchpointContentHash(again.asSent(b.value)));
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves what is not a time to the checks (they name the field)', () => {
    const bad = fast.correct(item('yesterday')) as Record<string, unknown>;
    expect(bad.occurredAt).toBe('yesterday');
    const checked = checkTouchpoint(bad);
    expect(checked.ok ? '' : checked.message).toMatch(/occurredAt/);
  });
});

import fc from 'fast-check';
import { validate, version } from 'uuid';
import { idAt, idTime, newId } from './ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });
// Up to 10889 AD: the 48-bit millisecond field holds it, and Date can still print it.
const msecs = fc.integer({ min: 0, max: 2 ** 48 - 1 });

describe('newId', () => {
  it('makes a lowercase RFC 9562 version-7 UUID carrying the time it was made', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(id).toMatch(V7);
    expect(validate(id) && version(id)).toBe(7);
    expect(idTime(id)).toBeGreaterThanOrEqual(before);
    expect(idTime(id)).toBeLessThanOrEqual(after);
  });

  it('sorts in creation order, also many ids inside one millisecond, and never repeats', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    // Each id strictly above the one before: sorted and unique in one look.
    expect(ids.filter((id, i) => i > 0 && !(ids[i - 1] < id)).length).toBe(0);
  });

  it('sorts ids made across awaits and timer ticks in creation order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(newId(), newId());
      // Until the clock has moved on: a timer of n ms may fire after less than n ms of Date.now() (libuv rounds its
      // loop time to the millisecond), so "two 2-ms timers later" is not "4 ms later" (it failed once, at 7 for 8).
      const at = Date.now();
      while (Date.now() <= at) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect([...ids].sort()).toEqual(ids);
    // Each pair carries a later millisecond than the pair before it.
    const pairTimes = ids.filter((_, i) => i % 2 === 0).map(idTime);
    expect(pairTimes.filter((t, i) => i > 0 && !(t > pairTimes[i - 1]))).toEqual([]);
  });
});

describe('idAt', () => {
  it('is a v7 id whose time is the one given, the same for the same input', () => {
    fc.assert(
      fc.property(msecs, bytes16, (ms, random) => {
        const id = idAt(ms, random);
        expect(id).toMatch(V7);
        expect(idTime(id)).toBe(ms);
        expect(idAt(ms, Uint8Array.from(random))).toBe(id);
      }),
    );
  });

  it('orders ids by their time whatever their random bits', () => {
    fc.assert(
      fc.property(msecs, msecs, bytes16, bytes16, (a, b, ra, rb) => {
        fc.pre(a !== b);
        const [x, y] = [idAt(a, ra), idAt(b, rb)];
        expect(x < y).toBe(a < b);
      }),
    );
  });
});

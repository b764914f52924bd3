import fc from 'fast-check';
import { isoDay, isoOf, isoTime } from './iso-time';

// isoTime must be toISOString exactly: the content hash (stored with every
// touchpoint) and the insert's times are written with it.

const MAX = 8.64e15;

describe('isoTime', () => {
  it('equals toISOString for any time, the days it remembers included', () => {
    const times = fc.oneof(
      fc.integer({ min: -MAX, max: MAX }),
      fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2101, 0, 1) }),
      fc.integer({ min: -62_167_219_200_000 - 86_400_000, max: -62_167_219_200_000 + 86_400_000 }),
      fc.integer({ min: 253_402_300_800_000 - 86_400_000, max: 253_402_300_800_000 + 86_400_000 }),
    );
    fc.assert(
      fc.property(fc.array(times, { maxLength: 40 }), (ms) => {
        for (const t of [...ms, ...ms]) expect(isoTime(t)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 500 },
    );
  });

  it.each([0, -1, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, -62_167_219_200_000, 253_402_300_799_999, 253_402_300_800_000, MAX, -MAX])(
    'equals toISOString at the edge %p',
    (t) => {
      expect(isoTime(t)).toBe(new Date(t).toISOString());
      expect(isoOf(new Date(t))).toBe(new Date(t).toISOString());
    },
  );

  it('throws as toISOString does for an invalid date', () => {
    expect(() => isoTime(NaN)).toThrow(RangeError);
    expect(() => isoTime(MAX + 1)).toThrow(RangeError);
    expect(() => isoOf(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('isoDay', () => {
  // Partition and key-day names are made with it: the same day as toISOString's first ten characters.
  it('is the first ten characters of toISOString for any time, remembered or not, fractions included', () => {
    const times = fc.oneof(
      fc.integer({ min: -MAX, max: MAX }),
      fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2101, 0, 1) }),
      fc.double({ min: -1e10, max: 1e10, noNaN: true }),
      fc.integer({ min: -62_167_219_200_000 - 86_400_000, max: -62_167_219_200_000 + 86_400_000 }),
      fc.integer({ min: 253_402_300_800_000 - 86_400_000, max: 253_402_300_800_000 + 86_400_000 }),
    );
    fc.assert(
      fc.property(fc.array(times, { maxLength: 40 }), (ms) => {
        for (const t of [...ms, ...ms]) expect(isoDay(t)).toBe(new Date(t).toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });

  it.each([0, -1, -0.5, 0.5, 86_399_999, 86_400_000, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, MAX, -MAX])(
    'is the day toISOString gives at the edge %p',
    (t) => expect(isoDay(t)).toBe(new Date(t).toISOString().slice(0, 10)),
  );

  it('throws as toISOString does for an invalid date', () => {
    expect(() => isoDay(NaN)).toThrow(RangeError);
    expect(() => isoDay(MAX + 1)).toThrow(RangeError);
  });
});

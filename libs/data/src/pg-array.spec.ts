import fc from 'fast-check';
import { boolArray, boolColumn, numberArray, numberColumn, textArray, textColumn } from './pg-array';

// The literals are built by one join per column (plain values unquoted into '","', the rest quoted one by
// one once a value needs it): byte for byte the literal of the element-by-element rule below, whatever the
// values and wherever a null or a value to escape comes. (test/integration/storage.spec.ts sends them to
// PostgreSQL and reads the same values back.)
const reference = (values: readonly (string | null)[]): string =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.uuid(),
  fc.constantFrom('', ' ', 'NULL', 'null', '"', '\\', '{a,b}', 'a, b', '\\"', '""', '\\\\', '契合 👍', '2026-12-02T17:00:00.000Z'),
);
// Mostly plain columns with the odd null or value to escape anywhere, and columns of any mix.
const column = fc.oneof(
  fc.array(fc.option(text, { nil: null }), { maxLength: 30 }),
  fc.tuple(fc.array(fc.uuid(), { maxLength: 30 }), fc.nat(), fc.constantFrom(null, '"', '\\', 'a"b', 'NULL')).map(([vs, at, odd]) => {
    const out: (string | null)[] = [...vs];
    out.splice(at % (vs.length + 1), 0, odd);
    return out;
  }),
);

describe('pg-array', () => {
  it('text: the reference literal for any column, from the array and from rows', () => {
    fc.assert(
      fc.property(column, (values) => {
        expect(textArray(values)).toBe(reference(values));
        expect(textColumn(values.map((v) => ({ v })), (r) => r.v)).toBe(reference(values));
      }),
      { numRuns: 2000 },
    );
  });

  it.each<[(string | null)[], string]>([
    [[], '{}'],
    [[null], '{NULL}'],
    [['NULL'], '{"NULL"}'],
    [[''], '{""}'],
    [['a', 'b'], '{"a","b"}'],
    [['a', null], '{"a",NULL}'],
    [[null, 'a'], '{NULL,"a"}'],
    [['a', 'b"c', 'd'], '{"a","b\\"c","d"}'],
    [['a\\', 'b'], '{"a\\\\","b"}'],
    [['x', 'y', 'z', null], '{"x","y","z",NULL}'],
  ])('text %j is %s', (values, literal) => {
    expect(textArray(values)).toBe(literal);
  });

  it('numbers and booleans: String(n), t / f, NULL; nothing but finite numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(-0)), { nil: null })), (ns) => {
        const literal = `{${ns.map((n) => (n === null ? 'NULL' : String(n))).join(',')}}`;
        expect(numberArray(ns)).toBe(literal);
        expect(numberColumn(ns.map((n) => ({ n })), (r) => r.n)).toBe(literal);
      }),
      { numRuns: 500 },
    );
    expect(() => numberArray([1, NaN])).toThrow(RangeError);
    expect(() => numberArray([Infinity])).toThrow(RangeError);
    expect(boolArray([])).toBe('{}');
    expect(boolArray([true, false, null])).toBe('{t,f,NULL}');
    expect(boolColumn([{ b: null }, { b: true }], (r) => r.b)).toBe('{NULL,t}');
  });
});

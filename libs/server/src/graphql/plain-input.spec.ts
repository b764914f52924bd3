import fc from 'fast-check';
import { buildSchema, coerceInputValue, type GraphQLInputType, type GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { shippedFile } from '../shipped-file';
import { isDateTimeText } from './date-time.scalar';
import { plainInputCheck } from './plain-input';

// plainInputCheck says "GraphQL's coercion returns this JSON value unchanged".
// Held to graphql-js's own coerceInputValue: whenever the check says yes,
// coercion succeeds and gives back an equal value. (A no only costs speed: the
// value is then coerced as usual.)

const SDL = `
  scalar Day
  enum Colour { RED GREEN }
  input Inner { n: Int!, f: Float, tags: [String!], day: Day }
  input Outer { id: ID!, name: String, flag: Boolean!, colour: Colour, inner: Inner!, more: [Inner!], withDefault: Int = 3 }
  type Query { q(outer: [Outer!]!): Int }
`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function testSchema(): GraphQLSchema {
  const schema = buildSchema(SDL);
  const day = schema.getType('Day') as GraphQLScalarType;
  // A scalar that takes its text as it is: "unchanged" is then checkable.
  day.parseValue = (v: unknown) => {
    if (typeof v !== 'string' || !DAY.test(v)) throw new TypeError('not a day');
    return v;
  };
  return schema;
}

const argType = (schema: GraphQLSchema, field: string, arg: string): GraphQLInputType => {
  const a = (schema.getMutationType()?.getFields()[field] ?? schema.getQueryType()?.getFields()[field])?.args.find((x) => x.name === arg);
  if (!a) throw new Error(`no ${field}(${arg})`);
  return a.type;
};

/** The coerced value as JSON (graphql-js gives objects without a prototype), or 'refused'. */
function coerced(value: unknown, type: GraphQLInputType): unknown {
  try {
    return JSON.parse(JSON.stringify(coerceInputValue(value, type, () => {
      throw new Error('refused');
    })));
  } catch {
    return 'refused';
  }
}

// Values near the type: mostly valid, with every kind of slip.
const scalarish = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(2 ** 31), fc.constant('2026-12-02'), fc.constant('RED'), fc.constant('BLUE'));
const innerArb = fc.record(
  {
    n: fc.oneof(fc.integer({ min: -5, max: 5 }), scalarish),
    f: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), scalarish),
    tags: fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), fc.array(scalarish, { maxLength: 2 }), scalarish),
    day: fc.oneof(fc.constant('2026-12-02'), scalarish),
    extra: scalarish,
  },
  { requiredKeys: [] },
);
const outerArb = fc.record(
  {
    id: fc.oneof(fc.uuid(), scalarish),
    name: fc.oneof(fc.string({ maxLength: 5 }), scalarish),
    flag: fc.oneof(fc.boolean(), scalarish),
    colour: fc.oneof(fc.constantFrom('RED', 'GREEN'), scalarish),
    inner: fc.oneof(innerArb, scalarish),
    more: fc.oneof(fc.array(innerArb, { maxLength: 2 }), innerArb, scalarish),
    withDefault: fc.oneof(fc.integer({ min: 0, max: 9 }), scalarish),
    stray: scalarish,
  },
  { requiredKeys: [] },
);
const listArb = fc.oneof(fc.array(outerArb, { maxLength: 3 }), outerArb, scalarish, fc.jsonValue());

describe('plainInputCheck', () => {
  it('says yes only to a value graphql-js coerces to an equal value (random values near the type)', () => {
    const schema = testSchema();
    const type = argType(schema, 'q', 'outer');
    const plain = plainInputCheck(type, { Day: (v) => typeof v === 'string' && DAY.test(v) });
    let yes = 0;
    fc.assert(
      fc.property(listArb, (value) => {
        const json = JSON.parse(JSON.stringify(value ?? null)) as unknown;
        if (!plain(json)) return;
        yes++;
        expect(coerced(json, type)).toEqual(json);
      }),
      { numRuns: 3000 },
    );
    expect(yes).toBeGreaterThan(20); // not vacuous
  });

  it.each([
    ['a valid list', [{ id: 'a', flag: true, inner: { n: 1 }, withDefault: 3 }], true],
    ['an empty list', [], true],
    ['a missing required field', [{ id: 'a', inner: { n: 1 }, withDefault: 3 }], false],
    ['a field with a default left out (coercion would fill it in)', [{ id: 'a', flag: true, inner: { n: 1 } }], false],
    ['an integer ID (coerced to a string)', [{ id: 7, flag: true, inner: { n: 1 }, withDefault: 3 }], false],
    ['one item for a list (coerced into a list of one)', { id: 'a', flag: true, inner: { n: 1 }, withDefault: 3 }, false],
    ['an unknown field', [{ id: 'a', flag: true, inner: { n: 1 }, withDefault: 3, stray: 1 }], false],
    ['an unknown enum value', [{ id: 'a', flag: true, colour: 'BLUE', inner: { n: 1 }, withDefault: 3 }], false],
    ['an Int past 32 bits', [{ id: 'a', flag: true, inner: { n: 2 ** 31 }, withDefault: 3 }], false],
    ['a custom scalar outside its text', [{ id: 'a', flag: true, inner: { n: 1, day: '2 Dec' }, withDefault: 3 }], false],
  ])('%s: %s', (_what, value, expected) => {
    const schema = testSchema();
    const plain = plainInputCheck(argType(schema, 'q', 'outer'), { Day: (v) => typeof v === 'string' && DAY.test(v) });
    expect(plain(value)).toBe(expected);
    if (expected) expect(coerced(value, argType(schema, 'q', 'outer'))).toEqual(value);
  });

  it("takes the contract's recordTouchpoints input as sent by a site, and refuses a DateTime without an offset", () => {
    const schema = buildSchema(readFileSync(shippedFile('libs/contracts/src/gateway-api.graphql'), 'utf8'));
    const plain = plainInputCheck(argType(schema, 'recordTouchpoints', 'input'), { DateTime: isDateTimeText });
    const item = {
      id: '01a23797-02df-7d72-addd-2019d5050ee3',
      unitId: 'prj-07-05',
      customerId: 'c-1',
      channel: 'WEB',
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: '2026-12-02T16:29:33.279Z',
      need: { category: 'KNOWLEDGE', description: 'guide' },
      service: { action: 'walked through', handleSeconds: 129, resolved: false, firstContact: false, servedAt: '2026-12-02T16:29:35.004+01:00', knowledgeRefs: ['kb-1'] },
    };
    expect(plain([item])).toBe(true);
    expect(plain([{ ...item, occurredAt: '2026-12-02T16:29:33' }])).toBe(false);
    expect(plain([{ ...item, channel: 'FAX' }])).toBe(false);
  });
});

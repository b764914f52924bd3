import fc from 'fast-check';
import { CHANNELS, LIFECYCLE_STAGES, NEED_CATEGORIES, TOUCHPOINT_KINDS } from '@qihe/domain';
import { compiledSatisfactionCheck, compiledTouchpointCheck } from './compiled-touchpoint-check';
import { checkSatisfaction, checkSatisfactionByClassValidator, checkTouchpoint, checkTouchpointByClassValidator } from './validate-touchpoint';

// The compiled checks must answer exactly as class-validator does: same
// acceptance, same stored record, same message for every bad item. Random good
// items, then each broken in one place (wrong type, length, range, enum, date,
// extra key, NUL, surrogates …), as JSON or as GraphQL hands them over.

type Json = Record<string, unknown>;
const MIN = 60_000;

/** What a call gives back, exceptions included, so that two implementations can be compared. */
function outcome(fn: () => unknown): unknown {
  try {
    return { returned: fn() };
  } catch (e) {
    return { threw: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
}

const plainText = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' }),
    fc.constantFrom('契合', '需求 → 服务 → 满意', 'a "quoted" \\ back, slash', 'line\nbreak').filter((s) => s.length >= min && s.length <= max),
    fc.constant('x'.repeat(max)),
  );
const uuid = fc.uuid().map((u) => u.replace(/^(.{14})./, '$14'));
const isoDate = (offset: fc.Arbitrary<number>): fc.Arbitrary<string> => offset.map((ms) => new Date(Date.now() + ms).toISOString());
const goodDate = isoDate(fc.integer({ min: -400 * 24 * 60 * MIN, max: 4 * MIN }));
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> => fc.oneof(a, fc.constant(null), fc.constant(undefined));

const goodService = fc.record(
  {
    action: plainText(1, 500),
    handleSeconds: fc.integer({ min: 0, max: 86400 }),
    resolved: fc.boolean(),
    firstContact: fc.boolean(),
    knowledgeRefs: opt(fc.array(plainText(1, 200), { maxLength: 4 })),
    knowledgeCreated: opt(fc.boolean()),
    handoffUnitId: opt(plainText(1, 64)),
    commitment: opt(fc.record({ code: plainText(1, 100), met: fc.boolean() })),
    servedAt: opt(goodDate),
  },
  { requiredKeys: ['action', 'handleSeconds', 'resolved', 'firstContact'] },
);

const goodItem: fc.Arbitrary<Json> = fc.record(
  {
    id: fc.oneof(uuid, uuid.map((u) => u.toUpperCase())),
    unitId: plainText(1, 64),
    customerId: plainText(1, 200),
    industry: opt(plainText(0, 200)),
    region: opt(plainText(0, 200)),
    contractId: opt(plainText(0, 200)),
    productId: opt(plainText(0, 200)),
    teamId: opt(plainText(0, 200)),
    agentId: opt(plainText(0, 200)),
    perceptionPoint: opt(plainText(0, 200)),
    channel: fc.constantFrom(...CHANNELS),
    kind: fc.constantFrom(...TOUCHPOINT_KINDS),
    stage: fc.constantFrom(...LIFECYCLE_STAGES),
    occurredAt: goodDate,
    need: fc.record({ category: fc.constantFrom(...NEED_CATEGORIES), description: opt(plainText(0, 2000)) }, { requiredKeys: ['category'] }),
    service: opt(goodService),
    satisfaction: opt(fc.record({ score: fc.integer({ min: 1, max: 5 }), comment: opt(plainText(0, 2000)) }, { requiredKeys: ['score'] })),
  },
  { requiredKeys: ['id', 'unitId', 'customerId', 'channel', 'kind', 'stage', 'occurredAt', 'need'] },
);

/** How GraphQL hands an input over: objects without a prototype, DateTime already a Date. */
function asGraphQL(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => asGraphQL(x));
  if (typeof v === 'string' && (key === 'occurredAt' || key === 'servedAt')) return new Date(v);
  if (v && typeof v === 'object') {
    const out = Object.create(null) as Json;
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = asGraphQL(x, k);
    return out;
  }
  return v;
}

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, 0, -1, 1.5, 86401, 6, NaN, true, false, '', ' ', 'x'.repeat(65), 'x'.repeat(201), 'x'.repeat(501), 'x'.repeat(2001)),
  fc.constantFrom('nul\u0000here', 'emoji 👍', 'x\uFE0F', '\uD800', 'not-a-uuid', '2026-13-45T99:00:00Z', 'soon', 'PHONE', 'phone', 'FAULT', []),
  fc.constantFrom({}, { score: 3 }, { code: 'c', met: true }, ['a'], [1], new Date(NaN), new Date(Date.now() + 6 * MIN)),
  fc.constant(new Date(Date.now() + 10 * MIN).toISOString()),
  fc.array(fc.constant('kb-1'), { minLength: 101, maxLength: 101 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
  fc.double(),
);

const PATHS = [
  'id', 'unitId', 'customerId', 'industry', 'region', 'contractId', 'productId', 'teamId', 'agentId', 'perceptionPoint', 'channel', 'kind', 'stage',
  'occurredAt', 'need', 'need.category', 'need.description', 'service', 'service.action', 'service.handleSeconds', 'service.resolved',
  'service.firstContact', 'service.knowledgeRefs', 'service.knowledgeRefs.0', 'service.knowledgeCreated', 'service.handoffUnitId',
  'service.commitment', 'service.commitment.code', 'service.commitment.met', 'service.servedAt', 'satisfaction', 'satisfaction.score',
  'satisfaction.comment', 'extra', 'need.extra', 'service.extra', '__proto__',
];

// Just outside (and just inside) each field's rule: the values a loose check would let through.
const len = (n: number): string => 'y'.repeat(n);
// Around the earliest plausible date (2000-01-01), and years PostgreSQL cannot store at all.
const IMPLAUSIBLE_DATES = ['0000-06-01T00:00:00Z', '0001-01-01T00:30:00+01:00', '1999-12-31T23:59:59.999Z', '2000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z'];
const EDGES: Record<string, unknown[]> = {
  id: ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '123e4567-e89b-02d3-a456-426614174000', '123e4567-e89b-12d3-c456-426614174000', '123e4567e89b12d3a456426614174000'],
  unitId: [len(64), len(65), ''],
  customerId: [len(200), len(201), ''],
  industry: [len(200), len(201), ''],
  region: [len(201)],
  contractId: [len(201)],
  productId: [len(201)],
  teamId: [len(201)],
  agentId: [len(201)],
  perceptionPoint: [len(200), len(201), ''],
  'need.description': [len(2000), len(2001)],
  'service.action': [len(500), len(501), ''],
  'service.handleSeconds': [0, 86400, 86401, -1, 0.5, '10'],
  'service.knowledgeRefs': [Array(100).fill('kb'), Array(101).fill('kb'), [''], [len(200)], [len(201)], 'kb-1'],
  'service.knowledgeRefs.0': [len(200), len(201), '', 1],
  'service.handoffUnitId': [len(64), len(65), ''],
  'service.commitment.code': [len(100), len(101), ''],
  'service.servedAt': ['2026-01-01', 'yesterday', 0, ...IMPLAUSIBLE_DATES, new Date(Date.now() + 6 * MIN).toISOString()],
  'satisfaction.score': [0, 1, 5, 6, 4.5, '5'],
  'satisfaction.comment': [len(2000), len(2001)],
  occurredAt: [new Date(Date.now() + 4 * MIN).toISOString(), new Date(Date.now() + 6 * MIN).toISOString(), 0, '2026-02-30T00:00:00Z', ...IMPLAUSIBLE_DATES],
};
const edgeOrBad = (path: string): fc.Arbitrary<unknown> => (Object.hasOwn(EDGES, path) ? fc.oneof(fc.constantFrom(...EDGES[path]), badValue) : badValue);
const pathAndValue = fc.constantFrom(...PATHS).chain((path) => edgeOrBad(path).map((value) => [path, value] as const));

/** A copy of `item` with `path` set to `value` (creating the parents it needs). */
function broken(item: Json, path: string, value: unknown): Json {
  const copy = structuredClone(item);
  const keys = path.split('.');
  let cur: Json = copy;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = k === 'knowledgeRefs' ? [] : {};
    cur = cur[k] as Json;
  }
  const last = keys[keys.length - 1];
  if (last === '__proto__') Object.defineProperty(cur, '__proto__', { value, enumerable: true, configurable: true, writable: true });
  else cur[last] = value;
  return copy;
}

describe('compiledTouchpointCheck', () => {
  it('recognises every good item, with the record class-validator makes of it', () => {
    fc.assert(
      fc.property(goodItem, fc.boolean(), (item, graphql) => {
        const raw = graphql ? asGraphQL(item) : item;
        const reference = checkTouchpointByClassValidator(raw);
        expect(reference.ok).toBe(true);
        expect(compiledTouchpointCheck(raw)).toEqual(reference.ok ? reference.value : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers a broken item exactly as class-validator does: acceptance, record or message', () => {
    fc.assert(
      fc.property(goodItem, pathAndValue, fc.boolean(), (item, [path, value], graphql) => {
        const bad = broken(item, path, value);
        const raw = graphql ? asGraphQL(bad) : bad;
        const reference = outcome(() => checkTouchpointByClassValidator(raw));
        expect(outcome(() => checkTouchpoint(raw))).toEqual(reference);
        const compiled = compiledTouchpointCheck(raw);
        // The compiled checks may leave an item to the reference, never accept one it refuses.
        if (compiled) expect(reference).toEqual({ returned: { ok: true, value: compiled } });
      }),
      { numRuns: 5000 },
    );
  });

  it('answers non-objects like the reference', () => {
    for (const raw of [null, undefined, 1, 'x', [], [{}], new Date(0)]) {
      expect(outcome(() => checkTouchpoint(raw))).toEqual(outcome(() => checkTouchpointByClassValidator(raw)));
    }
  });
});

describe('compiledSatisfactionCheck', () => {
  const goodRating = fc.record({ score: fc.integer({ min: 1, max: 5 }), comment: opt(plainText(0, 2000)) }, { requiredKeys: ['score'] });

  it('recognises every good rating', () => {
    fc.assert(
      fc.property(goodRating, fc.boolean(), (r, graphql) => {
        const raw = graphql ? asGraphQL(r) : r;
        const reference = checkSatisfactionByClassValidator(raw);
        expect(reference.ok).toBe(true);
        expect(compiledSatisfactionCheck(raw)).toEqual(reference.ok ? reference.value : null);
      }),
    );
  });

  it('answers a broken rating exactly as class-validator does', () => {
    fc.assert(
      fc.property(goodRating, fc.constantFrom('score', 'comment', 'extra').chain((k) => edgeOrBad(`satisfaction.${k}`).map((v) => [k, v] as const)), (r, [key, value]) => {
        const raw = { ...r, [key]: value };
        expect(outcome(() => checkSatisfaction(raw))).toEqual(outcome(() => checkSatisfactionByClassValidator(raw)));
      }),
      { numRuns: 2000 },
    );
    for (const raw of [null, undefined, 3, 'x', []]) {
      expect(outcome(() => checkSatisfaction(raw))).toEqual(outcome(() => checkSatisfactionByClassValidator(raw)));
    }
  });
});

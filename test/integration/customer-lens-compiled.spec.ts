import { Client } from 'pg';
import { newId } from '@qihe/contracts';
import { RISK_FEATURES, type RiskModel } from '@qihe/domain';
import { compiledRunCount } from '@qihe/server';
import { postGraphql, startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { touchpoint } from '../support/touchpoint-factory';

// Issue 14: the customer lens's queries (`customer`, `customerTimeline`) run
// through the compiled executor (graphql-jit, libs/server jit-executor.ts):
// completing a profile's 1,000 `units` entries through graphql-js was the
// largest share of the gateway's CPU for it at 10 M (docs/PERFORMANCE.md
// "Customer profile at 10 M, again"). A gateway with the fast path answers
// every caller — in scope, out of scope, without a key, with bad arguments —
// exactly what a gateway without it (QIHE_GRAPHQL_JIT=off) answers, status and body.

const KEYS = { site_a: TEST_ORG.sites.find((s) => s.id === 'site-a')!.key, site_a1: TEST_ORG.sites.find((s) => s.id === 'site-a1')!.key };
const HOUR = 3_600_000;
const NOW_HOUR = Math.floor(Date.now() / HOUR) * HOUR;
const UNITS = ['prj-a1', 'prj-a2', 'prj-b1', 'bu-b'];

const LOGIN = `mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
const RECORD = `mutation R($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }`;
// Everything of the profile but what differs between two databases by nature (generated follow-up ids, the risk's asOf).
const PROFILE = `query P($c: String!, $u: ID) { customer(customerId: $c, unitId: $u) {
  customerId touchpoints firstContactAt lastContactAt units { unit { id name level } touchpoints lastContactAt }
  engagement { type score } risk { customerId probability modelVersion drivers { feature value contribution } }
  openCommitments { id } followUps { reason customerId touchpointId unit { id } state } } }`;
const TIMELINE = `query T($c: String!, $first: Int, $after: String, $u: ID) { customerTimeline(customerId: $c, first: $first, after: $after, unitId: $u) {
  totalCount edges { cursor node { id customerId occurredAt channel unit { id } satisfaction { score } } } pageInfo { hasNextPage endCursor } } }`;

let fast: TestGateway;
let standard: TestGateway;
/** Each gateway's bearer per caller (a user's token is its gateway's own; site keys and "anonymous" are the same for both). */
const tokens = new Map<TestGateway, Record<string, string | undefined>>();

/** The same call to both gateways: the answers must be equal, and only the fast one ran it compiled. */
async function both(query: string, variables: Record<string, unknown>, who: string): Promise<{ status: number; body: unknown }> {
  const before = compiledRunCount();
  const a = await postGraphql(fast, query, variables, tokens.get(fast)![who]);
  const compiled = compiledRunCount() - before;
  const b = await postGraphql(standard, query, variables, tokens.get(standard)![who]);
  expect({ compiled, standard: compiledRunCount() - before - compiled }).toEqual({ compiled: 1, standard: 0 });
  expect(comparable(a)).toEqual(comparable(b));
  return a;
}

// What differs between two databases or two moments by nature, not by the executor: follow-ups opened by one
// ingest statement share created_at and are ordered by their generated ids; the two features that move with
// the clock (their coefficients are 0 below, so the probability does not move).
const CLOCK_FEATURES = new Set(['daysSinceLastContact', 'recentRating']);
function comparable(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x), (key, v: unknown) => {
    if (key === 'followUps' && Array.isArray(v)) return v.map((f) => JSON.stringify(f)).sort();
    if (v && typeof v === 'object' && CLOCK_FEATURES.has((v as { feature?: string }).feature ?? '')) return { ...v, value: 'clock' };
    return v;
  });
}

// A model with every coefficient set, stored in both databases: the risk and its drivers are answered too.
const MODEL: RiskModel = {
  version: 'compiled-lens',
  features: [...RISK_FEATURES],
  means: RISK_FEATURES.map(() => 0.5),
  coefficients: RISK_FEATURES.map((f, i) => (CLOCK_FEATURES.has(f) ? 0 : i % 2 ? 0.3 : -0.2)),
  intercept: -1,
  trainedAt: Date.now(),
  trainingRatings: 300,
  holdoutRatings: 60,
  auc: 0.7,
  precisionAt50: 0.5,
  baselinePrecisionAt50: 0.3,
  ratingsAtFit: 1e9,
};

beforeAll(async () => {
  [fast, standard] = await Promise.all([startTestGateway(TEST_ORG), startTestGateway(TEST_ORG, { QIHE_GRAPHQL_JIT: 'off' })]);
  // Two customers over four units and 400 days, some rated low (follow-ups): the same rows in both.
  const items = Array.from({ length: 120 }, (_, i) =>
    touchpoint({
      id: newId(),
      unitId: UNITS[i % UNITS.length],
      customerId: i % 5 === 0 ? 'lens-b' : 'lens-a',
      channel: i % 3 ? 'PHONE' : 'WEB',
      occurredAt: new Date(NOW_HOUR - (i * 80 + 1) * HOUR).toISOString(),
      satisfaction: i % 4 === 0 ? { score: 1 + (i % 5), comment: null } : null,
    }),
  );
  for (const gw of [fast, standard]) {
    const own: Record<string, string | undefined> = { anonymous: undefined, ...KEYS };
    for (const u of TEST_ORG.users) own[u.username] = ((await postGraphql(gw, LOGIN, { u: u.username, p: u.password })).body as { data: { login: { token: string } } }).data.login.token;
    tokens.set(gw, own);
    expect((await postGraphql(gw, RECORD, { input: items }, own.admin)).body).toEqual({ data: { recordTouchpoints: { accepted: items.length, rejected: [] } } });
    const pg = new Client({ connectionString: gw.databaseUrl });
    await pg.connect();
    await pg.query(`INSERT INTO risk_model (version, trained_at, ratings_at_fit, model) VALUES ($1, now(), $2, $3::jsonb)`, [MODEL.version, MODEL.ratingsAtFit, JSON.stringify(MODEL)]);
    await pg.end();
  }
});
afterAll(async () => {
  await Promise.all([fast?.close(), standard?.close()]);
});

const WHO = ['admin', 'exec', 'head.a', 'head.b', 'agent.a1', 'site_a', 'site_a1', 'anonymous'];

describe('the customer lens through the compiled executor (issue 14)', () => {
  it.each(WHO)('answers %s the profile graphql-js answers, for each customer and narrowing', async (who) => {
    for (const c of ['lens-a', 'lens-b', 'nobody']) {
      for (const u of [null, 'bu-a', 'prj-a1', 'prj-b1', 'no-such-unit']) {
        const { body } = await both(PROFILE, { c, u }, who);
        if (c === 'lens-a' && u === null && (who === 'admin' || who === 'exec')) {
          // Not an empty comparison: the whole profile, its four types and its risk with drivers.
          const p = (body as { data: { customer: { units: unknown[]; engagement: unknown[]; risk: { drivers: unknown[] }; followUps: unknown[] } } }).data.customer;
          expect({ units: p.units.length, types: p.engagement.length, drivers: p.risk.drivers.length, followUps: p.followUps.length > 0 }).toEqual({
            units: 4,
            types: 4,
            drivers: RISK_FEATURES.length,
            followUps: true,
          });
        }
      }
    }
  });

  it.each(WHO)('answers %s the timeline graphql-js answers, page by page', async (who) => {
    for (const u of [null, 'prj-a2']) {
      let after: string | null = null;
      for (let page = 0; page < 4; page++) {
        const { body } = await both(TIMELINE, { c: 'lens-a', first: 25, after, u }, who);
        const t = (body as { data?: { customerTimeline: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }).data?.customerTimeline;
        if (!t?.pageInfo.hasNextPage) break;
        after = t.pageInfo.endCursor;
      }
    }
  });

  it('refuses bad arguments alike', async () => {
    for (const [query, variables] of [
      [PROFILE, { c: 'x'.repeat(201) }],
      [PROFILE, { c: '' }],
      [TIMELINE, { c: 'lens-a', first: 0 }],
      [TIMELINE, { c: 'lens-a', first: 501 }],
      [TIMELINE, { c: 'lens-a', first: 5, after: 'not-a-cursor' }],
    ] as const) {
      const res = await both(query, variables, 'exec');
      expect((res.body as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps graphql-js for an operation with any other root field', async () => {
    const before = compiledRunCount();
    const res = await postGraphql(fast, `query { __typename customer(customerId: "lens-a") { touchpoints } }`, {}, tokens.get(fast)!.exec);
    expect(res.body).toEqual({ data: { __typename: 'Query', customer: { touchpoints: 96 } } });
    expect(compiledRunCount()).toBe(before);
  });
});

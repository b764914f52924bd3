import { print, type DocumentNode } from 'graphql';
import { BREAKDOWN, CHILD_SCORES, ORG_UNITS, TOUCHPOINTS, TREND, UNIT_SCORES } from '../../apps/console/src/unit/gateway-api';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { LOGIN } from '../support/documents';

// The cost limit prices what a query makes the gateway do, before anything
// runs: a database read weighs a lot, a list multiplies its items' cost by how
// many there can be — trend points from from/to/interval, a page by `first` —
// and every alias counts. The console's own queries pass. Costs of documents
// whose cost depends on variables are computed per call, not remembered.

const H = 3_600_000;
const hour = Math.floor(Date.now() / H) * H;
const iso = (ms: number): string => new Date(ms).toISOString();
const TREND_5000 = `engagementTrend(unitId: "group", from: "${iso(hour - 4999 * H)}", to: "${iso(hour + H)}", interval: HOUR) { from to touchpoints overall chains { chain score } }`;

let gw: TestGateway;
let loose: TestGateway; // aliases unlimited: the cost limit alone
let token: string;
let looseToken: string;

const login = async (g: TestGateway): Promise<string> =>
  (await g.gql(LOGIN, { u: 'exec', p: 'exec-password' })).data!.login.token;

/** POSTs with the status, to see what HTTP says too. */
async function post(g: TestGateway, query: string, variables: Record<string, unknown>, auth: string) {
  const res = await fetch(`${g.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  loose = await startTestGateway(TEST_ORG, { QIHE_GRAPHQL_MAX_ALIASES: '100000', QIHE_GRAPHQL_MAX_TOKENS: '1000000' });
  [token, looseToken] = await Promise.all([login(gw), login(loose)]);
});
afterAll(async () => {
  await gw.close();
  await loose.close();
});

const tooCostly = (r: Awaited<ReturnType<typeof post>>): void => {
  expect(r.status).toBe(400);
  expect(r.body.data ?? null).toBeNull();
  expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(r.body.errors?.[0].message).toMatch(/too costly/);
};

it('refuses 300 aliases of a 5,000-point trend before running it, with HTTP 400', async () => {
  const query = `{ ${Array.from({ length: 300 }, (_, i) => `t${i}: ${TREND_5000}`).join('\n')} }`;
  const t0 = performance.now();
  tooCostly(await post(loose, query, {}, looseToken));
  expect(performance.now() - t0).toBeLessThan(3000); // refused, not run: running it took 6.3 s
});

it('counts aliases: 20 aliases of a 5,000-point trend (within the alias limit) and 500 × engagementScore are refused', async () => {
  tooCostly(await post(gw, `{ ${Array.from({ length: 20 }, (_, i) => `t${i}: ${TREND_5000}`).join('\n')} }`, {}, token));
  const score = `engagementScore(unitId: "group", from: "${iso(hour - 24 * H)}", to: "${iso(hour + H)}") { touchpoints }`;
  tooCostly(await post(loose, `{ ${Array.from({ length: 500 }, (_, i) => `s${i}: ${score}`).join('\n')} }`, {}, looseToken));
  // One 5,000-point trend is fine.
  const one = await post(gw, `{ ${TREND_5000} }`, {}, token);
  expect(one.body.errors).toBeUndefined();
  expect((one.body.data!.engagementTrend as unknown[]).length).toBe(5000);
});

it('prices lists by their size: touchpoints by `first`, nested children by their fan-out', async () => {
  const page = (first: number): string =>
    `{ touchpoints(unitId: "group", from: "${iso(hour - 24 * H)}", to: "${iso(hour + H)}", first: ${first}) { edges { cursor node { id customerId unit { id name } } } } }`;
  expect((await post(gw, page(500), {}, token)).body.errors).toBeUndefined();
  const nested = `{ orgUnits { children { children { children { children { children { id } } } } } } }`;
  tooCostly(await post(gw, nested, {}, token));
});

it('prices a document by its variables on every call (no remembered cost), and follows @include', async () => {
  const doc = `query T($from: DateTime!, $to: DateTime!, $i: TrendInterval!) {
    a: engagementTrend(unitId: "group", from: $from, to: $to, interval: $i) { from to touchpoints overall chains { chain score } }
    b: engagementTrend(unitId: "bu-a", from: $from, to: $to, interval: $i) { from to touchpoints overall chains { chain score } }
  }`;
  const small = { from: iso(hour - 24 * H), to: iso(hour + H), i: 'HOUR' };
  const huge = { from: iso(hour - 4999 * H), to: iso(hour + H), i: 'HOUR' };
  expect((await post(gw, doc, small, token)).body.errors).toBeUndefined();
  tooCostly(await post(gw, doc, huge, token));
  expect((await post(gw, doc, small, token)).body.errors).toBeUndefined();
  tooCostly(await post(gw, doc, huge, token));

  const maybe = `query M($all: Boolean!) { me { role } ... @include(if: $all) { ${TREND_5000.replace('engagementTrend', 'x: engagementTrend')} y: ${TREND_5000} } }`;
  expect((await post(gw, maybe, { all: false }, token)).body.errors).toBeUndefined();
  tooCostly(await post(gw, maybe, { all: true }, token));
  expect((await post(gw, maybe, { all: false }, token)).body.errors).toBeUndefined();
});

it("lets every console query through, at the console's widest windows", async () => {
  const ten = { from: iso(hour - 3660 * 24 * H), to: iso(hour) }; // the longest window the gateway takes
  const day = { from: iso(hour - 72 * H), to: iso(hour) };
  const calls: [DocumentNode, Record<string, unknown>][] = [
    [ORG_UNITS, {}],
    [UNIT_SCORES, { unitId: 'group', ...ten }],
    [CHILD_SCORES, { parentId: 'group', ...ten }],
    [BREAKDOWN, { unitId: 'group', ...ten, by: 'REGION' }],
    [TREND, { unitId: 'group', ...ten, interval: 'WEEK' }],
    [TREND, { unitId: 'group', ...day, interval: 'HOUR' }],
    [TOUCHPOINTS, { unitId: 'group', ...ten, first: 500, after: null }],
  ];
  for (const [doc, variables] of calls) {
    const r = await post(gw, print(doc), variables, token);
    expect({ op: print(doc).slice(0, 40), errors: r.body.errors }).toEqual({ op: print(doc).slice(0, 40), errors: undefined });
  }
});

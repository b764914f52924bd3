import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { RECORD, touchpoint } from '../support/touchpoint-factory';
import type { TypedDocument } from '@qihe/client';
import { LOGIN } from '../support/documents';

// What a caller gets for input the gateway cannot use: a contract error
// naming the argument (BAD_USER_INPUT, HTTP 400 where no resolver ran), never
// INTERNAL_SERVER_ERROR; and in production, no "Did you mean …?" naming parts
// of the schema that introspection keeps to itself.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const H = 3_600_000;
const hour = Math.floor(Date.now() / H) * H;
const iso = (ms: number): string => new Date(ms).toISOString();

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

async function post(g: TestGateway, query: string | TypedDocument<unknown, never>, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const res = await fetch(`${g.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}

const login = async (g: TestGateway, user = 'exec', password = 'exec-password'): Promise<string> =>
  (await g.gql(LOGIN, { u: user, p: password })).data!.login.token;

describe('bad input answers BAD_USER_INPUT naming what is wrong', () => {
  let gw: TestGateway;
  let exec: string;

  beforeAll(async () => {
    gw = await startTestGateway(TEST_ORG);
    exec = await login(gw);
  });
  afterAll(() => gw.close());

  it.each([
    ['agnetId', { agnetId: 'a-1' }],
    ['servedat', { service: { action: 'a', handleSeconds: 1, resolved: true, firstContact: true, servedat: '2026-01-01T00:00:00Z' } }],
    ['commment', { satisfaction: { score: 4, commment: 'typo' } }],
  ])('a batch item with a field its input type does not know (%s)', async (field, extra) => {
    const good = touchpoint();
    const r = await post(gw, RECORD, { input: [good, { ...touchpoint(), ...extra }] }, SITE_A);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain(`"${field}"`);
  });

  it('a tampered touchpoints cursor', async () => {
    for (const raw of ['99999999999999999999:00000000-0000-4000-8000-000000000000', '-5:00000000-0000-4000-8000-000000000000', `${Number.MAX_SAFE_INTEGER}:00000000-0000-4000-8000-000000000000`]) {
      const after = Buffer.from(raw).toString('base64url');
      const r = await post(gw, `query($after: String) { touchpoints(unitId: "group", from: "${iso(hour - 24 * H)}", to: "${iso(hour + H)}", after: $after) { edges { cursor } } }`, { after }, exec);
      expect({ raw, code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({ raw, code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it.each([
    ['engagementScore', (from: string, to: string) => `{ engagementScore(unitId: "group", from: "${from}", to: "${to}") { touchpoints } }`],
    ['engagementTrend', (from: string, to: string) => `{ engagementTrend(unitId: "group", from: "${from}", to: "${to}", interval: WEEK) { touchpoints } }`],
    ['touchpoints', (from: string, to: string) => `{ touchpoints(unitId: "group", from: "${from}", to: "${to}") { edges { cursor } } }`],
  ])('a year-0 window of %s', async (_name, query) => {
    for (const [from, to] of [
      ['0000-06-01T00:00:00Z', '0000-06-02T00:00:00Z'],
      ['0001-01-01T00:00:00+01:00', '0001-01-02T00:00:00Z'],
      ['1999-12-31T00:00:00Z', '2000-01-02T00:00:00Z'],
    ]) {
      const r = await post(gw, query(from, to), {}, exec);
      expect({ from, code: r.errors?.[0].extensions?.code, field: r.errors?.[0].extensions?.field }).toEqual({ from, code: 'BAD_USER_INPUT', field: 'from' });
      expect(r.errors?.[0].message).toContain('2000-01-01');
    }
    // From the floor on, a window is fine.
    expect((await post(gw, query('2000-01-01T00:00:00Z', '2000-02-01T00:00:00Z'), {}, exec)).errors).toBeUndefined();
  });
});

describe('in production (introspection off), no suggestions leak schema names', () => {
  let prod: TestGateway;
  let dev: TestGateway;
  let exec: string;
  let devExec: string;

  beforeAll(async () => {
    [prod, dev] = await Promise.all([startTestGateway(TEST_ORG, { NODE_ENV: 'production' }), startTestGateway(TEST_ORG)]);
    [exec, devExec] = await Promise.all([login(prod), login(dev)]);
  });
  afterAll(async () => {
    await prod.close();
    await dev.close();
  });

  // What each probe gets wrong, and the name a suggestion would give away.
  // Deliberately wrong documents stay text; the right one is the generated RECORD.
  const probes: [string, string | TypedDocument<unknown, never>, Record<string, unknown>, string][] = [
    ['a mistyped mutation', `mutation { issueSiteKy(siteId: "s", unitId: "u") { key } }`, {}, '"issueSiteKey"'],
    ['a mistyped field', `{ orgUnits { nam } }`, {}, '"name"'],
    ['a mistyped argument', `{ orgUnit(id: "group", idd: "x") { level } }`, {}, '"id"'],
    ['a mistyped type', `query($i: [TouchpointInputt!]!) { me { role } }`, { i: [] }, '"TouchpointInput"'],
    ['a mistyped enum value', `{ engagementTrend(unitId: "group", from: "${iso(hour - H)}", to: "${iso(hour)}", interval: HOURR) { touchpoints } }`, {}, '"HOUR"'],
    ['a mistyped enum value in variables', RECORD, { input: [{ ...touchpoint(), channel: 'PHONEE' }] }, '"PHONE"'],
    ['a mistyped input field in variables', RECORD, { input: [{ ...touchpoint(), agnetId: 'x' }] }, '"agentId"'],
  ];

  it.each(probes)('%s', async (_what, query, variables, hidden) => {
    const r = await post(prod, query, variables, exec);
    expect(r.errors?.length).toBeGreaterThan(0);
    for (const e of r.errors!) {
      expect(e.message).not.toMatch(/did you mean/i);
      expect(e.message).not.toContain(hidden);
    }
    // The same mistake in development gets the suggestion: the probe does provoke one.
    const d = await post(dev, query, variables, devExec);
    expect(d.errors?.map((e) => e.message).join(' ')).toContain(hidden);
  });

  it('introspection is off there', async () => {
    expect((await post(prod, `{ __schema { types { name } } }`, {}, exec)).errors?.[0].message).toMatch(/introspection/i);
  });
});

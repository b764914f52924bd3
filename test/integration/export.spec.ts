import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { graphql } from '../__generated__/gateway';
import type { ExportPageQuery } from '../__generated__/gateway/graphql';
import type { GqlResponse } from '../support/gateway-app';
import { LOGIN, RECORD } from '../support/documents';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// CSV export (issue 12): each list as the API returns it, scoped like the API,
// named by what it holds, audited; refusals as the API's codes.

const HOUR = 3_600_000;
const H = Math.floor(Date.now() / HOUR) * HOUR;
const FROM = new Date(H - 4 * HOUR).toISOString();
const TO = new Date(H + HOUR).toISOString();

const PAGE = graphql(`
  query ExportPage($unitId: ID!, $from: DateTime!, $to: DateTime!, $after: String, $filter: TouchpointFilter) {
    touchpoints(unitId: $unitId, from: $from, to: $to, first: 500, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id customerId agentId handleSeconds needDescription satisfaction { score comment } unit { id } } }
    }
  }
`);
const SCORES = graphql(`
  query ExportScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: AGENT) { value score { touchpoints overall chains { chain score measures { key numerator denominator value } } } }
    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }
    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: HOUR) { from touchpoints overall }
  }
`);
const ZONED_TREND = graphql(`
  query ExportZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: DAY, timeZone: "Asia/Kolkata") { from to touchpoints overall }
  }
`);
const AUDIT = graphql(`
  query ExportAudit { auditLog(first: 50, action: EXPORT) { edges { node { actor target details } } } }
`);

let gw: TestGateway;
const tokens: Record<string, string> = {};

async function download(path: string, token: string | null): Promise<{ status: number; disposition: string | null; type: string | null; body: string }> {
  const res = await fetch(`${gw.url}/export/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, disposition: res.headers.get('content-disposition'), type: res.headers.get('content-type'), body: await res.text() };
}
const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { columns: true }) as Record<string, string>[];
const qs = (o: Record<string, string>): string => new URLSearchParams(o).toString();

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  for (const u of ['admin', 'exec', 'head.a', 'agent.a1']) {
    tokens[u] = (await gw.gql(LOGIN, { u, p: TEST_ORG.users.find((x) => x.username === u)!.password })).data!.login.token;
  }
  const units = ['prj-a1', 'prj-a2', 'prj-b1', 'bu-a'];
  const input = Array.from({ length: 4500 }, (_, i) => ({
    id: randomUUID(),
    unitId: units[i % units.length],
    customerId: `cust-${i % 9}`,
    channel: ['PHONE', 'EMAIL', 'WEB'][i % 3],
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(H - 3 * HOUR + i * 2_000).toISOString(),
    agentId: i % 5 === 0 ? null : `a-${i % 4}`,
    need: { category: 'FAULT', description: i % 7 === 0 ? 'said "no", then, =1+1\nnew line' : `need ${i}` },
    service: i % 4 === 0 ? null : { action: 'reset', handleSeconds: 60 + i, resolved: i % 3 !== 0, firstContact: true },
    satisfaction: i % 2 ? { score: 1 + (i % 5), comment: i % 3 ? null : 'ok, "fine"' } : null,
  }));
  const site = TEST_ORG.sites.find((s) => s.id === 'site-group')!.key;
  for (let i = 0; i < input.length; i += 500) expect((await gw.gql(RECORD, { input: input.slice(i, i + 500) }, site)).data!.recordTouchpoints.rejected).toEqual([]);
}, 120_000);

afterAll(async () => {
  await gw?.close();
});

it('streams exactly the filtered touchpoints the API pages, in its order, named by unit, window and filter', async () => {
  const filter = { channel: 'PHONE', measure: 'csat', part: 'DENOMINATOR' };
  const api: { id: string; customerId: string; agentId: string | null; handleSeconds: number | null; needDescription: string | null; satisfaction: { score: number; comment: string | null } | null }[] = [];
  for (let after: string | null = null; ; ) {
    const res: GqlResponse<ExportPageQuery> = await gw.gql(PAGE, { unitId: 'bu-a', from: FROM, to: TO, after, filter }, tokens['head.a']);
    const c = res.data!.touchpoints;
    api.push(...c.edges.map((e) => e.node));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  expect(api.length).toBeGreaterThan(500);
  const got = await download(`touchpoints.csv?${qs({ unitId: 'bu-a', from: FROM, to: TO, ...filter })}`, tokens['head.a']);
  expect(got.status).toBe(200);
  expect(got.type).toMatch(/^text\/csv/);
  expect(got.disposition).toBe(`attachment; filename="qihe-touchpoints_bu-a_${FROM.replace(/[-:]/g, '').slice(0, 13)}Z-${TO.replace(/[-:]/g, '').slice(0, 13)}Z_measure-csat_part-DENOMINATOR_channel-PHONE.csv"`);
  const rows = rowsOf(got.body);
  expect(rows.map((r) => r.id)).toEqual(api.map((t) => t.id));
  for (const [i, r] of rows.entries()) {
    const t = api[i];
    expect([r.customerId, r.agentId, r.handleSeconds, r.needDescription, r.satisfactionScore, r.satisfactionComment]).toEqual([
      t.customerId,
      t.agentId ?? '',
      t.handleSeconds === null ? '' : String(t.handleSeconds),
      t.needDescription ?? '',
      String(t.satisfaction!.score),
      t.satisfaction!.comment ?? '',
    ]);
  }
});

it('pages through more than one read of the export: every touchpoint of the group once, in the API order', async () => {
  const api: string[] = [];
  for (let after: string | null = null; ; ) {
    const res: GqlResponse<ExportPageQuery> = await gw.gql(PAGE, { unitId: 'group', from: FROM, to: TO, after, filter: null }, tokens.exec);
    api.push(...res.data!.touchpoints.edges.map((e) => e.node.id));
    if (!res.data!.touchpoints.pageInfo.hasNextPage) break;
    after = res.data!.touchpoints.pageInfo.endCursor;
  }
  expect(api.length).toBe(4500); // more than two of the export's reads (2,000 rows each)
  const got = await download(`touchpoints.csv?${qs({ unitId: 'group', from: FROM, to: TO })}`, tokens.exec);
  expect(rowsOf(got.body).map((r) => r.id)).toEqual(api);
});

it('exports breakdowns, children and trends with the numbers the API returns', async () => {
  const api = (await gw.gql(SCORES, { unitId: 'group', from: FROM, to: TO }, tokens.exec)).data!;
  const breakdown = rowsOf((await download(`breakdown.csv?${qs({ unitId: 'group', from: FROM, to: TO, by: 'AGENT' })}`, tokens.exec)).body);
  expect(breakdown.map((r) => [r.value, Number(r.touchpoints), r.overall === '' ? null : Number(r.overall)])).toEqual(api.engagementBreakdown.map((s) => [s.value, s.score.touchpoints, s.score.overall]));
  for (const [i, s] of api.engagementBreakdown.entries()) {
    for (const m of s.score.chains.flatMap((c) => c.measures)) {
      expect([Number(breakdown[i][`${m.key}.numerator`]), Number(breakdown[i][`${m.key}.denominator`])]).toEqual([m.numerator, m.denominator]);
    }
  }
  const children = rowsOf((await download(`children.csv?${qs({ parentId: 'group', from: FROM, to: TO })}`, tokens.exec)).body);
  expect(children.map((r) => [r.unitId, Number(r.touchpoints)])).toEqual(api.engagementScores.map((s) => [s.unit.id, s.touchpoints]));
  const trend = rowsOf((await download(`trend.csv?${qs({ unitId: 'group', from: FROM, to: TO, interval: 'HOUR' })}`, tokens.exec)).body);
  expect(trend.map((r) => [r.from, Number(r.touchpoints)])).toEqual(api.engagementTrend.map((p) => [p.from, p.touchpoints]));
});

it('exports a trend on local days (timeZone) with the points the API returns, and names the zone in the file', async () => {
  const from = new Date(H - 72 * HOUR).toISOString();
  const api = (await gw.gql(ZONED_TREND, { unitId: 'group', from, to: TO }, tokens.exec)).data!.engagementTrend;
  expect(api.length).toBeGreaterThanOrEqual(3);
  const got = await download(`trend.csv?${qs({ unitId: 'group', from, to: TO, interval: 'DAY', timeZone: 'Asia/Kolkata' })}`, tokens.exec);
  expect(got.disposition).toContain('_interval-DAY_timeZone-Asia');
  expect(rowsOf(got.body).map((r) => [r.from, r.to, Number(r.touchpoints)])).toEqual(api.map((p) => [p.from, p.to, p.touchpoints]));
});

it('records every export in the audit trail, with who, what and which window', async () => {
  await download(`touchpoints.csv?${qs({ unitId: 'prj-a1', from: FROM, to: TO, agentId: 'a-1' })}`, tokens['agent.a1']);
  const entries = (await gw.gql(AUDIT, {}, tokens.admin)).data!.auditLog.edges.map((e) => e.node);
  const mine = entries.find((e) => e.target === 'touchpoints:prj-a1');
  expect(mine).toMatchObject({ actor: 'agent.a1' });
  expect(JSON.parse(mine!.details)).toMatchObject({ list: 'touchpoints', unitId: 'prj-a1', from: FROM, to: TO, parameters: { agentId: 'a-1' } });
});

it.each([
  ['no token', null, `touchpoints.csv?${qs({ unitId: 'bu-a', from: FROM, to: TO })}`, 401, 'UNAUTHENTICATED', undefined],
  ['a bad token', 'not-a-token', `touchpoints.csv?${qs({ unitId: 'bu-a', from: FROM, to: TO })}`, 401, 'UNAUTHENTICATED', undefined],
  ['another subtree', 'head.a', `touchpoints.csv?${qs({ unitId: 'bu-b', from: FROM, to: TO })}`, 403, 'FORBIDDEN', undefined],
  ['an agent reading scores', 'agent.a1', `breakdown.csv?${qs({ unitId: 'prj-a1', from: FROM, to: TO, by: 'AGENT' })}`, 403, 'FORBIDDEN', undefined],
  ['a bad filter', 'exec', `touchpoints.csv?${qs({ unitId: 'group', from: FROM, to: TO, measure: 'nps' })}`, 400, 'BAD_USER_INPUT', 'filter.measure'],
  ['an unknown parameter', 'exec', `touchpoints.csv?${qs({ unitId: 'group', from: FROM, to: TO, colour: 'red' })}`, 400, 'BAD_USER_INPUT', 'colour'],
  ['a window off the hour', 'exec', `trend.csv?${qs({ unitId: 'group', from: FROM.replace(':00:00', ':30:00'), to: TO, interval: 'HOUR' })}`, 400, 'BAD_USER_INPUT', 'from'],
  ['an unknown time zone', 'exec', `trend.csv?${qs({ unitId: 'group', from: FROM, to: TO, interval: 'DAY', timeZone: 'Mars/Olympus' })}`, 400, 'BAD_USER_INPUT', 'timeZone'],
  ['an unknown unit', 'exec', `children.csv?${qs({ parentId: 'nowhere', from: FROM, to: TO })}`, 404, 'NOT_FOUND', undefined],
  ['an unknown list', 'exec', `everything.csv?${qs({ unitId: 'group', from: FROM, to: TO })}`, 404, 'NOT_FOUND', undefined],
])('refuses %s with the API code, as JSON, and writes no file', async (_name, who, path, status, code, field) => {
  const token = who === null ? null : (tokens[who] ?? who);
  const got = await download(path, token);
  expect(got.status).toBe(status);
  expect(got.disposition).toBeNull();
  const body = JSON.parse(got.body) as { error: { code: string; field?: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.field).toBe(field);
});

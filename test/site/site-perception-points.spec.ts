import { siteGraphql } from '../__generated__/site';
import { graphql } from '../__generated__/gateway';
import { TEST_ORG } from '../support/gateway-app';
import { agentFlow, LOG_MANY, LOG_ONE, STATUS, SwitchableGateway, TestSite, waitFor, type Gql } from './support/site-harness';

// The site's copy of the gateway's perception-point catalogue (MANAGEMENT-MODEL.md
// §5), against the real gateway and PostgreSQL: fetched and kept in the site's
// database, still served after a restart while the gateway is down; a code the
// copy lacks is refused before it is queued, naming the field; a known one
// reaches the gateway with the touchpoint.

jest.setTimeout(120_000);

const CATALOGUE = [
  { code: 'PP_REPAIR_SPEED', name: 'Repair speed', nameZh: '故障修复速度', needCategories: ['FAULT'], target: 0.8 },
  { code: 'PP_WAIT', name: 'Short waiting time', nameZh: '等待时间短', needCategories: ['FAULT', 'BILLING'], target: 0.9 },
  { code: 'PP_BILL', name: 'Bill is clear', needCategories: ['BILLING'], target: 0.75 },
];

const SITE_POINTS = siteGraphql(`query SitePerceptionPoints { perceptionPointCatalogue { code name nameZh needCategories target } }`);
const GATEWAY_POINTS = graphql(`query GatewayPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }`);

let gw: SwitchableGateway;
let site: TestSite;
let agent: string;

const ok = <T>(res: Gql<T>): T => {
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
};
const sitePoints = async (): Promise<{ code: string }[]> => ok(await site.gql(SITE_POINTS, {}, agent)).perceptionPointCatalogue;
const backlog = async (): Promise<number> => (await site.sql<{ n: number }>(`SELECT count(*)::int AS n FROM site_touchpoint WHERE state = 'PENDING'`))[0].n;

beforeAll(async () => {
  gw = await SwitchableGateway.create({ ...TEST_ORG, perceptionPoints: CATALOGUE });
  await gw.up();
  site = await TestSite.start(gw.url);
  agent = await site.login('agent.a1', 'agent-a1-password');
  await waitFor('the perception-point copy', async () => (await sitePoints()).length === CATALOGUE.length);
});

afterAll(async () => {
  await site?.destroy();
  await gw?.destroy();
});

it("copies the gateway's catalogue in its order, and serves the copy after a restart while the gateway is down", async () => {
  const admin = ok(await gw.gql<{ login: { token: string } }>(`mutation { login(username: "admin", password: "admin-password") { token } }`)).login.token;
  const atGateway = ok(await gw.gql(GATEWAY_POINTS, {}, admin)).perceptionPointCatalogue;
  expect(atGateway.map((p) => p.code)).toEqual(CATALOGUE.map((p) => p.code));
  expect(await sitePoints()).toEqual(atGateway);
  expect(await site.sql(`SELECT what FROM site_copy WHERE what = 'PERCEPTION_POINTS'`)).toEqual([{ what: 'PERCEPTION_POINTS' }]);

  await gw.down();
  await site.restart();
  const token = await site.login('agent.a1', 'agent-a1-password'); // a known agent signs in offline
  expect(ok(await site.gql(SITE_POINTS, {}, token)).perceptionPointCatalogue).toEqual(atGateway);
  await gw.up();
});

it('refuses a code the copy lacks, naming the field (the index in a batch), and queues nothing', async () => {
  await gw.down();
  try {
    const before = await backlog();
    const one = await site.gql(LOG_ONE, { input: agentFlow({ perceptionPoint: 'PP_NOPE' }) }, agent);
    expect(one.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perceptionPoint' });
    expect(one.errors?.[0].message).toBe('perceptionPoint: no perception point "PP_NOPE" in the catalogue');
    const many = await site.gql(LOG_MANY, { input: [agentFlow({ perceptionPoint: 'PP_WAIT' }), agentFlow({ perceptionPoint: 'pp_wait' })] }, agent);
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].perceptionPoint' });
    expect(await backlog()).toBe(before);
  } finally {
    await gw.up();
  }
});

it('queues a known code while the gateway is down and the gateway stores it with the touchpoint', async () => {
  await gw.down();
  const id = ok(await site.gql(LOG_ONE, { input: agentFlow({ perceptionPoint: 'PP_WAIT', need: { category: 'FAULT' } }) }, agent)).logTouchpoint.id;
  await gw.up();
  await waitFor('the touchpoint at the gateway', async () => (await gw.sql(`SELECT 1 FROM touchpoint WHERE id = $1`, [id])).length === 1, 30_000);
  expect(await gw.sql(`SELECT perception_point, perception_member FROM touchpoint WHERE id = $1`, [id])).toEqual([{ perception_point: 'PP_WAIT', perception_member: 'PP_WAIT' }]);
});

it('asks the gateway again for a code its copy lacks: a point added there is accepted at once', async () => {
  // The site asks only while it holds the gateway reachable (else the copy answers): after the tests above switched
  // the gateway off and on, wait until the site has heard it again (a CI run on 3 December asked too early).
  await waitFor('the gateway reachable from the site', async () => ok(await site.gql(STATUS, {}, agent)).siteStatus.gatewayReachable);
  await gw.sql(`INSERT INTO perception_point (code, name, need_categories, target, position) VALUES ('PP_NEW', 'Added later', '{FAULT}', 0.8, 99)`);
  const id = ok(await site.gql(LOG_ONE, { input: agentFlow({ perceptionPoint: 'PP_NEW' }) }, agent)).logTouchpoint.id;
  expect((await sitePoints()).map((p) => p.code)).toContain('PP_NEW');
  await waitFor('the touchpoint at the gateway', async () => (await gw.sql(`SELECT 1 FROM touchpoint WHERE id = $1`, [id])).length === 1, 30_000);
  expect(await gw.sql(`SELECT perception_point FROM touchpoint WHERE id = $1`, [id])).toEqual([{ perception_point: 'PP_NEW' }]);
});

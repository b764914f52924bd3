import { siteGraphql } from '../__generated__/site';
import type { SiteCustomerQuery } from '../__generated__/site/graphql';
import { LOGIN, RECORD } from '../support/documents';
import { touchpoint } from '../support/touchpoint-factory';
import { countCustomerCopies, pruneCustomerCopies, saveCustomerCopy } from '../../apps/site/src/storage/customers.repository';
import { openSiteDatabase } from '../../apps/site/src/storage/site-database';
import { createTestDatabase } from '../support/test-database';
import { SwitchableGateway, TestSite, type Gql } from './support/site-harness';

// The customer lens at a site against the real gateway: the site asks for the
// caller's unit only (an agent of prj-a1 never sees what prj-a2 or BU B did, a
// unit head of BU A sees both projects of BU A and nothing of BU B), keeps
// each answer per (customer, unit), serves it stale with its time while the
// gateway is away (across a restart of the site), and fresh again once it is back.

jest.setTimeout(120_000);

const SITE_CUSTOMER = siteGraphql(`
  query SiteCustomer($c: String!) {
    customer(customerId: $c) {
      customerId scopeUnitId asOf stale
      profile {
        touchpoints firstContactAt lastContactAt
        units { unitId unitName touchpoints lastContactAt }
        engagement { type score }
        risk { probability drivers { feature value contribution } }
        openCommitments { id unitId }
        followUps { id reason state unitId }
        timeline { id unitId unitName occurredAt channel needCategory resolved satisfaction }
      }
    }
  }
`);

let gw: SwitchableGateway;
let site: TestSite;
let agent: string;
let head: string;

const HOUR = 3_600_000;
const at = (hoursAgo: number): string => new Date(Math.floor(Date.now() / HOUR) * HOUR - hoursAgo * HOUR + 60_000).toISOString();

beforeAll(async () => {
  gw = await SwitchableGateway.create();
  await gw.up();
  const admin = (await gw.gql(LOGIN, { u: 'admin', p: 'admin-password' })).data!.login.token;
  // cust-three: served by both projects of BU A and by BU B; cust-b-only: by BU B alone.
  const items = [
    touchpoint({ customerId: 'cust-three', unitId: 'prj-a1', occurredAt: at(30), satisfaction: { score: 5 } }),
    touchpoint({ customerId: 'cust-three', unitId: 'prj-a2', occurredAt: at(20), need: { category: 'COMPLAINT' }, satisfaction: { score: 1 } }),
    touchpoint({ customerId: 'cust-three', unitId: 'prj-b1', occurredAt: at(10), channel: 'WEB' }),
    touchpoint({ customerId: 'cust-b-only', unitId: 'prj-b1', occurredAt: at(5) }),
  ];
  const res = await gw.gql(RECORD, { input: items }, admin);
  expect(res.data?.recordTouchpoints.accepted).toBe(4);
  site = await TestSite.start(gw.url);
  agent = await site.login('agent.a1', 'agent-a1-password');
  head = await site.login('head.a', 'head-a-password');
});

afterAll(async () => {
  await site?.destroy();
  await gw?.destroy();
});

type Answer = SiteCustomerQuery['customer'];
async function lookup(customerId: string, token: string): Promise<Answer> {
  const res: Gql<SiteCustomerQuery> = await site.gql(SITE_CUSTOMER, { c: customerId }, token);
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.customer;
}
const unitsOf = (a: Answer): string[] => (a.profile?.units ?? []).map((u) => u.unitId).sort();
const timelineUnits = (a: Answer): string[] => [...new Set((a.profile?.timeline ?? []).map((t) => t.unitId))].sort();

it("answers fresh from the gateway in the caller's unit only: an agent its project, a unit head its business unit, never BU B", async () => {
  const mine = await lookup('cust-three', agent);
  expect(mine).toMatchObject({ customerId: 'cust-three', scopeUnitId: 'prj-a1', stale: false });
  expect(Date.now() - Date.parse(mine.asOf!)).toBeLessThan(10_000);
  expect(unitsOf(mine)).toEqual(['prj-a1']);
  expect(timelineUnits(mine)).toEqual(['prj-a1']);
  expect(mine.profile?.touchpoints).toBe(1);
  expect(mine.profile?.engagement.map((e) => e.type)).toEqual(['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC']);

  const bu = await lookup('cust-three', head);
  expect(bu).toMatchObject({ scopeUnitId: 'bu-a', stale: false });
  expect(unitsOf(bu)).toEqual(['prj-a1', 'prj-a2']);
  expect(timelineUnits(bu)).toEqual(['prj-a1', 'prj-a2']);
  expect(bu.profile?.touchpoints).toBe(2);
  // Newest first; BU B's later WEB contact is not there, nor any sign of it.
  expect(bu.profile?.timeline.map((t) => [t.unitId, t.needCategory, t.satisfaction])).toEqual([
    ['prj-a2', 'COMPLAINT', 1],
    ['prj-a1', 'FAULT', 5],
  ]);
  expect(bu.profile?.lastContactAt).toBe(at(20));
  expect(bu.profile?.followUps.every((f) => f.unitId === 'prj-a2' && f.reason === 'LOW_SATISFACTION')).toBe(true);

  // Served only in BU B: nothing at all, for the agent and the unit head alike.
  for (const token of [agent, head]) expect(await lookup('cust-b-only', token)).toMatchObject({ profile: null, stale: false });
});

it('serves the last copy of each unit, stale with its time, while the gateway is away (even after a restart), then fresh again', async () => {
  const before = await lookup('cust-three', head);
  const agentsCopy = await lookup('cust-three', agent);
  await gw.down();
  await site.restart();
  head = await site.login('head.a', 'head-a-password'); // offline sign-in: the site remembers the password's hash
  agent = await site.login('agent.a1', 'agent-a1-password');

  const away = await lookup('cust-three', head);
  expect(away).toMatchObject({ scopeUnitId: 'bu-a', stale: true, asOf: before.asOf });
  expect(unitsOf(away)).toEqual(['prj-a1', 'prj-a2']);
  expect(away.profile?.timeline).toEqual(before.profile?.timeline);
  // The agent gets the copy fetched for its own unit, never the unit head's wider one.
  const agentAway = await lookup('cust-three', agent);
  expect(agentAway).toMatchObject({ scopeUnitId: 'prj-a1', stale: true, asOf: agentsCopy.asOf });
  expect(unitsOf(agentAway)).toEqual(['prj-a1']);
  // Never asked before: nothing known, said so.
  expect(await lookup('cust-never-asked', head)).toMatchObject({ profile: null, asOf: null, stale: true });

  await gw.up();
  const back = await lookup('cust-three', head);
  expect(back.stale).toBe(false);
  expect(Date.parse(back.asOf!)).toBeGreaterThan(Date.parse(before.asOf!));
  expect(unitsOf(back)).toEqual(['prj-a1', 'prj-a2']);
});

it('refuses a bad customer id naming the field, and callers without a site token', async () => {
  const empty = await site.gql(SITE_CUSTOMER, { c: '' }, agent);
  expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
  expect((await site.gql(SITE_CUSTOMER, { c: 'cust-three' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

describe('the copy stays bounded', () => {
  it('drops answers older than the age limit, then all but the most recently fetched', async () => {
    const target = await createTestDatabase();
    const db = await openSiteDatabase({ databaseUrl: target.url, dataDir: '/nonexistent', siteId: 'c' });
    try {
      await db.migrate();
      const answer = { customer: null, customerTimeline: { totalCount: 0, edges: [] } };
      const now = Date.now();
      for (let i = 0; i < 6; i++) await saveCustomerCopy(db, `c-${i}`, 'bu-a', answer, new Date(now - i * 60_000));
      await saveCustomerCopy(db, 'c-old', 'bu-a', answer, new Date(now - 3 * 86_400_000));
      expect(await countCustomerCopies(db)).toBe(7);
      // Two days at most: c-old goes; then the four newest stay.
      expect(await pruneCustomerCopies(db, 4, 2 * 86_400_000)).toBe(3);
      const kept = await db.query<{ customer_id: string }>(`SELECT customer_id FROM site_customer_copy ORDER BY fetched_at DESC`);
      expect(kept.map((r) => r.customer_id)).toEqual(['c-0', 'c-1', 'c-2', 'c-3']);
      // An older answer never replaces a newer one (two fetches crossing).
      await saveCustomerCopy(db, 'c-0', 'bu-a', { ...answer, customerTimeline: { totalCount: 9, edges: [] } }, new Date(now - 3_600_000));
      const [row] = await db.query<{ n: number }>(`SELECT (answer->'customerTimeline'->>'totalCount')::int AS n FROM site_customer_copy WHERE customer_id = 'c-0'`);
      expect(row.n).toBe(0);
    } finally {
      await db.close();
      await target.drop();
    }
  });
});

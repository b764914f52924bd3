import { siteGraphql } from '../__generated__/site';
import { graphql } from '../__generated__/gateway';
import { LOGIN } from '../support/documents';
import { agentFlow, LOG_ONE, SITE_A, SwitchableGateway, TestSite, waitFor, type Gql } from './support/site-harness';

// Follow-ups at a site against the real gateway: the site copies its unit's
// open follow-ups, serves the copy (marked stale, with its time) while the
// gateway is away, queues an agent's close durably and forwards it once the
// gateway is back; a close that crossed another one is refused, not lost.

jest.setTimeout(120_000);

export const SITE_FOLLOW_UPS = siteGraphql(`
  query SiteFollowUps($first: Int) {
    followUps(first: $first) {
      asOf stale totalCount
      items { id reason unitId unitName customerId touchpointId createdAt dueAt close { outcome closedBy state error } }
    }
  }
`);
export const SITE_CLOSE = siteGraphql(`
  mutation SiteCloseFollowUp($id: ID!, $outcome: String!) {
    closeFollowUp(id: $id, outcome: $outcome) { id close { outcome closedBy acceptedAt state forwardedAt error } }
  }
`);
const GATEWAY_FOLLOW_UPS = graphql(`
  query SiteTestGatewayFollowUps($unitId: ID!) { followUps(unitId: $unitId, first: 500) { edges { node { id state outcome customerId } } } }
`);

let gw: SwitchableGateway;
let site: TestSite;
let agent: string;
let head: string;
let admin: string;

beforeAll(async () => {
  gw = await SwitchableGateway.create();
  await gw.up();
  site = await TestSite.start(gw.url);
  agent = await site.login('agent.a1', 'agent-a1-password');
  head = await site.login('head.a', 'head-a-password');
  admin = (await gw.gql(LOGIN, { u: 'admin', p: 'admin-password' })).data!.login.token;
});

afterAll(async () => {
  await site?.destroy();
  await gw?.destroy();
});

const ok = <T>(res: Gql<T>): T => {
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
};
type SiteList = { asOf: string | null; stale: boolean; totalCount: number; items: { id: string; customerId: string; unitId: string; close: { state: string; error: string | null } | null }[] };
const list = async (token: string): Promise<SiteList> => ok(await site.gql(SITE_FOLLOW_UPS, { first: 100 }, token)).followUps;
const atGateway = async (customerId: string): Promise<{ id: string; state: string; outcome: string | null }> =>
  waitFor(`the gateway's follow-up of ${customerId}`, async () => {
    const edges = (await gw.gql(GATEWAY_FOLLOW_UPS, { unitId: 'bu-a' }, admin)).data?.followUps.edges ?? [];
    return edges.map((e) => e.node).find((f) => f.customerId === customerId);
  });
/** A touchpoint rated 1 at the site: the gateway opens a LOW_SATISFACTION follow-up for its unit. */
const lowRated = async (customerId: string, unitId = 'prj-a1', token = agent): Promise<string> => {
  const res = await site.gql(LOG_ONE, { input: agentFlow({ customerId, unitId, satisfaction: { score: 1, comment: 'no one came' } }) }, token);
  expect(res.errors).toBeUndefined();
  return (await atGateway(customerId)).id;
};

it("shows the unit's open follow-ups, serves the copy while the gateway is down, and forwards a queued close once it is back", async () => {
  const id = await lowRated('cust-angry');
  const fresh = await waitFor('the follow-up at the site', async () => {
    const l = await list(agent);
    return l.items.some((f) => f.id === id) && l;
  });
  expect(fresh.stale).toBe(false);
  expect(fresh.items.find((f) => f.id === id)).toMatchObject({ customerId: 'cust-angry', unitId: 'prj-a1', close: null });
  const copiedAt = Date.parse(fresh.asOf!);

  await gw.down();
  await new Promise((r) => setTimeout(r, 5200)); // older than the copy's refresh age: the site asks the gateway and cannot reach it
  const away = await list(agent);
  expect(away.stale).toBe(true);
  expect(Date.parse(away.asOf!)).toBeGreaterThanOrEqual(copiedAt);
  expect(Date.now() - Date.parse(away.asOf!)).toBeGreaterThan(5000);
  expect(away.items.map((f) => f.id)).toContain(id);

  // The agent called the customer back: the close is kept at the site and shown as on its way.
  const closed = ok(await site.gql(SITE_CLOSE, { id, outcome: 'Called back; engineer booked for Monday' }, agent)).closeFollowUp;
  expect(closed.close).toMatchObject({ outcome: 'Called back; engineer booked for Monday', closedBy: 'agent.a1', state: 'PENDING' });
  // The same close again is the same close; another outcome is refused, naming the field.
  expect(ok(await site.gql(SITE_CLOSE, { id, outcome: 'Called back; engineer booked for Monday' }, agent)).closeFollowUp.close?.acceptedAt).toBe(closed.close?.acceptedAt);
  const twice = await site.gql(SITE_CLOSE, { id, outcome: 'something else' }, head);
  expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  expect((await site.status(agent)).backlog).toBe(1);
  // It survives a restart of the site.
  await site.restart();

  await gw.up();
  await waitFor('the close to be forwarded', async () => (await site.status(agent)).backlog === 0, 30_000);
  expect(await atGateway('cust-angry')).toMatchObject({ id, state: 'DONE', outcome: 'Called back; engineer booked for Monday' });
  const after = await waitFor('a fresh copy without it', async () => {
    const l = await list(agent);
    return !l.stale && !l.items.some((f) => f.id === id) && l;
  });
  expect(after.stale).toBe(false);
});

it('keeps a close that crossed another one as refused, and takes back its own lost answer', async () => {
  const crossed = await lowRated('cust-crossed');
  const lost = await lowRated('cust-lost');
  await waitFor('both at the site', async () => {
    const ids = (await list(agent)).items.map((f) => f.id);
    return ids.includes(crossed) && ids.includes(lost);
  });
  await gw.down();
  ok(await site.gql(SITE_CLOSE, { id: crossed, outcome: 'left a voicemail' }, agent));
  ok(await site.gql(SITE_CLOSE, { id: lost, outcome: 'refund agreed' }, agent));
  // Meanwhile at the gateway: someone else closed one; the other was closed by this very close, whose answer never came back.
  await gw.sql(`UPDATE follow_up SET state = 'DONE', outcome = 'handled by the unit head', closed_at = now(), closed_by = 'head.a' WHERE id = $1`, [crossed]);
  await gw.sql(`UPDATE follow_up SET state = 'DONE', outcome = 'refund agreed', closed_at = now(), closed_by = $2 WHERE id = $1`, [lost, `site:${SITE_A.id}`]);
  await gw.up();
  await waitFor('both closes answered', async () => (await site.status(agent)).backlog === 0, 30_000);
  const rows = await site.sql<{ follow_up_id: string; state: string; error: string | null }>(`SELECT follow_up_id, state, error FROM site_follow_up_close WHERE follow_up_id = ANY($1::uuid[])`, [[crossed, lost]]);
  expect(rows.find((r) => r.follow_up_id === lost)).toMatchObject({ state: 'FORWARDED', error: null });
  expect(rows.find((r) => r.follow_up_id === crossed)).toMatchObject({ state: 'DEAD', error: expect.stringContaining('handled by the unit head') });
});

it("shows an agent their own unit's follow-ups, a unit head the whole site's, and refuses closes outside them", async () => {
  const other = await lowRated('cust-a2', 'prj-a2', head);
  await waitFor('the prj-a2 follow-up at the site', async () => (await list(head)).items.some((f) => f.id === other));
  expect((await list(agent)).items.every((f) => f.unitId === 'prj-a1')).toBe(true);
  const refused = await site.gql(SITE_CLOSE, { id: other, outcome: 'not mine' }, agent);
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const unknown = await site.gql(SITE_CLOSE, { id: '00000000-0000-4000-8000-000000000000', outcome: 'x' }, agent);
  expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const empty = await site.gql(SITE_CLOSE, { id: other, outcome: '  ' }, head);
  expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcome' });
  expect((await site.gql(SITE_FOLLOW_UPS, { first: 0 }, agent)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  expect((await site.gql(SITE_FOLLOW_UPS, { first: 10 })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  // Closed by the head, it reaches the gateway.
  ok(await site.gql(SITE_CLOSE, { id: other, outcome: 'apologised, voucher sent' }, head));
  await waitFor('forwarded', async () => (await atGateway('cust-a2')).state === 'DONE');
});

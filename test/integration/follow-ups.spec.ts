import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { graphql } from '../__generated__/gateway';
import type { FollowUpsListQuery } from '../__generated__/gateway/graphql';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// Follow-ups on a real gateway: a rating of 1 or 2 (at capture or later) opens
// one LOW_SATISFACTION follow-up, announced on the feed; the customer's next
// rating says whether they recovered; closing needs an outcome, once.

let gw: TestGateway;
const tokens: Record<string, string> = {};
const sockets: Socket[] = [];

const RECORD = graphql(`mutation FollowUpsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }`);
const RATE = graphql(`mutation FollowUpsRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }`);
const RATE_MANY = graphql(`mutation FollowUpsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged } }`);
const LIST = graphql(`query FollowUpsList($u: ID!, $states: [FollowUpState!]) { followUps(unitId: $u, states: $states, first: 100) {
  totalCount edges { node { id reason customerId touchpointId state assignee outcome recovered createdAt dueAt closedAt unit { id } } } } }`);
const CLOSE = graphql(`mutation FollowUpsClose($id: ID!, $o: String!) { closeFollowUp(id: $id, outcome: $o) { id state outcome closedAt } }`);
const ASSIGN = graphql(`mutation FollowUpsAssign($id: ID!, $a: String!) { assignFollowUp(id: $id, assignee: $a) { id assignee } }`);
const OPEN = graphql(`mutation FollowUpsOpen($id: ID!, $note: String) { openFollowUp(touchpointId: $id, note: $note) { id reason state unit { id } } }`);
const LOGIN = graphql(`mutation FollowUpsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);

type FollowUp = FollowUpsListQuery['followUps']['edges'][number]['node'];

function touchpoint(customerId: string, occurredAt: number, score?: number): Record<string, unknown> {
  return {
    id: randomUUID(),
    unitId: 'prj-a1',
    customerId,
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(occurredAt).toISOString(),
    need: { category: 'FAULT' },
    service: { action: 'reset', handleSeconds: 60, resolved: false, firstContact: true },
    ...(score ? { satisfaction: { score } } : {}),
  };
}

async function followUpsOf(customerId: string, token = tokens['agent.a1']): Promise<FollowUp[]> {
  const res = await gw.gql(LIST, { u: 'prj-a1' }, token);
  return (res.data?.followUps.edges ?? []).map((e) => e.node).filter((f) => f.customerId === customerId);
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  for (const u of TEST_ORG.users) {
    const r = await gw.gql(LOGIN, { u: u.username, p: u.password });
    tokens[u.username] = r.data!.login.token;
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await gw?.close();
});

describe('LOW_SATISFACTION follow-ups', () => {
  it('a rating of 2 at capture opens one follow-up of the touchpoint\'s unit, due in 24 h, announced on the feed', async () => {
    const s = io(`${gw.url}/feed`, { auth: { token: tokens['head.a'] }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((res) => s.once('connect', () => res()));
    const alerts: { type: string; followUpId?: string; unitId: string; reason?: string }[] = [];
    s.on('alert', (a) => alerts.push(a));
    await s.timeout(5000).emitWithAck('subscribe', { unitId: 'bu-a' });

    const tp = touchpoint('cust-low', Date.now() - 60_000, 2);
    expect((await gw.gql(RECORD, { input: [tp, tp] }, tokens['agent.a1'])).data).toMatchObject({ recordTouchpoints: { accepted: 1 } });
    const [f, ...more] = await followUpsOf('cust-low');
    expect(more).toEqual([]);
    expect(f).toMatchObject({ reason: 'LOW_SATISFACTION', touchpointId: tp.id, state: 'OPEN', recovered: null });
    expect(Date.parse(f.dueAt) - Date.parse(f.createdAt)).toBe(24 * 3_600_000);
    const deadline = Date.now() + 5000;
    while (!alerts.some((a) => a.followUpId === f.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alerts.filter((a) => a.followUpId === f.id)).toEqual([expect.objectContaining({ type: 'FOLLOW_UP_OPENED', unitId: 'prj-a1', reason: 'LOW_SATISFACTION' })]);
  });

  it('a late rating of 1 opens one; a rating of 3 opens none', async () => {
    const low = touchpoint('cust-late', Date.now() - 60_000);
    const fine = touchpoint('cust-late', Date.now() - 50_000);
    await gw.gql(RECORD, { input: [low, fine] }, tokens['agent.a1']);
    await gw.gql(RATE, { id: low.id, s: 1 }, tokens['agent.a1']);
    await gw.gql(RATE_MANY, { input: [{ touchpointId: fine.id, satisfaction: { score: 3 } }, { touchpointId: low.id, satisfaction: { score: 1 } }] }, tokens['agent.a1']);
    expect((await followUpsOf('cust-late')).map((f) => f.touchpointId)).toEqual([low.id]);
  });

  it('recovered: the customer\'s first rating on a later touchpoint, in any unit, whatever order ratings arrive in', async () => {
    await gw.gql(RECORD, { input: [touchpoint('cust-rec', Date.now() - 120_000, 1)] }, tokens['agent.a1']);
    const [f] = await followUpsOf('cust-rec');
    expect(f.recovered).toBeNull();
    const later = Date.parse(f.createdAt);
    const first = { ...touchpoint('cust-rec', later + 1000), unitId: 'prj-b1' }; // another unit: still the customer's next rating
    const second = touchpoint('cust-rec', later + 2000, 2);
    await gw.gql(RECORD, { input: [second] }, tokens.admin); // the later one is rated first: 2 → not recovered
    // (that rating of 2 opens a follow-up of its own, which is not the one looked at)
    expect((await followUpsOf('cust-rec')).find((x) => x.id === f.id)?.recovered).toBe(false);
    await gw.gql(RECORD, { input: [{ ...first, satisfaction: { score: 5 } }] }, tokens.admin); // the earlier one decides: 5 → recovered
    const all = await followUpsOf('cust-rec');
    expect(all.find((x) => x.id === f.id)?.recovered).toBe(true);
  });
});

describe('handling a follow-up', () => {
  let id: string;
  beforeAll(async () => {
    await gw.gql(RECORD, { input: [touchpoint('cust-close', Date.now() - 60_000, 1)] }, tokens['agent.a1']);
    id = (await followUpsOf('cust-close'))[0].id;
  });

  it.each<[string, typeof CLOSE | typeof ASSIGN, string, string]>([
    ['an empty outcome', CLOSE, 'o', ''],
    ['an outcome of 2001 characters', CLOSE, 'o', 'x'.repeat(2001)],
    ['an assignee who cannot see the unit', ASSIGN, 'a', 'head.b'],
    ['an unknown assignee', ASSIGN, 'a', 'nobody'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, doc, key, value) => {
    const res = await gw.gql<unknown>(doc, { id, [key]: value }, tokens['agent.a1']);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(doc === CLOSE ? /"outcome"/ : /^assignee/);
  });

  it('is assigned, closed by the agent with an outcome, and closing twice is BAD_USER_INPUT', async () => {
    expect((await gw.gql(ASSIGN, { id, a: 'agent.a1' }, tokens['head.a'])).data).toEqual({ assignFollowUp: { id, assignee: 'agent.a1' } });
    const closed = await gw.gql(CLOSE, { id, o: 'called back, meter replaced' }, tokens['agent.a1']);
    expect(closed.data?.closeFollowUp).toMatchObject({ state: 'DONE', outcome: 'called back, meter replaced' });
    const again = await gw.gql(CLOSE, { id, o: 'again' }, tokens['agent.a1']);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const open = await gw.gql(LIST, { u: 'prj-a1', states: ['OPEN'] }, tokens['agent.a1']);
    expect(open.data?.followUps.edges.map((e) => e.node.id)).not.toContain(id);
  });

  it('openFollowUp opens a MANUAL one on the touchpoint\'s unit', async () => {
    const tp = touchpoint('cust-manual', Date.now() - 60_000);
    await gw.gql(RECORD, { input: [tp] }, tokens['agent.a1']);
    expect((await gw.gql(OPEN, { id: tp.id, note: 'wants a visit' }, tokens['head.a'])).data).toMatchObject({ openFollowUp: { reason: 'MANUAL', state: 'OPEN', unit: { id: 'prj-a1' } } });
  });

  it('openFollowUp while one is open for the touchpoint returns that one (also two calls at once); once closed, a new one opens', async () => {
    const tp = touchpoint('cust-manual-twice', Date.now() - 60_000);
    await gw.gql(RECORD, { input: [tp] }, tokens['agent.a1']);
    const calls = await Promise.all([
      gw.gql(OPEN, { id: tp.id, note: 'first' }, tokens['head.a']),
      gw.gql(OPEN, { id: tp.id, note: 'second' }, tokens['agent.a1']),
      gw.gql(OPEN, { id: tp.id, note: 'third' }, tokens['exec']),
    ]);
    const again = await gw.gql(OPEN, { id: tp.id }, tokens['head.a']);
    const ids = [...calls, again].map((r) => r.data?.openFollowUp.id);
    expect(ids.every((id) => typeof id === 'string' && id === ids[0])).toBe(true);
    expect((await followUpsOf('cust-manual-twice')).map((f) => [f.id, f.reason, f.state])).toEqual([[ids[0], 'MANUAL', 'OPEN']]);
    await gw.gql(CLOSE, { id: ids[0], o: 'visited, all well' }, tokens['agent.a1']);
    const next = (await gw.gql(OPEN, { id: tp.id, note: 'called again' }, tokens['head.a'])).data?.openFollowUp;
    expect(next).toMatchObject({ reason: 'MANUAL', state: 'OPEN' });
    expect(next?.id).not.toBe(ids[0]);
    expect((await followUpsOf('cust-manual-twice')).map((f) => f.state).sort()).toEqual(['DONE', 'OPEN']);
  });
});

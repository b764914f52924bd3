import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { connected, openFeed, record, subscribe, waitFor, type FeedClient } from '../support/feed-client';
import { hourWindow, RECORD, SCORE, touchpoint } from '../support/touchpoint-factory';
import { LOGIN } from '../support/documents';

// The live feed with real socket.io clients: scope on subscribe, touchpoints
// after commit, rolling scores that obey the same model as engagementScore.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
let gw: TestGateway;
const sockets: FeedClient[] = [];

async function token(username: string, password: string): Promise<string> {
  const r = await gw.gql(LOGIN, { u: username, p: password });
  return r.data!.login.token;
}

function connect(auth: Record<string, unknown>): FeedClient {
  const s = openFeed(gw.url, auth);
  sockets.push(s);
  return s;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await gw.close();
});

it('refuses a connection without a valid token with UNAUTHENTICATED', async () => {
  await expect(connected(connect({}))).rejects.toThrow('UNAUTHENTICATED');
  await expect(connected(connect({ token: 'garbage' }))).rejects.toThrow('UNAUTHENTICATED');
});

it('refuses a site key with FORBIDDEN: a key writes, and GraphQL refuses it every read', async () => {
  await expect(connected(connect({ token: SITE_A }))).rejects.toThrow('FORBIDDEN');
});

it('checks the scope of each subscription', async () => {
  const head = connect({ token: await token('head.a', 'head-a-password') });
  await connected(head);
  expect(await subscribe(head, 'prj-a1')).toEqual({ ok: true });
  expect(await subscribe(head, 'bu-b')).toEqual({ ok: false, code: 'FORBIDDEN_UNIT' });
  expect(await subscribe(head, 'nowhere')).toEqual({ ok: false, code: 'UNKNOWN_UNIT' });
});

it('pushes committed touchpoints to subscribers of any ancestor once, never duplicates, and alerts on broken commitments', async () => {
  const exec = connect({ token: await token('exec', 'exec-password') });
  const headB = connect({ token: await token('head.b', 'head-b-password') });
  await Promise.all([connected(exec), connected(headB)]);
  // Subscribed to the group and to bu-a: one event per touchpoint all the same.
  expect(await subscribe(exec, 'group')).toEqual({ ok: true });
  expect(await subscribe(exec, 'bu-a')).toEqual({ ok: true });
  expect(await subscribe(headB, 'bu-b')).toEqual({ ok: true });
  const seen = record(exec, 'touchpoint');
  const seenByB = record(headB, 'touchpoint');
  const broken = touchpoint({ service: { action: 'visit', handleSeconds: 600, resolved: false, firstContact: false, commitment: { code: 'REPAIR_48H', met: false } } });
  const tps = [touchpoint(), touchpoint({ unitId: 'prj-a2' }), broken];
  const alert = waitFor(exec, 'alert', (a) => a.type === 'COMMITMENT_BROKEN');
  const sent = Date.now();
  await gw.gql(RECORD, { input: tps }, SITE_A);
  await gw.gql(RECORD, { input: tps }, SITE_A); // re-sent: duplicates publish nothing
  await until(() => seen.length >= 3);
  expect(Date.now() - sent).toBeLessThan(2000);
  expect(await alert).toMatchObject({ type: 'COMMITMENT_BROKEN', unitId: 'prj-a1', touchpointId: broken.id, commitment: 'REPAIR_48H' });
  await new Promise((r) => setTimeout(r, 300));
  expect(seen.map((e) => e.id).sort()).toEqual(tps.map((t) => t.id as string).sort());
  expect(seenByB).toEqual([]);
});

it('sends the rolling hour score of a subscribed unit, equal to the model over the same touchpoints', async () => {
  const exec = connect({ token: await token('exec', 'exec-password') });
  await connected(exec);
  const first = waitFor(exec, 'scores', (p) => p.unitId === 'prj-b2');
  expect(await subscribe(exec, 'prj-b2')).toEqual({ ok: true });
  expect((await first).touchpoints).toBe(0); // a snapshot on subscribe
  const now = Date.now();
  const items = [
    touchpoint({ unitId: 'prj-b2', occurredAt: new Date(now - 60_000).toISOString(), satisfaction: { score: 2 } }),
    touchpoint({ unitId: 'prj-b2', occurredAt: new Date(now - 60_000).toISOString(), need: { category: 'PURCHASE' }, contractId: 'K-1' }),
  ];
  const next = waitFor(exec, 'scores', (p) => p.unitId === 'prj-b2' && p.touchpoints === 2, 4000);
  await gw.gql(RECORD, { input: items }, TEST_ORG.sites.find((s) => s.id === 'site-b')!.key);
  const live = await next;
  const head = await token('head.b', 'head-b-password');
  const api = await gw.gql(
    SCORE,
    { unitId: 'prj-b2', ...hourWindow(1, 1) },
    head,
  );
  const s = api.data!.engagementScore;
  expect(s.touchpoints).toBe(2);
  expect(live.overall).toBeCloseTo(s.overall as number, 9);
  for (const c of s.chains) expect(live.chains[c.chain]).toBeCloseTo(c.score as number, 9);
});

it('alerts a satisfaction drop to who may read scores, and gives an agent touchpoints but no scores or score alerts', async () => {
  const head = connect({ token: await token('head.a', 'head-a-password') });
  const agent = connect({ token: await token('agent.a1', 'agent-a1-password') });
  await Promise.all([connected(head), connected(agent)]);
  const agentScores = record(agent, 'scores');
  const agentAlerts = record(agent, 'alert');
  const agentTouchpoints = record(agent, 'touchpoint');
  expect(await subscribe(head, 'prj-a1')).toEqual({ ok: true });
  expect(await subscribe(agent, 'prj-a1')).toEqual({ ok: true });
  // 20 happy customers, then 20 unhappy ones in the same rolling hour: the value chain falls.
  const rated = (score: number): Record<string, unknown>[] =>
    Array.from({ length: 20 }, () => touchpoint({ occurredAt: new Date(Date.now() - 60_000).toISOString(), satisfaction: { score } }));
  const happy = waitFor(head, 'scores', (p) => p.unitId === 'prj-a1' && p.touchpoints >= 20 && (p.chains.VALUE ?? 0) > 0);
  await gw.gql(RECORD, { input: rated(5) }, SITE_A);
  const before = await happy;
  const drop = waitFor(head, 'alert', (a) => a.type === 'SATISFACTION_DROP');
  await gw.gql(RECORD, { input: rated(1) }, SITE_A);
  const alert = await drop;
  expect(alert).toMatchObject({ type: 'SATISFACTION_DROP', unitId: 'prj-a1', from: before.chains.VALUE });
  if (alert.type === 'SATISFACTION_DROP') expect(alert.from - alert.to).toBeGreaterThanOrEqual(10);
  await until(() => agentTouchpoints.length >= 40);
  await new Promise((r) => setTimeout(r, 1200)); // past the next scores tick
  expect(agentScores).toEqual([]);
  expect(agentAlerts.filter((a) => a.type === 'SATISFACTION_DROP')).toEqual([]);
});

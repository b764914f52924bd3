import { io, type Socket } from 'socket.io-client';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { hourWindow, RECORD, SCORE, touchpoint } from '../support/touchpoint-factory';

// The live feed with real socket.io clients: scope on subscribe, touchpoints
// after commit, rolling scores that obey the same model as engagementScore.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
let gw: TestGateway;
const sockets: Socket[] = [];

async function token(username: string, password: string): Promise<string> {
  const r = await gw.gql<{ login: { token: string } }>(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
  return r.data!.login.token;
}

function connect(auth: Record<string, unknown>): Socket {
  const s = io(`${gw.url}/feed`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
}

const connected = (s: Socket): Promise<void> =>
  new Promise((res, rej) => {
    if (s.connected) return res();
    s.once('connect', () => res());
    s.once('connect_error', (e) => rej(e));
  });

const subscribe = (s: Socket, unitId: string): Promise<{ ok: boolean; code?: string }> =>
  s.timeout(5000).emitWithAck('subscribe', { unitId });

function waitFor<T>(s: Socket, event: string, pred: (p: T) => boolean, ms = 5000): Promise<T> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no matching ${event} within ${ms} ms`)), ms);
    const on = (p: T): void => {
      if (!pred(p)) return;
      clearTimeout(timer);
      s.off(event, on);
      res(p);
    };
    s.on(event, on);
  });
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
  const seen: string[] = [];
  const seenByB: string[] = [];
  exec.on('touchpoint', (e: { id: string }) => seen.push(e.id));
  headB.on('touchpoint', (e: { id: string }) => seenByB.push(e.id));
  const broken = touchpoint({ service: { action: 'visit', handleSeconds: 600, resolved: false, firstContact: false, commitment: { code: 'REPAIR_48H', met: false } } });
  const tps = [touchpoint(), touchpoint({ unitId: 'prj-a2' }), broken];
  const alert = waitFor<{ type: string; unitId: string }>(exec, 'alert', (a) => a.type === 'COMMITMENT_BROKEN');
  const sent = Date.now();
  await gw.gql(RECORD, { input: tps }, SITE_A);
  await gw.gql(RECORD, { input: tps }, SITE_A); // re-sent: duplicates publish nothing
  await until(() => seen.length >= 3);
  expect(Date.now() - sent).toBeLessThan(2000);
  expect(await alert).toMatchObject({ type: 'COMMITMENT_BROKEN', unitId: 'prj-a1' });
  await new Promise((r) => setTimeout(r, 300));
  expect(seen.sort()).toEqual(tps.map((t) => t.id as string).sort());
  expect(seenByB).toEqual([]);
});

it('sends the rolling hour score of a subscribed unit, equal to the model over the same touchpoints', async () => {
  const exec = connect({ token: await token('exec', 'exec-password') });
  await connected(exec);
  type Scores = { unitId: string; touchpoints: number; overall: number | null; chains: Record<string, number | null> };
  const first = waitFor<Scores>(exec, 'scores', (p) => p.unitId === 'prj-b2');
  expect(await subscribe(exec, 'prj-b2')).toEqual({ ok: true });
  expect((await first).touchpoints).toBe(0); // a snapshot on subscribe
  const now = Date.now();
  const items = [
    touchpoint({ unitId: 'prj-b2', occurredAt: new Date(now - 60_000).toISOString(), satisfaction: { score: 2 } }),
    touchpoint({ unitId: 'prj-b2', occurredAt: new Date(now - 60_000).toISOString(), need: { category: 'PURCHASE' }, contractId: 'K-1' }),
  ];
  const next = waitFor<Scores>(exec, 'scores', (p) => p.unitId === 'prj-b2' && p.touchpoints === 2, 4000);
  await gw.gql(RECORD, { input: items }, TEST_ORG.sites.find((s) => s.id === 'site-b')!.key);
  const live = await next;
  const head = await token('head.b', 'head-b-password');
  const api = await gw.gql<{ engagementScore: { touchpoints: number; overall: number; chains: { chain: string; score: number | null }[] } }>(
    SCORE,
    { unitId: 'prj-b2', ...hourWindow(1, 1) },
    head,
  );
  const s = api.data!.engagementScore;
  expect(s.touchpoints).toBe(2);
  expect(live.overall).toBeCloseTo(s.overall, 9);
  for (const c of s.chains) expect(live.chains[c.chain]).toBeCloseTo(c.score as number, 9);
});

import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { connected, openFeed, record, refusalOf, subscribe, type FeedClient } from '../support/feed-client';
import { RECORD, touchpoint } from '../support/touchpoint-factory';
import { LOGIN, REVOKE } from '../support/documents';
import { AuthService } from '../../apps/gateway/src/auth/auth.service';

// A feed session lives no longer than its token: at expiry, or when the token
// is no longer accepted (revoked), the gateway drops the socket, and the token
// cannot open a new one.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
/** Longer than the feed's token re-check period (5 s). */
const RECHECK_WAIT_MS = 8000;
let gw: TestGateway;
let shortLived: TestGateway; // signs tokens valid for 3 s
const sockets: FeedClient[] = [];

function connect(token: string, on = gw): FeedClient {
  const s = openFeed(on.url, { token });
  sockets.push(s);
  return s;
}

async function login(on: TestGateway, username: string, password: string): Promise<string> {
  const r = await on.gql(LOGIN, { u: username, p: password });
  return r.data!.login.token;
}

const closedBy = (s: FeedClient, ms: number): Promise<{ reason: string; at: number }> =>
  new Promise((res) => {
    const timer = setTimeout(() => res({ reason: 'still connected', at: Date.now() }), ms);
    s.once('disconnect', (reason) => {
      clearTimeout(timer);
      res({ reason, at: Date.now() });
    });
  });

beforeAll(async () => {
  [gw, shortLived] = await Promise.all([startTestGateway(TEST_ORG), startTestGateway(TEST_ORG, { QIHE_TOKEN_TTL_SECONDS: '3' })]);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all([gw?.close(), shortLived?.close()]);
});


it('drops a socket when its token expires: it hears nothing more and the token opens no new one', async () => {
  const token = await login(shortLived, 'head.a', 'head-a-password');
  const expiresAt = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
  const s = connect(token, shortLived);
  await connected(s);
  expect(await subscribe(s, 'bu-a')).toEqual({ ok: true });
  const seen = record(s, 'touchpoint');
  const closed = closedBy(s, expiresAt - Date.now() + 3000);
  const early = touchpoint();
  await shortLived.gql(RECORD, { input: [early] }, SITE_A);

  const { reason, at } = await closed;
  expect(reason).toBe('io server disconnect');
  expect(at).toBeGreaterThanOrEqual(expiresAt - 50);
  expect(at - expiresAt).toBeLessThan(1500); // at expiry, not at the next periodic check

  await shortLived.gql(RECORD, { input: [touchpoint()] }, SITE_A);
  await new Promise((r) => setTimeout(r, 300));
  expect(seen.map((e) => e.id)).toEqual([early.id]);
  expect(await refusalOf(connect(token, shortLived))).toBe('UNAUTHENTICATED');
});

it('drops a live socket within seconds once its token is no longer accepted (revoked), and keeps the others', async () => {
  const revoked = await login(gw, 'head.a', 'head-a-password');
  const kept = await login(gw, 'exec', 'exec-password');
  const [a, b] = [connect(revoked), connect(kept)];
  await Promise.all([connected(a), connected(b)]);
  expect(await subscribe(a, 'bu-a')).toEqual({ ok: true });
  expect(await subscribe(b, 'bu-a')).toEqual({ ok: true });
  expect((await gw.gql(REVOKE, { u: 'head.a' }, revoked)).data).toEqual({ revokeTokens: true }); // head.a signs out everywhere

  const closed = await closedBy(a, RECHECK_WAIT_MS);
  expect(closed.reason).toBe('io server disconnect');
  expect(b.connected).toBe(true);
  const seen = record(b, 'touchpoint');
  const tp = touchpoint();
  await gw.gql(RECORD, { input: [tp] }, SITE_A);
  await new Promise((r) => setTimeout(r, 300));
  expect(seen.map((e) => e.id)).toEqual([tp.id]);
  expect(await refusalOf(connect(revoked))).toBe('UNAUTHENTICATED');
});

it('checks the token again on subscribe', async () => {
  const s = connect(await login(gw, 'head.a', 'head-a-password'));
  await connected(s);
  const closed = closedBy(s, 3000); // listening before the revocation: the periodic check may come first
  expect((await gw.gql(REVOKE, { u: 'head.a' }, await login(gw, 'admin', 'admin-password'))).data).toEqual({ revokeTokens: true });
  await expect(subscribe(s, 'bu-a', 1000)).rejects.toThrow(); // no ack: the socket is gone
  expect((await closed).reason).toBe('io server disconnect');
});

it('re-checks many tokens in one read with exactly the answers callerOf gives each', async () => {
  const auth = gw.app.get(AuthService);
  const exec = await login(gw, 'exec', 'exec-password');
  const revoked = await login(gw, 'head.b', 'head-b-password');
  await gw.gql(REVOKE, { u: 'head.b' }, revoked);
  const kept = await login(gw, 'head.b', 'head-b-password');
  const tokens = [exec, revoked, kept, exec, 'not-a-token', `${exec.slice(0, -2)}xx`];

  const batched = await auth.userCallersOf(tokens);
  const oneByOne = await Promise.all(tokens.map((t) => auth.callerOf(t)));
  expect(batched).toEqual(oneByOne);
  expect(batched.map((c) => (c?.kind === 'user' ? c.username : null))).toEqual(['exec', null, 'head.b', 'exec', null, null]);
  expect(await auth.userCallersOf([SITE_A])).toEqual([null]); // a site key is no feed caller
});

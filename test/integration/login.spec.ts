import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { LOGIN } from '../support/documents';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
});
afterAll(() => gw.close());

it('gives a signed session for the right password and the same refusal for a wrong one or an unknown user', async () => {
  const ok = await gw.gql(LOGIN, { u: 'head.a', p: 'head-a-password' });
  expect(ok.data?.login).toMatchObject({ role: 'UNIT_HEAD', unitId: 'bu-a' });
  expect(ok.data?.login.token.split('.')).toHaveLength(3);
  const wrong = await gw.gql(LOGIN, { u: 'head.a', p: 'nope-nope' });
  const unknown = await gw.gql(LOGIN, { u: 'nobody', p: 'nope-nope' });
  expect(wrong.errors?.[0]).toMatchObject({ message: 'wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
  expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
});

it('slows password guessing down: attempts per address and username are limited, with a rate-limit answer', async () => {
  const codes: string[] = [];
  for (let i = 0; i < 30; i++) {
    const r = await gw.gql(LOGIN, { u: 'exec', p: `guess-${i}` });
    codes.push(r.errors?.[0].message ?? 'ok');
  }
  expect(codes.every((m) => m === 'wrong username or password')).toBe(true);
  const res = await fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { u: 'exec', p: 'exec-password' } }), // even the right password waits
  });
  expect(res.status).toBe(429);
  const wait = Number(res.headers.get('retry-after'));
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(60);
  const body = (await res.json()) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.data).toBeNull();
  expect(body.errors).toEqual([{ message: expect.stringContaining('too many login attempts'), path: ['login'], locations: expect.anything(), extensions: { code: 'TOO_MANY_REQUESTS' } }]);
  // Another user from the same address is not locked out by it.
  const other = await gw.gql(LOGIN, { u: 'admin', p: 'admin-password' });
  expect(other.errors).toBeUndefined();
});

// A known username with a wrong password costs one scrypt; an unknown one used
// to cost only a database miss (27 ms against 2.5 ms), which told an attacker
// which usernames exist. Medians over interleaved tries, compared with a
// generous ratio: load on the machine slows both kinds alike.
it('takes as long to refuse an unknown username as a wrong password', async () => {
  const time = async (u: string, p: string): Promise<number> => {
    const t0 = process.hrtime.bigint();
    const r = await gw.gql(LOGIN, { u, p });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(r.errors?.[0].message).toBe('wrong username or password');
    return ms;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  await time('head.b', 'warm-up-guess'); // first scrypt of the process, first plan of the query
  for (let i = 0; i < 12; i++) {
    known.push(await time('head.b', `wrong-guess-${i}`));
    unknown.push(await time(`no-such-user-${i}`, `wrong-guess-${i}`));
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const ratio = median(known) / median(unknown);
  expect(ratio).toBeGreaterThan(0.5);
  expect(ratio).toBeLessThan(2);
});

import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

const LOGIN = `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token role unitId } }`;
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
});
afterAll(() => gw.close());

it('gives a signed session for the right password and the same refusal for a wrong one or an unknown user', async () => {
  const ok = await gw.gql<{ login: { token: string; role: string; unitId: string } }>(LOGIN, { u: 'head.a', p: 'head-a-password' });
  expect(ok.data?.login).toMatchObject({ role: 'UNIT_HEAD', unitId: 'bu-a' });
  expect(ok.data?.login.token.split('.')).toHaveLength(3);
  const wrong = await gw.gql(LOGIN, { u: 'head.a', p: 'nope-nope' });
  const unknown = await gw.gql(LOGIN, { u: 'nobody', p: 'nope-nope' });
  expect(wrong.errors?.[0]).toMatchObject({ message: 'wrong username or password', extensions: { code: 'UNAUTHENTICATED' } });
  expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
});

it('slows password guessing down: attempts per address and username are limited', async () => {
  const codes: string[] = [];
  for (let i = 0; i < 31; i++) {
    const r = await gw.gql(LOGIN, { u: 'exec', p: `guess-${i}` });
    codes.push(r.errors?.[0].message ?? 'ok');
  }
  expect(codes.slice(0, 30).every((m) => m === 'wrong username or password')).toBe(true);
  expect(codes[30]).toContain('too many login attempts');
  // Another user from the same address is not locked out by it.
  const other = await gw.gql(LOGIN, { u: 'admin', p: 'admin-password' });
  expect(other.errors).toBeUndefined();
});

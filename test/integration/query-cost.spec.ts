import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// The cost limit refuses an expensive operation before it runs, every time it
// is sent (costs are remembered per document), and follows @include variables.

let gw: TestGateway;
let token: string;
const fields = (n: number, prefix = 'u'): string => Array.from({ length: n }, (_, i) => `${prefix}${i}: orgUnits { id name level region industry }`).join('\n');

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG, { QIHE_GRAPHQL_MAX_ALIASES: '1000' }); // the cost limit alone, not the alias limit
  token = (await gw.gql<{ login: { token: string } }>(`mutation { login(username: "exec", password: "exec-password") { token } }`)).data!.login.token;
});
afterAll(() => gw.close());

it('refuses an operation over the cost limit, also when the same document comes again', async () => {
  const costly = `query Costly { ${fields(400)} }`;
  for (let i = 0; i < 2; i++) {
    const r = await gw.gql(costly, {}, token);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('too costly');
  }
  const cheap = await gw.gql<{ u0: unknown[] }>(`query Cheap { ${fields(3)} }`, {}, token);
  expect(cheap.errors).toBeUndefined();
  expect(cheap.data?.u0).toHaveLength(TEST_ORG.units.length);
});

it('prices each call of a document whose fields depend on @include variables', async () => {
  const doc = `query Maybe($all: Boolean!) { me { role } ... @include(if: $all) { ${fields(400)} } }`;
  const off = await gw.gql(doc, { all: false }, token);
  expect(off.errors).toBeUndefined();
  const on = await gw.gql(doc, { all: true }, token);
  expect(on.errors?.[0].message).toContain('too costly');
  const offAgain = await gw.gql(doc, { all: false }, token);
  expect(offAgain.errors).toBeUndefined();
});

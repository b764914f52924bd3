import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(TEST_ORG, { NODE_ENV: 'production', QIHE_MAX_BODY_BYTES: '20000' }); });
afterAll(async () => { await gw?.close(); });

it('probe', async () => {
  const login = await gw.gql<{ login: { token: string } }>('mutation { login(username: "exec", password: "exec-password") { token } }');
  const t = login.data!.login.token;
  const nest = (n: number) => 'query { orgUnits { ' + 'parent { '.repeat(n) + 'id' + ' }'.repeat(n) + ' id } }';
  for (let n = 7; n <= 11; n++) console.log(n, JSON.stringify(await gw.gql(nest(n), {}, t)).slice(0, 300));
  console.log('unknown fragment', JSON.stringify(await gw.gql('{ orgUnits { ...Nope } }', {}, t)));
  console.log('introspection', JSON.stringify(await gw.gql('{ __schema { types { name } } }', {}, t)).slice(0, 400));
  console.log('__type', JSON.stringify(await gw.gql('{ __type(name: "Query") { name } }', {}, t)).slice(0, 400));
  console.log('validation', JSON.stringify(await gw.gql('{ nope }', {}, t)).slice(0, 400));
  console.log('bad var', JSON.stringify(await gw.gql('query($f: DateTime!) { engagementScore(unitId: "group", from: $f, to: $f) { overall } }', { f: 'xx' }, t)).slice(0, 600));
  const res = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` }, body: JSON.stringify({ query: '{ me { role } }', variables: { pad: 'x'.repeat(30000) } }) });
  console.log('413', res.status, res.headers.get('content-type'), (await res.text()).slice(0, 600));
  const res2 = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
  console.log('badjson', res2.status, (await res2.text()).slice(0, 600));
});

import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { DOCS, touchpoint } from './access-fixture';
let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(TEST_ORG, { NODE_ENV: 'production' }); });
afterAll(async () => { await gw?.close(); });
it('probe', async () => {
  const key = TEST_ORG.sites[1].key;
  console.log(JSON.stringify(await gw.gql(DOCS.recordTouchpoints, { input: [{ ...touchpoint('prj-a1'), customerId: 'a\u0000b' }] }, key)));
  console.log(JSON.stringify(await gw.gql(DOCS.recordTouchpoints, { input: [{ ...touchpoint('prj-a1'), need: { category: 'FAULT', description: 'x\u0000' } }] }, key)));
});

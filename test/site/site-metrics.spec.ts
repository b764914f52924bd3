import { grew, scrape } from '../support/prometheus';
import { agentFlow, LOG_MANY, SwitchableGateway, TestSite, waitFor } from './support/site-harness';

// A site's /metrics, scraped while its gateway is down and after it is back:
// the backlog and its age, dead letters, and how long forwarding calls take.
// Real gateway, real site, real PostgreSQL.

jest.setTimeout(90_000);

const TOKEN = 'site-scrape-token-0123456789abcdef';
let gw: SwitchableGateway;
let site: TestSite;
let agent: string;

beforeAll(async () => {
  gw = await SwitchableGateway.create();
  await gw.up();
  site = await TestSite.start(gw.url, { QIHE_METRICS_TOKEN: TOKEN });
  agent = await site.login('agent.a1', 'agent-a1-password');
});

afterAll(async () => {
  await site?.destroy();
  await gw?.destroy();
});

it('is closed to the agent API without the scrape token', async () => {
  expect((await fetch(`${site.url}/metrics`)).status).toBe(401);
  expect((await fetch(`${site.url}/metrics`, { headers: { authorization: `Bearer ${agent}` } })).status).toBe(401);
});

it('shows the backlog growing while the gateway is down, then forwarded, with dead letters and forward latency', async () => {
  const metrics = (): ReturnType<typeof scrape> => scrape(`${site.url}/metrics`, TOKEN);
  const start = await metrics();
  expect(start.get('qihe_site_backlog{kind="touchpoints"}')).toBe(0);
  expect(start.get('qihe_site_oldest_pending_seconds')).toBe(0);

  await gw.down();
  const logged = await site.gql(LOG_MANY, { input: ['a', 'b', 'c'].map((customerId) => agentFlow({ customerId })) }, agent);
  expect(logged.errors).toBeUndefined();
  const down = await waitFor('a failed forward', async () => {
    const m = await metrics();
    return m.get('qihe_site_gateway_reachable') === 0 && (m.get('qihe_site_forward_seconds_count{kind="touchpoints",outcome="error"}') ?? 0) > 0 && m;
  });
  expect(down.get('qihe_site_backlog{kind="touchpoints"}')).toBe(3);
  await new Promise((r) => setTimeout(r, 1100));
  expect((await metrics()).get('qihe_site_oldest_pending_seconds')).toBeGreaterThanOrEqual(1);

  // Back up, with one item its database refuses: forwarded but for that one, kept as a dead letter.
  await gw.up();
  await gw.sql(`ALTER TABLE touchpoint ADD CONSTRAINT poison_for_metrics CHECK (customer_id <> 'poison') NOT VALID`);
  try {
    expect((await site.gql(LOG_MANY, { input: [agentFlow({ customerId: 'poison' })] }, agent)).errors).toBeUndefined();
    const drained = await waitFor('the backlog to drain', async () => {
      const m = await metrics();
      return m.get('qihe_site_backlog{kind="touchpoints"}') === 0 && m;
    });
    expect(grew(start, drained, 'qihe_site_forwarded')).toBe(3);
    expect(grew(start, drained, 'qihe_site_dead_letters')).toBe(1);
    expect(drained.get('qihe_site_oldest_pending_seconds')).toBe(0);
    expect(drained.get('qihe_site_gateway_reachable')).toBe(1);
    expect(grew(start, drained, 'qihe_site_forward_seconds_count{kind="touchpoints",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(drained.get('qihe_site_forward_seconds_sum{kind="touchpoints",outcome="ok"}')).toBeGreaterThan(0);
    // The agent API's own operations are timed too.
    expect(grew(start, drained, 'qihe_graphql_seconds_count{operation="logTouchpoints",outcome="ok"}')).toBe(2);
  } finally {
    await gw.sql(`ALTER TABLE touchpoint DROP CONSTRAINT poison_for_metrics`);
  }
});

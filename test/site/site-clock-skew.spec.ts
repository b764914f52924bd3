import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startService, type ServiceProcess } from '../../tools/traffic/src/demo/service-process';
import { startGateway, TEST_TOKEN_SECRET, type GatewayProcess } from '../e2e/support/gateway-process';
import { TEST_ORG } from '../support/gateway-app';
import { freePort } from '../support/postgres-cluster';
import { createTestDatabase } from '../support/test-database';
import { hourWindow, SCORE } from '../support/touchpoint-factory';
import { agentFlow, gqlAt, LOG_ONE, SITE_A, SITE_LOGIN, STATUS, waitFor } from './support/site-harness';

// A site whose machine clock runs 10 minutes fast, as a real process (its
// clock shifted through the test-only QIHE_TEST_CLOCK_OFFSET_MS), forwarding
// to a real gateway process: everything it stamps is 10 minutes ahead, beyond
// the gateway's 5-minute future rule. The batch carries the site's clock
// (sentAt), the gateway measures the offset and corrects the times, keeping
// what the site sent beside them; re-sends measured with other offsets stay
// one touchpoint.

const SITE_MAIN = resolve(__dirname, '../../dist/apps/site/src/main.js');
const FAST = 10 * 60_000;
const RECORD_SENT = `mutation RecordSent($input: [TouchpointInput!]!, $sentAt: DateTime) {
  recordTouchpoints(input: $input, sentAt: $sentAt) { accepted duplicates rejected { index code message } }
}`;

const dir = mkdtempSync(join(tmpdir(), 'qihe-clock-skew-'));
let gwDb: { url: string; drop: () => Promise<void> };
let siteDb: { url: string; drop: () => Promise<void> };
let gw: GatewayProcess;
let site: ServiceProcess;

async function sql<T extends object>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  writeFileSync(join(dir, 'seed.json'), JSON.stringify(TEST_ORG));
  gwDb = await createTestDatabase();
  siteDb = await createTestDatabase();
  gw = await startGateway({ databaseUrl: gwDb.url, seedFile: join(dir, 'seed.json'), env: { QIHE_DATA_DIR: join(dir, 'gw') }, startTimeoutMs: 90_000 });
  site = await startService({
    name: 'fast-site',
    main: SITE_MAIN,
    port: await freePort(),
    env: {
      NODE_ENV: 'test',
      QIHE_TEST_CLOCK_OFFSET_MS: String(FAST),
      SITE_ID: SITE_A.id,
      UNIT_ID: SITE_A.unitId,
      SITE_KEY: SITE_A.key,
      GATEWAY_URL: gw.url,
      DATABASE_URL: siteDb.url,
      SITE_DATA_DIR: join(dir, 'site'),
      SITE_TOKEN_SECRET: TEST_TOKEN_SECRET,
      SITE_POLL_MS: '100',
      SITE_BACKOFF_BASE_MS: '50',
      SITE_BACKOFF_MAX_MS: '300',
      SITE_HEARTBEAT_MS: '300',
    },
    timeoutMs: 90_000,
  });
}, 240_000);

afterAll(async () => {
  await site?.stop();
  await gw?.stop();
  await siteDb?.drop();
  await gwDb?.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the touchpoints of a site 10 minutes fast: corrected at the gateway, the site\u2019s own time kept beside, counted once however often re-sent', async () => {
  const login = await gqlAt(site.url, SITE_LOGIN, { u: 'agent.a1', p: 'agent-a1-password' });
  const agent = login.data!.login.token;
  const logged = await gqlAt(site.url, LOG_ONE, { input: agentFlow() }, agent); // stamped by the site's (fast) clock
  expect(logged.errors).toBeUndefined();
  const local = logged.data!.logTouchpoint;
  const realAtLogging = Date.now();
  expect(Date.parse(local.occurredAt) - realAtLogging).toBeGreaterThan(FAST - 30_000); // the site really runs fast

  const status = await waitFor('the site to forward it', async () => {
    const s = (await gqlAt(site.url, STATUS, {}, agent)).data!.siteStatus;
    return (s.forwarded >= 1 || s.deadLetters > 0) && s;
  });
  expect(status).toMatchObject({ forwarded: 1, deadLetters: 0, backlog: 0 });

  const [row] = await sql<{ occurred_at: Date; site_occurred_at: Date; clock_offset_ms: string }>(
    gwDb.url,
    `SELECT occurred_at, site_occurred_at, clock_offset_ms FROM touchpoint WHERE id = $1`,
    [local.id],
  );
  expect(row.site_occurred_at.toISOString()).toBe(new Date(local.occurredAt).toISOString()); // what the site sent
  expect(Math.abs(Number(row.clock_offset_ms) + FAST)).toBeLessThan(30_000); // measured: about −10 minutes
  expect(row.occurred_at.getTime() - row.site_occurred_at.getTime()).toBe(Number(row.clock_offset_ms));
  expect(Math.abs(row.occurred_at.getTime() - realAtLogging)).toBeLessThan(30_000); // the gateway's time of it

  const exec = (await gqlAt<{ login: { token: string } }>(gw.url, `mutation { login(username: "exec", password: "exec-password") { token } }`)).data!.login.token;
  const count = async (): Promise<number> =>
    (await gqlAt<{ engagementScore: { touchpoints: number } }>(gw.url, SCORE, { unitId: 'group', ...hourWindow() }, exec)).data!.engagementScore.touchpoints;
  expect(await count()).toBe(1);

  // Re-sends of the payload the site sent, each with another sentAt: another measured offset, another
  // corrected time — the same touchpoint all the same: a duplicate, never a CONFLICT or a second count.
  const [{ payload }] = await sql<{ payload: Record<string, unknown> }>(siteDb.url, `SELECT payload FROM site_touchpoint WHERE id = $1`, [local.id]);
  for (const skew of [FAST + 4_000, FAST - 2 * 60_000]) {
    const again = await gqlAt<{ recordTouchpoints: { accepted: number; duplicates: number; rejected: unknown[] } }>(
      gw.url,
      RECORD_SENT,
      { input: [payload], sentAt: new Date(Date.now() + skew).toISOString() },
      SITE_A.key,
    );
    expect([skew, again.data?.recordTouchpoints ?? again.errors]).toEqual([skew, { accepted: 0, duplicates: 1, rejected: [] }]);
  }
  expect(await count()).toBe(1);
  const [after] = await sql<{ occurred_at: Date }>(gwDb.url, `SELECT occurred_at FROM touchpoint WHERE id = $1`, [local.id]);
  expect(after.occurred_at.getTime()).toBe(row.occurred_at.getTime()); // the first correction stands

  // Without its clock (an older sender), the same payload is 10 minutes ahead: refused by the future rule, not counted.
  const bare = await gqlAt<{ recordTouchpoints: { rejected: { code: string; message: string }[] } }>(gw.url, RECORD_SENT, { input: [payload] }, SITE_A.key);
  expect(bare.data!.recordTouchpoints.rejected).toEqual([expect.objectContaining({ code: 'INVALID', message: expect.stringMatching(/occurredAt/) })]);
  expect(await count()).toBe(1);
});

it('leaves a batch alone when the sender\u2019s clock is within the tolerance', async () => {
  const id = '0193a1f2-7c00-7000-8000-00000000c10c';
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const item = { ...agentFlow(), id, unitId: 'prj-a1', occurredAt };
  const res = await gqlAt<{ recordTouchpoints: { accepted: number } }>(gw.url, RECORD_SENT, { input: [item], sentAt: new Date(Date.now() + 20_000).toISOString() }, SITE_A.key);
  expect(res.data!.recordTouchpoints.accepted).toBe(1);
  const [row] = await sql<{ occurred_at: Date; site_occurred_at: Date | null; clock_offset_ms: string | null }>(
    gwDb.url,
    `SELECT occurred_at, site_occurred_at, clock_offset_ms FROM touchpoint WHERE id = $1`,
    [id],
  );
  expect(row).toEqual({ occurred_at: new Date(occurredAt), site_occurred_at: null, clock_offset_ms: null });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type GatewayProcess, gatewayData } from '../e2e/support/gateway-process';
import { TEST_ORG } from '../support/gateway-app';
import { LOGIN, RECORD, SCORE } from '../support/documents';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { sql, startStandby, waitForReplay } from '../support/standby';
import { hourWindow, touchpoint } from '../support/touchpoint-factory';

// A real streaming-replication hot standby on loopback (pg_basebackup -R of
// this test's own primary) behind DATABASE_READ_URL: the gateway's score and
// drill-down reads go to it, equal the primary's once it has replayed the
// primary's WAL, and come from the primary when the standby is SIGKILLed.

const dir = mkdtempSync(join(tmpdir(), 'qihe-read-replica-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const DRILL = `query ReplicaDrill($unitId: ID!, $from: DateTime!, $to: DateTime!) { touchpoints(unitId: $unitId, from: $from, to: $to, first: 1) { totalCount } }`;

let primary: PgCluster;
let standby: PgCluster;
let gw: GatewayProcess;
let primaryUrl: string;
let standbyUrl: string;
let token: string;

const gql = <T>(query: unknown, variables: Record<string, unknown>, auth: string): Promise<T> => gatewayData<T>(gw, query, variables, auth);

async function record(n: number): Promise<void> {
  const items = Array.from({ length: n }, (_, i) => touchpoint({ occurredAt: new Date(Date.now() - 60_000 - i * 1000).toISOString() }));
  const out = await gql<{ recordTouchpoints: { accepted: number } }>(RECORD, { input: items }, SITE_A);
  expect(out.recordTouchpoints.accepted).toBe(n);
}

const window = hourWindow();
const groupScore = async (): Promise<{ touchpoints: number; overall: number | null }> =>
  (await gql<{ engagementScore: { touchpoints: number; overall: number | null } }>(SCORE, { unitId: 'group', ...window }, token)).engagementScore;
const drillCount = async (): Promise<number> => (await gql<{ touchpoints: { totalCount: number } }>(DRILL, { unitId: 'group', ...window }, token)).touchpoints.totalCount;
// What the primary itself holds: the group's rollup counter over the window.
const primaryCount = async (): Promise<number> =>
  Number((await sql<{ n: string }>(primaryUrl, `SELECT count(*) AS n FROM touchpoint WHERE occurred_at >= $1 AND occurred_at < $2`, [window.from, window.to]))[0].n);

beforeAll(async () => {
  primary = await startCluster();
  await sql(primary.url, 'CREATE DATABASE qihe');
  primaryUrl = primary.url.replace(/\/postgres$/, '/qihe');
  standby = await startStandby(primary);
  standbyUrl = standby.url.replace(/\/postgres$/, '/qihe');
  gw = await startGateway({ databaseUrl: primaryUrl, seedFile, env: { DATABASE_READ_URL: standbyUrl, QIHE_DATA_DIR: join(dir, 'gw'), QIHE_READ_REPLICA_RETRY_SECONDS: '1' } });
  const login = await gql<{ login: { token: string } }>(LOGIN, { u: 'exec', p: 'exec-password' }, '');
  token = login.login.token;
}, 120_000);

afterAll(async () => {
  await gw?.stop();
  await standby?.stop();
  await primary?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (standby) rmSync(standby.dataDir, { recursive: true, force: true });
});

it('serves sessions without JIT or parallel workers from role settings, with nothing in the startup packet (pgbouncer-safe), on the standby too', async () => {
  for (const url of [primaryUrl, standbyUrl]) {
    const [s] = await sql<{ jit: string; w: string }>(url, `SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS w`);
    expect([url, s.jit, s.w]).toEqual([url, 'off', '0']);
  }
  // A plain connection (no options in its startup packet, as through pgbouncer) gets them from the role's defaults.
  const [src] = await sql<{ source: string }>(primaryUrl, `SELECT source FROM pg_settings WHERE name = 'jit'`);
  expect(src.source).toBe('database user');
});

it('answers scores and drill-down from the standby: behind while replay is paused, equal to the primary once caught up', async () => {
  await record(5);
  await waitForReplay(primaryUrl, standbyUrl);
  expect(await groupScore()).toMatchObject({ touchpoints: 5 });
  const before = await groupScore();

  // Hold the standby's replay: what the primary now commits is not on the standby yet.
  await sql(standbyUrl, 'SELECT pg_wal_replay_pause()');
  await record(3);
  expect(await primaryCount()).toBe(8);
  expect(await groupScore()).toEqual(before); // the standby's (lagging) answer: the read went there
  expect(await drillCount()).toBe(5);

  await sql(standbyUrl, 'SELECT pg_wal_replay_resume()');
  await waitForReplay(primaryUrl, standbyUrl);
  expect((await groupScore()).touchpoints).toBe(8);
  expect(await drillCount()).toBe(8);
  // The standby's rollups are the primary's, row for row.
  const rollups = `SELECT * FROM rollup_hour ORDER BY unit_id, dim, hour, val`;
  expect(await sql(standbyUrl, rollups)).toEqual(await sql(primaryUrl, rollups));
});

it('keeps answering from the primary, with the primary\u2019s numbers, when the standby is SIGKILLed', async () => {
  await sql(standbyUrl, 'SELECT pg_wal_replay_pause()');
  await record(2); // on the primary only: an answer of 10 can only come from the primary
  standby.process.kill('SIGKILL');
  await new Promise<void>((r) => (standby.process.exitCode !== null || standby.process.signalCode !== null ? r() : standby.process.once('exit', () => r())));
  const started = Date.now();
  expect((await groupScore()).touchpoints).toBe(10);
  expect(await drillCount()).toBe(10);
  for (let i = 0; i < 5; i++) expect((await groupScore()).touchpoints).toBe(10);
  expect(Date.now() - started).toBeLessThan(5_000);
  await record(1);
  expect((await groupScore()).touchpoints).toBe(11);
  // After the retry pause the dead standby is tried again (connection refused) and the primary still answers.
  await new Promise((r) => setTimeout(r, 1_200));
  expect(await drillCount()).toBe(11);
  expect(gw.output()).toMatch(/replica 1 \(127\.0\.0\.1:\d+\) failed a read/);
});

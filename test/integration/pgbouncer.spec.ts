import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startGateway, type GatewayProcess, gatewayData } from '../e2e/support/gateway-process';
import { TEST_ORG } from '../support/gateway-app';
import { LOGIN, RECORD, SCORE } from '../support/documents';
import { startPgbouncer, type Pgbouncer } from '../support/pgbouncer';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { sql, startStandby, waitForReplay } from '../support/standby';
import { touchpoint } from '../support/touchpoint-factory';

// The gateway behind a stock pgbouncer in transaction pooling, in front of a
// primary and its streaming-replication hot standby on loopback: DATABASE_URL
// and DATABASE_READ_URL are pgbouncer's databases. pgbouncer keeps its default
// startup-parameter rules (a client sending `options` is refused), so the
// session settings can only come from the role's defaults (ALTER ROLE … SET);
// `server_round_robin` hands consecutive transactions of one client to
// different server connections, so anything that relies on a server session
// surviving between transactions shows.

const dir = mkdtempSync(join(tmpdir(), 'qihe-pgbouncer-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const DAY = 86_400_000;
const RISK_MODEL = `query PgbRiskModel { riskModel { trainingRatings holdoutRatings auc } }`;
const DRILL = `query PgbDrill($unitId: ID!, $from: DateTime!, $to: DateTime!) { touchpoints(unitId: $unitId, from: $from, to: $to, first: 1) { totalCount } }`;

let primary: PgCluster;
let standby: PgCluster;
let bouncer: Pgbouncer;
let gw: GatewayProcess;
let primaryUrl: string;
let standbyUrl: string;
let token: string;

const gql = <T>(query: unknown, variables: Record<string, unknown>, auth: string): Promise<T> => gatewayData<T>(gw, query, variables, auth);

// 20 days of one site's traffic: 240 rated touchpoints of 40 customers, enough for the risk job's first fit (200).
const start = Date.now() - 21 * DAY;
const HOUR = 3_600_000;
const window = { from: new Date(Math.floor((start - DAY) / HOUR) * HOUR).toISOString(), to: new Date(Math.ceil(Date.now() / HOUR) * HOUR + HOUR).toISOString() };
const items = Array.from({ length: 240 }, (_, i) =>
  touchpoint({ customerId: `pgb-${i % 40}`, occurredAt: new Date(start + i * 2 * 3_600_000).toISOString(), satisfaction: { score: 1 + ((i * 7) % 5) } }),
);

beforeAll(async () => {
  primary = await startCluster();
  await sql(primary.url, 'CREATE DATABASE qihe');
  primaryUrl = primary.url.replace(/\/postgres$/, '/qihe');
  standby = await startStandby(primary);
  standbyUrl = standby.url.replace(/\/postgres$/, '/qihe');
  bouncer = await startPgbouncer({ databases: { qihe: primaryUrl, qihe_standby: standbyUrl }, poolMode: 'transaction', poolSize: 4, roundRobin: true });
  gw = await startGateway({
    databaseUrl: bouncer.url('qihe'),
    seedFile,
    env: { DATABASE_READ_URL: bouncer.url('qihe_standby'), QIHE_DATA_DIR: join(dir, 'gw'), QIHE_RISK_CHECK_SECONDS: '1' },
  });
  token = (await gql<{ login: { token: string } }>(LOGIN, { u: 'exec', p: 'exec-password' }, '')).login.token;
}, 120_000);

afterAll(async () => {
  await gw?.stop();
  await bouncer?.stop();
  await standby?.stop();
  await primary?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (standby) rmSync(standby.dataDir, { recursive: true, force: true });
});

it('refuses startup options (stock pgbouncer), yet every pooled session has jit off and no parallel workers, from the role', async () => {
  // What the gateway used to send: pgbouncer turns the connection away.
  const withOptions = new Client({ connectionString: bouncer.url('qihe'), options: '-c jit=off' });
  await expect(withOptions.connect()).rejects.toThrow(/unsupported startup parameter/i);
  await withOptions.end().catch(() => undefined);
  // Every server connection of each pool, the one the gateway set the role's defaults through among them.
  // Short statements only (holding server connections in open transactions could starve the gateway's own
  // work of its pool): with server_round_robin each statement takes the longest-idle connection, so a few
  // dozen visit them all; each backend pgbouncer holds on the cluster must have been seen.
  for (const [db, direct] of [['qihe', primaryUrl], ['qihe_standby', standbyUrl]] as const) {
    const servers = async (): Promise<Set<number>> =>
      new Set((await sql<{ pid: number }>(direct, `SELECT pid FROM pg_stat_activity WHERE datname = 'qihe' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`)).map((r) => r.pid));
    const before = await servers();
    const seen = new Map<number, { jit: string; w: string }>();
    const client = new Client({ connectionString: bouncer.url(db) });
    await client.connect();
    try {
      const deadline = Date.now() + 30_000;
      for (let i = 0; (i < 8 || [...before].some((pid) => !seen.has(pid))) && Date.now() < deadline; i++) {
        const { rows } = await client.query<{ pid: number; jit: string; w: string }>(
          `SELECT pg_backend_pid() AS pid, current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS w`,
        );
        seen.set(rows[0].pid, { jit: rows[0].jit, w: rows[0].w });
      }
    } finally {
      await client.end();
    }
    const now = await servers();
    // Every server connection that lived through the check was visited (one closed meanwhile is no longer pooled).
    expect([db, [...before].filter((pid) => now.has(pid) && !seen.has(pid))]).toEqual([db, []]);
    // The primary's pool already serves the gateway (the standby's opens its connections as reads come).
    if (db === 'qihe') expect(before.size).toBeGreaterThan(0);
    expect(seen.size).toBeGreaterThan(0);
    expect([db, [...seen.values()].filter((v) => v.jit !== 'off' || v.w !== '0')]).toEqual([db, []]);
  }
  // They are the role's defaults in Qihe's database (the standby has the primary's catalogue).
  for (const url of [primaryUrl, standbyUrl]) {
    const [{ conf }] = await sql<{ conf: string[] }>(
      url,
      `SELECT d.setconfig AS conf FROM pg_db_role_setting d JOIN pg_roles r ON r.oid = d.setrole JOIN pg_database b ON b.oid = d.setdatabase WHERE r.rolname = 'postgres' AND b.datname = 'qihe'`,
    );
    expect([...conf].sort()).toEqual(['jit=off', 'max_parallel_workers_per_gather=0']);
  }
  // The gateway's own connections reached PostgreSQL through pgbouncer (its server connections are pgbouncer's).
  const [{ n }] = await sql<{ n: number }>(primaryUrl, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'qihe' AND application_name <> '' AND client_port IS NOT NULL`);
  expect(n).toBeGreaterThan(0);
});

it('ingests through pgbouncer and answers scores and drill-down from the standby behind it', async () => {
  for (let i = 0; i < items.length; i += 60) {
    const out = await gql<{ recordTouchpoints: { accepted: number } }>(RECORD, { input: items.slice(i, i + 60) }, SITE_A);
    expect(out.recordTouchpoints.accepted).toBe(60);
  }
  await waitForReplay(primaryUrl, standbyUrl);
  const score = async (): Promise<{ touchpoints: number; overall: number | null }> =>
    (await gql<{ engagementScore: { touchpoints: number; overall: number | null } }>(SCORE, { unitId: 'group', ...window }, token)).engagementScore;
  expect((await score()).touchpoints).toBe(240);
  // The read went to the standby: with its replay paused, a new touchpoint on the primary is not counted yet.
  await sql(standbyUrl, 'SELECT pg_wal_replay_pause()');
  const late = touchpoint({ customerId: 'pgb-late', occurredAt: new Date(Date.now() - 60_000).toISOString() });
  expect((await gql<{ recordTouchpoints: { accepted: number } }>(RECORD, { input: [late] }, SITE_A)).recordTouchpoints.accepted).toBe(1);
  expect((await score()).touchpoints).toBe(240);
  await sql(standbyUrl, 'SELECT pg_wal_replay_resume()');
  await waitForReplay(primaryUrl, standbyUrl);
  expect((await score()).touchpoints).toBe(241);
  expect((await gql<{ touchpoints: { totalCount: number } }>(DRILL, { unitId: 'group', ...window }, token)).touchpoints.totalCount).toBe(241);
});

it('fits the risk model through pgbouncer, and its job leaves no lock behind on a pooled server connection', async () => {
  const deadline = Date.now() + 60_000;
  let model: { trainingRatings: number } | null = null;
  while (!model && Date.now() < deadline) {
    model = (await gql<{ riskModel: { trainingRatings: number } | null }>(RISK_MODEL, {}, token)).riskModel;
    if (!model) await new Promise((r) => setTimeout(r, 500));
  }
  expect(model?.trainingRatings).toBeGreaterThan(0);
  // Between passes (one a second) nothing may hold the job's lock: a session
  // lock taken on one server connection and "released" on another would stay
  // held by whichever server connection took it, and turn every other replica away.
  const held = async (): Promise<number> =>
    (await sql<{ n: number }>(primaryUrl, `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.granted AND a.state = 'idle'`))[0].n;
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) {
    samples.push(await held());
    await new Promise((r) => setTimeout(r, 150));
  }
  expect(samples).toEqual(samples.map(() => 0));
  expect(gw.output()).not.toMatch(/risk pass failed/);
}, 90_000);

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { graphql } from '../__generated__/gateway';
import { TEST_ORG } from '../support/gateway-app';
import { LOGIN } from '../support/documents';
import { startRedis } from '../support/redis-server';
import { createTestDatabase } from '../support/test-database';
import { startGateway, TEST_TOKEN_SECRET, type GatewayProcess } from './support/gateway-process';

// Exactly once across a SIGKILL exactly between "due" and "alerted": the
// working replica runs with the fault point kill-after-monitor-commit (it
// SIGKILLs itself right after the monitor's transaction that decided alerts
// commits, before anything is sent). The feed clients' replica sends nothing
// itself (no-outbox-relay), so only the restarted replica can send what the
// dead one decided: each alert must then arrive once — none lost, none twice.
// Killed once at the AT_RISK moment and once at the BREACHED moment.

const SEC = 1000;
// Both nodes: 3 min, at risk at 33 % (+59.4 s from the start), due at +180 s.
const CATALOGUE = [
  { code: 'KILL_PROMISE', name: 'Answered within 3 minutes', level: 1, targetMinutes: 3, warnAtPercent: 33 },
  { code: 'KILL_STEP', name: 'Checked within 3 minutes', level: 2, parentCode: 'KILL_PROMISE', targetMinutes: 3, warnAtPercent: 33, ownerUnitId: 'bu-b' },
];
const N = 300; // promises: more than one monitor pass (200 trees), so the kill leaves work both decided and undecided
const RECORD = graphql(`mutation KillRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }`);

const dir = mkdtempSync(join(tmpdir(), 'qihe-sigkill-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify({ ...TEST_ORG, commitments: CATALOGUE }));
const EXEC = TEST_ORG.users.find((u) => u.username === 'exec')!;
const HEAD_B = TEST_ORG.users.find((u) => u.role === 'UNIT_HEAD' && u.unitId === 'bu-b')!;
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;

interface Heard {
  type: string;
  id: string;
  code: string;
  touchpointId: string;
  at: number;
}

let databaseUrl: string;
let redisUrl: string;
let pg: Client;
const cleanup: (() => Promise<void>)[] = [];
const sockets: Socket[] = [];

const gateway = (name: string, env: Record<string, string> = {}): Promise<GatewayProcess> =>
  startGateway({ databaseUrl, seedFile, env: { REDIS_URL: redisUrl, QIHE_TOKEN_SECRET: TEST_TOKEN_SECRET, QIHE_DATA_DIR: join(dir, name), NODE_ENV: 'test', ...env } });

async function post<T>(url: string, query: { toString(): string; __apiType?: unknown }, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
  });
  return ((await res.json()) as { data: T }).data;
}

/** A feed client on `url` that hears `unitId` (a real socket.io client, as the console is). */
async function listen(url: string, user: { username: string; password: string }, unitId: string): Promise<Heard[]> {
  const { login } = await post<{ login: { token: string } }>(url, LOGIN, { u: user.username, p: user.password });
  const s = io(`${url}/feed`, { auth: { token: login.token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((res, rej) => s.once('connect', () => res()).once('connect_error', rej));
  const heard: Heard[] = [];
  s.on('alert', (a: Omit<Heard, 'at'>) => heard.push({ ...a, at: Date.now() }));
  expect(await s.timeout(5000).emitWithAck('subscribe', { unitId })).toEqual({ ok: true });
  return heard;
}

async function until(what: string, cond: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

beforeAll(async () => {
  const redis = await startRedis();
  const db = await createTestDatabase();
  redisUrl = redis.url;
  databaseUrl = db.url;
  pg = new Client({ connectionString: db.url });
  pg.on('error', () => undefined);
  await pg.connect();
  cleanup.push(() => db.drop(), () => redis.stop(), () => pg.end());
}, 60_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

it('a gateway SIGKILLed right after the monitor committed, before the feed send: after its restart each alert arrives exactly once', async () => {
  // The clients' replica: no monitor, no sender of its own.
  const feed = await gateway('feed', { QIHE_COMMITMENT_MONITOR: 'off', QIHE_FAULT_POINTS: 'no-outbox-relay' });
  cleanup.push(() => feed.stop());
  const exec = await listen(feed.url, EXEC, 'group');
  const owner = await listen(feed.url, HEAD_B, 'bu-b'); // the steps' owner unit hears its nodes too

  const killer = (name: string): Promise<GatewayProcess> => gateway(name, { QIHE_FAULT_POINTS: 'kill-after-monitor-commit' });
  let worker = await killer('worker-1');
  // N promises started 55 s ago: at risk at +4.4 s, due at +125 s.
  const start = Date.now() - 55 * SEC;
  const items = Array.from({ length: N }, (_, i) => ({
    id: randomUUID(),
    unitId: i % 2 ? 'prj-a1' : 'prj-a2',
    customerId: `kill-cust-${i}`,
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(start).toISOString(),
    need: { category: 'FAULT' },
    service: { action: 'fault logged', handleSeconds: 60, resolved: false, firstContact: true, commitment: { code: 'KILL_PROMISE', met: false } },
  }));
  const ids = new Set<string>(items.map((t) => t.id));
  const recorded = await post<{ recordTouchpoints: { accepted: number } }>(feed.url, RECORD, { input: items }, SITE_A);
  expect(recorded.recordTouchpoints.accepted).toBe(N);
  const moment = { COMMITMENT_AT_RISK: start + 59.4 * SEC, COMMITMENT_BROKEN: start + 180 * SEC } as Record<string, number>;
  const heardOf = (heard: Heard[], type: string): Heard[] => heard.filter((h) => h.type === type && ids.has(h.touchpointId));

  for (const type of ['COMMITMENT_AT_RISK', 'COMMITMENT_BROKEN']) {
    // The armed worker decides the first pass of alerts, commits, and dies before sending any.
    const died = await Promise.race([worker.exited, new Promise<null>((r) => setTimeout(() => r(null), 120 * SEC))]);
    expect(died?.signal).toBe('SIGKILL');
    expect(worker.output()).toMatch(/fault point kill-after-monitor-commit/);
    const { rows } = await pg.query<{ unsent: number; decided: number }>(
      `SELECT (SELECT count(*) FROM feed_unsent JOIN feed_outbox USING (id) WHERE payload->>'type' = $1)::int AS unsent,
              (SELECT count(*) FROM commitment_node WHERE alert_stage >= $2)::int AS decided`,
      [type, type === 'COMMITMENT_AT_RISK' ? 1 : 2],
    );
    console.log(`${type}: SIGKILL after the commit: ${rows[0].decided} nodes decided, ${rows[0].unsent} alerts committed and unsent; clients heard ${heardOf(exec, type).length}`);
    expect(rows[0].unsent).toBeGreaterThan(0);
    expect(rows[0].unsent).toBe(rows[0].decided); // the pass's alerts exist exactly for the nodes it moved
    expect(heardOf(exec, type)).toEqual([]); // nothing was sent before the kill

    // Restarted (plain): it sends what the dead one decided, then decides the rest.
    const restarted = await gateway(`${type}-restarted`);
    await until(`${type} heard for every node`, () => new Set(heardOf(exec, type).map((h) => h.id)).size >= 2 * N && new Set(heardOf(owner, type).map((h) => h.id)).size >= N, 120 * SEC);
    await new Promise((r) => setTimeout(r, 3 * SEC)); // a repeat would have arrived by now
    await restarted.stop();
    for (const [who, heard, nodes] of [['exec', exec, 2 * N], ['owner', owner, N]] as const) {
      const times = new Map<string, number>();
      for (const h of heardOf(heard, type)) times.set(h.id, (times.get(h.id) ?? 0) + 1);
      expect([who, type, times.size, [...times.values()].filter((n) => n !== 1).length]).toEqual([who, type, nodes, 0]);
    }
    const delays = heardOf(exec, type).map((h) => h.at - moment[type]).sort((a, b) => a - b);
    console.log(`${type} after a SIGKILL and a restart: delay after the moment p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms (n=${delays.length})`);
    if (type === 'COMMITMENT_AT_RISK') worker = await killer('worker-2'); // armed again for the breach
  }
  const { rows } = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM follow_up WHERE reason = 'COMMITMENT_BREACHED' AND touchpoint_id = ANY($1::uuid[])`, [[...ids]]);
  expect(rows[0].n).toBe(N); // one follow-up per broken promise
  const opened = new Set(exec.filter((h) => h.type === 'FOLLOW_UP_OPENED' && ids.has(h.touchpointId)).map((h) => h.id));
  expect(opened.size).toBe(N);
  expect(exec.filter((h) => h.type === 'FOLLOW_UP_OPENED' && ids.has(h.touchpointId)).length).toBe(N);
}, 420_000);

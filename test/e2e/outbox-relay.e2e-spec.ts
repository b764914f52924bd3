import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { TEST_ORG } from '../support/gateway-app';
import { LOGIN } from '../support/documents';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createTestDatabase } from '../support/test-database';
import { RECORD, touchpoint } from '../support/touchpoint-factory';
import { startGateway, TEST_TOKEN_SECRET, type GatewayProcess } from './support/gateway-process';

// The feed outbox's sender is at least once across replicas: it marks alerts
// sent only once every replica can deliver them (with Redis: once the stream
// holds them). Two built gateways on one PostgreSQL, joined through a real
// redis-server; the feed client is on the replica that sends nothing itself
// (no-outbox-relay), the sender SIGKILLs itself right after it commits a batch
// as sent (kill-after-outbox-commit). Low ratings open follow-ups, each
// announced by a FOLLOW_UP_OPENED alert from the outbox. Once with Redis up,
// once with Redis down while the alerts are decided: an append waiting for a
// Redis that is down dies with the killed sender, so the client must still
// hear every alert once Redis is back (it heard none of them before the fix).

const N = 20;
const dir = mkdtempSync(join(tmpdir(), 'qihe-outbox-relay-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
const EXEC = TEST_ORG.users.find((u) => u.username === 'exec')!;
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;

let redis: TestRedis;
let databaseUrl: string;
let pg: Client;
const cleanup: (() => Promise<void>)[] = [];
const sockets: Socket[] = [];
const gateways: GatewayProcess[] = [];

const gateway = async (name: string, faults: string): Promise<GatewayProcess> => {
  const g = await startGateway({
    databaseUrl,
    seedFile,
    env: { REDIS_URL: redis.url, QIHE_TOKEN_SECRET: TEST_TOKEN_SECRET, QIHE_DATA_DIR: join(dir, name), NODE_ENV: 'test', QIHE_COMMITMENT_MONITOR: 'off', QIHE_FAULT_POINTS: faults },
  });
  gateways.push(g);
  cleanup.push(() => g.stop());
  return g;
};

async function post<T>(url: string, query: { toString(): string }, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
    signal: AbortSignal.timeout(15_000),
  });
  return ((await res.json()) as { data: T }).data;
}

async function until(what: string, cond: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms\n${logs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const logs = (): string => gateways.map((g) => `--- gateway ${g.url}:\n${g.output().split('\n').slice(-15).join('\n')}`).join('\n');

async function redisHealth(g: GatewayProcess): Promise<string | undefined> {
  const res = await fetch(`${g.url}/health`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
  return res ? ((await res.json()) as { redis?: string }).redis : undefined;
}

/** N low-rated touchpoints through `g`: each opens a follow-up, announced from the outbox. Their ids. */
async function lowRatings(g: GatewayProcess, round: string): Promise<Set<string>> {
  const items = Array.from({ length: N }, (_, i) =>
    touchpoint({ customerId: `relay-${round}-${i}`, occurredAt: new Date(Date.now() - 5_000).toISOString(), satisfaction: { score: 1 } }),
  );
  const res = await post<{ recordTouchpoints: { accepted: number } }>(g.url, RECORD, { input: items }, SITE_A);
  expect(res.recordTouchpoints.accepted).toBe(N);
  return new Set(items.map((t) => t.id as string));
}

beforeAll(async () => {
  redis = await startRedis();
  const db = await createTestDatabase();
  databaseUrl = db.url;
  pg = new Client({ connectionString: db.url });
  pg.on('error', () => undefined);
  await pg.connect();
  cleanup.push(() => db.drop(), () => redis.stop(), () => pg.end()); // run in reverse: gateways, then these
}, 60_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

it('a sender SIGKILLed right after committing alerts as sent loses none for clients of another replica, Redis up or down when they were decided', async () => {
  const feed = await gateway('feed', 'no-outbox-relay');
  const { login } = await post<{ login: { token: string } }>(feed.url, LOGIN, { u: EXEC.username, p: EXEC.password });
  const s = io(`${feed.url}/feed`, { auth: { token: login.token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((res, rej) => s.once('connect', () => res()).once('connect_error', rej));
  const heard = new Map<string, number>(); // touchpointId → FOLLOW_UP_OPENED alerts heard
  s.on('alert', (a: { type: string; touchpointId: string }) => {
    if (a.type === 'FOLLOW_UP_OPENED') heard.set(a.touchpointId, (heard.get(a.touchpointId) ?? 0) + 1);
  });
  expect(await s.timeout(5000).emitWithAck('subscribe', { unitId: 'group' })).toEqual({ ok: true });
  const missing = (ids: Set<string>): string[] => [...ids].filter((id) => !heard.has(id));

  // Redis up: the sender appends, commits "sent" and dies; the client heard each alert.
  let sender = await gateway('sender-1', 'kill-after-outbox-commit');
  const up = await lowRatings(feed, 'up');
  expect((await sender.exited).signal).toBe('SIGKILL');
  await until('alerts decided with Redis up, heard on the other replica', () => missing(up).length === 0, 30_000);

  // Redis down while the next alerts are decided (ingest keeps answering): a sender must not call them sent.
  sender = await gateway('sender-2', 'kill-after-outbox-commit');
  await redis.kill();
  await until('both replicas see Redis down', async () => (await redisHealth(feed)) === 'down' && (await redisHealth(sender)) === 'down', 30_000);
  const down = await lowRatings(feed, 'down');
  await new Promise((r) => setTimeout(r, 3_000)); // several passes of the sender (every 0.5 s)
  const [{ unsent }] = (await pg.query(`SELECT count(*)::int AS unsent FROM feed_unsent`)).rows;
  await redis.restart();
  await until('alerts decided with Redis down, heard on the other replica once it is back', () => missing(down).length === 0, 60_000);
  console.log(`outbox relay: ${unsent} of ${N} alerts unsent while Redis was down; heard ${[...heard.values()].reduce((a, b) => a + b, 0)} alerts for ${2 * N} follow-ups`);
  expect(unsent).toBe(N);
  expect((await sender.exited).signal).toBe('SIGKILL'); // it sent them once Redis was back, then died
  expect(missing(up).concat(missing(down))).toEqual([]);

  // A sender dies once Redis holds a batch, before it is marked sent: the next sender publishes it again,
  // and the client's replica, which delivered the first copy, drops the second.
  const dying = await gateway('sender-3', 'kill-after-outbox-publish');
  const twice = await lowRatings(feed, 'twice');
  expect((await dying.exited).signal).toBe('SIGKILL');
  await until('alerts published before the kill, heard', () => missing(twice).length === 0, 30_000);
  await gateway('sender-4', '');
  await until('the batch sent again and marked sent', async () => (await pg.query(`SELECT count(*)::int AS n FROM feed_unsent`)).rows[0].n === 0, 60_000);
  await new Promise((r) => setTimeout(r, 1_000)); // a repeat would arrive by now
  expect([...twice].map((id) => heard.get(id))).toEqual([...twice].map(() => 1));
  expect([...up, ...down].filter((id) => heard.get(id) !== 1)).toEqual([]);
}, 300_000);

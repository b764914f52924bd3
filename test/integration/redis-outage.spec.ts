import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startGateway, TEST_TOKEN_SECRET, type ExitInfo, type GatewayProcess } from '../e2e/support/gateway-process';
import { TEST_ORG } from '../support/gateway-app';
import { startRedis, type TestRedis } from '../support/redis-server';
import { createTestDatabase } from '../support/test-database';
import { RECORD, touchpoint } from '../support/touchpoint-factory';
import { LOGIN } from '../support/documents';

// Redis crashes (SIGKILL) under two gateway replicas joined through it while
// touchpoints flow and feed clients listen on both. Neither replica may exit:
// /health says degraded, ingestion keeps answering, each replica's own clients
// keep hearing their replica's touchpoints, and once Redis is back the replicas
// hear each other again — including what was accepted while it was down.

const dir = mkdtempSync(join(tmpdir(), 'qihe-redis-outage-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;

let redis: TestRedis;
const gateways: GatewayProcess[] = [];
const exits: (ExitInfo | null)[] = [null, null];
const sockets: Socket[] = [];
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  redis = await startRedis();
  cleanup.push(() => redis.stop());
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  const env = { REDIS_URL: redis.url, QIHE_TOKEN_SECRET: TEST_TOKEN_SECRET };
  for (const name of ['a', 'b']) {
    const g = await startGateway({ databaseUrl: db.url, seedFile, env: { ...env, QIHE_DATA_DIR: join(dir, name) } });
    cleanup.unshift(() => g.stop());
    gateways.push(g);
  }
  gateways.forEach((g, i) => void g.exited.then((e) => (exits[i] = e)));
}, 90_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  for (const c of cleanup) await c();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms\n${logs()}`);
    await sleep(50);
  }
}

const logs = (): string => gateways.map((g, i) => `--- gateway ${'ab'[i]} (exit ${JSON.stringify(exits[i])}):\n${g.output().split('\n').slice(-25).join('\n')}`).join('\n');

async function health(g: GatewayProcess): Promise<{ http: number; body: Record<string, string> }> {
  const res = await fetch(`${g.url}/health`, { signal: AbortSignal.timeout(3000) });
  return { http: res.status, body: (await res.json()) as Record<string, string> };
}

/** `n` touchpoints in one batch through replica `g`; their ids once accepted. */
async function ingest(g: GatewayProcess, n = 1): Promise<string[]> {
  const items = Array.from({ length: n }, () => touchpoint({ occurredAt: new Date(Date.now() - 5_000).toISOString() }));
  const res = await fetch(`${g.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SITE_A}` },
    body: JSON.stringify({ query: String(RECORD), variables: { input: items } }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { data?: { recordTouchpoints: { accepted: number } }; errors?: unknown };
  if (body.data?.recordTouchpoints.accepted !== n) throw new Error(`ingest through ${g.url} answered ${JSON.stringify(body)}`);
  return items.map((t) => t.id as string);
}

it('keeps both replicas serving through a Redis crash and joins their feeds again once it is back', async () => {
  const [a, b] = gateways;
  const login = await fetch(`${a.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: String(LOGIN), variables: { u: 'exec', p: 'exec-password' } }),
  });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  // heard[i]: how often the feed client on replica i received each touchpoint id.
  const heard: Map<string, number>[] = [new Map(), new Map()];
  for (const [i, g] of gateways.entries()) {
    const s = io(`${g.url}/feed`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((res, rej) => s.once('connect', () => res()).once('connect_error', rej));
    expect(await s.timeout(5000).emitWithAck('subscribe', { unitId: 'bu-a' })).toEqual({ ok: true });
    s.on('touchpoint', (e: { id: string }) => heard[i].set(e.id, (heard[i].get(e.id) ?? 0) + 1));
  }

  // Steady traffic through both replicas in turn; sent[i]: ids accepted through replica i.
  const sent: string[][] = [[], []];
  const failures: string[] = [];
  let running = true;
  const traffic = (async () => {
    for (let n = 0; running; n++) {
      const i = n % 2;
      try {
        sent[i].push(...(await ingest(gateways[i])));
      } catch (err) {
        failures.push(`${'ab'[i]}: ${(err as Error).message}`);
      }
      await sleep(40);
    }
  })();

  try {
    // Before the crash: each replica's client hears the other's touchpoints.
    await until('cross-replica delivery before the crash', () => sent[0].length > 3 && sent[1].length > 3 && heard[1].has(sent[0][2]) && heard[0].has(sent[1][2]));
    for (const g of gateways) expect(await health(g)).toEqual({ http: 200, body: { status: 'ok', database: 'up', redis: 'up' } });

    // The crash lands mid-burst, so publishes are in flight when Redis dies (the ones whose loss used to kill a replica).
    let bursting = true;
    const burst = Promise.all(
      [0, 1, 0, 1].map(async (i) => {
        while (bursting) {
          try {
            await ingest(gateways[i], 25);
          } catch (err) {
            failures.push(`${'ab'[i]} (burst): ${(err as Error).message}`);
          }
        }
      }),
    );
    await sleep(500);
    await redis.kill();
    await sleep(500);
    bursting = false;
    await burst;
    // While it stays down: both replicas alive, ingestion answering, local clients still hearing their replica.
    const outageFrom = sent.map((s) => s.length);
    await sleep(4_000);
    if (exits.some(Boolean) || failures.length) throw new Error(`a replica failed while Redis was down: ${failures.slice(0, 3).join('; ')}\n${logs()}`);
    for (const i of [0, 1]) expect(sent[i].length - outageFrom[i]).toBeGreaterThan(5);
    await until('both replicas report Redis degraded', async () => {
      const hs = await Promise.all(gateways.map(health));
      return hs.every((h) => h.http === 200 && h.body.status === 'degraded' && h.body.redis === 'down');
    });
    const duringOutage = sent.map((s, i) => s.slice(outageFrom[i]));
    await until('local delivery during the outage', () => duringOutage.every((ids, i) => ids.every((id) => heard[i].has(id))), 5_000);
    expect(sockets.every((s) => s.connected)).toBe(true);

    await redis.restart();
    await until('both replicas report Redis up', async () => {
      const hs = await Promise.all(gateways.map(health));
      return hs.every((h) => h.http === 200 && h.body.status === 'ok' && h.body.redis === 'up');
    });
    // After the restart: what each replica accepted while Redis was down reaches the other replica's client,
    // and new touchpoints cross again.
    await until('outage touchpoints delivered across replicas', () => duringOutage[0].every((id) => heard[1].has(id)) && duringOutage[1].every((id) => heard[0].has(id)));
    const after = sent.map((s) => s.length);
    await until('cross-replica delivery after the restart', () => sent[0].length > after[0] + 3 && sent[1].length > after[1] + 3 && heard[1].has(sent[0][after[0] + 2]) && heard[0].has(sent[1][after[1] + 2]));
  } finally {
    running = false;
    await traffic;
  }
  expect(failures).toEqual([]);
  expect(exits).toEqual([null, null]);
  // Nothing was heard twice (a replayed stream or a retried publish would show here).
  expect(heard.flatMap((h) => [...h.values()].filter((n) => n > 1))).toEqual([]);
}, 120_000);

import type { TypedDocument } from '@qihe/client';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startGateway, TEST_TOKEN_SECRET, type GatewayProcess } from '../e2e/support/gateway-process';
import { TEST_ORG } from '../support/gateway-app';
import { startRedis } from '../support/redis-server';
import { createTestDatabase } from '../support/test-database';
import { RECORD, touchpoint } from '../support/touchpoint-factory';
import { graphql } from '../__generated__/gateway';
import { LOGIN } from '../support/documents';

const ADD_UNIT = graphql(`mutation AddUnit($i: OrgUnitInput!) { upsertOrgUnit(input: $i) { id } }`);

// Two stateless gateway replicas on one PostgreSQL, their feeds joined through
// Redis: a client on replica B hears what replica A committed, once, and its
// rolling scores follow.

const dir = mkdtempSync(join(tmpdir(), 'qihe-replicas-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
let a: GatewayProcess;
let b: GatewayProcess;
let cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const redis = await startRedis();
  const db = await createTestDatabase();
  const env = { REDIS_URL: redis.url, QIHE_TOKEN_SECRET: TEST_TOKEN_SECRET };
  a = await startGateway({ databaseUrl: db.url, seedFile, env: { ...env, QIHE_DATA_DIR: join(dir, 'a') } });
  b = await startGateway({ databaseUrl: db.url, seedFile, env: { ...env, QIHE_DATA_DIR: join(dir, 'b') } });
  cleanup = [() => a.stop(), () => b.stop(), () => redis.stop(), () => db.drop()];
}, 90_000);

afterAll(async () => {
  for (const c of cleanup) await c();
  rmSync(dir, { recursive: true, force: true });
});

it('delivers touchpoints committed on one replica to feed clients of another, once, with scores following', async () => {
  const login = await fetch(`${a.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: String(LOGIN), variables: { u: 'exec', p: 'exec-password' } }),
  });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token; // a token from A works on B
  const socket: Socket = io(`${b.url}/feed`, { auth: { token }, transports: ['websocket'], reconnection: false });
  try {
    await new Promise<void>((res, rej) => socket.once('connect', () => res()).once('connect_error', rej));
    expect(await socket.timeout(5000).emitWithAck('subscribe', { unitId: 'bu-a' })).toEqual({ ok: true });
    const seen: string[] = [];
    const scores: number[] = [];
    socket.on('touchpoint', (e: { id: string }) => seen.push(e.id));
    socket.on('scores', (s: { touchpoints: number }) => scores.push(s.touchpoints));
    const items = [touchpoint({ occurredAt: new Date(Date.now() - 30_000).toISOString() }), touchpoint({ unitId: 'prj-a2', occurredAt: new Date(Date.now() - 30_000).toISOString() })];
    const res = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SITE_A}` },
      body: JSON.stringify({ query: RECORD, variables: { input: items } }),
    });
    expect(((await res.json()) as { data: { recordTouchpoints: { accepted: number } } }).data.recordTouchpoints.accepted).toBe(2);
    const deadline = Date.now() + 5000;
    while ((seen.length < 2 || !scores.includes(2)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(seen.sort()).toEqual(items.map((t) => t.id as string).sort());
    expect(scores).toContain(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toHaveLength(2);
  } finally {
    socket.disconnect();
  }
});

it('lets a replica accept touchpoints for a unit another replica has just added', async () => {
  const post = async (url: string, query: string | TypedDocument<unknown, never>, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: String(query), variables }),
    });
    return (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const admin = (await post(a.url, LOGIN, { u: 'admin', p: 'admin-password' }, '')).data.login.token as string;
  const added = await post(a.url, ADD_UNIT, { i: { id: 'prj-a3', name: 'Project A3', level: 'PROJECT', parentId: 'bu-a' } }, admin);
  expect(added.data.upsertOrgUnit.id).toBe('prj-a3');
  await new Promise((r) => setTimeout(r, 2100)); // past the replica's re-read guard
  const res = await post(b.url, RECORD, { input: [touchpoint({ unitId: 'prj-a3' })] }, SITE_A);
  expect(res.data.recordTouchpoints).toMatchObject({ accepted: 1, rejected: [] });
});

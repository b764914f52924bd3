import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { startGateway, type GatewayProcess } from '../e2e/support/gateway-process';
import { TEST_ORG } from '../support/gateway-app';
import { createTestDatabase } from '../support/test-database';
import type { TypedDocument } from '@qihe/client';
import { graphql } from '../__generated__/gateway';
import { LOGIN, REVOKE } from '../support/documents';

// Two gateway replicas (separate processes, nothing shared but PostgreSQL):
// what an ADMIN changes on one — a user's role, unit or password, or an
// explicit revocation — refuses that user's old tokens on the other at once,
// not when they expire 12 hours later.

type Gql = { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = mkdtempSync(join(tmpdir(), 'qihe-revocation-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
let a: GatewayProcess;
let b: GatewayProcess;
let db: { url: string; drop: () => Promise<void> };
let admin: string;

async function gql(gw: GatewayProcess, query: string | TypedDocument<unknown, never>, variables: Record<string, unknown> = {}, token?: string): Promise<Gql> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
  });
  return (await res.json()) as Gql;
}

async function login(gw: GatewayProcess, username: string, password: string): Promise<{ token: string; role: string; unitId: string }> {
  const res = await gql(gw, LOGIN, { u: username, p: password });
  if (!res.data?.login) throw new Error(`login ${username}: ${JSON.stringify(res.errors)}`);
  return res.data.login;
}

const UPSERT_USER = graphql(`mutation RevocationUpsertUser($i: UserInput!) { upsertUser(input: $i) { username role unitId } }`);
const ME = graphql(`query RevocationMe { me { role unitId } }`);
const BU_A = graphql(`query RevocationBuA { orgUnit(id: "bu-a") { id } }`);
const BU_B = graphql(`query RevocationBuB { orgUnit(id: "bu-b") { id } }`);
const codes = (res: Gql): string[] => (res.errors ?? []).map((e) => e.extensions?.code ?? '?');

/** Whether the feed of `gw` lets `token` connect. */
async function feedAccepts(gw: GatewayProcess, token: string): Promise<boolean> {
  const socket = io(`${gw.url}/feed`, { auth: { token }, transports: ['websocket'], reconnection: false });
  try {
    return await new Promise<boolean>((res) => socket.once('connect', () => res(true)).once('connect_error', () => res(false)));
  } finally {
    socket.disconnect();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startGateway({ databaseUrl: db.url, seedFile, env: { QIHE_DATA_DIR: join(dir, 'a') } });
  b = await startGateway({ databaseUrl: db.url, seedFile, env: { QIHE_DATA_DIR: join(dir, 'b') } });
  admin = (await login(a, 'admin', 'admin-password')).token;
}, 90_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('refuses a demoted unit head’s old token on the other replica at once, on GraphQL and the feed', async () => {
  const old = (await login(a, 'head.b', 'head-b-password')).token;
  expect((await gql(b, ME, {}, old)).data?.me).toEqual({ role: 'UNIT_HEAD', unitId: 'bu-b' });
  expect(await feedAccepts(b, old)).toBe(true);

  const demoted = await gql(a, UPSERT_USER, { i: { username: 'head.b', password: 'head-b-password', role: 'AGENT', unitId: 'prj-b1' } }, admin);
  expect(demoted.errors).toBeUndefined();

  // No waiting: the very next request on B is refused.
  expect(codes(await gql(b, BU_B, {}, old))).toEqual(['UNAUTHENTICATED']);
  expect((await gql(b, ME, {}, old)).data?.me).toBeNull();
  expect(await feedAccepts(b, old)).toBe(false);
  expect(codes(await gql(a, BU_B, {}, old))).toEqual(['UNAUTHENTICATED']);

  const fresh = await login(b, 'head.b', 'head-b-password');
  expect(fresh).toMatchObject({ role: 'AGENT', unitId: 'prj-b1' });
  expect(codes(await gql(a, BU_B, {}, fresh.token))).toEqual(['FORBIDDEN']);
});

it('refuses the old token after a move to another unit, and after a password change', async () => {
  const user = { username: 'mover', password: 'mover-password-1', role: 'UNIT_HEAD', unitId: 'bu-a' };
  expect((await gql(a, UPSERT_USER, { i: user }, admin)).errors).toBeUndefined();
  const first = (await login(b, user.username, user.password)).token;
  expect((await gql(b, BU_A, {}, first)).data?.orgUnit).toEqual({ id: 'bu-a' });

  expect((await gql(a, UPSERT_USER, { i: { ...user, unitId: 'bu-b' } }, admin)).errors).toBeUndefined();
  expect(codes(await gql(b, BU_A, {}, first))).toEqual(['UNAUTHENTICATED']);

  const second = (await login(b, user.username, user.password)).token;
  expect((await gql(a, ME, {}, second)).data?.me).toEqual({ role: 'UNIT_HEAD', unitId: 'bu-b' });
  expect((await gql(a, UPSERT_USER, { i: { ...user, unitId: 'bu-b', password: 'mover-password-2' } }, admin)).errors).toBeUndefined();
  expect((await gql(b, ME, {}, second)).data?.me).toBeNull();
  expect(codes(await gql(b, LOGIN, { u: 'mover', p: 'mover-password-1' }))).toEqual(['UNAUTHENTICATED']);
  expect((await login(b, user.username, 'mover-password-2')).role).toBe('UNIT_HEAD');
});

it('keeps tokens when upsertUser or a replica restart re-applies a user unchanged', async () => {
  const token = (await login(a, 'head.a', 'head-a-password')).token;
  const same = { username: 'head.a', password: 'head-a-password', role: 'UNIT_HEAD', unitId: 'bu-a' };
  expect((await gql(b, UPSERT_USER, { i: same }, admin)).errors).toBeUndefined();
  // A third replica starting on the same seed file applies it again: nothing changed, nothing revoked.
  const c = await startGateway({ databaseUrl: db.url, seedFile, env: { QIHE_DATA_DIR: join(dir, 'c') } });
  await c.stop();
  expect((await gql(b, ME, {}, token)).data?.me).toEqual({ role: 'UNIT_HEAD', unitId: 'bu-a' });
});

it('revokes a user’s tokens when a replica starts on a seed file that changes them', async () => {
  const token = (await login(a, 'exec', 'exec-password')).token;
  const other = (await login(a, 'agent.a1', 'agent-a1-password')).token;
  const changed = join(dir, 'changed-seed.json');
  const users = TEST_ORG.users.map((u) => (u.username === 'exec' ? { ...u, password: 'exec-password-rotated' } : u));
  writeFileSync(changed, JSON.stringify({ ...TEST_ORG, users }));
  const c = await startGateway({ databaseUrl: db.url, seedFile: changed, env: { QIHE_DATA_DIR: join(dir, 'c2') } });
  try {
    expect(c.output()).toMatch(/tokens revoked for [^(]*\bexec\b/);
  } finally {
    await c.stop();
  }
  expect((await gql(b, ME, {}, token)).data?.me).toBeNull();
  expect((await gql(b, ME, {}, other)).data?.me).toEqual({ role: 'AGENT', unitId: 'prj-a1' }); // only the changed user
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    const { rows } = await pg.query(`SELECT actor_kind, target, details FROM audit_log WHERE action = 'TOKENS_REVOKED' AND actor_kind = 'SYSTEM'`);
    expect(rows).toContainEqual({ actor_kind: 'SYSTEM', target: 'exec', details: { reason: 'role, unit or password changed by the bootstrap file', source: changed } });
    expect(rows.filter((r) => r.target === 'agent.a1')).toEqual([]);
  } finally {
    await pg.end();
  }
});

it('lets a user revoke their own tokens (sign out everywhere) and an ADMIN anyone’s', async () => {
  const one = (await login(a, 'agent.a1', 'agent-a1-password')).token;
  const two = (await login(b, 'agent.a1', 'agent-a1-password')).token;
  expect(codes(await gql(b, REVOKE, { u: 'head.a' }, one))).toEqual(['FORBIDDEN']);
  expect((await gql(b, REVOKE, { u: 'agent.a1' }, one)).data?.revokeTokens).toBe(true);
  expect((await gql(a, ME, {}, one)).data?.me).toBeNull();
  expect((await gql(a, ME, {}, two)).data?.me).toBeNull();
  expect(codes(await gql(a, REVOKE, { u: 'agent.a1' }, two))).toEqual(['UNAUTHENTICATED']);

  const three = (await login(a, 'agent.a1', 'agent-a1-password')).token;
  expect((await gql(a, ME, {}, three)).data?.me).toEqual({ role: 'AGENT', unitId: 'prj-a1' });
  expect((await gql(a, REVOKE, { u: 'agent.a1' }, admin)).data?.revokeTokens).toBe(true);
  expect((await gql(b, ME, {}, three)).data?.me).toBeNull();
  expect(codes(await gql(a, REVOKE, { u: 'nobody-at-all' }, admin))).toEqual(['NOT_FOUND']);
});

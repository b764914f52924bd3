import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocument } from '@qihe/client';
import { loadGatewayConfig, type GatewayConfig } from '@qihe/server';
import { startGateway } from '../../apps/gateway/src/main';
import { createTestDatabase } from './test-database';

export interface TestGateway {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  config: GatewayConfig;
  /**
   * POSTs a GraphQL operation; returns the parsed body (data and errors). A
   * generated document (`graphql(…)`) types the data; variables stay open, as
   * tests also send wrong ones on purpose.
   */
  gql<T = Record<string, unknown>>(query: string | TypedDocument<T, never>, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export interface GqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A GraphQL POST to `gw` with its HTTP status and parsed body, for comparing two gateways' answers whole. */
export async function postGraphql(gw: TestGateway, query: string, variables: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * The real gateway, in this process, on a fresh database of the test cluster
 * and a random port. `seed` is written to a temp file and given as QIHE_SEED_FILE.
 */
export async function startTestGateway(seed: unknown, env: Record<string, string> = {}): Promise<TestGateway> {
  const db = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'qihe-gw-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const config = loadGatewayConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    QIHE_DATA_DIR: dir,
    QIHE_SEED_FILE: seedFile,
    QIHE_TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123',
    NODE_ENV: 'test',
    ...env,
  });
  const app = await startGateway(config, { quiet: true });
  const addr = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    app,
    url,
    databaseUrl: db.url,
    config,
    async gql<T>(query: string | TypedDocument<T, never>, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: String(query), variables }),
      });
      return (await res.json()) as GqlResponse<T>;
    },
    async close() {
      await app.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small org for tests: a group, two business units with two projects each, a user of every role, site keys. */
export const TEST_ORG = {
  units: [
    { id: 'group', name: 'Test Group', level: 'GROUP' },
    { id: 'bu-a', name: 'BU A', level: 'BUSINESS_UNIT', parentId: 'group', region: 'East', industry: 'Energy' },
    { id: 'bu-b', name: 'BU B', level: 'BUSINESS_UNIT', parentId: 'group', region: 'West', industry: 'Transport' },
    { id: 'prj-a1', name: 'Project A1', level: 'PROJECT', parentId: 'bu-a', region: 'East', industry: 'Energy' },
    { id: 'prj-a2', name: 'Project A2', level: 'PROJECT', parentId: 'bu-a', region: 'North', industry: 'Energy' },
    { id: 'prj-b1', name: 'Project B1', level: 'PROJECT', parentId: 'bu-b', region: 'West', industry: 'Transport' },
    { id: 'prj-b2', name: 'Project B2', level: 'PROJECT', parentId: 'bu-b', region: 'South', industry: 'Transport' },
  ],
  users: [
    { username: 'admin', password: 'admin-password', role: 'ADMIN', unitId: 'group' },
    { username: 'exec', password: 'exec-password', role: 'EXECUTIVE', unitId: 'group' },
    { username: 'head.a', password: 'head-a-password', role: 'UNIT_HEAD', unitId: 'bu-a' },
    { username: 'head.b', password: 'head-b-password', role: 'UNIT_HEAD', unitId: 'bu-b' },
    { username: 'agent.a1', password: 'agent-a1-password', role: 'AGENT', unitId: 'prj-a1' },
  ],
  sites: [
    { id: 'site-group', unitId: 'group', key: 'site-group-key-0123456789abcdef' },
    { id: 'site-a', unitId: 'bu-a', key: 'site-a-key-0123456789abcdef0123' },
    { id: 'site-b', unitId: 'bu-b', key: 'site-b-key-0123456789abcdef0123' },
    { id: 'site-a1', unitId: 'prj-a1', key: 'site-a1-key-0123456789abcdef012' },
  ],
};

import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TypedDocument } from '@qihe/client';
import { loadGatewayConfig } from '@qihe/server';
import { startGateway } from '../../../apps/gateway/src/main';
import { loadSiteConfig, startSite } from '../../../apps/site/src/main';
import { siteGraphql } from '../../__generated__/site';
import type { LocalFieldsFragment, SiteStatusQuery } from '../../__generated__/site/graphql';
import { TEST_ORG } from '../../support/gateway-app';
import { freePort } from '../../support/postgres-cluster';
import { createTestDatabase } from '../../support/test-database';

export interface Gql<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** A query as text, or a generated document (`graphql(…)`, `siteGraphql(…)`) that types the data. */
export type Doc<T> = string | TypedDocument<T, never>;

export async function gqlAt<T = Record<string, unknown>>(url: string, query: Doc<T>, variables?: Record<string, unknown>, token?: string): Promise<Gql<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
  });
  return (await res.json()) as Gql<T>;
}

/** Polls until `check` returns a value (not undefined/false) or fails with the last value seen. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The real gateway, in this process, on one database and one fixed port, that
 * can be taken down and brought back: what a site sees when its link drops.
 */
export class SwitchableGateway {
  private app: INestApplication | null = null;

  private constructor(
    readonly port: number,
    readonly databaseUrl: string,
    private readonly dir: string,
    private readonly dropDb: () => Promise<void>,
  ) {}

  /** `seed`: the bootstrap file (default TEST_ORG; add `commitments` for a catalogue). */
  static async create(seed: object = TEST_ORG): Promise<SwitchableGateway> {
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'qihe-site-gw-'));
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(seed));
    return new SwitchableGateway(await freePort(), db.url, dir, db.drop);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    if (this.app) return;
    const config = loadGatewayConfig({
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATABASE_URL: this.databaseUrl,
      QIHE_DATA_DIR: this.dir,
      QIHE_SEED_FILE: join(this.dir, 'seed.json'),
      QIHE_TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123',
      NODE_ENV: 'test',
    });
    this.app = await startGateway(config, { quiet: true });
  }

  async down(): Promise<void> {
    const app = this.app;
    this.app = null;
    await app?.close();
  }

  gql<T = Record<string, unknown>>(query: Doc<T>, variables?: Record<string, unknown>, token?: string): Promise<Gql<T>> {
    return gqlAt<T>(this.url, query, variables, token);
  }

  /** Reads the gateway's own database (what it really stored). */
  async sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.databaseUrl });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  async destroy(): Promise<void> {
    await this.down();
    await this.dropDb();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a') as { id: string; unitId: string; key: string };

/** A site of TEST_ORG's BU A, in this process, with fast retries; restartable on the same database and data dir. */
export class TestSite {
  private app: INestApplication | null = null;
  url = '';

  private constructor(
    readonly gatewayUrl: string,
    readonly databaseUrl: string,
    readonly dataDir: string,
    private readonly dropDb: () => Promise<void>,
    private readonly env: Record<string, string>,
  ) {}

  /** `env`: more settings (or other values) for the site. */
  static async start(gatewayUrl: string, env: Record<string, string> = {}): Promise<TestSite> {
    const db = await createTestDatabase();
    const site = new TestSite(gatewayUrl, db.url, mkdtempSync(join(tmpdir(), 'qihe-site-')), db.drop, env);
    await site.restart();
    return site;
  }

  async restart(): Promise<void> {
    await this.stop();
    const config = loadSiteConfig({
      SITE_ID: SITE_A.id,
      UNIT_ID: SITE_A.unitId,
      GATEWAY_URL: this.gatewayUrl,
      SITE_KEY: SITE_A.key,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: this.databaseUrl,
      SITE_DATA_DIR: this.dataDir, // the token secret is kept here across restarts
      NODE_ENV: 'test',
      SITE_POLL_MS: '100',
      SITE_BACKOFF_BASE_MS: '50',
      SITE_BACKOFF_MAX_MS: '300',
      SITE_GATEWAY_TIMEOUT_MS: '3000',
      SITE_HEARTBEAT_MS: '300',
      ...this.env,
    });
    this.app = await startSite(config, { quiet: true });
    const addr = this.app.getHttpServer().address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    await app?.close();
  }

  /** The running Nest application (to reach its providers, e.g. the built schema). */
  get nest(): INestApplication {
    if (!this.app) throw new Error('the site is not running');
    return this.app;
  }

  gql<T = Record<string, unknown>>(query: Doc<T>, variables?: Record<string, unknown>, token?: string): Promise<Gql<T>> {
    return gqlAt<T>(this.url, query, variables, token);
  }

  /** Reads the site's own database (its outbox). */
  async sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.databaseUrl });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  async login(username: string, password: string): Promise<string> {
    const res = await this.gql(SITE_LOGIN, { u: username, p: password });
    if (!res.data?.login) throw new Error(`login of ${username} failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  }

  async status(token: string): Promise<SiteStatus> {
    const res = await this.gql(STATUS, {}, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.siteStatus;
  }

  async destroy(): Promise<void> {
    await this.stop();
    await this.dropDb();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export type SiteStatus = SiteStatusQuery['siteStatus'];
export type LocalTouchpoint = LocalFieldsFragment;

// The site's agent API as the tests call it (libs/contracts/src/site-api.graphql).

export const SITE_LOGIN = siteGraphql(`mutation SiteLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);

export const STATUS = siteGraphql(`
  query SiteStatus {
    siteStatus { siteId unitId gatewayUrl gatewayReachable backlog oldestPendingAgeSeconds lastSuccessAt lastError lastErrorAt deadLetters forwarded }
  }
`);

export const LOCAL_FIELDS = siteGraphql(`
  fragment LocalFields on LocalTouchpoint {
    id unitId agentId customerId channel kind stage occurredAt acceptedAt needCategory needDescription serviceAction resolved
    satisfaction { score comment state } state forwardedAt error
  }
`);

export const LOG_ONE = siteGraphql(`mutation LogOne($input: SiteTouchpointInput!) { logTouchpoint(input: $input) { ...LocalFields } }`);
export const LOG_MANY = siteGraphql(`mutation LogMany($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { ...LocalFields } }`);
export const RATE_LOCAL = siteGraphql(`mutation RateLocal($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { ...LocalFields } }`);
export const TOUCHPOINT = siteGraphql(`query LocalTouchpoint($id: ID!) { touchpoint(id: $id) { ...LocalFields } }`);
export const MINE = siteGraphql(`query Mine($first: Int) { myTouchpoints(first: $first) { ...LocalFields } }`);
export const DEAD_LETTERS = siteGraphql(`query DeadLetters { deadLetters { id kind touchpointId code message payload at } }`);

/** A short flow as an agent's console sends it: no id, unit or time (the site fills them in). */
export function agentFlow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerId: 'cust-1',
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    need: { category: 'FAULT', description: 'meter offline' },
    service: { action: 'remote reset', handleSeconds: 240, resolved: true, firstContact: true, knowledgeRefs: ['KB-1'] },
    ...overrides,
  };
}

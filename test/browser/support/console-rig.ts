import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startService, type ServiceProcess } from '../../../tools/traffic/src/demo/service-process';
import { freePort, startGateway, TEST_TOKEN_SECRET, type GatewayProcess } from '../../e2e/support/gateway-process';
import { createTestDatabase } from '../../support/test-database';
import type { TypedDocument } from '@qihe/client';
import { LOGIN } from '../../support/documents';

// The processes behind the browser tests: the built gateway (with the demo
// organisation) and one site, each on its own database in the run's PostgreSQL
// cluster. The gateway can be stopped and started again on the same port and
// database while the site keeps running.

export const DEMO_SEED_FILE = resolve(__dirname, '../../../infra/seed/demo-org.json');
const SITE_MAIN = resolve(__dirname, '../../../dist/apps/site/src/main.js');
const CONSOLE_INDEX = resolve(__dirname, '../../../dist/apps/console/index.html');

export interface DemoSeed {
  units: { id: string; parentId?: string | null }[];
  users: { username: string; password: string; role: string; unitId: string }[];
  sites: { id: string; unitId: string; key: string }[];
}

export const demoSeed = (): DemoSeed => JSON.parse(readFileSync(DEMO_SEED_FILE, 'utf8')) as DemoSeed;

export class ConsoleRig {
  readonly dir = mkdtempSync(join(tmpdir(), 'qihe-browser-'));
  gateway!: GatewayProcess;
  site!: ServiceProcess;
  gatewayPort = 0;
  private gatewayDb!: { url: string; drop: () => Promise<void> };
  private siteDb!: { url: string; drop: () => Promise<void> };

  /** `gatewayEnv`: more settings for the gateway (e.g. a quicker risk check). */
  constructor(
    private readonly siteSpec: { id: string; unitId: string; key: string },
    private readonly gatewayEnv: Record<string, string> = {},
  ) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.gatewayPort}`;
  }

  async start(): Promise<void> {
    if (!existsSync(CONSOLE_INDEX) || !existsSync(SITE_MAIN)) {
      throw new Error(`${CONSOLE_INDEX} or ${SITE_MAIN} is missing: run \`npm run build\` before the browser tests`);
    }
    [this.gatewayDb, this.siteDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    this.gatewayPort = await freePort();
    await this.startGateway();
    await this.startSite();
  }

  /** Starts (or restarts) the gateway on the same port, database and data dir. */
  async startGateway(): Promise<void> {
    this.gateway = await startGateway({
      databaseUrl: this.gatewayDb.url,
      seedFile: DEMO_SEED_FILE,
      env: { PORT: String(this.gatewayPort), QIHE_DATA_DIR: join(this.dir, 'gateway'), QIHE_DB_POOL_SIZE: '4', ...this.gatewayEnv },
      startTimeoutMs: 60_000,
    });
  }

  /** SIGTERM, the way an operator stops it; resolves once the process is gone. */
  async stopGateway(): Promise<void> {
    await this.gateway.stop();
  }

  private async startSite(): Promise<void> {
    const spec = this.siteSpec;
    this.site = await startService({
      name: spec.id,
      main: SITE_MAIN,
      port: await freePort(),
      env: {
        NODE_ENV: 'test',
        SITE_ID: spec.id,
        UNIT_ID: spec.unitId,
        SITE_KEY: spec.key,
        GATEWAY_URL: this.gatewayUrl,
        DATABASE_URL: this.siteDb.url,
        SITE_DATA_DIR: join(this.dir, spec.id),
        SITE_TOKEN_SECRET: TEST_TOKEN_SECRET,
        // Quick to notice the gateway going and coming back, so the test needs no long waits.
        SITE_HEARTBEAT_MS: '1000',
        SITE_BACKOFF_BASE_MS: '200',
        SITE_BACKOFF_MAX_MS: '1500',
        SITE_GATEWAY_TIMEOUT_MS: '3000',
      },
      echo: process.env.QIHE_BROWSER_VERBOSE === '1' ? (line) => process.stderr.write(`${line}\n`) : undefined,
    });
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.site?.stop(), this.gateway?.stop()]);
    await Promise.allSettled([this.gatewayDb?.drop(), this.siteDb?.drop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A GraphQL call; errors come back as values so refusals can be asserted. */
export async function gql<T>(
  url: string,
  query: string | TypedDocument<T, never>,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
    // Generous: the browser tests share the machine with builds and benches.
    signal: AbortSignal.timeout(30_000),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function loginToken(url: string, username: string, password: string): Promise<string> {
  const r = await gql(url, LOGIN, { u: username, p: password });
  if (!r.data) throw new Error(`login of ${username} at ${url} failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.token;
}

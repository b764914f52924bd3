import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, initCluster, runCluster, startCluster, type PgCluster } from '../../support/postgres-cluster';
import { startGateway, TEST_TOKEN_SECRET, type GatewayProcess } from '../../e2e/support/gateway-process';
import { startService, type ServiceProcess } from '../../../tools/traffic/src/demo/service-process';
import { TcpProxy } from './tcp-proxy';

// Real processes for the fault test: the gateway's PostgreSQL (killable and
// restartable on the same data), the gateway, a proxy that can cut the link,
// and sites with their own PostgreSQL databases.

export const SITE_MAIN = resolve(__dirname, '../../../dist/apps/site/src/main.js');

export interface SiteSpec {
  id: string;
  unitId: string;
  key: string;
}

export class FaultRig {
  readonly dir = mkdtempSync(join(tmpdir(), 'qihe-faults-'));
  gatewayPg!: PgCluster;
  sitePg!: PgCluster;
  gatewayDbUrl!: string;
  gateway!: GatewayProcess;
  gatewayPort = 0;
  proxy!: TcpProxy;
  readonly sites = new Map<string, { spec: SiteSpec; port: number; dbUrl: string; proc: ServiceProcess }>();
  private pgPort = 0;
  private pgDataDir = '';
  private seedFile = '';

  async start(seed: unknown): Promise<void> {
    this.seedFile = join(this.dir, 'seed.json');
    writeFileSync(this.seedFile, JSON.stringify(seed));
    this.pgPort = await freePort();
    this.pgDataDir = initCluster({ dataDir: mkdtempSync(join(tmpdir(), 'qihe-faults-pg-')) }).dataDir;
    this.gatewayPg = await runCluster(this.pgDataDir, this.pgPort);
    this.gatewayDbUrl = this.gatewayPg.url.replace(/\/postgres$/, '/qihe');
    await adminQuery(this.gatewayPg.url, 'CREATE DATABASE qihe');
    this.sitePg = await startCluster();
    this.gatewayPort = await freePort();
    await this.startGateway();
    this.proxy = new TcpProxy(this.gatewayPort);
    await this.proxy.start();
  }

  async startGateway(): Promise<void> {
    this.gateway = await startGateway({
      databaseUrl: this.gatewayDbUrl,
      seedFile: this.seedFile,
      env: { PORT: String(this.gatewayPort), QIHE_DATA_DIR: join(this.dir, 'gateway'), QIHE_DB_POOL_SIZE: '6' },
      startTimeoutMs: 60_000,
    });
  }

  async addSite(spec: SiteSpec): Promise<void> {
    const name = spec.id.replace(/[^a-z0-9]/gi, '_');
    await adminQuery(this.sitePg.url, `CREATE DATABASE ${name}`);
    const entry = { spec, port: await freePort(), dbUrl: this.sitePg.url.replace(/\/postgres$/, `/${name}`), proc: undefined as unknown as ServiceProcess };
    this.sites.set(spec.id, entry);
    await this.startSite(spec.id);
  }

  async startSite(id: string): Promise<void> {
    const s = this.sites.get(id)!;
    s.proc = await startService({
      name: id,
      main: SITE_MAIN,
      port: s.port,
      env: {
        NODE_ENV: 'test',
        SITE_ID: id,
        UNIT_ID: s.spec.unitId,
        SITE_KEY: s.spec.key,
        GATEWAY_URL: `http://127.0.0.1:${this.proxy.port}`,
        DATABASE_URL: s.dbUrl,
        SITE_DATA_DIR: join(this.dir, id),
        SITE_BACKOFF_BASE_MS: '200',
        SITE_BACKOFF_MAX_MS: '2000',
        SITE_GATEWAY_TIMEOUT_MS: '5000',
        SITE_TOKEN_SECRET: TEST_TOKEN_SECRET,
      },
      echo: process.env.QIHE_FAULTS_VERBOSE === '1' ? (l) => process.stderr.write(`${l}\n`) : undefined,
    });
  }

  siteUrl(id: string): string {
    return `http://127.0.0.1:${this.sites.get(id)!.port}`;
  }

  async killSite(id: string): Promise<void> {
    const child = this.sites.get(id)!.proc.child;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async killGatewayPg(): Promise<void> {
    const exited = new Promise((r) => this.gatewayPg.process.once('exit', r));
    this.gatewayPg.process.kill('SIGKILL');
    await exited;
  }

  async restartGatewayPg(): Promise<void> {
    // A SIGKILLed postmaster leaves children behind for a moment; runCluster waits until it accepts connections.
    for (let attempt = 1; ; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      try {
        this.gatewayPg = await runCluster(this.pgDataDir, this.pgPort);
        return;
      } catch (err) {
        if (attempt >= 20) throw err;
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.sites.values()].map((s) => s.proc?.stop()));
    await this.gateway?.stop().catch(() => undefined);
    await this.proxy?.stop();
    await this.gatewayPg?.stop();
    await this.sitePg?.stop();
  }
}

export async function adminQuery<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

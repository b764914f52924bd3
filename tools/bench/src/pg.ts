import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Client } from 'pg';
import { freePort, initCluster, runCluster, startCluster, type PgCluster } from '../../../test/support/postgres-cluster';

// The benchmark's PostgreSQL: a throwaway cluster with durable settings
// (fsync on, synchronous_commit on), one database for the gateway.

export const PSQL = [process.env.QIHE_PSQL, '/usr/lib/postgresql/15/bin/psql', '/usr/bin/psql'].find((p): p is string => !!p && existsSync(p)) ?? 'psql';

export interface BenchDatabase {
  cluster: PgCluster;
  url: string;
  stop(): Promise<void>;
}

/**
 * The bench's cluster: throwaway, or (`dataDir`) one kept between runs, so that
 * a 10M-row set is loaded once and measured many times (made there if absent).
 */
export async function startBenchDatabase(extraConf?: string, dataDir?: string): Promise<BenchDatabase> {
  const conf = extraConf?.replace(/;\s*/g, '\n');
  let cluster: PgCluster;
  if (dataDir) {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      mkdirSync(dataDir, { recursive: true });
      initCluster({ durable: true, dataDir, extraConf: conf });
    }
    cluster = await runCluster(dataDir, await freePort());
  } else {
    cluster = await startCluster({ durable: true, extraConf: conf });
  }
  const admin = new Client({ connectionString: cluster.url });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'qihe_bench'`);
  if (!rowCount) await admin.query('CREATE DATABASE qihe_bench');
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, '/qihe_bench');
  return { cluster, url, stop: () => cluster.stop() };
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url, application_name: 'qihe-bench' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * COPY … FROM STDIN through psql, fed from a CSV file or a stream. Resolves
 * with psql's wall time (start to exit: connect, copy, commit).
 */
export function psqlCopy(url: string, table: string, columns: readonly string[], source: string | Readable): Promise<number> {
  const started = process.hrtime.bigint();
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  const child = spawn(PSQL, [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
  const input = typeof source === 'string' ? createReadStream(source) : source;
  input.pipe(child.stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(Number(process.hrtime.bigint() - started) / 1e6);
      else reject(new Error(`psql COPY into ${table} failed (exit ${code}): ${err}`));
    });
  });
}

export const SETTINGS = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers', 'work_mem', 'max_wal_size', 'checkpoint_timeout', 'effective_cache_size'];

export async function pgSettings(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1)`,
      [SETTINGS],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  });
}

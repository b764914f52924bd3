import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway PostgreSQL 15 cluster from the system's server binaries, for
// tests and benchmarks. As root it runs as the `postgres` system user, since
// PostgreSQL refuses to run as root.

export const PG_BIN = process.env.QIHE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  url: string; // superuser URL of the `postgres` database
  port: number;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function systemUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export interface ClusterOptions {
  /** Durable settings (fsync on) for benchmarks; tests trade durability for speed. */
  durable?: boolean;
  port?: number;
  dataDir?: string;
  extraConf?: string;
}

export function initCluster(opts: ClusterOptions = {}): { dataDir: string; uid?: number; gid?: number } {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL server binaries not found in ${PG_BIN}: install postgresql-15 (apt-get install postgresql-15) or set QIHE_PG_BIN`);
  }
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'qihe-pg-'));
  const ids = asRoot ? systemUser() : undefined;
  if (ids) chownSync(dataDir, ids.uid, ids.gid);
  execFileSync(join(PG_BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], {
    stdio: 'pipe',
    uid: ids?.uid,
    gid: ids?.gid,
  });
  const conf = [
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dataDir}'`,
    'max_connections = 200',
    'shared_buffers = 256MB',
    opts.durable ? 'fsync = on' : 'fsync = off',
    opts.durable ? 'full_page_writes = on' : 'full_page_writes = off',
    'synchronous_commit = on',
    'log_min_messages = warning',
    opts.extraConf ?? '',
  ].join('\n');
  writeFileSync(join(dataDir, 'postgresql.auto.conf'), conf + '\n');
  if (ids) chownSync(join(dataDir, 'postgresql.auto.conf'), ids.uid, ids.gid);
  return { dataDir, uid: ids?.uid, gid: ids?.gid };
}

/** Starts `postgres` on an initialised data dir and waits until it accepts connections. */
export async function runCluster(dataDir: string, port: number): Promise<PgCluster> {
  const ids = asRoot ? systemUser() : undefined;
  const child = spawn(join(PG_BIN, 'postgres'), ['-D', dataDir, '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    uid: ids?.uid,
    gid: ids?.gid,
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log = (log + d.toString()).slice(-4000);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log}`);
    try {
      execFileSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'], { stdio: 'ignore' });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`postgres did not become ready on port ${port}:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGINT'); // fast shutdown
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  return { url, port, dataDir, process: child, stop };
}

export async function startCluster(opts: ClusterOptions = {}): Promise<PgCluster> {
  const { dataDir } = initCluster(opts);
  const cluster = await runCluster(dataDir, opts.port ?? (await freePort()));
  const stop = cluster.stop;
  return {
    ...cluster,
    stop: async () => {
      await stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

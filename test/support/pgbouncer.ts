import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asRoot, freePort, systemUser } from './postgres-cluster';

// A throwaway pgbouncer on loopback (Debian's pgbouncer package), in front of
// test clusters. It runs with its defaults for what a client may send at
// startup: no `ignore_startup_parameters`, so a client that puts `options`
// (or any parameter pgbouncer does not track) in its startup packet is refused,
// as a stock pgbouncer refuses it.

export const PGBOUNCER = process.env.QIHE_PGBOUNCER ?? '/usr/sbin/pgbouncer';

export interface Pgbouncer {
  port: number;
  /** The client URL of one of its databases. */
  url(database: string): string;
  /** pgbouncer's own log (warnings name refused startup parameters). */
  log(): string;
  stop(): Promise<void>;
}

export interface PgbouncerOptions {
  /** Database name (as clients see it) → the server URL it pools. */
  databases: Record<string, string>;
  poolMode?: 'session' | 'transaction' | 'statement';
  /** Server connections per database and user. */
  poolSize?: number;
  /** Hand out idle server connections first-in first-out (`server_round_robin`): a client's consecutive transactions land on different server connections. */
  roundRobin?: boolean;
}

export async function startPgbouncer(opts: PgbouncerOptions): Promise<Pgbouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error(`pgbouncer not found at ${PGBOUNCER}: apt-get install pgbouncer (tools/scripts/ensure-system.sh does) or set QIHE_PGBOUNCER`);
  const dir = mkdtempSync(join(tmpdir(), 'qihe-pgbouncer-'));
  const port = await freePort();
  const dbs = Object.entries(opts.databases).map(([name, url]) => {
    const u = new URL(url);
    return `${name} = host=${u.hostname} port=${u.port} dbname=${u.pathname.slice(1)} user=${decodeURIComponent(u.username)}`;
  });
  const logFile = join(dir, 'pgbouncer.log');
  const ini = [
    '[databases]',
    ...dbs,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    "unix_socket_dir = ''",
    'auth_type = trust',
    `auth_file = ${join(dir, 'users.txt')}`,
    `pool_mode = ${opts.poolMode ?? 'transaction'}`,
    `default_pool_size = ${opts.poolSize ?? 4}`,
    'max_client_conn = 200',
    `server_round_robin = ${opts.roundRobin ? 1 : 0}`,
    `logfile = ${logFile}`,
    'admin_users = postgres',
  ].join('\n');
  writeFileSync(join(dir, 'pgbouncer.ini'), ini + '\n');
  writeFileSync(join(dir, 'users.txt'), '"postgres" ""\n');
  const ids = asRoot ? systemUser() : undefined;
  if (ids) for (const f of ['', 'pgbouncer.ini', 'users.txt']) chownSync(join(dir, f), ids.uid, ids.gid);
  // pgbouncer refuses to run as root: -u drops to the postgres system user.
  const child: ChildProcess = spawn(PGBOUNCER, [...(ids ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const log = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '') + stderr;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}:\n${log()}`);
    if (await listening(port)) break;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createConnection(port, '127.0.0.1', () => {
      s.end();
      res(true);
    });
    s.on('error', () => res(false));
  });
}

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { withClient } from './pg';
import { PEER_TABLE } from './peer-server';

// Starts the peer of issue 16 (peer-server.ts) as its own process on the
// bench's PostgreSQL, with a bare copy of `touchpoint` (its columns and
// defaults, only the primary key that ON CONFLICT needs).

export interface Peer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startPeer(dbUrl: string): Promise<Peer> {
  await withClient(dbUrl, async (c) => {
    await c.query(`DROP TABLE IF EXISTS ${PEER_TABLE}`);
    await c.query(`CREATE TABLE ${PEER_TABLE} (LIKE touchpoint INCLUDING DEFAULTS)`);
    await c.query(`ALTER TABLE ${PEER_TABLE} ADD PRIMARY KEY (id)`);
  });
  const child = spawn(process.execPath, [resolve(__dirname, 'peer-server.js')], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: dbUrl, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`the peer did not start: ${out}`)), 60_000);
    const seen = (d: Buffer): void => {
      out += d.toString();
      const m = /peer listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => rej(new Error(`the peer exited (${code}): ${out}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    pid: child.pid ?? -1,
    stop: async () => {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
      await withClient(dbUrl, (c) => c.query(`DROP TABLE IF EXISTS ${PEER_TABLE}`));
    },
  };
}

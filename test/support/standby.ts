import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { asRoot, freePort, PG_BIN, runCluster, systemUser, type PgCluster } from './postgres-cluster';

// A streaming-replication hot standby of a test cluster, on loopback:
// pg_basebackup -R copies the primary and writes primary_conninfo and
// standby.signal, so the copy starts as a standby that replays the primary's WAL.

export async function startStandby(primary: PgCluster): Promise<PgCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qihe-standby-'));
  const ids = asRoot ? systemUser() : undefined;
  if (ids) chownSync(dataDir, ids.uid, ids.gid);
  execFileSync(join(PG_BIN, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast'], {
    stdio: 'pipe',
    uid: ids?.uid,
    gid: ids?.gid,
  });
  return runCluster(dataDir, await freePort());
}

/** Waits until the standby has replayed everything the primary has written so far. */
export async function waitForReplay(primaryUrl: string, standbyUrl: string, timeoutMs = 20_000): Promise<void> {
  const p = new Client({ connectionString: primaryUrl });
  const s = new Client({ connectionString: standbyUrl });
  await p.connect();
  await s.connect();
  try {
    const [{ lsn }] = (await p.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ done }] = (await s.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn])).rows;
      if (done) return;
      if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await p.end();
    await s.end();
  }
}

/** Runs one statement on a cluster and returns its rows. */
export async function sql<T extends object>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

import { startCluster, type PgCluster } from '../../../test/support/postgres-cluster';
import { withClient } from './pg';
import { currentLsn, holdWal, walByTable, walDuring } from './wal-by-table';

// The bench reads a phase's WAL by table with pg_waldump after the phase. A phase that writes more WAL than
// max_wal_size between checkpoints used to lose its first segments before the dump ("could not find file": the
// 100,000-touchpoint rounds into the 10 M set). holdWal keeps them with a slot until it is released.

jest.setTimeout(120_000);

let pg: PgCluster;
beforeAll(async () => {
  // The smallest max_wal_size: a checkpoint every two segments (32 MB).
  pg = await startCluster({ durable: true, extraConf: 'max_wal_size = 32MB\nmin_wal_size = 32MB' });
  await withClient(pg.url, (c) => c.query('CREATE TABLE w (id int PRIMARY KEY, pad text)'));
});
afterAll(() => pg?.stop());

/** About 90 MB of WAL in rows of w, with checkpoints between: more than max_wal_size keeps. */
const writeMuch = (from: number): Promise<void> =>
  withClient(pg.url, async (c) => {
    for (let i = 0; i < 6; i++) {
      await c.query(`INSERT INTO w SELECT g, repeat('x', 900) FROM generate_series($1::int, $2::int) g`, [from + i * 15_000, from + i * 15_000 + 14_999]);
      await c.query('CHECKPOINT');
    }
  });

const slots = (): Promise<number> => withClient(pg.url, async (c) => Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_replication_slots')).rows[0].n));

describe('the WAL of a long phase, read by table', () => {
  it('is lost to recycling without a hold', async () => {
    const start = await currentLsn(pg.url);
    await writeMuch(1);
    await expect(walByTable(pg.url, pg.dataDir, start, await currentLsn(pg.url), 90_000)).rejects.toThrow(/pg_waldump exited/);
  });

  it('is read whole while held: every row counted, then the hold is gone', async () => {
    const held = await holdWal(pg.url);
    try {
      await writeMuch(1_000_001);
      const wal = await walByTable(pg.url, pg.dataDir, held.lsn, await currentLsn(pg.url), 90_000);
      const heap = wal.lines.find((l) => l.table === 'w' && l.part === 'heap');
      expect(heap?.rowsPerTouchpoint).toBe(1);
      expect(wal.lines.find((l) => l.table === 'w' && l.part === 'index w_pkey')?.bytesPerTouchpoint).toBeGreaterThan(0);
      expect(await slots()).toBe(1);
    } finally {
      await held.release();
    }
    expect(await slots()).toBe(0);
  });

  it('walDuring reads the span of its work, releases the hold when the work fails, and only runs it without a data dir', async () => {
    const { value, wal } = await walDuring(pg.url, pg.dataDir, () => writeMuch(2_000_001).then(() => 'done'), () => 90_000);
    expect(value).toBe('done');
    expect(wal?.lines.find((l) => l.table === 'w' && l.part === 'heap')?.rowsPerTouchpoint).toBe(1);
    await expect(walDuring(pg.url, pg.dataDir, () => Promise.reject(new Error('work failed')), () => 1)).rejects.toThrow('work failed');
    expect(await slots()).toBe(0);
    expect(await walDuring(pg.url, null, async () => 7, () => 1)).toEqual({ value: 7, wal: null });
  });

  it("drops a hold left by a bench that died (another process's), not one of its own", async () => {
    await withClient(pg.url, (c) => c.query(`SELECT pg_create_physical_replication_slot('qihe_bench_wal_999999999_1', true)`));
    const first = await holdWal(pg.url);
    const second = await holdWal(pg.url);
    try {
      const names = await withClient(pg.url, async (c) => (await c.query<{ slot_name: string }>('SELECT slot_name FROM pg_replication_slots ORDER BY 1')).rows.map((r) => r.slot_name));
      expect(names).toHaveLength(2);
      expect(names.filter((n) => n.startsWith(`qihe_bench_wal_${process.pid}_`))).toEqual(names);
    } finally {
      await first.release();
      await second.release();
    }
    expect(await slots()).toBe(0);
  });
});

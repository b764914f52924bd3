import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Seed } from '@qihe/domain';
import { startBenchGateway } from './gateway';
import { withClient } from './pg';
import { ingestPhase, type IngestSummary } from './phases';
import { round } from './stats';
import { planBatches } from './workload';
import { printWal, walDuring, type WalByTable } from './wal-by-table';

// Issue 15 at the scale set's size: ingest into the loaded table against an
// empty one, on the same cluster (same settings, same disk), the same
// organisation and batches of the same shape, alternated round by round so the
// machine's load falls on both alike. The empty side is a second database with
// its own gateway, dropped afterwards; the loaded side keeps what it took.

export interface ScaleIngestRound {
  empty: IngestSummary;
  loaded: IngestSummary;
  load: [number, number];
  /** Blocks read from outside shared_buffers per touchpoint into the loaded table, by table (partitions under their parent), largest first. */
  loadedReadsByTable: { table: string; heap: number; index: number }[];
  /** With the cluster's data dir: the loaded side's WAL by table, full-page images included (pg_waldump). */
  loadedWal: WalByTable | null;
}

/** Blocks read (heap, index) per table since the server's statistics began, partitions summed under their parent. */
async function blocksRead(dbUrl: string): Promise<Map<string, { heap: number; index: number }>> {
  return withClient(dbUrl, async (c) => {
    const { rows } = await c.query<{ t: string; heap: string; idx: string }>(
      `SELECT regexp_replace(relname, '_p[0-9]{8}$', '') AS t, sum(coalesce(heap_blks_read, 0))::bigint AS heap, sum(coalesce(idx_blks_read, 0))::bigint AS idx
         FROM pg_statio_user_tables GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.t, { heap: Number(r.heap), index: Number(r.idx) }]));
  });
}

/**
 * Waits until neither database has customers queued for the risk pass (customer_touched): the pass after one side's
 * round (and a refit it brings) then writes and computes before the other side's round, not during it. Its WAL went
 * into the other side's figure (the WAL figure is the cluster's) and took its CPU: 786 B per touchpoint in a
 * 300,000-touchpoint round into the loaded set. Gives up after `maxMs`; returns how long it waited.
 */
async function quiet(dbUrls: string[], maxMs = 180_000): Promise<number> {
  const t0 = Date.now();
  const queued = async (url: string): Promise<boolean> =>
    withClient(url, async (c) => (await c.query('SELECT EXISTS (SELECT 1 FROM customer_touched) AS q')).rows[0].q as boolean);
  while (Date.now() - t0 < maxMs) {
    let any = false;
    for (const url of dbUrls) any = (await queued(url)) || any;
    if (!any) return Date.now() - t0;
    await sleep(500);
  }
  console.warn(`  the risk passes were still behind after ${maxMs / 1000} s: the next round shares the machine with them`);
  return Date.now() - t0;
}

export interface ScaleIngest {
  touchpointsPerRound: number;
  rounds: ScaleIngestRound[];
  /** Median over rounds of loaded ÷ empty rate (target ≥ 0.9). */
  ratio: number;
  /** WAL bytes per touchpoint into the loaded table, median over rounds (target ≤ 2,000). */
  walBytesPerTouchpoint: number;
}

const load1 = (): number => round(loadavg()[0], 2);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function scaleIngest(
  loaded: { gwUrl: string; dbUrl: string },
  seed: Seed,
  seedFile: string,
  opts: { rows: number; rounds: number; batchSize: number; concurrency: number; lateRatingRatio?: number; dataDir?: string },
): Promise<ScaleIngest> {
  const emptyDb = loaded.dbUrl.replace(/\/[^/]+$/, '/qihe_bench_empty');
  const admin = loaded.dbUrl.replace(/\/[^/]+$/, '/postgres');
  await withClient(admin, async (c) => {
    await c.query('DROP DATABASE IF EXISTS qihe_bench_empty');
    await c.query('CREATE DATABASE qihe_bench_empty');
  });
  const gw = await startBenchGateway({ databaseUrl: emptyDb, seedFile, startTimeoutMs: 10 * 60_000 });
  const rounds: ScaleIngestRound[] = [];
  try {
    for (let r = 0; r < opts.rounds; r++) {
      const plan = (side: string): ReturnType<typeof planBatches> =>
        planBatches(seed, { total: opts.rows, batchSize: opts.batchSize, seed: `bench-scale-ingest-${side}-${Date.now()}-${r}`, lateRatingRatio: opts.lateRatingRatio });
      const l0 = load1();
      // Alternate which side goes first, so neither always follows the other's checkpoint.
      const sides = r % 2 === 0 ? (['empty', 'loaded'] as const) : (['loaded', 'empty'] as const);
      const out: Partial<Record<'empty' | 'loaded', IngestSummary>> = {};
      let reads: ScaleIngestRound['loadedReadsByTable'] = [];
      let wal: WalByTable | null = null;
      for (const side of sides) {
        const target = side === 'empty' ? { url: gw.url, db: emptyDb } : { url: loaded.gwUrl, db: loaded.dbUrl };
        const waited = await quiet([emptyDb, loaded.dbUrl]);
        if (waited > 1000) console.log(`  waited ${Math.round(waited / 1000)} s for the risk passes before the ${side} side's round`);
        const before = side === 'loaded' ? await blocksRead(target.db) : null;
        // The one cluster's WAL holds the empty side's too: only the loaded side's span is read.
        const measured = await walDuring(
          target.db,
          before ? opts.dataDir : null,
          () => ingestPhase(`ingest into the ${side} table, round ${r + 1}`, target.url, plan(side), opts.concurrency, target.db),
          (run) => run.touchpoints,
        );
        out[side] = measured.value;
        if (measured.wal) wal = measured.wal;
        if (before) {
          const after = await blocksRead(target.db); // ingestPhase waited for the statistics flush
          const n = (out[side] as IngestSummary).touchpoints;
          reads = [...after]
            .map(([table, a]) => ({ table, heap: round((a.heap - (before.get(table)?.heap ?? 0)) / n, 2), index: round((a.index - (before.get(table)?.index ?? 0)) / n, 2) }))
            .filter((x) => x.heap + x.index > 0.01)
            .sort((a, b) => b.heap + b.index - (a.heap + a.index))
            .slice(0, 8);
        }
      }
      const round_ = { empty: out.empty as IngestSummary, loaded: out.loaded as IngestSummary, load: [l0, load1()] as [number, number], loadedReadsByTable: reads, loadedWal: wal };
      rounds.push(round_);
      console.log(
        `  ingest round ${r + 1}: empty ${round_.empty.perSec}/s (${Math.round(round_.empty.pg.walBytesPerTouchpoint)} B WAL/tp), loaded ${round_.loaded.perSec}/s (${Math.round(round_.loaded.pg.walBytesPerTouchpoint)} B WAL/tp, ${round_.loaded.pg.fullPageImagesPerTouchpoint} FPI/tp, ${round_.loaded.pg.blocksReadPerTouchpoint} blocks read/tp); load ${round_.load[0]} → ${round_.load[1]}`,
      );
      console.log(`    blocks read per touchpoint into the loaded table (heap + index): ${reads.map((x) => `${x.table} ${x.heap} + ${x.index}`).join(', ')}`);
      if (wal) console.log(`    the loaded side's WAL:\n${printWal(wal, 15)}`);
    }
  } finally {
    await gw.stop();
    await withClient(admin, (c) => c.query('DROP DATABASE IF EXISTS qihe_bench_empty')).catch(() => undefined);
  }
  return {
    touchpointsPerRound: opts.rows,
    rounds,
    ratio: round(median(rounds.map((x) => x.loaded.perSec / x.empty.perSec)), 3),
    walBytesPerTouchpoint: Math.round(median(rounds.map((x) => x.loaded.pg.walBytesPerTouchpoint))),
  };
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SingleBar, Presets } from 'cli-progress';
import type { Seed } from '@qihe/domain';
import { procSample, treeCpuSec } from './gateway';
import { runIngest, type IngestRun } from './ingest';
import { psqlCopy, withClient } from './pg';
import { COPY_COLUMNS, csvLine, recordOf } from './rows';
import { latency, round, spread, type Latency, type Spread } from './stats';
import type { PlannedBatch } from './workload';

// The ingest phases: the COPY limit of the same rows, then the gateway.

export function bar(label: string, total: number, unit = 'rows'): SingleBar {
  const b = new SingleBar(
    {
      format: `${label.padEnd(26)} {bar} {percentage}% | {value}/{total} ${unit} | {rate}/s | {duration_formatted}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  b.start(total, 0, { rate: '0' });
  const started = Date.now();
  const update = b.update.bind(b);
  b.update = ((value: number) => update(value, { rate: Math.round(value / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString('en-US') })) as typeof b.update;
  return b;
}

export interface CopyResult {
  rows: number;
  reps: number;
  bare: Spread; // rows/s
  indexed: Spread; // rows/s, into a copy with the primary key and the unit/time index
}

/** COPY of exactly the rows the ingest run sends, from a CSV file through psql. */
export async function copyBaseline(url: string, dir: string, batches: readonly PlannedBatch[], reps: number): Promise<CopyResult> {
  const file = join(dir, 'ingest-rows.csv');
  const now = Date.now();
  const lines: string[] = [];
  for (const b of batches) {
    for (const it of b.items) {
      const r = recordOf(it);
      lines.push(csvLine(r, { receivedAt: now, siteId: b.siteId }));
    }
  }
  writeFileSync(file, lines.join(''));
  await withClient(url, async (c) => {
    await c.query('CREATE TABLE bench_copy_bare (LIKE touchpoint INCLUDING DEFAULTS)'); // defaults: columns COPY does not name (repeat) take them
    await c.query('CREATE TABLE bench_copy_indexed (LIKE touchpoint INCLUDING ALL)');
  });
  const bare: number[] = [];
  const indexed: number[] = [];
  const b = bar('COPY baseline', reps * 2, 'copies');
  for (let i = 0; i < reps; i++) {
    for (const [table, into] of [['bench_copy_bare', bare], ['bench_copy_indexed', indexed]] as const) {
      await withClient(url, (c) => c.query(`TRUNCATE ${table}`));
      const ms = await psqlCopy(url, table, COPY_COLUMNS, file);
      into.push(lines.length / (ms / 1000));
      b.increment();
    }
  }
  b.stop();
  await withClient(url, (c) => c.query('DROP TABLE bench_copy_bare, bench_copy_indexed'));
  return { rows: lines.length, reps, bare: roundSpread(spread(bare)), indexed: roundSpread(spread(indexed)) };
}

const roundSpread = (s: Spread): Spread => ({ n: s.n, median: round(s.median, 0), min: round(s.min, 0), max: round(s.max, 0) });

export interface IngestSummary {
  touchpoints: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejectedSamples: string[];
  resent: number;
  ratings: number;
  ratingErrors: number;
  ratingCalls: number;
  batches: number;
  batchSize: number;
  concurrency: number;
  elapsedMs: number;
  perSec: number;
  segmentRates: Spread;
  batchLatency: Latency;
  /** Of the recordSatisfactions calls; with their count, the share of the clients' time the late ratings take. */
  ratingLatency: Latency;
  /** What PostgreSQL wrote and read for the phase, per touchpoint sent (the WAL insert position, pg_stat_wal, pg_stat_database). */
  pg: PgWork;
  /** CPU seconds of the server process and of PostgreSQL (/proc) over the phase, per touchpoint sent, in µs (when their pids were given). */
  cpu: { serverUsPerTouchpoint: number; pgUsPerTouchpoint: number | null } | null;
}

export interface PgWork {
  /** The cluster's WAL over the phase (insert position), per touchpoint. */
  walBytesPerTouchpoint: number;
  /** From pg_stat_wal, which backends flush late: approximate for a phase of a few seconds (walByTable counts exactly). */
  fullPageImagesPerTouchpoint: number;
  /** Blocks read from outside shared_buffers (the OS cache or the disk). */
  blocksReadPerTouchpoint: number;
  /** Rollup row updates (rollup_hour, _day, _minute) per touchpoint, and the share of them PostgreSQL made HOT (no index entry, no new page). */
  rollupUpdatesPerTouchpoint: number;
  rollupHotShare: number;
  /** Row updates of `touchpoint`'s partitions per touchpoint (late ratings and the repeat rule's turned ones), and the HOT share of them. */
  touchpointUpdatesPerTouchpoint: number;
  touchpointHotShare: number;
  /** rollup_hour rows inserted and updated per touchpoint (the repeat rule's counter moves add to both). */
  rollupHourInsertsPerTouchpoint: number;
  rollupHourUpdatesPerTouchpoint: number;
}

interface PgCounters {
  walBytes: number;
  walFpi: number;
  blksRead: number;
  rollupUpd: number;
  rollupHotUpd: number;
  tpUpd: number;
  tpHotUpd: number;
  hourIns: number;
  hourUpd: number;
}

async function pgCounters(dbUrl: string): Promise<PgCounters> {
  return withClient(dbUrl, async (c) => {
    const { rows } = await c.query(
      // WAL bytes from the insert position, not pg_stat_wal: a backend flushes its counters at most once a second, and
      // one that goes idle within that second only after 10 s, so a short round read its neighbours' WAL (an A/B round
      // of 4,000 touchpoints: 638 B per touchpoint by pg_stat_wal, 2,460 by pg_waldump without page images).
      `SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::float8 AS wal_bytes, (SELECT wal_fpi FROM pg_stat_wal)::float8 AS wal_fpi,
              (SELECT blks_read FROM pg_stat_database WHERE datname = current_database())::float8 AS blks_read,
              (SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname IN ('rollup_hour', 'rollup_day', 'rollup_minute'))::float8 AS upd,
              (SELECT coalesce(sum(n_tup_hot_upd), 0) FROM pg_stat_user_tables WHERE relname IN ('rollup_hour', 'rollup_day', 'rollup_minute'))::float8 AS hot,
              (SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname LIKE 'touchpoint\\_p%')::float8 AS tp_upd,
              (SELECT coalesce(sum(n_tup_hot_upd), 0) FROM pg_stat_user_tables WHERE relname LIKE 'touchpoint\\_p%')::float8 AS tp_hot,
              (SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'rollup_hour')::float8 AS hour_ins,
              (SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = 'rollup_hour')::float8 AS hour_upd`,
    );
    const r = rows[0];
    return {
      walBytes: Number(r.wal_bytes),
      walFpi: Number(r.wal_fpi),
      blksRead: Number(r.blks_read),
      rollupUpd: Number(r.upd),
      rollupHotUpd: Number(r.hot),
      tpUpd: Number(r.tp_upd),
      tpHotUpd: Number(r.tp_hot),
      hourIns: Number(r.hour_ins),
      hourUpd: Number(r.hour_upd),
    };
  });
}

export async function ingestPhase(
  label: string,
  url: string,
  batches: readonly PlannedBatch[],
  concurrency: number,
  dbUrl: string,
  pids?: { server: number; pg?: number },
): Promise<IngestSummary> {
  const total = batches.reduce((s, b) => s + b.items.length, 0);
  const b = bar(label, total, 'touchpoints');
  const before = await pgCounters(dbUrl);
  const cpuAt = (): { server: number; pg: number } => ({ server: pids ? (procSample(pids.server)?.cpuSec ?? NaN) : NaN, pg: pids?.pg ? treeCpuSec(pids.pg) : NaN });
  const cpu0 = cpuAt();
  const run: IngestRun = await runIngest(url, batches, { concurrency, onBatch: (_n, items) => b.update(items) });
  const cpu1 = cpuAt();
  await sleep(1100); // backends flush their table statistics at most once a second
  const after = await pgCounters(dbUrl);
  b.stop();
  const us = (sec: number): number => round((sec * 1e6) / run.touchpoints, 1);
  const per = (x: number): number => round(x / run.touchpoints, 2);
  return {
    touchpoints: run.touchpoints,
    accepted: run.accepted,
    duplicates: run.duplicates,
    rejected: run.rejected,
    rejectedSamples: run.rejectedSamples,
    resent: batches.reduce((s, x) => s + x.resent, 0),
    ratings: run.ratings,
    ratingErrors: run.ratingErrors,
    ratingCalls: run.ratingCalls,
    batches: run.batches,
    batchSize: batches[0]?.items.length ?? 0,
    concurrency,
    elapsedMs: Math.round(run.elapsedMs),
    perSec: round(run.touchpoints / (run.elapsedMs / 1000), 0),
    segmentRates: roundSpread(spread(run.segmentRates)),
    batchLatency: latency(run.batchMs),
    ratingLatency: latency(run.ratingMs),
    pg: {
      walBytesPerTouchpoint: per(after.walBytes - before.walBytes),
      fullPageImagesPerTouchpoint: per(after.walFpi - before.walFpi),
      blocksReadPerTouchpoint: per(after.blksRead - before.blksRead),
      rollupUpdatesPerTouchpoint: per(after.rollupUpd - before.rollupUpd),
      rollupHotShare: round((after.rollupHotUpd - before.rollupHotUpd) / Math.max(1, after.rollupUpd - before.rollupUpd), 3),
      touchpointUpdatesPerTouchpoint: round((after.tpUpd - before.tpUpd) / run.touchpoints, 4),
      touchpointHotShare: round((after.tpHotUpd - before.tpHotUpd) / Math.max(1, after.tpUpd - before.tpUpd), 3),
      rollupHourInsertsPerTouchpoint: per(after.hourIns - before.hourIns),
      rollupHourUpdatesPerTouchpoint: per(after.hourUpd - before.hourUpd),
    },
    cpu: pids ? { serverUsPerTouchpoint: us(cpu1.server - cpu0.server), pgUsPerTouchpoint: pids.pg ? us(cpu1.pg - cpu0.pg) : null } : null,
  };
}

export async function truncateAll(url: string): Promise<void> {
  await withClient(url, (c) => c.query('TRUNCATE touchpoint, touchpoint_key, rollup_hour, rollup_day, rollup_day_slice, rollup_minute'));
}

export async function countRows(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query('SELECT count(*)::bigint AS n FROM touchpoint')).rows[0].n));
}

export const unitIdsOf = (seed: Seed): string[] => seed.units.map((u) => u.id);

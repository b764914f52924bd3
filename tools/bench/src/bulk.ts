import { PassThrough, Readable } from 'node:stream';
import { createPartitionsAhead, Database, rebuildRollups } from '@qihe/data';
import { OrgTree, type Seed, type TouchpointRecord } from '@qihe/domain';
import { TouchpointGenerator } from '../../traffic/src/generator';
import { Rng } from '../../traffic/src/prng';
import { routeUnitsToSites } from '../../traffic/src/traffic';
import { psqlCopy, withClient } from './pg';
import { COPY_COLUMNS, csvLine, KEY_COPY_COLUMNS, keyCsvLine, recordOf } from './rows';

// The score phases need millions of stored touchpoints: they bypass the API
// (COPY through psql), then the project's own rebuildRollups recounts every
// rollup from the raw rows. Rows are drawn from a pool made by the traffic
// generator, each with a fresh id and its own time spread over the window.

interface PoolItem {
  record: TouchpointRecord;
  lagMs: number; // received − occurred
  servedOffsetMs: number | null; // servedAt − occurred
  siteId: string | null;
  late: { score: number; comment: string | null; delayMs: number } | null;
}

const POOL_GROUP = 50;

function pool(seed: Seed, size: number, rngSeed: string): PoolItem[] {
  const routes = routeUnitsToSites(seed.units, seed.sites);
  const siteOf = new Map<string, string>();
  for (const [siteId, unitIds] of routes) for (const u of unitIds) siteOf.set(u, siteId);
  const generator = new TouchpointGenerator({
    seed: rngSeed,
    units: seed.units,
    activeUnitIds: [...siteOf.keys()],
    lateRatingDelayMs: [60_000, 6 * 3_600_000],
  });
  const now = Date.now();
  const out: PoolItem[] = [];
  // The generator draws a unit by volume over the units it is given, in time linear in their number: over
  // 10,000 units the pool would take an hour. Groups of POOL_GROUP units in turn keep each draw small
  // (each group's share of the rows is then equal rather than by volume).
  const active = [...siteOf.keys()];
  const groups: string[][] = [];
  for (let i = 0; i < active.length; i += POOL_GROUP) groups.push(active.slice(i, i + POOL_GROUP));
  for (let i = 0; i < size; i++) {
    const tp = active.length > POOL_GROUP * 4 ? generator.next(now, groups[i % groups.length]) : generator.next(now);
    const record = recordOf(tp.input);
    const occurred = record.occurredAt.getTime();
    out.push({
      record,
      lagMs: now - occurred,
      servedOffsetMs: record.service?.servedAt ? record.service.servedAt.getTime() - occurred : null,
      siteId: siteOf.get(record.unitId) ?? null,
      late: tp.lateRating ? { score: tp.lateRating.satisfaction.score, comment: tp.lateRating.satisfaction.comment ?? null, delayMs: tp.lateRating.delayMs } : null,
    });
  }
  return out;
}

export interface BulkOptions {
  rows: number;
  /** The window the rows' receivedAt is spread over, in time order. */
  fromMs: number;
  toMs: number;
  seed: string;
  chunkRows?: number;
  onProgress?: (rows: number) => void;
}

/** How many distinct agents the bulk rows name, spread evenly over the units. */
export const BENCH_AGENTS = 10_000;

/** COPYs `rows` touchpoints into `touchpoint`; returns the wall time in ms. */
export async function bulkLoad(url: string, seed: Seed, opts: BulkOptions): Promise<number> {
  const items = pool(seed, Math.min(opts.rows, 100_000), `${opts.seed}-pool`);
  const rng = Rng.for(opts.seed, 'bulk');
  // BENCH_AGENTS agents in all, each in one unit: the AGENT slice and the agent filter at a large centre's size.
  const units = new Set(items.map((p) => p.record.unitId)).size;
  const agentsPerUnit = Math.max(1, Math.ceil(BENCH_AGENTS / units));
  const step = (opts.toMs - opts.fromMs) / opts.rows;
  const chunkRows = opts.chunkRows ?? 1_000_000;
  const started = performance.now();
  await makePartitions(url, opts.fromMs - Math.max(0, ...items.map((p) => p.lagMs)), opts.toMs);
  let done = 0;
  for (let chunkStart = 0; chunkStart < opts.rows; chunkStart += chunkRows) {
    const chunkEnd = Math.min(opts.rows, chunkStart + chunkRows);
    // Every stored id in the key table, as ingest would have put it there: a second COPY, fed beside the first.
    const keys = new PassThrough();
    function* lines(): Generator<string> {
      for (let i = chunkStart; i < chunkEnd; ) {
        const parts: string[] = [];
        const keyParts: string[] = [];
        for (const end = Math.min(chunkEnd, i + 2000); i < end; i++) {
          const p = items[rng.int(0, items.length - 1)];
          const received = Math.round(opts.fromMs + (i + rng.next()) * step);
          const occurred = received - p.lagMs;
          const s = p.record.service;
          const record: TouchpointRecord = {
            ...p.record,
            id: rng.uuid(occurred), // made when it happened, as a site would
            agentId: p.record.agentId === null ? null : `agt-${p.record.unitId}-${rng.int(0, agentsPerUnit - 1)}`,
            occurredAt: new Date(occurred),
            service: s && { ...s, servedAt: p.servedOffsetMs === null ? null : new Date(Math.min(received, occurred + p.servedOffsetMs)) },
          };
          const lateRating = p.late ? { score: p.late.score, comment: p.late.comment, ratedAt: received + p.late.delayMs } : undefined;
          parts.push(csvLine(record, { receivedAt: received, siteId: p.siteId, lateRating }));
          keyParts.push(keyCsvLine(record));
        }
        done += parts.length;
        opts.onProgress?.(done);
        keys.write(keyParts.join(''));
        yield parts.join('');
      }
      keys.end();
    }
    // A failed touchpoint COPY ends the key stream too, so the key COPY's psql does not wait for input for ever.
    const touchpoints = psqlCopy(url, 'touchpoint', COPY_COLUMNS, Readable.from(lines())).catch((err: unknown) => {
      if (!keys.writableEnded) keys.end();
      throw err;
    });
    await Promise.all([touchpoints, psqlCopy(url, 'touchpoint_key', KEY_COPY_COLUMNS, keys)]);
  }
  return performance.now() - started;
}

/** The day partitions of touchpoints (and of their ids' days) from `fromMs` through `toMs`. */
export async function makePartitions(url: string, fromMs: number, toMs: number): Promise<void> {
  const db = await Database.open({ url, poolSize: 1, applicationName: 'qihe-bench-partitions' });
  try {
    await createPartitionsAhead(db, fromMs, toMs);
  } finally {
    await db.close();
  }
}

/** Recounts every rollup with rebuildRollups (one transaction), then VACUUM ANALYZE and a CHECKPOINT; returns ms. */
export async function rebuild(url: string, seed: Seed, onProgress?: (rows: number) => void): Promise<number> {
  const started = performance.now();
  const db = await Database.open({ url, poolSize: 1, applicationName: 'qihe-bench-rebuild' });
  try {
    const tree = new OrgTree(seed.units);
    await db.transaction((tx) => rebuildRollups(tx, (id) => tree.lineage(id), { onProgress }));
  } finally {
    await db.close();
  }
  await withClient(url, async (c) => {
    await c.query('VACUUM ANALYZE touchpoint');
    await c.query('VACUUM ANALYZE rollup_hour');
    await c.query('VACUUM ANALYZE rollup_day');
    await c.query('VACUUM ANALYZE rollup_minute');
    // Write the load's dirty pages now, not while score latency is being measured.
    await c.query('CHECKPOINT');
  });
  return performance.now() - started;
}

import type { Sql } from './database';
import { countersOfRaw, rawRowsSql, slicesOfRaw, type RawRow } from './own-slices';
import { addToRollups, MINUTE_HORIZON_MS, RollupDeltas } from './rollup-deltas';
import { stampRollupLayout } from './rollup-layout';
import { writeNewRollupHours } from './rollup-copy';
import { applyRollupDeltas } from './rollup-write.repository';
import { listPartitions } from './touchpoint-partitions';

const HOUR = 3_600_000;

export interface RebuildOptions {
  /** Told how many rows are held back at each page (for tests: it must stay bounded). */
  onHeldBack?: (rows: number) => void;
  pageSize?: number;
  onProgress?: (done: number) => void;
  /** Hours kept in memory behind the newest one read: touchpoints that late still land in memory. */
  windowHours?: number;
  /** Rows written per batch (memory stays bounded). */
  flushRows?: number;
  /** Rows of already written hours held back before the recount gives up writing without an index. */
  lateRows?: number;
  /**
   * 'time' (default): each day partition read in occurred_at order, oldest day first, so no
   * touchpoint is ever late; 'stored': the rows as stored (tests: any order must give the same counters).
   */
  order?: 'time' | 'stored';
}

let cursors = 0;

/**
 * The raw rows, page by page through one cursor per source: in time order, each
 * day partition sorted by occurred_at (a day's sort is small; the whole table's
 * would not be), oldest day first; or as stored. The next page is asked for
 * before the current one is counted.
 */
async function* rawPages(sql: Sql, pageSize: number, order: 'time' | 'stored'): AsyncGenerator<RawRow[]> {
  const partitions = order === 'time' ? (await listPartitions(sql)).filter((p) => p.table === 'touchpoint').map((p) => p.name) : [];
  // Partition names end in the day (touchpoint_pYYYYMMDD): name order is time order.
  const sources = partitions.length ? partitions.sort() : ['touchpoint'];
  for (const source of sources) {
    const cursor = `qihe_rollup_rebuild_${++cursors}`;
    await sql.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${rawRowsSql(source, order === 'time' ? 'ORDER BY t.occurred_at' : '')}`);
    const fetchPage = (): Promise<RawRow[]> => sql.query<RawRow>(`FETCH ${Number(pageSize)} FROM ${cursor}`);
    let next = fetchPage();
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      next = fetchPage();
      next.catch(() => undefined); // surfaced by the await above, next turn
      yield rows;
    }
    await sql.query(`CLOSE ${cursor}`);
  }
}

/**
 * Recounts every rollup from the raw touchpoints with the same counting code
 * as ingestion: after the org tree is re-shaped, after a bulk load, or to check
 * that the stored counters are exact. Run it inside one transaction: it reads
 * through cursors, and it locks the rollup tables (TRUNCATE or DELETE, see clearForRecount) until commit, so
 * writers wait for the recount instead of adding to rows it replaces.
 *
 * Rows are read in time order, day partition by day partition. The deltas of
 * the hours being read are summed in memory; hours further back than
 * `windowHours` are complete and written with COPY (plain inserts on the
 * embedded database) into the emptied table, packed (fillfactor 100: past
 * hours are not updated again), whose indexes are built once at the end — far
 * cheaper than an upsert per row (day rows, few and indexed, are upserted
 * along with them). A touchpoint of an hour already written (only when read
 * out of time order) is held back and added (upsert) after the indexes are
 * back; when too many are, the indexes come back early and the rest is
 * upserted. Any order gives exact counters.
 */
export async function rebuildRollups(sql: Sql, lineageOf: (unitId: string) => readonly string[], opts: RebuildOptions = {}): Promise<number> {
  const pageSize = opts.pageSize ?? 20_000;
  const windowMs = (opts.windowHours ?? 3) * HOUR;
  const flushRows = opts.flushRows ?? 250_000;
  const lateRows = opts.lateRows ?? 500_000;
  await clearForRecount(sql);
  let restoreIndexes: (() => Promise<void>) | null = await dropHourIndexes(sql);
  const restoreFillfactor = await packHourPages(sql);
  const minutesSince = Date.now() - MINUTE_HORIZON_MS;
  let done = 0;
  // A recount writes no settled day's rows: it clears them (clearForRecount) and settling counts them again.
  let deltas = new RollupDeltas(-Infinity);
  let late = new RollupDeltas(-Infinity); // hours already written, while the indexes are away
  let writtenBefore = -Infinity; // every hour before this one is written
  let newestHour = -Infinity;
  let writing: Promise<void> = Promise.resolve();
  const write = async (work: () => Promise<void>): Promise<void> => {
    // One write in flight at a time; it runs on the server while the next pages are counted.
    await writing;
    writing = work();
    writing.catch(() => undefined); // surfaced by the next await of it
  };
  const lineages = new Map<string, readonly string[]>();
  for await (const rows of rawPages(sql, pageSize, opts.order ?? 'time')) {
    for (const r of rows) {
      const occurredAt = Number(r.occurred_ms);
      const counters = countersOfRaw(r);
      let lineage = lineages.get(r.unit_id);
      if (!lineage) lineages.set(r.unit_id, (lineage = lineageOf(r.unit_id)));
      const slices = slicesOfRaw(r);
      const hour = Math.floor(occurredAt / HOUR) * HOUR;
      if (hour > newestHour) newestHour = hour;
      // Held back only while the indexes are away; once they are back, everything is upserted.
      addToRollups(restoreIndexes && hour < writtenBefore ? late : deltas, lineage, occurredAt, slices, counters, minutesSince);
    }
    done += rows.length;
    if (restoreIndexes && late.size > lateRows) {
      // Far from time order: bring the indexes back and upsert from here on.
      const restore = restoreIndexes;
      const held = late;
      restoreIndexes = null;
      late = new RollupDeltas(-Infinity);
      await write(async () => {
        await restore();
        await applyRollupDeltas(sql, held);
      });
    }
    if (restoreIndexes && deltas.size >= flushRows && newestHour - windowMs > writtenBefore) {
      writtenBefore = newestHour - windowMs;
      const complete = deltas.takeHoursBefore(writtenBefore);
      await write(() => writeNewRollupHours(sql, complete));
    } else if (!restoreIndexes && deltas.size >= flushRows) {
      const all = deltas;
      deltas = new RollupDeltas(-Infinity);
      await write(() => applyRollupDeltas(sql, all));
    }
    opts.onProgress?.(done);
    opts.onHeldBack?.(late.size);
  }
  await writing;
  if (restoreIndexes) {
    await writeNewRollupHours(sql, deltas); // hours never written before
    deltas.clearHours(); // its minute rows stay, for the upsert below
    await restoreIndexes();
  }
  await applyRollupDeltas(sql, late);
  await applyRollupDeltas(sql, deltas);
  await restoreFillfactor();
  await stampRollupLayout(sql);
  return done;
}

/**
 * Pages written by the recount are packed full: they hold past hours, which
 * ingest does not update again (the room a fillfactor leaves serves the
 * current hours' updates). The table's own setting is put back for what is
 * written after.
 */
async function packHourPages(sql: Sql): Promise<() => Promise<void>> {
  const [{ ff }] = await sql.query<{ ff: string | null }>(
    `SELECT (SELECT split_part(o, '=', 2) FROM unnest(reloptions) o WHERE o LIKE 'fillfactor=%') AS ff FROM pg_class WHERE oid = 'rollup_hour'::regclass`,
  );
  await sql.query(`ALTER TABLE rollup_hour SET (fillfactor = 100)`);
  return async () => {
    await sql.query(ff === null ? `ALTER TABLE rollup_hour RESET (fillfactor)` : `ALTER TABLE rollup_hour SET (fillfactor = ${Number(ff)})`);
  };
}

/** Drops rollup_hour's primary key and other indexes; returns what puts them back as they were. */
async function dropHourIndexes(sql: Sql): Promise<() => Promise<void>> {
  const keys = await sql.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'rollup_hour'::regclass AND contype = 'p'`,
  );
  const others = await sql.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'rollup_hour'::regclass AND NOT x.indisprimary`,
  );
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  for (const k of keys) await sql.query(`ALTER TABLE rollup_hour DROP CONSTRAINT ${quote(k.name)}`);
  for (const i of others) await sql.query(`DROP INDEX ${quote(i.name)}`);
  return async () => {
    for (const k of keys) await sql.query(`ALTER TABLE rollup_hour ADD CONSTRAINT ${quote(k.name)} ${k.def}`);
    for (const i of others) await sql.query(i.def);
  };
}

/**
 * Empties the rollups the recount writes again. After retention dropped days of
 * raw touchpoints, the rollups are all that is left of those days: their rows
 * (before the first day still stored; partitions are whole UTC days) are kept
 * as they are — they hold every touchpoint of those days, their own-unit slices
 * in rollup_own_day (or, dropped before it existed, folded into rollup_day_slice)
 * — and only the stored days are recounted, so nothing is lost or counted twice.
 * Stored days lose their settled own-unit rows and marks: settling counts them
 * again from the rows (touchpoint-retention.ts, settleOwnDays).
 */
async function clearForRecount(sql: Sql): Promise<void> {
  let firstKept: string | null = null;
  for (const p of (await listPartitions(sql)).filter((x) => x.table === 'touchpoint')) {
    if ((await sql.query(`SELECT 1 FROM ${p.name} LIMIT 1`)).length) {
      firstKept = p.day;
      break;
    }
  }
  const [{ first }] = await sql.query<{ first: string | null }>(`SELECT to_char(min(day) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS first FROM rollup_day`);
  if (first === null || (firstKept !== null && first >= firstKept)) {
    await sql.query(`TRUNCATE rollup_hour, rollup_day, rollup_minute, rollup_day_slice, rollup_own_day, own_day_settled`);
    return;
  }
  // Rollups of dropped days exist: keep them, clear the rest (no stored touchpoint at all: keep everything).
  // The lock TRUNCATE would take: writers wait for the recount instead of adding to rows it replaces.
  await sql.query(`LOCK TABLE rollup_hour, rollup_day, rollup_minute, rollup_day_slice, rollup_own_day, own_day_settled IN ACCESS EXCLUSIVE MODE`);
  await sql.query(`TRUNCATE rollup_minute`);
  if (firstKept === null) return;
  const cut = `${firstKept}T00:00:00Z`;
  await sql.query(`DELETE FROM rollup_hour WHERE hour >= $1`, [cut]);
  await sql.query(`DELETE FROM rollup_day WHERE day >= $1`, [cut]);
  await sql.query(`DELETE FROM rollup_day_slice WHERE day >= $1`, [cut]);
  await sql.query(`DELETE FROM rollup_own_day WHERE day >= $1`, [cut]);
  await sql.query(`DELETE FROM own_day_settled WHERE day >= $1`, [cut]);
}

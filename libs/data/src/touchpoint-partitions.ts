import { isoDay } from '@qihe/domain';
import type { Database, Sql } from './database';
import { DAY_MS } from './rollup-grain';

// Touchpoints live in daily partitions of `touchpoint` (by occurred_at, UTC
// days) and their ids in daily partitions of `touchpoint_key` (by key_day, the
// UTC day a UUIDv7 id carries). The key table holds every id once — its
// primary key (id, key_day) is unique on id alone, since key_day is a function
// of id — with the unit, time and content hash of its touchpoint, so a look-up
// by id is one probe of one key partition and then one of one touchpoint
// partition. Retention drops whole partitions of both (touchpoint-retention.ts).
// Partitions are made ahead by a job, and on demand before a batch that needs
// one (a site that was offline for a month), so nothing accepted is refused.

/** Ids that carry no usable day (other UUID versions, v7 outside 2000..2099) share one key partition that is never dropped. */
export const LEGACY_KEY_DAY = '1970-01-01';
const V7_FIRST_MS = Date.UTC(2000, 0, 1);
const V7_END_MS = Date.UTC(2100, 0, 1);

export type PartitionedTable = 'touchpoint' | 'touchpoint_key';

/** The UTC day (YYYY-MM-DD) of an epoch-ms time (isoDay remembers each day's name: a batch falls on a few days). */
export const dayOf = isoDay;
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The key partition's day of an id: the day a UUIDv7 carries, else LEGACY_KEY_DAY. Same rule as KEY_DAY_SQL. */
export function keyDayOf(id: string): string {
  if (id[14] !== '7') return LEGACY_KEY_DAY;
  const t = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
  return t >= V7_FIRST_MS && t < V7_END_MS ? dayOf(t) : LEGACY_KEY_DAY;
}

/** keyDayOf in SQL, of a uuid column `col` (the migration fills stored ids with it). */
export const KEY_DAY_SQL = (col: string): string => {
  const ms = `('x' || lpad(translate(left(${col}::text, 13), '-', ''), 16, '0'))::bit(64)::bigint`;
  return `CASE WHEN substr(${col}::text, 15, 1) = '7' AND ${ms} >= ${V7_FIRST_MS} AND ${ms} < ${V7_END_MS}
    THEN (to_timestamp(${ms} / 1000.0) AT TIME ZONE 'UTC')::date ELSE DATE '${LEGACY_KEY_DAY}' END`;
};

export const partitionName = (table: PartitionedTable, day: string): string => `${table}_p${day.replaceAll('-', '')}`;

/**
 * Room left on each page of a touchpoint partition for later versions of its
 * rows: the repeat rule's mark of a stored touchpoint (`repeat` is in no
 * index) stays on its page as a HOT update — no entry in the 8 indexes —
 * instead of a new version elsewhere (docs/PERFORMANCE.md, "Issue 13's
 * repeat-rule budget, 2 December"). Key rows are never updated: packed.
 */
export const TOUCHPOINT_FILLFACTOR = 90;

/** The statement creating one day's partition (a no-op when it exists). */
export function createPartitionSql(table: PartitionedTable, day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  const next = dayOf(dayMs(day) + DAY_MS);
  const [lo, hi] = table === 'touchpoint' ? [`${day} 00:00:00+00`, `${next} 00:00:00+00`] : [day, next];
  const room = table === 'touchpoint' ? ` WITH (fillfactor = ${TOUCHPOINT_FILLFACTOR})` : '';
  return `CREATE TABLE IF NOT EXISTS ${partitionName(table, day)} PARTITION OF ${table} FOR VALUES FROM ('${lo}') TO ('${hi}')${room}`;
}

/** A stored partition: its table, name and first day (null: the legacy key partition). */
export interface Partition {
  table: PartitionedTable;
  name: string;
  day: string | null;
}

export async function listPartitions(sql: Sql): Promise<Partition[]> {
  const rows = await sql.query<{ parent: PartitionedTable; name: string }>(
    `SELECT p.relname AS parent, c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname IN ('touchpoint', 'touchpoint_key') AND p.relnamespace = current_schema()::regnamespace ORDER BY 2`,
  );
  return rows.map((r) => {
    const m = /_p(\d{4})(\d{2})(\d{2})$/.exec(r.name);
    return { table: r.parent, name: r.name, day: m ? `${m[1]}-${m[2]}-${m[3]}` : null };
  });
}

// One key for "changing the partitions" across every replica sharing the database.
export const PARTITION_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('qihe:touchpoint-partitions'))`;
/** Per database: the partitions known to exist (names). Missing ones are created before a batch needs them. */
const known = new WeakMap<Database, Set<string>>();

async function knownPartitions(db: Database): Promise<Set<string>> {
  let names = known.get(db);
  if (!names) {
    names = new Set((await listPartitions(db)).map((p) => p.name));
    known.set(db, names);
  }
  return names;
}

/** Forgets what this process knows of the partitions (after another replica dropped some). */
export function forgetPartitions(db: Database): void {
  known.delete(db);
}

/**
 * Makes sure the partitions of these days exist, creating the missing ones in
 * a short transaction of their own (creating a partition locks the parent
 * table briefly: never inside the ingest transaction, which would hold it).
 */
export async function ensurePartitions(db: Database, needed: Iterable<readonly [PartitionedTable, string]>): Promise<number> {
  const names = await knownPartitions(db);
  const missing = new Map<string, readonly [PartitionedTable, string]>();
  for (const [table, day] of needed) {
    if (table === 'touchpoint_key' && day === LEGACY_KEY_DAY) continue;
    const name = partitionName(table, day);
    if (!names.has(name)) missing.set(name, [table, day]);
  }
  if (missing.size === 0) return 0;
  // In the order an ingest transaction locks the two tables — the key table (its claim), then touchpoint (its
  // insert) — each table's days in order. Creating a partition locks its parent exclusively until commit; made the
  // other way round, this transaction held touchpoint while it waited for the key table, which an ingest
  // transaction in flight held while it waited for touchpoint: a deadlock (seen with two write transactions in
  // flight, docs/PERFORMANCE.md).
  const ordered = [...missing.values()].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a === 'touchpoint_key' ? -1 : 1));
  await db.transaction(async (tx) => {
    await tx.query(PARTITION_LOCK_SQL);
    for (const [table, day] of ordered) await tx.query(createPartitionSql(table, day));
  });
  for (const name of missing.keys()) names.add(name);
  return missing.size;
}

/** The partitions a set of touchpoints (id, occurredAt ms) is stored in, each once. */
export function* partitionsOf(items: Iterable<{ id: string; occurredAt: Date }>): Generator<readonly [PartitionedTable, string]> {
  const days = new Set<string>();
  const keyDays = new Set<string>();
  for (const r of items) {
    const day = dayOf(r.occurredAt.getTime());
    if (!days.has(day)) {
      days.add(day);
      yield ['touchpoint', day];
    }
    const keyDay = keyDayOf(r.id);
    if (!keyDays.has(keyDay)) {
      keyDays.add(keyDay);
      yield ['touchpoint_key', keyDay];
    }
  }
}

/** Creates the partitions of the days from `from` through `through` (epoch ms, UTC days) in both tables. */
export async function createPartitionsAhead(db: Database, from: number, through: number): Promise<number> {
  const days: (readonly [PartitionedTable, string])[] = [];
  for (let t = Math.floor(from / DAY_MS) * DAY_MS; t <= through; t += DAY_MS) {
    days.push(['touchpoint', dayOf(t)], ['touchpoint_key', dayOf(t)]);
  }
  return ensurePartitions(db, days);
}

/**
 * Runs `work` (which stores `items`) once their partitions exist. Should a
 * partition this process believed in be gone (dropped by another replica's
 * retention run), it looks again and runs `work` once more.
 */
export async function withPartitions<T>(db: Database, items: readonly { id: string; occurredAt: Date }[], work: () => Promise<T>): Promise<T> {
  if (items.length === 0) return work();
  await ensurePartitions(db, partitionsOf(items));
  try {
    return await work();
  } catch (err) {
    if (!/no partition of relation/.test((err as Error).message)) throw err;
    forgetPartitions(db);
    await ensurePartitions(db, partitionsOf(items));
    return work();
  }
}

import { COUNTER_KEYS } from '@qihe/domain';
import type { Database, Sql } from './database';
import { foldOwnSlices } from './own-slices';
import { COUNTER_COLUMNS } from './rollup-deltas';
import { DAY_MS, floorDay, unitParam } from './rollup-grain';
import { dayOf, forgetPartitions, keyDayOf, LEGACY_KEY_DAY, listPartitions, PARTITION_LOCK_SQL, type Partition } from './touchpoint-partitions';

// Retention (docs/retention.md): raw touchpoints older than QIHE_RETENTION_DAYS
// go a whole day partition at a time (never a DELETE), their ids' key
// partitions with them; slice hour rollups older than QIHE_HOUR_ROLLUP_DAYS
// fold into day rows (rollup_day_slice). Rollups are never dropped, so every
// score stays answerable. A day's own-unit slice counters (own-slices.ts:
// nothing else holds them) are settled into rollup_own_day ahead of its drop,
// once the day is two days past, and every write to a day that old adds its
// change there (applyRollupDeltas), so the drop itself only drops. Every step is idempotent
// and atomic on its own: a run that dies midway is finished by the next, and a
// second run changes nothing.

export interface RetentionSettings {
  /** Days of raw touchpoints kept (null: all). */
  rawDays: number | null;
  /** Days of slice hour rollups kept before they fold into day rows (null: all). */
  hourRollupDays: number | null;
}

/** The first UTC midnight still kept `days` days before `now`; null when everything is kept. */
export const retentionHorizon = (now: number, days: number | null): number | null =>
  days === null ? null : floorDay(now - days * DAY_MS);

/**
 * Why a touchpoint (its id, and its occurredAt when known) lies beyond the
 * horizon, or null. Its partition is dropped or due to be, and a UUIDv7 made
 * before the horizon may have lost its key: storing it again could count it twice.
 */
export function tooOldReason(id: string, occurredAt: number | null, horizon: number | null): string | null {
  if (horizon === null) return null;
  const h = dayOf(horizon);
  if (occurredAt !== null && occurredAt < horizon) {
    return `occurredAt: ${new Date(occurredAt).toISOString()} is before the retention horizon ${h} (QIHE_RETENTION_DAYS): touchpoints that old are no longer kept`;
  }
  const day = keyDayOf(id);
  if (day !== LEGACY_KEY_DAY && Date.parse(day) < horizon) return `id: "${id}" was made on ${day}, before the retention horizon ${h} (QIHE_RETENTION_DAYS)`;
  return null;
}

export interface RetentionReport {
  droppedTouchpointPartitions: string[];
  droppedKeyPartitions: string[];
  /** Keys of ids without a day (not UUIDv7) whose touchpoints were dropped. */
  legacyKeysDeleted: number;
  /** Slice hour rows folded into day rows. */
  foldedHourRows: number;
  /** Days settled by this run (settleOwnDays), and their touchpoints. */
  settledDays: number;
  settledTouchpoints: number;
}

// A partition read by a long statement (an export) makes a drop wait: give up after this and retry next run.
const LOCK_TIMEOUT = `SET LOCAL lock_timeout = '5s'`;

/** The UTC midnight that starts a day partition's day, as SQL takes it. */
const midnightOf = (p: Pick<Partition, 'day'>): string => `${p.day as string}T00:00:00Z`;

/**
 * Days are settled once they are this far past (two days). Writes add their
 * own-unit changes to days a day younger already (RollupDeltas.ownBefore), so a
 * replica whose clock is up to a day behind still adds to any settled day.
 */
export const settleBefore = (now: number): number => floorDay(now) - 2 * DAY_MS;

/**
 * Settles one day partition (in the caller's transaction, REPEATABLE READ or
 * holding the day's writes: foldOwnSlices): its own-unit slice counters, less
 * the changes written to the day so far, into rollup_own_day as the day's base
 * rows, and the day into own_day_settled, unless it is there already. Nothing
 * waits: writes to the day go on, each adding its change, and the rows and the
 * changes are read at one moment, so base + changes is the day's rows whenever
 * a write commits. Returns the touchpoints folded, null when the day was
 * settled already (or its partition is gone).
 */
export async function settleDay(tx: Sql, p: Pick<Partition, 'name' | 'day'>): Promise<number | null> {
  const day = midnightOf(p);
  const [{ here }] = await tx.query<{ here: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS here`, [p.name]);
  if (!here) return null;
  // The mark first, so the day is folded once. Runs are alone across replicas; a second settling all the same would
  // wait on the key and then leave it (READ COMMITTED), or fail for the next run to see the mark (REPEATABLE READ).
  if (!(await tx.query(`INSERT INTO own_day_settled (day, touchpoints) VALUES ($1, 0) ON CONFLICT DO NOTHING RETURNING day`, [day])).length) return null;
  const n = await foldOwnSlices(tx, p.name, Date.parse(day));
  await tx.query(`UPDATE own_day_settled SET touchpoints = $2 WHERE day = $1`, [day, n]);
  return n;
}

/**
 * Settles every stored day before `before` (a UTC midnight, at most
 * settleBefore(now)) not settled yet, oldest first, each in a transaction of its
 * own. Returns the days settled and their touchpoints.
 */
export async function settleOwnDays(db: Database, before: number): Promise<{ days: number; touchpoints: number }> {
  const cut = dayOf(before);
  const due = (await listPartitions(db)).filter((p) => p.table === 'touchpoint' && p.day !== null && p.day < cut);
  const out = { days: 0, touchpoints: 0 };
  if (due.length === 0) return out;
  const marked = new Set(
    (await db.query<{ day: string }>(`SELECT to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM own_day_settled`)).map((r) => r.day),
  );
  for (const p of due.sort((a, b) => (a.day as string).localeCompare(b.day as string))) {
    if (marked.has(p.day as string)) continue;
    // One snapshot for the day's rows and its changes: a write committing meanwhile is a change, not in the rows.
    const n = await db.transaction((tx) => settleDay(tx, p), 'REPEATABLE READ');
    if (n === null) continue;
    out.days++;
    out.touchpoints += n;
  }
  return out;
}

/**
 * Drops one due partition (in the caller's transaction). A touchpoint day is
 * settled first if it is not yet (a run right after QIHE_RETENTION_DAYS came
 * down), and moves raw_retention's dropped_before past it: breakdowns read its
 * own-unit rows from then on.
 */
export async function dropPartition(tx: Sql, p: Partition): Promise<boolean> {
  await tx.query(LOCK_TIMEOUT);
  await tx.query(PARTITION_LOCK_SQL);
  const [{ here }] = await tx.query<{ here: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS here`, [p.name]);
  if (!here) return false;
  if (p.table === 'touchpoint') {
    // The day's writes are waited for (or given up on) here, holding nothing else: the whole table is locked, as
    // DROP locks it, only for the drop itself, so reads and writes of other days never queue behind a busy day.
    await tx.query(`LOCK TABLE ${p.name} IN SHARE MODE`);
    await settleDay(tx, p);
    await tx.query(`UPDATE raw_retention SET dropped_before = greatest(dropped_before, $1::timestamptz + interval '1 day')`, [midnightOf(p)]);
    await tx.query(`LOCK TABLE touchpoint IN ACCESS EXCLUSIVE MODE`);
  }
  await tx.query(`DROP TABLE IF EXISTS ${p.name}`);
  return true;
}

const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);
// Slice hour rows before $1 move into their day rows in one statement: nothing is counted twice or lost, whenever it stops.
const FOLD_SQL = `WITH gone AS (DELETE FROM rollup_hour WHERE dim > 0 AND hour < $1 RETURNING *),
  moved AS (
    INSERT INTO rollup_day_slice AS t (unit_id, dim, day, val, ${COLS.join(', ')})
    SELECT unit_id, dim, date_trunc('day', hour, 'UTC'), val, ${COLS.map((c) => `sum(${c})`).join(', ')} FROM gone GROUP BY 1, 2, 3, 4
    ON CONFLICT (unit_id, dim, day, val) DO UPDATE SET ${COLS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')})
  SELECT count(*)::int AS n FROM gone`;

/**
 * The customer lens's copy of the touchpoints before `horizon` (no trigger fires
 * on DROP), in one statement before their partitions go: one pass over the lens,
 * where a delete per partition probed the lens's key per row (45 µs per
 * touchpoint at 1 M rows) or read the whole lens once per partition. No new
 * touchpoint before the horizon is taken (TOO_OLD), so none comes back.
 */
export async function dropCustomerTouchpoints(sql: Sql, horizon: number): Promise<number> {
  const [{ n }] = await sql.query<{ n: number }>(
    `WITH d AS (DELETE FROM customer_touchpoint WHERE occurred_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [new Date(horizon).toISOString()],
  );
  return n;
}

/** One retention run at `now`. The caller makes sure it runs on one replica at a time (see TouchpointStorageService). */
export async function runRetention(db: Database, now: number, settings: RetentionSettings): Promise<RetentionReport> {
  const report: RetentionReport = {
    droppedTouchpointPartitions: [],
    droppedKeyPartitions: [],
    legacyKeysDeleted: 0,
    foldedHourRows: 0,
    settledDays: 0,
    settledTouchpoints: 0,
  };
  const horizon = retentionHorizon(now, settings.rawDays);
  if (horizon !== null) {
    // Every past day is settled, not only the due ones: the day it falls due, its drop only drops.
    const settled = await settleOwnDays(db, settleBefore(now));
    report.settledDays = settled.days;
    report.settledTouchpoints = settled.touchpoints;
    const cut = dayOf(horizon);
    const due = (await listPartitions(db)).filter((p) => p.day !== null && p.day < cut);
    // Touchpoints first: a key outlives its touchpoint, never the other way round.
    due.sort((a, b) => (a.table === b.table ? a.name.localeCompare(b.name) : a.table === 'touchpoint' ? -1 : 1));
    if (due.some((p) => p.table === 'touchpoint')) await dropCustomerTouchpoints(db, horizon);
    for (const p of due) {
      if (!(await db.transaction((tx) => dropPartition(tx, p)))) continue;
      (p.table === 'touchpoint' ? report.droppedTouchpointPartitions : report.droppedKeyPartitions).push(p.name);
    }
    if (due.length) forgetPartitions(db);
    if (report.droppedTouchpointPartitions.length) {
      // Ids without a day keep their keys in one partition: those of dropped touchpoints go row by row.
      const [{ n }] = await db.query<{ n: number }>(
        `WITH d AS (DELETE FROM touchpoint_key_legacy WHERE occurred_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
        [new Date(horizon).toISOString()],
      );
      report.legacyKeysDeleted = n;
    }
  }
  const fold = retentionHorizon(now, settings.hourRollupDays);
  if (fold !== null) {
    const [{ n }] = await db.transaction((tx) => tx.query<{ n: number }>(FOLD_SQL, [new Date(fold).toISOString()]));
    report.foldedHourRows = n;
  }
  return report;
}

/** Runs `fn` only if no other replica is running it (a PostgreSQL advisory lock); the embedded database is one process. */
export async function aloneAcrossReplicas(db: Database, key: string, fn: () => Promise<void>): Promise<boolean> {
  if (db.embedded) {
    await fn();
    return true;
  }
  let got = false;
  await db.transaction(async (tx) => {
    [{ got }] = await tx.query<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS got`, [key]);
    if (got) await fn(); // the lock lives as long as this transaction; fn works on other connections
  });
  return got;
}

// The units of $p's subtree that have children: the only ones a touchpoint's parent can be (rollup-deltas.ts,
// PARENT_KEPT), and a probe each instead of one per leaf (PostgreSQL hashes org_unit's parent ids). A unit whose
// last child moves elsewhere drops out with its rows until it has a child again: rollups do not follow tree moves.
const PARENTS_IN_SUBTREE = (p: number): string =>
  `SELECT s.unit_id FROM org_unit_subtree s WHERE s.ancestor_id = $${p} AND EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = s.unit_id)`;

/**
 * A breakdown's rows for [from, to): day rows where hours were folded, hour
 * rows for the rest, the unit's own settled day rows where its raw rows were
 * dropped; `parentCode` (parentCodeOf): also the rows at the subtree's parents
 * under it, params $p (unit), $p+1 (dim code), $p+2/$p+3 (window).
 */
export function sliceRowsSql(p: number, parentCode: number | null = null): string {
  const rows = (unit: string, dim: string): string => `SELECT val, ${COLS.join(', ')} FROM rollup_hour WHERE unit_id ${unit} AND dim = ${dim} AND hour >= $${p + 2} AND hour < $${p + 3}
    UNION ALL
    SELECT val, ${COLS.join(', ')} FROM rollup_day_slice WHERE unit_id ${unit} AND dim = ${dim} AND day >= $${p + 2} AND day < $${p + 3}`;
  const own = `${rows(`= ${unitParam(p)}`, `$${p + 1}`)}
    UNION ALL
    SELECT val, ${COLS.join(', ')} FROM rollup_own_day WHERE unit_id = ${unitParam(p)} AND dim = $${p + 1} AND day >= $${p + 2} AND day < $${p + 3} AND day < ${DROPPED_BEFORE}`;
  return parentCode === null ? own : `${own}\n    UNION ALL\n    ${rows(`IN (${PARENTS_IN_SUBTREE(p)})`, String(parentCode))}`;
}

// The first day whose raw rows were never dropped: before it, a unit's own part is its settled day rows.
const DROPPED_BEFORE = `(SELECT dropped_before FROM raw_retention)`;

/**
 * Which edge of the window [from, to) falls inside a UTC day whose slice hours
 * (of the unit's slice, or with `parentCode` of its subtree's parent rows) were
 * folded into a day row, or whose raw rows were dropped with the unit's own
 * part in that day's settled rows, and that day: 'from' before 'to', null when
 * neither does (an edge at a UTC midnight never does). Both edges in one statement.
 */
export async function foldedSliceEdge(
  sql: Sql,
  unitId: string,
  dim: number,
  from: number,
  to: number,
  parentCode: number | null = null,
): Promise<{ field: 'from' | 'to'; day: number } | null> {
  // The edges that fall inside a day (an edge at a UTC midnight never does), with that day.
  const edges = ([['from', from], ['to', to]] as const).flatMap(([field, edge]) => (floorDay(edge) === edge ? [] : [{ field, day: floorDay(edge) }]));
  if (edges.length === 0) return null;
  const days = edges.map((e) => new Date(e.day).toISOString());
  // One existence probe per edge day and table (the key's range for it), as the statement per edge before it did.
  const probe = (match: string): string =>
    `SELECT e.day FROM unnest($3::timestamptz[]) AS e (day) WHERE EXISTS (SELECT 1 FROM rollup_day_slice s WHERE ${match} AND s.day = e.day)
       OR EXISTS (SELECT 1 FROM rollup_own_day o WHERE o.unit_id = $1 AND o.dim = $2 AND o.day = e.day AND o.day < ${DROPPED_BEFORE})`;
  const rows =
    parentCode === null
      ? await sql.query<{ day: Date }>(probe(`s.unit_id = $1 AND s.dim = $2`), [unitId, dim, days])
      : await sql.query<{ day: Date }>(probe(`(s.unit_id = $1 AND s.dim = $2 OR s.unit_id IN (${PARENTS_IN_SUBTREE(1)}) AND s.dim = $4)`), [unitId, dim, days, parentCode]);
  const folded = new Set(rows.map((r) => new Date(r.day).getTime()));
  return edges.find((e) => folded.has(e.day)) ?? null;
}

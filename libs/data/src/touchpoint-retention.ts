import { COUNTER_KEYS } from '@qihe/domain';
import type { Database, Sql } from './database';
import { foldOwnSlices } from './own-slices';
import { COUNTER_COLUMNS } from './rollup-deltas';
import { DAY_MS, floorDay, unitParam } from './rollup-grain';
import { dayOf, forgetPartitions, keyDayOf, LEGACY_KEY_DAY, listPartitions, PARTITION_LOCK_SQL } from './touchpoint-partitions';

// Retention (docs/retention.md): raw touchpoints older than QIHE_RETENTION_DAYS
// go a whole day partition at a time (never a DELETE), their ids' key
// partitions with them, their own-unit slice counters folded into day rows
// first (own-slices.ts: nothing else holds them); slice hour rollups older than QIHE_HOUR_ROLLUP_DAYS
// fold into day rows (rollup_day_slice). Rollups are never dropped, so every
// score stays answerable. Every step is idempotent and atomic on its own: a
// run that dies midway is finished by the next, and a second run changes nothing.

export interface RetentionSettings {
  /** Days of raw touchpoints kept (null: all). */
  rawDays: number | null;
  /** Days of slice hour rollups kept before they fold into day rows (null: all). */
  hourRollupDays: number | null;
}

/** The first UTC midnight still kept `days` days before `now`; null when everything is kept. */
export const retentionHorizon = (now: number, days: number | null): number | null =>
  days === null ? null : Math.floor((now - days * DAY_MS) / DAY_MS) * DAY_MS;

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
  /** Touchpoints of dropped partitions whose own-unit slice counters were folded into day rows (own-slices.ts). */
  foldedOwnTouchpoints: number;
}

// A partition read by a long statement (an export) makes a drop wait: give up after this and retry next run.
const LOCK_TIMEOUT = `SET LOCAL lock_timeout = '5s'`;
const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);
// Slice hour rows before $1 move into their day rows in one statement: nothing is counted twice or lost, whenever it stops.
const FOLD_SQL = `WITH gone AS (DELETE FROM rollup_hour WHERE dim > 0 AND hour < $1 RETURNING *),
  moved AS (
    INSERT INTO rollup_day_slice AS t (unit_id, dim, day, val, ${COLS.join(', ')})
    SELECT unit_id, dim, date_trunc('day', hour, 'UTC'), val, ${COLS.map((c) => `sum(${c})`).join(', ')} FROM gone GROUP BY 1, 2, 3, 4
    ON CONFLICT (unit_id, dim, day, val) DO UPDATE SET ${COLS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')})
  SELECT count(*)::int AS n FROM gone`;

/**
 * The customer lens's copy of a day partition's touchpoints (no trigger fires on DROP): gone with the partition, in
 * its transaction. Joined by the partition's rows on the lens's key (as the DELETE trigger does it), not by a range
 * of occurred_at: no index of the lens leads with it, so the range read the whole lens once per partition — most
 * partitions past the horizon hold a handful of late-clocked rows, and each cost a full read (146 ms at 1 M rows).
 * Joined, the planner probes the key per row for a small partition and reads the lens once for a big one.
 */
export async function dropCustomerTouchpoints(sql: Sql, partition: string): Promise<void> {
  await sql.query(`DELETE FROM customer_touchpoint c USING ${partition} t
    WHERE c.customer_id = t.customer_id AND c.need_category = t.need_category AND c.occurred_at = t.occurred_at AND c.id = t.id`);
}

/** One retention run at `now`. The caller makes sure it runs on one replica at a time (see TouchpointStorageService). */
export async function runRetention(db: Database, now: number, settings: RetentionSettings): Promise<RetentionReport> {
  const report: RetentionReport = { droppedTouchpointPartitions: [], droppedKeyPartitions: [], legacyKeysDeleted: 0, foldedHourRows: 0, foldedOwnTouchpoints: 0 };
  const horizon = retentionHorizon(now, settings.rawDays);
  if (horizon !== null) {
    const cut = dayOf(horizon);
    const due = (await listPartitions(db)).filter((p) => p.day !== null && p.day < cut);
    // Touchpoints first: a key outlives its touchpoint, never the other way round.
    due.sort((a, b) => (a.table === b.table ? a.name.localeCompare(b.name) : a.table === 'touchpoint' ? -1 : 1));
    for (const p of due) {
      await db.transaction(async (tx) => {
        await tx.query(LOCK_TIMEOUT);
        await tx.query(PARTITION_LOCK_SQL);
        const [{ here }] = await tx.query<{ here: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS here`, [p.name]);
        if (!here) return;
        if (p.table === 'touchpoint') {
          // While the day folds, only its own rows are held still (no rating or commitment changes one between the
          // fold and the drop); ingest and reads of every other day go on. The parent is locked, as DROP locks it,
          // only for the drop itself: a fold takes seconds at scale, and the whole table held for it stalled ingest.
          await tx.query(`LOCK TABLE ${p.name} IN SHARE MODE`);
          report.foldedOwnTouchpoints += await foldOwnSlices(tx, p.name, Date.parse(`${p.day as string}T00:00:00Z`));
          await dropCustomerTouchpoints(tx, p.name);
          await tx.query(`LOCK TABLE touchpoint IN ACCESS EXCLUSIVE MODE`);
        }
        await tx.query(`DROP TABLE IF EXISTS ${p.name}`);
      });
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
 * rows for the rest; `parentCode` (parentCodeOf): also the rows at the
 * subtree's parents under it, params $p (unit), $p+1 (dim code), $p+2/$p+3 (window).
 */
export function sliceRowsSql(p: number, parentCode: number | null = null): string {
  const rows = (unit: string, dim: string): string => `SELECT val, ${COLS.join(', ')} FROM rollup_hour WHERE unit_id ${unit} AND dim = ${dim} AND hour >= $${p + 2} AND hour < $${p + 3}
    UNION ALL
    SELECT val, ${COLS.join(', ')} FROM rollup_day_slice WHERE unit_id ${unit} AND dim = ${dim} AND day >= $${p + 2} AND day < $${p + 3}`;
  const own = rows(`= ${unitParam(p)}`, `$${p + 1}`);
  return parentCode === null ? own : `${own}\n    UNION ALL\n    ${rows(`IN (${PARENTS_IN_SUBTREE(p)})`, String(parentCode))}`;
}

/**
 * Which edge of the window [from, to) falls inside a UTC day whose slice hours
 * (of the unit's slice, or with `parentCode` of its subtree's parent rows) were
 * folded into a day row, and that day: 'from' before 'to', null when neither
 * does (an edge at a UTC midnight never does). Both edges in one statement.
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
  // One existence probe per edge day (the key's range for it), as the statement per edge before it did.
  const probe = (match: string): string =>
    `SELECT e.day FROM unnest($3::timestamptz[]) AS e (day) WHERE EXISTS (SELECT 1 FROM rollup_day_slice s WHERE ${match} AND s.day = e.day)`;
  const rows =
    parentCode === null
      ? await sql.query<{ day: Date }>(probe(`s.unit_id = $1 AND s.dim = $2`), [unitId, dim, days])
      : await sql.query<{ day: Date }>(probe(`(s.unit_id = $1 AND s.dim = $2 OR s.unit_id IN (${PARENTS_IN_SUBTREE(1)}) AND s.dim = $4)`), [unitId, dim, days, parentCode]);
  const folded = new Set(rows.map((r) => new Date(r.day).getTime()));
  return edges.find((e) => folded.has(e.day)) ?? null;
}

import { COUNTER_KEYS } from '@qihe/domain';
import type { Sql } from './database';
import { numberArray, textArray } from './pg-array';
import { COUNTER_COLUMNS, type DayRow, type HourRow, type MinuteRow, type RollupDeltas, type Vec } from './rollup-deltas';

// Writing rollups: a batch's summed deltas (rollup-deltas.ts) in one statement
// of one fixed shape, every table in lock order.

const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);
const N = COUNTER_KEYS.length;
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

const byLockOrderMinute = (a: MinuteRow, b: MinuteRow): number => b.depth - a.depth || cmp(a.unitId, b.unitId) || a.minute - b.minute;

export async function applyRollupDeltas(sql: Sql, deltas: RollupDeltas): Promise<void> {
  if (deltas.size === 0) return;
  const minutes = [...deltas.minutes.values()].sort(byLockOrderMinute);
  // Every table in one statement of one shape, even with empty arrays: one round
  // trip per transaction, and PostgreSQL runs the parts in the same order every
  // time, so the lock order across tables stays global.
  await sql.query(UPSERT_SQL, [...hourParams(deltas.hourRowsList()), ...dayParams(deltas.dayRowsList()), ...minuteParams(minutes)]);
}

/** ISO strings of epoch ms values, each distinct value formatted once. */
function isoTimes(ms: readonly number[]): string[] {
  const seen = new Map<number, string>();
  return ms.map((t) => {
    let iso = seen.get(t);
    if (iso === undefined) seen.set(t, (iso = new Date(t).toISOString()));
    return iso;
  });
}

/** One array literal per counter column (counters are never null). */
function counterParams(rows: readonly { n: Vec }[]): string[] {
  const cols: number[][] = COLS.map(() => new Array<number>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const n = rows[r].n;
    for (let i = 0; i < N; i++) cols[i][r] = n[i];
  }
  // The array's own join is the cheapest way from numbers to text.
  return cols.map((col) => `{${col.join(',')}}`);
}

const SET = COLS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ');
// The columns' own types (migration 1765090000000): 4-byte counters, handle seconds 8 bytes.
const COUNTER_ARGS = (first: number): string => COLS.map((c, i) => `$${first + i}::${c === COUNTER_COLUMNS.handleSeconds ? 'bigint' : 'int'}[]`).join(', ');
const HOUR_COLUMNS = `unit_id, hour, dim, val, ${COLS.join(', ')}`;
const HOUR_ROWS = `SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::smallint[], $4::text[], ${COUNTER_ARGS(5)})`;
// Day rows take parameters N+5…, minute rows 2N+7…, after the hourly rows' N+4.
const DAY_CTE = `day_rows AS (
  INSERT INTO rollup_day AS t (unit_id, day, ${COLS.join(', ')})
  SELECT * FROM unnest($${N + 5}::text[], $${N + 6}::timestamptz[], ${COUNTER_ARGS(N + 7)})
  ON CONFLICT (unit_id, day) DO UPDATE SET ${SET})`;
const MINUTE_CTE = `minute_rows AS (
  INSERT INTO rollup_minute AS t (unit_id, minute, ${COLS.join(', ')})
  SELECT * FROM unnest($${2 * N + 7}::text[], $${2 * N + 8}::timestamptz[], ${COUNTER_ARGS(2 * N + 9)})
  ON CONFLICT (unit_id, minute) DO UPDATE SET ${SET})`;
const UPSERT_SQL = `WITH ${DAY_CTE}, ${MINUTE_CTE}
INSERT INTO rollup_hour AS t (${HOUR_COLUMNS}) ${HOUR_ROWS}
  ON CONFLICT (unit_id, dim, hour, val) DO UPDATE SET ${SET}`;
const INSERT_HOURS_SQL = `WITH ${DAY_CTE}
INSERT INTO rollup_hour (${HOUR_COLUMNS}) ${HOUR_ROWS}`;
// The day rows alone, parameters $1… (DAY_CTE's numbering shifted down).
const UPSERT_DAYS_SQL = `INSERT INTO rollup_day AS t (unit_id, day, ${COLS.join(', ')})
  SELECT * FROM unnest($1::text[], $2::timestamptz[], ${COUNTER_ARGS(3)})
  ON CONFLICT (unit_id, day) DO UPDATE SET ${SET}`;

/** Adds day rows (in the lock order dayRowsList gives) to rollup_day. */
export async function upsertRollupDays(sql: Sql, days: readonly DayRow[]): Promise<void> {
  if (days.length) await sql.query(UPSERT_DAYS_SQL, dayParams(days));
}

/**
 * Writes hourly rows that do not exist yet, without an upsert, and adds them
 * to their day rows: for a recount into emptied tables (rollup-rebuild.ts),
 * where it is much cheaper. Minute rows are not written.
 */
export async function insertNewRollupHours(sql: Sql, deltas: RollupDeltas): Promise<void> {
  const hours = deltas.hourRowsList();
  if (hours.length === 0) return;
  await sql.query(INSERT_HOURS_SQL, [...hourParams(hours), ...dayParams(deltas.dayRowsList())]);
}

const hourParams = (rows: readonly HourRow[]): string[] => [
  textArray(rows.map((r) => r.unitId)),
  textArray(isoTimes(rows.map((r) => r.hour))),
  numberArray(rows.map((r) => r.dim)),
  textArray(rows.map((r) => r.val)),
  ...counterParams(rows),
];
const dayParams = (rows: readonly DayRow[]): string[] => [
  textArray(rows.map((r) => r.unitId)),
  textArray(isoTimes(rows.map((r) => r.day))),
  ...counterParams(rows),
];
const minuteParams = (rows: readonly MinuteRow[]): string[] => [
  textArray(rows.map((r) => r.unitId)),
  textArray(isoTimes(rows.map((r) => r.minute))),
  ...counterParams(rows),
];

/** Drops minute rollups older than `before`: the feed needs only the last hour. */
export async function pruneMinutes(sql: Sql, before: number): Promise<void> {
  await sql.query(`DELETE FROM rollup_minute WHERE minute < $1`, [new Date(before).toISOString()]);
}

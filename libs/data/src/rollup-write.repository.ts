import { COUNTER_KEYS } from '@qihe/domain';
import type { Sql } from './database';
import { numberColumn, textColumn } from './pg-array';
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
  // The own-unit parts of touchpoints from before yesterday, into their days' change rows (rollup_own_day).
  if (deltas.own.length) await sql.query(OWN_CHANGES_SQL, hourParams(deltas.ownRowsList()));
}

/** Epoch seconds of epoch ms values (whole hours, days, minutes): `{1764651600,…}`, ten bytes where an ISO string takes 27. */
const epochSeconds = <T>(rows: readonly T[], ms: (row: T) => number): string => numberColumn(rows, (r) => ms(r) / 1000);

// One column's numbers, reused by every call (counterParams runs to its end without yielding).
const column: number[] = [];

/** One array literal per counter column (counters are never null). */
function counterParams(rows: readonly { n: Vec }[]): string[] {
  const out = new Array<string>(N);
  column.length = rows.length;
  let zeros: string | null = null;
  for (let i = 0; i < N; i++) {
    let allZero = true;
    for (let r = 0; r < rows.length; r++) {
      const v = rows[r].n[i];
      column[r] = v;
      if (v !== 0) allZero = false;
    }
    // Most columns of a batch are all zeros (ratings, commitments, repeats …): one literal serves them all.
    // Otherwise the array's own join is the cheapest way from numbers to text.
    out[i] = allZero ? (zeros ??= rows.length ? `{${'0,'.repeat(rows.length - 1)}0}` : '{}') : `{${column.join(',')}}`;
  }
  return out;
}

const SET = COLS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ');
// The columns' own types (migration 1765090000000): 4-byte counters, handle seconds 8 bytes.
const COUNTER_ARGS = (first: number): string[] => COLS.map((c, i) => each(first + i, c === COUNTER_COLUMNS.handleSeconds ? 'bigint' : 'int'));
// The arrays unnested side by side in the select list (a ProjectSet, in lockstep, in array order), not
// `FROM unnest(a, b, …)`: that one copies each array's elements into a tuplestore of its own first,
// which cost PostgreSQL more than the upsert's index and heap work per row (perf, docs/PERFORMANCE.md).
const each = (param: number, type: string): string => `unnest($${param}::${type}[])`;
// Times travel as epoch seconds (epochSeconds): fewer bytes to send, parse and copy into the plan than ISO text.
const eachTime = (param: number): string => `to_timestamp(unnest($${param}::float8[]))`;
const unnested = (columns: readonly string[]): string => `SELECT ${columns.join(', ')}`;
const HOUR_COLUMNS = `unit_id, hour, dim, val, ${COLS.join(', ')}`;
const HOUR_ROWS = unnested([each(1, 'text'), eachTime(2), each(3, 'smallint'), each(4, 'text'), ...COUNTER_ARGS(5)]);
// Day rows take parameters N+5…, minute rows 2N+7…, after the hourly rows' N+4.
const DAY_CTE = `day_rows AS (
  INSERT INTO rollup_day AS t (unit_id, day, ${COLS.join(', ')})
  ${unnested([each(N + 5, 'text'), eachTime(N + 6), ...COUNTER_ARGS(N + 7)])}
  ON CONFLICT (unit_id, day) DO UPDATE SET ${SET})`;
const MINUTE_CTE = `minute_rows AS (
  INSERT INTO rollup_minute AS t (unit_id, minute, ${COLS.join(', ')})
  ${unnested([each(2 * N + 7, 'text'), eachTime(2 * N + 8), ...COUNTER_ARGS(2 * N + 9)])}
  ON CONFLICT (unit_id, minute) DO UPDATE SET ${SET})`;
const UPSERT_SQL = `WITH ${DAY_CTE}, ${MINUTE_CTE}
INSERT INTO rollup_hour AS t (${HOUR_COLUMNS}) ${HOUR_ROWS}
  ON CONFLICT (unit_id, dim, hour, val) DO UPDATE SET ${SET}`;
const INSERT_HOURS_SQL = `WITH ${DAY_CTE}
INSERT INTO rollup_hour (${HOUR_COLUMNS}) ${HOUR_ROWS}`;
// The day rows alone, parameters $1… (DAY_CTE's numbering shifted down).
const UPSERT_DAYS_SQL = `INSERT INTO rollup_day AS t (unit_id, day, ${COLS.join(', ')})
  ${unnested([each(1, 'text'), eachTime(2), ...COUNTER_ARGS(3)])}
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
  textColumn(rows, (r) => r.unitId),
  epochSeconds(rows, (r) => r.hour),
  numberColumn(rows, (r) => r.dim),
  textColumn(rows, (r) => r.val),
  ...counterParams(rows),
];
const dayParams = (rows: readonly DayRow[]): string[] => [textColumn(rows, (r) => r.unitId), epochSeconds(rows, (r) => r.day), ...counterParams(rows)];
const minuteParams = (rows: readonly MinuteRow[]): string[] => [
  textColumn(rows, (r) => r.unitId),
  epochSeconds(rows, (r) => r.minute),
  ...counterParams(rows),
];

/** Drops minute rollups older than `before`: the feed needs only the last hour. */
export async function pruneMinutes(sql: Sql, before: number): Promise<void> {
  await sql.query(`DELETE FROM rollup_minute WHERE minute < $1`, [new Date(before).toISOString()]);
}

// A day's change rows (base = false): never the rows settling writes, so neither waits for the other. Whether or
// not the day is settled yet, settling counts them as already written (own-slices.ts, foldOwnSlices), so a settled
// day's base plus its changes stay the day's rows. Last in the lock order, rows in key order (ownRowsList).
const OWN_CHANGES_SQL = `INSERT INTO rollup_own_day AS t (unit_id, day, dim, val, ${COLS.join(', ')}, base) ${HOUR_ROWS}, false
  ON CONFLICT (unit_id, dim, day, val, base) DO UPDATE SET ${SET}`;

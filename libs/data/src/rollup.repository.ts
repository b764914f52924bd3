import { COUNTER_KEYS, SLICE_DIMENSIONS, zeroCounters, type CounterKey, type Counters, type SliceDimension } from '@qihe/domain';
import type { Sql } from './database';
import { numberArray, textArray } from './pg-array';
import { DAY_MS, splitByGrain, type GrainSplit } from './rollup-grain';

// Rollups are additive counters per (subtree unit, hour, slice), plus a day
// row per subtree unit and UTC day that is always the sum of its hourly whole
// rows, and minute rows for the live feed. Deltas of a whole batch are first
// summed per row, then applied in one statement of one fixed shape. Every
// transaction locks rollup rows in one global order — one table after another,
// always in the same order, and within each table rows below the root first,
// the root's last — so concurrent transactions never deadlock, and the rows
// every batch shares (the root's) are locked as late as possible.

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const COUNTER_COLUMNS: Record<CounterKey, string> = Object.fromEntries(COUNTER_KEYS.map((k) => [k, snake(k)])) as Record<
  CounterKey,
  string
>;
const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);
const N = COUNTER_KEYS.length;

/** dim 0 is the whole; 1.. are the slice dimensions in SLICE_DIMENSIONS order. */
export const WHOLE = 0;
export const dimCode = (d: SliceDimension): number => SLICE_DIMENSIONS.indexOf(d) + 1;
const DIMS = SLICE_DIMENSIONS.length;

/** Counters as a plain array in COUNTER_KEYS order: summing 24 rows per touchpoint stays cheap. */
type Vec = number[];
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
const toVec = (c: Counters): Vec => COUNTER_KEYS.map((k) => c[k]);
function addVec(into: Vec, d: Vec): void {
  for (let i = 0; i < N; i++) into[i] += d[i];
}

interface HourRow {
  unitId: string;
  hour: number;
  dim: number;
  val: string;
  depth: number;
  n: Vec;
}
interface DayRow {
  unitId: string;
  day: number;
  depth: number;
  n: Vec;
}
interface MinuteRow {
  unitId: string;
  minute: number;
  depth: number;
  n: Vec;
}
/** One unit's hour: the whole row (once touched) and, per dimension, a row per slice value. */
interface UnitHour {
  unitId: string;
  hour: number;
  depth: number;
  whole: HourRow | null;
  slices: Map<string, HourRow>[];
}

export class RollupDeltas {
  private readonly unitHours = new Map<string, UnitHour>();
  readonly minutes = new Map<string, MinuteRow>();
  private hourRows = 0;

  /** `depth`: the unit's distance from the root (0 for the root); it orders the locks. */
  addHour(unitId: string, hour: number, dim: number, val: string, delta: Counters, depth = 1): void {
    this.addToUnitHour(this.unitHour(unitId, hour, depth), dim, val, toVec(delta));
  }

  addMinute(unitId: string, minute: number, delta: Counters, depth = 1): void {
    this.addMinuteVec(unitId, minute, toVec(delta), depth);
  }

  /** @internal */
  unitHour(unitId: string, hour: number, depth: number): UnitHour {
    const key = `${unitId}\u0000${hour}`;
    let uh = this.unitHours.get(key);
    if (!uh) {
      uh = { unitId, hour, depth, whole: null, slices: [] };
      for (let d = 0; d < DIMS; d++) uh.slices.push(new Map());
      this.unitHours.set(key, uh);
    }
    return uh;
  }

  /** @internal */
  addToUnitHour(uh: UnitHour, dim: number, val: string, v: Vec): void {
    const existing = dim === WHOLE ? uh.whole : uh.slices[dim - 1].get(val);
    if (existing) return addVec(existing.n, v);
    const row: HourRow = { unitId: uh.unitId, hour: uh.hour, dim, val, depth: uh.depth, n: v.slice() };
    if (dim === WHOLE) uh.whole = row;
    else uh.slices[dim - 1].set(val, row);
    this.hourRows++;
  }

  /** @internal */
  addMinuteVec(unitId: string, minute: number, v: Vec, depth: number): void {
    const key = `${unitId}\u0000${minute}`;
    const row = this.minutes.get(key);
    if (row) addVec(row.n, v);
    else this.minutes.set(key, { unitId, minute, depth, n: v.slice() });
  }

  /**
   * Every hourly row, in lock order: by depth (deepest first), then in the
   * primary key's order (unit, dim, hour, val), so that consecutive rows of an
   * upsert land next to each other in the index.
   */
  hourRowsList(): HourRow[] {
    const unitHours = [...this.unitHours.values()].sort((a, b) => b.depth - a.depth || cmp(a.unitId, b.unitId) || a.hour - b.hour);
    const out: HourRow[] = [];
    for (let start = 0; start < unitHours.length; ) {
      let end = start + 1;
      while (end < unitHours.length && unitHours[end].unitId === unitHours[start].unitId) end++;
      // One unit's hours, in hour order: its whole rows, then each dimension's rows hour by hour.
      for (let i = start; i < end; i++) if (unitHours[i].whole) out.push(unitHours[i].whole as HourRow);
      for (let d = 0; d < DIMS; d++) {
        for (let i = start; i < end; i++) {
          const m = unitHours[i].slices[d];
          if (m.size === 1) for (const r of m.values()) out.push(r);
          else if (m.size > 1) for (const val of [...m.keys()].sort()) out.push(m.get(val) as HourRow);
        }
      }
      start = end;
    }
    return out;
  }

  /**
   * The day rows these hourly rows add to: per unit and UTC day, the sum of its
   * whole rows, in lock order (deepest first, then unit and day).
   */
  dayRowsList(): DayRow[] {
    const days = new Map<string, DayRow>();
    for (const uh of this.unitHours.values()) {
      if (!uh.whole) continue;
      const day = Math.floor(uh.hour / DAY_MS) * DAY_MS;
      const key = `${uh.unitId}\u0000${day}`;
      const row = days.get(key);
      if (row) addVec(row.n, uh.whole.n);
      else days.set(key, { unitId: uh.unitId, day, depth: uh.depth, n: uh.whole.n.slice() });
    }
    return [...days.values()].sort((a, b) => b.depth - a.depth || cmp(a.unitId, b.unitId) || a.day - b.day);
  }

  /** Moves the hourly rows of hours before `hour` into a new set; minute rows stay. */
  takeHoursBefore(hour: number): RollupDeltas {
    const out = new RollupDeltas();
    for (const [key, uh] of this.unitHours) {
      if (uh.hour >= hour) continue;
      const rows = (uh.whole ? 1 : 0) + uh.slices.reduce((n, m) => n + m.size, 0);
      this.unitHours.delete(key);
      this.hourRows -= rows;
      out.unitHours.set(key, uh);
      out.hourRows += rows;
    }
    return out;
  }

  /** Drops every hourly row (once they are written elsewhere); minute rows stay. */
  clearHours(): void {
    this.unitHours.clear();
    this.hourRows = 0;
  }

  get size(): number {
    return this.hourRows + this.minutes.size;
  }
}

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

/** One bigint[] literal per counter column (counters are never null). */
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
const COUNTER_ARGS = (first: number): string => COLS.map((_, i) => `$${first + i}::bigint[]`).join(', ');
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

const SUMS = COLS.map((c, i) => `sum(${c})::float8 AS c${i}`).join(', ');

function countersOf(row: Record<string, unknown>): Counters {
  const c = zeroCounters();
  COUNTER_KEYS.forEach((k, i) => (c[k] = Number(row[`c${i}`] ?? 0)));
  return c;
}

/** The bounds of a split as six parameters: head hours, days, tail hours. */
const splitParams = (s: GrainSplit): string[] => [s.head, s.days, s.tail].flatMap(([lo, hi]) => [new Date(lo).toISOString(), new Date(hi).toISOString()]);

/**
 * The whole-subtree rows of the unit `unit` (an SQL expression) in a split
 * whose bounds are $p…$p+5, as one row set of (t, counters…): whole days from
 * rollup_day, the hours around them from rollup_hour. Three plain index ranges
 * (an empty one costs nothing), so the planner sees each bound.
 */
const WHOLE_ROWS = (unit: string, p: number): string => `
  SELECT hour AS t, ${COLS.join(', ')} FROM rollup_hour
   WHERE unit_id = ${unit} AND dim = 0 AND hour >= $${p} AND hour < $${p + 1}
  UNION ALL
  SELECT day, ${COLS.join(', ')} FROM rollup_day
   WHERE unit_id = ${unit} AND day >= $${p + 2} AND day < $${p + 3}
  UNION ALL
  SELECT hour, ${COLS.join(', ')} FROM rollup_hour
   WHERE unit_id = ${unit} AND dim = 0 AND hour >= $${p + 4} AND hour < $${p + 5}`;

/**
 * Summed whole-subtree counters per unit for [from, to). Units without rows are absent.
 * One small aggregate per unit (a nested loop): as one big UNION ALL over all
 * units, PostgreSQL would pick a parallel plan whose worker start-up costs far
 * more than the few hundred rows it reads.
 */
export async function sumByUnit(sql: Sql, unitIds: string[], from: number, to: number): Promise<Map<string, Counters>> {
  const rows = await sql.query(
    `SELECT u.unit_id, s.* FROM unnest($1::text[]) AS u (unit_id)
       CROSS JOIN LATERAL (SELECT count(*) AS n, ${SUMS} FROM (${WHOLE_ROWS('u.unit_id', 2)}) w) s
      WHERE s.n > 0`,
    [unitIds, ...splitParams(splitByGrain(from, to))],
  );
  return new Map(rows.map((r) => [String(r.unit_id), countersOf(r)]));
}

/** A subtree's counters per value of one slice dimension for [from, to). */
export async function sumBySlice(sql: Sql, unitId: string, dim: SliceDimension, from: number, to: number): Promise<Map<string, Counters>> {
  const rows = await sql.query(
    `SELECT val, ${SUMS} FROM rollup_hour
      WHERE unit_id = $1 AND dim = $2 AND hour >= $3 AND hour < $4
      GROUP BY val ORDER BY val`,
    [unitId, dimCode(dim), new Date(from).toISOString(), new Date(to).toISOString()],
  );
  return new Map(rows.map((r) => [String(r.val), countersOf(r)]));
}

/**
 * A subtree's counters in consecutive buckets of `stepMs` from `from` (whole
 * hours), keyed by bucket index. Day rows serve the whole UTC days when every
 * bucket edge is a UTC midnight (see splitByGrain); else hours serve it all.
 */
export async function sumByBucket(sql: Sql, unitId: string, from: number, to: number, stepMs: number): Promise<Map<number, Counters>> {
  const split = splitByGrain(from, to, stepMs);
  const bucket = `floor(extract(epoch FROM t - $2::timestamptz) * 1000 / $3)::int AS bucket`;
  const rows =
    split.days[0] === split.days[1]
      ? await sql.query(
          `SELECT ${bucket}, ${SUMS} FROM (SELECT hour AS t, ${COLS.join(', ')} FROM rollup_hour
             WHERE unit_id = $1 AND dim = 0 AND hour >= $2 AND hour < $4) w
            GROUP BY bucket`,
          [unitId, new Date(from).toISOString(), stepMs, new Date(to).toISOString()],
        )
      : await sql.query(`SELECT ${bucket}, ${SUMS} FROM (${WHOLE_ROWS('$1', 4)}) w GROUP BY bucket`, [
          unitId,
          new Date(from).toISOString(),
          stepMs,
          ...splitParams(split),
        ]);
  return new Map(rows.map((r) => [Number(r.bucket), countersOf(r)]));
}

/** Whole-subtree counters per unit over minute rollups, for the feed's rolling hour. */
export async function sumMinutesByUnit(sql: Sql, unitIds: string[], from: number, to: number): Promise<Map<string, Counters>> {
  const rows = await sql.query(
    `SELECT unit_id, ${SUMS} FROM rollup_minute
      WHERE unit_id = ANY($1::text[]) AND minute >= $2 AND minute < $3
      GROUP BY unit_id`,
    [unitIds, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  return new Map(rows.map((r) => [String(r.unit_id), countersOf(r)]));
}

/** Drops minute rollups older than `before`: the feed needs only the last hour. */
export async function pruneMinutes(sql: Sql, before: number): Promise<void> {
  await sql.query(`DELETE FROM rollup_minute WHERE minute < $1`, [new Date(before).toISOString()]);
}

/** Adds one touchpoint's counters to every rollup row it belongs to: each unit of its lineage, whole and per slice. */
export function addToRollups(
  deltas: RollupDeltas,
  lineage: readonly string[],
  occurredAt: number,
  slices: Record<SliceDimension, string>,
  delta: Counters,
  minutesSince = Date.now() - MINUTE_HORIZON_MS,
): void {
  const hour = Math.floor(occurredAt / 3_600_000) * 3_600_000;
  const minute = Math.floor(occurredAt / 60_000) * 60_000;
  // Minute rows serve only the feed's rolling hour: older touchpoints skip them.
  const withMinute = minute >= minutesSince;
  const v = toVec(delta);
  const vals = SLICE_DIMENSIONS.map((d) => slices[d]);
  // lineage runs from the unit up to the root: the last entry has depth 0.
  for (let i = 0; i < lineage.length; i++) {
    const unitId = lineage[i];
    const depth = lineage.length - 1 - i;
    const uh = deltas.unitHour(unitId, hour, depth);
    deltas.addToUnitHour(uh, WHOLE, '', v);
    for (let d = 0; d < DIMS; d++) deltas.addToUnitHour(uh, d + 1, vals[d], v);
    if (withMinute) deltas.addMinuteVec(unitId, minute, v, depth);
  }
}

/** How far back minute rollups are kept: the feed's hour and a margin for late ratings and clock skew. */
export const MINUTE_HORIZON_MS = 2 * 3_600_000;

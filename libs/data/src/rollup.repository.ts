import { COUNTER_KEYS, SLICE_DIMENSIONS, zeroCounters, addCounters, type CounterKey, type Counters, type SliceDimension } from '@qihe/domain';
import type { Sql } from './database';

// Rollups are additive counters per (subtree unit, hour, slice). Deltas of a
// whole batch are first summed per row, then applied with one upsert per table,
// rows in key order so that concurrent batches lock them in the same order and
// never deadlock.

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const COUNTER_COLUMNS: Record<CounterKey, string> = Object.fromEntries(COUNTER_KEYS.map((k) => [k, snake(k)])) as Record<
  CounterKey,
  string
>;
const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);

/** dim 0 is the whole; 1.. are the slice dimensions in SLICE_DIMENSIONS order. */
export const WHOLE = 0;
export const dimCode = (d: SliceDimension): number => SLICE_DIMENSIONS.indexOf(d) + 1;

interface HourRow {
  unitId: string;
  hour: number;
  dim: number;
  val: string;
  c: Counters;
}
interface MinuteRow {
  unitId: string;
  minute: number;
  c: Counters;
}

export class RollupDeltas {
  readonly hours = new Map<string, HourRow>();
  readonly minutes = new Map<string, MinuteRow>();

  addHour(unitId: string, hour: number, dim: number, val: string, delta: Counters): void {
    const key = `${unitId}\u0000${dim}\u0000${hour}\u0000${val}`;
    const row = this.hours.get(key);
    if (row) addCounters(row.c, delta);
    else this.hours.set(key, { unitId, hour, dim, val, c: addCounters(zeroCounters(), delta) });
  }

  addMinute(unitId: string, minute: number, delta: Counters): void {
    const key = `${unitId}\u0000${minute}`;
    const row = this.minutes.get(key);
    if (row) addCounters(row.c, delta);
    else this.minutes.set(key, { unitId, minute, c: addCounters(zeroCounters(), delta) });
  }

  get size(): number {
    return this.hours.size + this.minutes.size;
  }
}

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

export async function applyRollupDeltas(sql: Sql, deltas: RollupDeltas): Promise<void> {
  if (deltas.hours.size) {
    const rows = [...deltas.hours.values()].sort(
      (a, b) => cmp(a.unitId, b.unitId) || a.dim - b.dim || a.hour - b.hour || cmp(a.val, b.val),
    );
    await upsert(sql, 'rollup_hour', ['unit_id', 'hour', 'dim', 'val'], ['text', 'timestamptz', 'smallint', 'text'], rows, (r) => [
      r.unitId,
      new Date(r.hour).toISOString(),
      r.dim,
      r.val,
    ]);
  }
  if (deltas.minutes.size) {
    const rows = [...deltas.minutes.values()].sort((a, b) => cmp(a.unitId, b.unitId) || a.minute - b.minute);
    await upsert(sql, 'rollup_minute', ['unit_id', 'minute'], ['text', 'timestamptz'], rows, (r) => [r.unitId, new Date(r.minute).toISOString()]);
  }
}

async function upsert<R extends { c: Counters }>(
  sql: Sql,
  table: string,
  keyCols: string[],
  keyTypes: string[],
  rows: R[],
  keyOf: (r: R) => unknown[],
): Promise<void> {
  const keyArrays: unknown[][] = keyCols.map(() => []);
  const counterArrays: number[][] = COUNTER_KEYS.map(() => []);
  for (const r of rows) {
    keyOf(r).forEach((v, i) => keyArrays[i].push(v));
    COUNTER_KEYS.forEach((k, i) => counterArrays[i].push(r.c[k]));
  }
  const types = [...keyTypes, ...COLS.map(() => 'bigint')];
  const params = [...keyArrays, ...counterArrays];
  const allCols = [...keyCols, ...COLS];
  await sql.query(
    `INSERT INTO ${table} (${allCols.join(', ')})
     SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
     ON CONFLICT (${table === 'rollup_hour' ? 'unit_id, dim, hour, val' : 'unit_id, minute'})
     DO UPDATE SET ${COLS.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ')}`,
    params,
  );
}

const SUMS = COLS.map((c, i) => `sum(${c})::float8 AS c${i}`).join(', ');

function countersOf(row: Record<string, unknown>): Counters {
  const c = zeroCounters();
  COUNTER_KEYS.forEach((k, i) => (c[k] = Number(row[`c${i}`] ?? 0)));
  return c;
}

/** Summed whole-subtree counters per unit for [from, to). Units without rows are absent. */
export async function sumByUnit(sql: Sql, unitIds: string[], from: number, to: number): Promise<Map<string, Counters>> {
  const rows = await sql.query(
    `SELECT unit_id, ${SUMS} FROM rollup_hour
      WHERE unit_id = ANY($1::text[]) AND dim = 0 AND hour >= $2 AND hour < $3
      GROUP BY unit_id`,
    [unitIds, new Date(from).toISOString(), new Date(to).toISOString()],
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

/** A subtree's counters in consecutive buckets of `stepMs` from `from`, keyed by bucket index. */
export async function sumByBucket(sql: Sql, unitId: string, from: number, to: number, stepMs: number): Promise<Map<number, Counters>> {
  const rows = await sql.query(
    `SELECT floor(extract(epoch FROM hour - $2::timestamptz) * 1000 / $4)::int AS bucket, ${SUMS} FROM rollup_hour
      WHERE unit_id = $1 AND dim = 0 AND hour >= $2 AND hour < $3
      GROUP BY bucket`,
    [unitId, new Date(from).toISOString(), new Date(to).toISOString(), stepMs],
  );
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
  for (const unitId of lineage) {
    deltas.addHour(unitId, hour, WHOLE, '', delta);
    for (const d of SLICE_DIMENSIONS) deltas.addHour(unitId, hour, dimCode(d), slices[d], delta);
    if (withMinute) deltas.addMinute(unitId, minute, delta);
  }
}

/** How far back minute rollups are kept: the feed's hour and a margin for late ratings and clock skew. */
export const MINUTE_HORIZON_MS = 2 * 3_600_000;

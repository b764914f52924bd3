import { COUNTER_KEYS, SLICE_DIMENSIONS, type CounterKey, type Counters, type SliceDimension } from '@qihe/domain';
import { DAY_MS, floorDay } from './rollup-grain';

// Rollups are additive counters per (subtree unit, hour, slice), plus a day
// row per subtree unit and UTC day that is always the sum of its hourly whole
// rows, and minute rows for the live feed. A whole batch's deltas are summed
// here per row, in memory and without SQL, then written in one statement
// (rollup-write.repository.ts). Every transaction locks rollup rows in one
// global order — one table after another, always in the same order, and
// within each table rows below the root first, the root's last — so
// concurrent transactions never deadlock, and the rows every batch shares (the
// root's) are locked as late as possible: the lists below come in that order.

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const COUNTER_COLUMNS: Record<CounterKey, string> = Object.fromEntries(COUNTER_KEYS.map((k) => [k, snake(k)])) as Record<
  CounterKey,
  string
>;

/** dim 0 is the whole; 1.. are the slice dimensions in SLICE_DIMENSIONS order. */
export const WHOLE = 0;
export const dimCode = (d: SliceDimension): number => SLICE_DIMENSIONS.indexOf(d) + 1;
const DIMS = SLICE_DIMENSIONS.length;

// The dimensions with a value per person or catalogue entry (an agent's or a
// team's hour) were most of the rows written, each the same at every ancestor
// (docs/PERFORMANCE.md, slices16). Their rows are written once, at the
// touchpoint's parent unit, under the dimension's code + PARENT_CODE: such a
// row at P holds the touchpoints of P's children, and a breakdown at A sums
// those rows over A's subtree (sliceRowsSql), plus A's own from its raw rows.
// Rows under the plain code (written at every ancestor before) stay as they
// are and are still added: a row under either code is counted once.
export const PARENT_KEPT: readonly SliceDimension[] = ['AGENT', 'TEAM', 'PRODUCT', 'PERCEPTION_POINT'];
export const PARENT_CODE = 100;
const parentKept = SLICE_DIMENSIONS.map((d) => PARENT_KEPT.includes(d));
/** The code of `dim`'s rows at the touchpoints' parents, or null when its rows are at every ancestor. */
export const parentCodeOf = (dim: number): number | null => (parentKept[dim - 1] ? dim + PARENT_CODE : null);
const N = COUNTER_KEYS.length;

/** Counters as a plain array in COUNTER_KEYS order: summing 24 rows per touchpoint stays cheap. */
export type Vec = number[];
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
const toVec = (c: Counters): Vec => COUNTER_KEYS.map((k) => c[k]);
function addVec(into: Vec, d: Vec): void {
  for (let i = 0; i < N; i++) into[i] += d[i];
}

export interface HourRow {
  unitId: string;
  hour: number;
  dim: number;
  val: string;
  depth: number;
  n: Vec;
}
export interface DayRow {
  unitId: string;
  day: number;
  depth: number;
  n: Vec;
}
export interface MinuteRow {
  unitId: string;
  minute: number;
  depth: number;
  n: Vec;
}
/**
 * A touchpoint's own-unit part (its unit, its UTC day, its slice values) in a
 * day that may be settled (touchpoint-retention.ts, settleOwnDays):
 * applyRollupDeltas adds it to the day's rollup_own_day change rows.
 */
export interface OwnEntry {
  unitId: string;
  day: number;
  vals: readonly string[];
  n: Vec;
}
/** One unit's hour: the whole row (once touched) and, per dimension, a row per slice value. */
interface UnitHour {
  unitId: string;
  hour: number;
  depth: number;
  whole: Row | null;
  /** Made on the first slice row: a unit's own hours have none (own-slices.ts). */
  slices: Map<string, Row>[] | null;
}
/**
 * A row whose `n` may still be the vector it was made from (shared with the
 * touchpoint's other rows): copied on its second addition only. Most slice
 * rows at the ancestors (an agent's, a team's hour) get one touchpoint a batch,
 * so they never need a vector of their own.
 */
interface SharedRow {
  n: Vec;
  own: boolean;
}
type Row = HourRow & SharedRow;
const newRow = (uh: UnitHour, dim: number, val: string, v: Vec): Row => ({ unitId: uh.unitId, hour: uh.hour, dim, val, depth: uh.depth, n: v, own: false });
function addShared(row: SharedRow, v: Vec): void {
  if (!row.own) {
    row.n = row.n.slice();
    row.own = true;
  }
  addVec(row.n, v);
}

export class RollupDeltas {
  /** The own-unit parts of touchpoints before ownBefore, whose day may be settled. */
  readonly own: OwnEntry[] = [];
  private readonly unitHours = new Map<string, UnitHour>();
  readonly minutes = new Map<string, MinuteRow>();
  private hourRows = 0;
  // The same unit hours and minute rows by unit, then hour (minute): a look-up per unit of each touchpoint's
  // lineage without a key string made and hashed for it (the unit's id, from the org tree, keeps its hash).
  private readonly hourIndex = new Map<string, Map<number, UnitHour>>();
  private readonly minuteIndex = new Map<string, Map<number, MinuteRow & SharedRow>>();

  /**
   * `ownBefore` (a UTC midnight, yesterday's by default): touchpoints before it
   * keep their own-unit part in `own`, for the change rows of their day
   * (applyRollupDeltas). Days are settled a day later at the earliest
   * (settleBefore), so a replica whose clock is up to a day behind still writes
   * every change to a day that may be settled. -Infinity: none (a recount
   * clears the change rows of the days it counts again).
   */
  constructor(readonly ownBefore: number = floorDay(Date.now()) - DAY_MS) {}

  /** `depth`: the unit's distance from the root (0 for the root); it orders the locks. */
  addHour(unitId: string, hour: number, dim: number, val: string, delta: Counters, depth = 1): void {
    this.addToUnitHour(this.unitHour(unitId, hour, depth), dim, val, toVec(delta));
  }

  addMinute(unitId: string, minute: number, delta: Counters, depth = 1): void {
    this.addMinuteVec(unitId, minute, toVec(delta), depth);
  }

  /** @internal */
  unitHour(unitId: string, hour: number, depth: number): UnitHour {
    let byHour = this.hourIndex.get(unitId);
    if (!byHour) this.hourIndex.set(unitId, (byHour = new Map()));
    const known = byHour.get(hour);
    if (known) return known;
    const key = `${unitId}\u0000${hour}`;
    let uh = this.unitHours.get(key);
    if (!uh) {
      uh = { unitId, hour, depth, whole: null, slices: null };
      this.unitHours.set(key, uh);
    }
    byHour.set(hour, uh);
    return uh;
  }

  /** @internal `v` is kept by reference until the row's second addition: it must not change afterwards. */
  addToUnitHour(uh: UnitHour, dim: number, val: string, v: Vec): void {
    if (dim === WHOLE) {
      if (uh.whole) return addShared(uh.whole, v);
      uh.whole = newRow(uh, dim, val, v);
    } else {
      const slices = (uh.slices ??= Array.from({ length: DIMS }, () => new Map<string, Row>()));
      // A parent code shares its dimension's place: a unit hour's rows stay in code order (the key's, and the locks').
      const m = slices[(dim > PARENT_CODE ? dim - PARENT_CODE : dim) - 1];
      const existing = m.get(val);
      if (existing) return addShared(existing, v);
      m.set(val, newRow(uh, dim, val, v));
    }
    this.hourRows++;
  }

  /** @internal */
  addMinuteVec(unitId: string, minute: number, v: Vec, depth: number): void {
    let byMinute = this.minuteIndex.get(unitId);
    if (!byMinute) this.minuteIndex.set(unitId, (byMinute = new Map()));
    const row = byMinute.get(minute);
    if (row) addShared(row, v);
    else {
      const fresh: MinuteRow & SharedRow = { unitId, minute, depth, n: v, own: false };
      this.minutes.set(`${unitId}\u0000${minute}`, fresh);
      byMinute.set(minute, fresh);
    }
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
          const m = unitHours[i].slices?.[d];
          if (!m) continue;
          if (m.size === 1) for (const r of m.values()) out.push(r);
          else if (m.size > 1) for (const val of [...m.keys()].sort()) out.push(m.get(val) as HourRow);
        }
      }
      start = end;
    }
    return out;
  }

  /** Every hourly row, in no particular order (for a COPY into an emptied table). */
  *hourRowsUnordered(): Generator<HourRow> {
    for (const uh of this.unitHours.values()) {
      if (uh.whole) yield uh.whole;
      for (const m of uh.slices ?? []) yield* m.values();
    }
  }

  get hourRowCount(): number {
    return this.hourRows;
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

  /**
   * The own-unit parts summed into their days' rows (`hour` holds the day), one
   * per unit, dimension, day and value, in key order (the lock order).
   */
  ownRowsList(): HourRow[] {
    const rows = new Map<string, HourRow>();
    for (const e of this.own) {
      for (let d = 0; d < DIMS; d++) {
        const key = `${e.unitId}\u0000${d}\u0000${e.day}\u0000${e.vals[d]}`;
        const row = rows.get(key);
        if (row) addVec(row.n, e.n);
        else rows.set(key, { unitId: e.unitId, hour: e.day, dim: d + 1, val: e.vals[d], depth: 0, n: e.n.slice() });
      }
    }
    return [...rows.values()].sort((a, b) => cmp(a.unitId, b.unitId) || a.dim - b.dim || a.hour - b.hour || cmp(a.val, b.val));
  }

  /** Moves the hourly rows of hours before `hour` into a new set; minute rows stay. */
  takeHoursBefore(hour: number): RollupDeltas {
    const out = new RollupDeltas(this.ownBefore);
    for (const [key, uh] of this.unitHours) {
      if (uh.hour >= hour) continue;
      const rows = (uh.whole ? 1 : 0) + (uh.slices ?? []).reduce((n, m) => n + m.size, 0);
      this.unitHours.delete(key);
      this.hourRows -= rows;
      out.unitHours.set(key, uh);
      out.hourRows += rows;
    }
    this.hourIndex.clear(); // rebuilt from unitHours on the next look-ups
    return out;
  }

  /** Drops every hourly row (once they are written elsewhere); minute rows stay. */
  clearHours(): void {
    this.unitHours.clear();
    this.hourIndex.clear();
    this.hourRows = 0;
  }

  get size(): number {
    return this.hourRows + this.minutes.size;
  }
}

const byLockOrderMinute = (a: MinuteRow, b: MinuteRow): number => b.depth - a.depth || cmp(a.unitId, b.unitId) || a.minute - b.minute;

/**
 * Adds one touchpoint's counters to every rollup row it belongs to: each unit
 * of its lineage whole, its ancestors (never its own unit) per slice, and for
 * the PARENT_KEPT dimensions its parent only. Before deltas.ownBefore, its own
 * unit's part is kept too, for its day's change rows.
 */
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
    // Slice rows are the ancestors' only: the unit's own part is counted from its rows (own-slices.ts).
    if (i > 0) {
      for (let d = 0; d < DIMS; d++) {
        if (!parentKept[d]) deltas.addToUnitHour(uh, d + 1, vals[d], v);
        else if (i === 1) deltas.addToUnitHour(uh, d + 1 + PARENT_CODE, vals[d], v);
      }
    }
    if (withMinute) deltas.addMinuteVec(unitId, minute, v, depth);
  }
  if (occurredAt < deltas.ownBefore) deltas.own.push({ unitId: lineage[0], day: floorDay(occurredAt), vals, n: v });
}

/** How far back minute rollups are kept: the feed's hour and a margin for late ratings and clock skew. */
export const MINUTE_HORIZON_MS = 2 * 3_600_000;

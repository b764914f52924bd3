import fc from 'fast-check';
import {
  MIGRATIONS,
  addToRollups,
  applyRollupDeltas,
  COUNTER_COLUMNS,
  Database,
  ensurePartitions,
  partitionsOf,
  rebuildRollups,
  rollupsNeedRecount,
  RollupDeltas,
  storeTouchpoints,
  sumByBucket,
  sumByUnit,
  upsertUnits,
  type Sql,
} from '@qihe/data';
import { COUNTER_KEYS, countTouchpoint, factsOf, repeatDelta, sliceValuesOf, type Counters, type TouchpointRecord } from '@qihe/domain';
import { openMigratedTestDatabase } from '../support/test-database';
import { TREE, UNITS, variedRecord } from '../support/varied-records';

// Day-grain rollups on a real PostgreSQL: a day row always equals the sum of
// its hourly whole rows, and every score read (interior days from rollup_day,
// edges from rollup_hour) gives exactly what summing the hourly rows gives —
// for ragged windows, windows inside one day, windows on day boundaries and
// trend buckets of any size, in a session whose time zone is not UTC.

const H = 3_600_000;
const D = 24 * H;
const UNIT_IDS = UNITS.map((u) => u.id);
// 20 days of data, starting at 07:00 UTC so that neither end is a midnight.
const START = Math.floor(Date.now() / D) * D - 25 * D + 7 * H;
const SPAN_HOURS = 20 * 24;

let db: Database;
let close: () => Promise<void>;

/** A deterministic, varied record `i` at `at`, in any of the six units. */
const record = (i: number, at: number): TouchpointRecord => variedRecord(i, at, UNIT_IDS);

/** Stores records and adds them to the rollups in one transaction, as ingestion does. */
async function ingest(records: TouchpointRecord[]): Promise<void> {
  await ensurePartitions(db, partitionsOf(records));
  await db.transaction(async (tx) => {
    const { received, repeats, turned } = await storeTouchpoints(tx, records.map((record) => ({ record, contentHash: 'h' })), 'site');
    const deltas = new RollupDeltas();
    for (const t of turned) addToRollups(deltas, TREE.lineage(t.unitId), t.occurredAt, sliceValuesOf(t), repeatDelta());
    for (const r of records) {
      addToRollups(deltas, TREE.lineage(r.unitId), r.occurredAt.getTime(), sliceValuesOf({ ...r, perceptionMember: null }), countTouchpoint(factsOf(r, received.get(r.id) as number, repeats.has(r.id))));
    }
    await applyRollupDeltas(tx, deltas);
  });
}

const COLS = COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]);
const toCounters = (row: Record<string, unknown>): Counters => Object.fromEntries(COUNTER_KEYS.map((k) => [k, Number(row[COUNTER_COLUMNS[k]])])) as Counters;
const iso = (ms: number): string => new Date(ms).toISOString();

/** The reference: whole-subtree counters per unit summed over hourly rows only. */
async function hourSums(unitIds: string[], from: number, to: number, sql: Sql = db): Promise<Map<string, Counters>> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT unit_id, ${COLS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ')} FROM rollup_hour
      WHERE unit_id = ANY($1::text[]) AND dim = 0 AND hour >= $2 AND hour < $3 GROUP BY unit_id`,
    [unitIds, iso(from), iso(to)],
  );
  return new Map(rows.map((r) => [String(r.unit_id), toCounters(r)]));
}

/** The reference for a trend: per bucket of `step`, summed over hourly rows only. */
async function hourBuckets(unitId: string, from: number, to: number, step: number): Promise<Map<number, Counters>> {
  const rows = await db.query<Record<string, unknown>>(`SELECT hour, ${COLS.join(', ')} FROM rollup_hour WHERE unit_id = $1 AND dim = 0 AND hour >= $2 AND hour < $3`, [
    unitId,
    iso(from),
    iso(to),
  ]);
  const out = new Map<number, Counters>();
  for (const r of rows) {
    const b = Math.floor(((r.hour as Date).getTime() - from) / step);
    const c = toCounters(r);
    const into = out.get(b);
    if (into) for (const k of COUNTER_KEYS) into[k] += c[k];
    else out.set(b, c);
  }
  return out;
}

/** Every day row as text, in key order. */
const daySnapshot = async (): Promise<string[]> =>
  (await db.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_day r ORDER BY unit_id, day`)).map((r) => r.j);

/** The day rows the hourly whole rows add up to, per UTC day, as text in key order. */
const daysFromHours = async (): Promise<string[]> =>
  (
    await db.query<{ j: string }>(
      `SELECT row_to_json(r)::text AS j FROM (
         SELECT unit_id, date_trunc('day', hour, 'UTC') AS day, ${COLS.map((c) => `sum(${c})::bigint AS ${c}`).join(', ')}
           FROM rollup_hour WHERE dim = 0 GROUP BY 1, 2) r
        ORDER BY unit_id, day`,
    )
  ).map((r) => r.j);

beforeAll(async () => {
  // A session time zone far from UTC (+13:45): UTC days must not depend on it.
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 3, options: '-c TimeZone=Pacific/Chatham' }));
  await upsertUnits(db, UNITS);
  // Bursts and quiet hours, batches spanning days, and stragglers added to old days later.
  const times: number[] = [];
  for (let i = 0; i < 2400; i++) {
    const hour = (i * 7919) % SPAN_HOURS;
    if (hour % 24 === 3 || hour % 37 === 0) continue; // hours without any touchpoint
    times.push(START + hour * H + ((i * 104_729) % H));
  }
  const records = times.map((t, i) => record(i, t));
  for (let i = 0; i < records.length; i += 150) await ingest(records.slice(i, i + 150));
}, 120_000);

afterAll(async () => {
  await close?.();
});

it('runs in a session whose time zone is not UTC', async () => {
  expect((await db.query<{ tz: string }>(`SELECT current_setting('TimeZone') AS tz`))[0].tz).toBe('Pacific/Chatham');
});

it('keeps each day row equal to the sum of its unit’s hourly whole rows of that UTC day', async () => {
  const days = await daySnapshot();
  expect(days.length).toBeGreaterThan(20 * UNITS.length);
  expect(days).toEqual(await daysFromHours());
});

it('gives exactly the hourly sum for any window: ragged edges, inside one day, on day boundaries', async () => {
  const hour = fc.integer({ min: -30, max: SPAN_HOURS + 30 });
  const midnight = fc.integer({ min: -1, max: 21 }).map((d) => (Math.ceil(START / D) + d) * D);
  // Ends at any hour, or right on a UTC midnight.
  const end = fc.oneof(hour.map((h) => START + h * H), midnight);
  await fc.assert(
    fc.asyncProperty(end, end, fc.subarray(UNIT_IDS, { minLength: 1 }), async (a, b, units) => {
      if (a === b) return;
      const [from, to] = a < b ? [a, b] : [b, a];
      expect(await sumByUnit(db, units, from, to)).toEqual(await hourSums(units, from, to));
    }),
    { numRuns: 250 },
  );
});

it('gives exactly the hourly sum in every trend bucket, from a midnight or not', async () => {
  const from = fc.oneof(
    fc.integer({ min: -30, max: SPAN_HOURS }).map((h) => START + h * H),
    fc.integer({ min: -1, max: 20 }).map((d) => (Math.ceil(START / D) + d) * D),
  );
  const step = fc.constantFrom(H, D, 2 * D, 7 * D, 5 * H, 36 * H);
  await fc.assert(
    fc.asyncProperty(from, fc.integer({ min: 1, max: SPAN_HOURS }), step, fc.constantFrom(...UNIT_IDS), async (f, hours, s, unit) => {
      const to = f + hours * H;
      const want = await hourBuckets(unit, f, to, s);
      expect(await sumByBucket(db, unit, f, to, s)).toEqual(want);
      // The whole window as one bucket (a trend with a single point).
      expect(await sumByBucket(db, unit, f, to, to - f)).toEqual(await hourBuckets(unit, f, to, to - f));
    }),
    { numRuns: 150 },
  );
});

it('reads day rows for whole days: a stray day row shows in the sum, a stray hourly row inside it does not', async () => {
  const day = Math.ceil(START / D) * D + 5 * D;
  const before = (await sumByUnit(db, ['p1'], day - 5 * H, day + D + 5 * H)).get('p1') as Counters;
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE rollup_day SET touchpoints = touchpoints + 1000 WHERE unit_id = 'p1' AND day = $1`, [iso(day)]);
    await tx.query(`UPDATE rollup_hour SET touchpoints = touchpoints + 1 WHERE unit_id = 'p1' AND dim = 0 AND hour = $1`, [iso(day + 3 * H)]);
    const after = (await sumByUnit(tx, ['p1'], day - 5 * H, day + D + 5 * H)).get('p1') as Counters;
    expect(after.touchpoints).toBe(before.touchpoints + 1000);
    expect(await sumByUnit(tx, ['p1'], day + 2 * H, day + 5 * H)).toEqual(await hourSums(['p1'], day + 2 * H, day + 5 * H, tx));
    throw new Error('rollback');
  }).catch((e: Error) => expect(e.message).toBe('rollback'));
  expect(await daySnapshot()).toEqual(await daysFromHours());
});

it('rebuilds the same day rows from the raw touchpoints, whichever path the recount takes', async () => {
  const stored = await daySnapshot();
  for (const opts of [{}, { pageSize: 97, windowHours: 0, flushRows: 300, lateRows: 400 }, { pageSize: 200, windowHours: 1, flushRows: 500, lateRows: 1_000_000 }]) {
    await db.transaction((tx) => rebuildRollups(tx, (id) => TREE.lineage(id), opts));
    expect(await daySnapshot()).toEqual(stored);
    expect(await daysFromHours()).toEqual(stored);
  }
});

it('fills the day rows from the hourly rows when the migration is applied to a populated database', async () => {
  const stored = await daySnapshot();
  // Later migrations are reverted first, down to (and including) this one.
  const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'DayRollups1764100000000');
  for (let i = 0; i < later; i++) await db.revertLastMigration();
  expect(await db.query(`SELECT to_regclass('rollup_day') AS t`)).toEqual([{ t: null }]);
  expect((await db.migrate())[0]).toBe('DayRollups1764100000000');
  // The ratings of 3 (`neutral`, 1765230000000) went with their column: every other counter is filled from the hours.
  const withoutNeutral = (rows: string[]): string[] => rows.map((j) => JSON.stringify({ ...JSON.parse(j), neutral: undefined }));
  expect(withoutNeutral(await daySnapshot())).toEqual(withoutNeutral(stored));
  // As a gateway starts on it: the layout says the counters are not all counted, so it recounts from the rows.
  await db.transaction(async (tx) => {
    expect(await rollupsNeedRecount(tx)).toBe(true);
    await rebuildRollups(tx, (id) => TREE.lineage(id));
  });
  expect(await daySnapshot()).toEqual(stored);
});

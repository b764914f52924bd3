import { COUNTER_COLUMNS, Database, MIGRATIONS } from '@qihe/data';
import { COUNTER_KEYS, type CounterKey } from '@qihe/domain';
import { openMigratedTestDatabase } from '../support/test-database';

// Migration 1765090000000 on a real PostgreSQL with data: rollup counters become
// 4-byte integers (handle seconds stay 8 bytes) — smaller rows, less WAL per
// rollup rewrite — and every stored value moves as it is, down and up again.

// Counters added by later migrations (1765230000000): their columns are not there once the schema is below them.
// A new counter goes here too, or the round trip below fails on its missing column.
const ADDED_LATER: readonly CounterKey[] = ['neutral'];
const COLS = COUNTER_KEYS.filter((k) => !ADDED_LATER.includes(k)).map((k) => COUNTER_COLUMNS[k]);
const TABLES = { rollup_hour: 'hour', rollup_day: 'day', rollup_minute: 'minute', rollup_day_slice: 'day' } as const;
const MAX_INT = 2 ** 31 - 1;

let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
});
afterAll(async () => {
  await close?.();
});

const types = async (table: string): Promise<Record<string, string>> =>
  Object.fromEntries(
    (
      await db.query<{ c: string; t: string }>(
        `SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = ANY($2::text[])`,
        [table, COLS],
      )
    ).map((r) => [r.c, r.t]),
  );

/** Every counter of every row, as text (exact whatever the column type). */
const snapshot = async (): Promise<Record<string, unknown>[]> => {
  const out: Record<string, unknown>[] = [];
  for (const [table, time] of Object.entries(TABLES)) {
    const keys = table.startsWith('rollup_hour') || table === 'rollup_day_slice' ? 'unit_id, dim, val' : 'unit_id';
    out.push(...(await db.query<Record<string, unknown>>(`SELECT '${table}' AS t, ${keys}, ${time}, ${COLS.map((c) => `${c}::text`).join(', ')} FROM ${table} ORDER BY 2, 3, 4`)));
  }
  return out;
};

it('stores every rollup counter as a 4-byte integer but handle seconds, and moves stored values down and up unchanged', async () => {
  for (const table of Object.keys(TABLES)) {
    const want = Object.fromEntries(COLS.map((c) => [c, c === 'handle_seconds' ? 'bigint' : 'integer']));
    expect(await types(table)).toEqual(want);
  }
  // The largest values each column holds, and small ones, in every table.
  const values = (big: boolean): string => COLS.map((c) => (big ? (c === 'handle_seconds' ? String(2 ** 40) : String(MAX_INT)) : String(COLS.indexOf(c)))).join(', ');
  for (const [table, time] of Object.entries(TABLES)) {
    const keys = table === 'rollup_hour' || table === 'rollup_day_slice' ? ['unit_id', 'dim', 'val'] : ['unit_id'];
    for (const [i, big] of [
      [1, true],
      [2, false],
    ] as const) {
      const keyVals = keys.map((k) => (k === 'dim' ? '3' : `'${k}-${i}'`)).join(', ');
      await db.query(`INSERT INTO ${table} (${keys.join(', ')}, ${time}, ${COLS.join(', ')}) VALUES (${keyVals}, '2026-11-30T00:00:00Z', ${values(big)})`);
    }
  }
  const before = await snapshot();
  expect(before).toHaveLength(8);
  // Down through this migration (and any later one above it), then up again.
  const names = MIGRATIONS.slice(MIGRATIONS.findIndex((m) => m.name === 'NarrowRollupCounters1765090000000')).map((m) => m.name);
  for (let i = 0; i < names.length; i++) await db.revertLastMigration();
  for (const table of Object.keys(TABLES)) expect(Object.values(await types(table)).every((t) => t === 'bigint')).toBe(true);
  expect(await snapshot()).toEqual(before);
  expect(await db.migrate()).toEqual(names);
  expect(await snapshot()).toEqual(before);
  // An upsert adds in the narrow columns as before.
  await db.query(`UPDATE rollup_day SET touchpoints = touchpoints + 1 WHERE unit_id = 'unit_id-2'`);
  expect((await db.query<{ n: number }>(`SELECT touchpoints AS n FROM rollup_day WHERE unit_id = 'unit_id-2'`))[0].n).toBe(1);
});

import type { MigrationInterface, QueryRunner } from 'typeorm';

// A unit's own part of a breakdown is counted from its raw rows (own-slices.ts).
// Retention used to fold a day's own-unit slice counters into rollup_day_slice
// inside the DROP's transaction: 113 µs per dropped touchpoint, minutes for 30
// days at 10 M rows. Now each day is settled ahead, once it is past
// (touchpoint-retention.ts, settleOwnDays), and the drop only has to drop.
//
// - rollup_own_day: a day's own-unit counters per slice value, in two parts
//   that add up: `base`, counted from the day's rows when it was settled, less
//   the changes already written; and the changes every write to a day at least
//   two days old adds (applyRollupDeltas). Read for the days whose raw rows are
//   gone (before raw_retention.dropped_before). The parts never share a row, so
//   settling a day and writing to it never wait for each other.
// - own_day_settled: the settled days.
// - raw_retention: one row, the first day whose raw rows were never dropped.
export class OwnDaySettle1765280000000 implements MigrationInterface {
  name = 'OwnDaySettle1765280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rollup_own_day (LIKE rollup_day_slice INCLUDING DEFAULTS)`);
    await q.query(`ALTER TABLE rollup_own_day ADD COLUMN base boolean NOT NULL`);
    await q.query(`ALTER TABLE rollup_own_day ADD PRIMARY KEY (unit_id, dim, day, val, base)`);
    // Settling a day reads its change rows (few: writes to days that old are rare): without this, a read of the whole table per day.
    await q.query(`CREATE INDEX rollup_own_day_changes_idx ON rollup_own_day (day) WHERE NOT base`);
    await q.query(`CREATE TABLE own_day_settled (day timestamptz PRIMARY KEY, touchpoints integer NOT NULL, settled_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE raw_retention (one boolean PRIMARY KEY DEFAULT true CHECK (one), dropped_before timestamptz NOT NULL)`);
    // Days dropped before this migration folded their own counters into rollup_day_slice, where they stay.
    await q.query(`INSERT INTO raw_retention (dropped_before) VALUES ('-infinity')`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The dropped days' own counters go where the drop used to fold them: every score stays the same.
    const cols = (await q.query(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'rollup_own_day' AND column_name NOT IN ('unit_id', 'dim', 'day', 'val', 'base') ORDER BY ordinal_position`,
    )) as { c: string }[];
    const names = cols.map((r) => r.c);
    await q.query(`INSERT INTO rollup_day_slice AS t (unit_id, dim, day, val, ${names.join(', ')})
      SELECT unit_id, dim, day, val, ${names.map((c) => `sum(${c})`).join(', ')} FROM rollup_own_day WHERE day < (SELECT dropped_before FROM raw_retention)
       GROUP BY unit_id, dim, day, val
      ON CONFLICT (unit_id, dim, day, val) DO UPDATE SET ${names.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`);
    await q.query(`DROP TABLE rollup_own_day, own_day_settled, raw_retention`);
  }
}

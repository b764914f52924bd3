import type { MigrationInterface, QueryRunner } from 'typeorm';

// A rollup counter of the ratings of exactly 3 (`neutral`), and the partial
// index that stood in for it dropped. With lowRated (≤ 2) and delighted (5)
// it makes every band a drill-down asks for a difference of counters (csat's
// NUMERATOR, the rated 4..5, = rated − lowRated − neutral). The index's
// predicate named satisfaction_score, so no rating could update its row in
// place (HOT): each rating wrote a new row version and an entry in every
// index of touchpoint. Without it the rating's new version stays on its page
// (room left by the partitions' fillfactor) with no index entry.
//
// The column starts at 0, and the recorded rollup layout is marked as not
// holding it: a gateway starting on a database that holds rollups recounts
// them from the stored rows before it serves (rollup-layout.ts), with the
// counting code of ingest. Days whose raw rows retention already dropped keep
// their rollups as they are: their neutral counter stays 0 (the drill-down
// has no rows of those days either; docs/retention.md).
const TABLES = ['rollup_hour', 'rollup_day', 'rollup_minute', 'rollup_day_slice'];

export class NeutralCounter1765230000000 implements MigrationInterface {
  name = 'NeutralCounter1765230000000';

  async up(q: QueryRunner): Promise<void> {
    // A constant default: no table is rewritten.
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} ADD COLUMN neutral integer NOT NULL DEFAULT 0`);
    await q.query(`DROP INDEX touchpoint_rated3_idx`);
    // No row: no rollups were counted yet (the first gateway records its layout).
    await q.query(`UPDATE rollup_layout SET dims = dims || ';neutral:uncounted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX touchpoint_rated3_idx ON touchpoint (occurred_at, unit_id) WHERE satisfaction_score = 3`);
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} DROP COLUMN neutral`);
  }
}

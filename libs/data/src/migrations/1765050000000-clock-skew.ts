import type { MigrationInterface, QueryRunner } from 'typeorm';

// A site whose clock is off has its batch's times corrected at ingest (issue
// 15 item 5): occurred_at (and served_at) hold the corrected times, these two
// what the site sent and by how much it was moved; both null when nothing
// was corrected. Nullable columns without a default: no table rewrite, and on a
// partitioned touchpoint (1765000000000) the parent's ALTER reaches every partition.
export class ClockSkew1765050000000 implements MigrationInterface {
  name = 'ClockSkew1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE touchpoint ADD COLUMN site_occurred_at timestamptz, ADD COLUMN clock_offset_ms bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE touchpoint DROP COLUMN clock_offset_ms, DROP COLUMN site_occurred_at`);
  }
}

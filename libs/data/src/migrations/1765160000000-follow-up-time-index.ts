import type { MigrationInterface, QueryRunner } from 'typeorm';

// The follow-ups list of a subtree (newest first, keyset on created_at, id) and
// indicators' recovery counts (a created_at window) read follow_up by time over
// every unit below a group. follow_up_unit_idx starts with unit_id: a group's
// first page gathered the rows of each of its units and sorted them all. This
// index walks time order and stops at the page.
export class FollowUpTimeIndex1765160000000 implements MigrationInterface {
  name = 'FollowUpTimeIndex1765160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS follow_up_created_idx ON follow_up (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS follow_up_created_idx`);
  }
}

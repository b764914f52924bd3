import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KEY_DAY_SQL } from '../touchpoint-partitions';

// A touchpoint's content hash (the idempotency fingerprint, 45 bytes of text)
// is kept once, in the key table. Every reader of it — a re-send's duplicate
// or CONFLICT, a rating's look-up — reads touchpoint_key (findTouchpointKeys);
// the copy on each touchpoint row was written and never read: about a seventh
// of the row, of its WAL and of the table on disk (docs/PERFORMANCE.md).
// Dropping a column rewrites nothing: stored rows keep their bytes until they
// are next written, and new rows are smaller.
export class TouchpointHashInKey1765260000000 implements MigrationInterface {
  name = 'TouchpointHashInKey1765260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE touchpoint DROP COLUMN content_hash`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE touchpoint ADD COLUMN content_hash text`);
    // Each touchpoint's hash from its key, one probe of its key partition (ingest claims the key first; a row put
    // in by hand or by a bulk load without one gets the empty hash, which no send matches).
    await q.query(`UPDATE touchpoint t SET content_hash = coalesce((SELECT k.content_hash FROM touchpoint_key k
      WHERE k.id = t.id AND k.key_day = ${KEY_DAY_SQL('t.id')} AND k.occurred_at = t.occurred_at AND k.unit_id = t.unit_id), '')`);
    await q.query(`ALTER TABLE touchpoint ALTER COLUMN content_hash SET NOT NULL`);
  }
}

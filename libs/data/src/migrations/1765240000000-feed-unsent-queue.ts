import type { MigrationInterface, QueryRunner } from 'typeorm';

// The feed's send queue as a table of its own. An outbox row used to be
// marked sent with `UPDATE … SET sent_at`, and the partial index that found
// the unsent rows (`WHERE sent_at IS NULL`) named that column, so no mark
// could be HOT: each rewrote the whole row (its JSON payload, ≈ 700 B) and an
// entry in each of the table's indexes — about as much WAL as the insert.
// Now an event's id waits in feed_unsent from the transaction that wrote it
// until the one that sent it deletes it; outbox rows are never updated. A
// row is sent when its id is no longer queued. `sent_at` goes: nothing read
// it but the queue and the prune.
export class FeedUnsentQueue1765240000000 implements MigrationInterface {
  name = 'FeedUnsentQueue1765240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE feed_unsent (id bigint PRIMARY KEY)`);
    await q.query(`LOCK TABLE feed_outbox IN SHARE MODE`);
    await q.query(`INSERT INTO feed_unsent (id) SELECT id FROM feed_outbox WHERE sent_at IS NULL`);
    await q.query(`DROP INDEX feed_outbox_unsent_idx`);
    await q.query(`ALTER TABLE feed_outbox DROP COLUMN sent_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    // When a row was sent is not kept: a sent row gets its creation time.
    await q.query(`ALTER TABLE feed_outbox ADD COLUMN sent_at timestamptz`);
    await q.query(`UPDATE feed_outbox f SET sent_at = f.created_at WHERE NOT EXISTS (SELECT 1 FROM feed_unsent u WHERE u.id = f.id)`);
    await q.query(`CREATE INDEX feed_outbox_unsent_idx ON feed_outbox (id) WHERE sent_at IS NULL`);
    await q.query(`DROP TABLE feed_unsent`);
  }
}

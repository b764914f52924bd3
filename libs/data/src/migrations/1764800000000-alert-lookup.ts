import type { MigrationInterface, QueryRunner } from 'typeorm';

// commitmentAlerts reads the feed outbox newest first per unit that hears an
// alert: the touchpoint's unit through feed_outbox_recent_idx (unit_id,
// created_at), the owner unit through this index. It holds only the alerts
// whose owner is another unit, so the relay's "sent" updates of every other
// row pay nothing for it.
export class AlertLookup1764800000000 implements MigrationInterface {
  name = 'AlertLookup1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX feed_outbox_owner_idx ON feed_outbox ((payload->>'ownerUnitId'), created_at DESC) WHERE payload->>'ownerUnitId' <> unit_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX feed_outbox_owner_idx`);
  }
}

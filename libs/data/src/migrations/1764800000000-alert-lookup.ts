import type { MigrationInterface, QueryRunner } from 'typeorm';

// commitmentAlerts reads the feed outbox by who hears an alert (its rooms: the
// touchpoint's unit and the owner unit), newest first: a GIN index finds a
// narrow scope's few rows, the time index serves a wide scope newest first.
export class AlertLookup1764800000000 implements MigrationInterface {
  name = 'AlertLookup1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX feed_outbox_rooms_idx ON feed_outbox USING gin (rooms)`);
    await q.query(`CREATE INDEX feed_outbox_created_idx ON feed_outbox (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX feed_outbox_created_idx`);
    await q.query(`DROP INDEX feed_outbox_rooms_idx`);
  }
}

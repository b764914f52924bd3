import type { MigrationInterface, QueryRunner } from 'typeorm';

// The risk pass read the queue of touched customers from its last mark less a
// minute (a transaction's now() comes before its commit), so with a pass every
// 30 s each touch was rescored two or three times: 1.2–2.4 customer_risk row
// versions per ingested touchpoint at 1 M rows, none HOT (docs/PERFORMANCE.md).
// Each queued touch now carries its transaction: a pass reads the queue in one
// snapshot and prunes exactly the touches that snapshot saw, so a late commit
// waits for the next pass and nothing is read twice.
export class CustomerTouchedXid1765210000000 implements MigrationInterface {
  name = 'CustomerTouchedXid1765210000000';

  async up(q: QueryRunner): Promise<void> {
    // Rows queued before this: the migration's own transaction, seen by every later snapshot.
    await q.query(`ALTER TABLE customer_touched ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_touched DROP COLUMN xid`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// touchpoint_customer_idx (customer_id, occurred_at DESC, id DESC) served the
// customer lens, which now reads customer_touchpoint (migration 1765110000001).
// Its one remaining reader, the drill-down's customerId filter, has the
// repeat rule's touchpoint_customer_need_time_idx (customer_id first). Dropping
// it takes one index write per touchpoint off ingest, about what keeping the
// customer's copy adds (docs/PERFORMANCE.md, "Reads at 10,000 units").
export class DropCustomerTimeIndex1765110000002 implements MigrationInterface {
  name = 'DropCustomerTimeIndex1765110000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS touchpoint_customer_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS touchpoint_customer_idx ON touchpoint (customer_id, occurred_at DESC, id DESC)`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// touchpoint_customer_need_time_idx (customer_id, need_category, occurred_at, id) served the repeat
// probe until it moved to customer_touchpoint (2b65272), then only the drill-down's customerId
// filter, which now reads the customer's keys from customer_touchpoint too. One index entry fewer on
// every touchpoint insert (≈ 190 B of WAL per touchpoint, docs/PERFORMANCE.md "Issue 14's upkeep budget").
export class DropCustomerNeedIndex1765140000001 implements MigrationInterface {
  name = 'DropCustomerNeedIndex1765140000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS touchpoint_customer_need_time_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS touchpoint_customer_need_time_idx ON touchpoint (customer_id, need_category, occurred_at, id)`);
  }
}

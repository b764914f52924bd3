import type { MigrationInterface, QueryRunner } from 'typeorm';

// The customer lens at a site (MANAGEMENT-MODEL.md §7): the gateway's answer
// for a customer, per scope unit (the unit the site asked for: an agent's unit
// or the site's own), kept so an agent still sees the last known history while
// the gateway is away. A bounded cache, not a record: pruned by age and count.
export class SiteCustomers1765300000000 implements MigrationInterface {
  name = 'SiteCustomers1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE site_customer_copy (
        customer_id text NOT NULL,
        scope_unit_id text NOT NULL,
        answer jsonb NOT NULL,
        fetched_at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, scope_unit_id)
      )`);
    await q.query(`CREATE INDEX site_customer_copy_fetched_idx ON site_customer_copy (fetched_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE site_customer_copy`);
  }
}

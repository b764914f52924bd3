import type { MigrationInterface, QueryRunner } from 'typeorm';

// The customer across the organisation (MANAGEMENT-MODEL.md §7). A customer's
// profile and timeline are read from data kept per customer at ingest, never
// by scanning the touchpoints of everyone:
// - touchpoint_customer_idx: one customer's touchpoints, newest first (the timeline,
//   the four types over 365 days, the risk features);
// - customer_unit: per customer and unit, how many touchpoints and when first and
//   last, so "which units in my scope served them" is a read of a few rows;
// - commitment_node_customer_idx: the customer's open commitments and breaches.
export class Customers1764700000000 implements MigrationInterface {
  name = 'Customers1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX touchpoint_customer_idx ON touchpoint (customer_id, occurred_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE customer_unit (
        unit_id text NOT NULL,
        customer_id text NOT NULL,
        touchpoints bigint NOT NULL,
        first_contact_at timestamptz NOT NULL,
        last_contact_at timestamptz NOT NULL,
        touched_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (customer_id, unit_id)
      )`);
    // Customers whose history changed (a touchpoint, a late rating) since a moment: the risk pass rescores them.
    await q.query(`CREATE INDEX customer_unit_touched_idx ON customer_unit (touched_at)`);
    // A unit's customers by their latest contact (candidates of the at-risk list).
    await q.query(`CREATE INDEX customer_unit_recent_idx ON customer_unit (unit_id, last_contact_at DESC)`);
    // Writers wait until commit, so no touchpoint is stored that the summary misses.
    await q.query(`LOCK TABLE touchpoint IN SHARE MODE`);
    await q.query(`
      INSERT INTO customer_unit (unit_id, customer_id, touchpoints, first_contact_at, last_contact_at)
      SELECT unit_id, customer_id, count(*), min(occurred_at), max(occurred_at) FROM touchpoint GROUP BY customer_id, unit_id`);
    await q.query(`CREATE INDEX commitment_node_customer_idx ON commitment_node (customer_id, started_at DESC) WHERE level = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX commitment_node_customer_idx`);
    await q.query(`DROP TABLE customer_unit`);
    await q.query(`DROP INDEX touchpoint_customer_idx`);
  }
}

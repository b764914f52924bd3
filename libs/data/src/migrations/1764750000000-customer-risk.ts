import type { MigrationInterface, QueryRunner } from 'typeorm';

// Customer risk (MANAGEMENT-MODEL.md §7): the fitted models (every replica and
// a restart use the latest), each customer's current risk, and at most one
// OPEN AT_RISK_CUSTOMER follow-up per customer.
export class CustomerRisk1764750000000 implements MigrationInterface {
  name = 'CustomerRisk1764750000000';

  async up(q: QueryRunner): Promise<void> {
    // A reference table (replicated whole when distributed): small, read by every replica.
    await q.query(`
      CREATE TABLE risk_model (
        version text PRIMARY KEY,
        trained_at timestamptz NOT NULL,
        ratings_at_fit bigint NOT NULL,
        model jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX risk_model_trained_idx ON risk_model (trained_at DESC)`);
    // unit_id: the unit of the customer's latest touchpoint (it owns their AT_RISK_CUSTOMER follow-ups).
    await q.query(`
      CREATE TABLE customer_risk (
        unit_id text NOT NULL,
        customer_id text PRIMARY KEY,
        latest_touchpoint_id uuid NOT NULL,
        probability float8 NOT NULL,
        features float8[] NOT NULL,
        model_version text NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX customer_risk_unit_idx ON customer_risk (unit_id, probability DESC)`);
    // Where the rescoring pass stopped (one row).
    await q.query(`CREATE TABLE risk_pass (id smallint PRIMARY KEY CHECK (id = 1), scored_until timestamptz NOT NULL)`);
    await q.query(`INSERT INTO risk_pass (id, scored_until) VALUES (1, '-infinity')`);
    await q.query(`CREATE UNIQUE INDEX follow_up_at_risk_open_uq ON follow_up (customer_id) WHERE reason = 'AT_RISK_CUSTOMER' AND state = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX follow_up_at_risk_open_uq`);
    await q.query(`DROP TABLE risk_pass`);
    await q.query(`DROP TABLE customer_risk`);
    await q.query(`DROP TABLE risk_model`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// The customer lens at 10 M touchpoints (issue 14): one customer's touchpoints
// in one index range, not one probe per daily partition. The profile read the
// customer's last 365 days (the four types) and 485 days (risk) from
// `touchpoint`, and the timeline its newest rows: each statement planned every
// partition of its span — a year of daily partitions — for a customer whose
// rows are a few pages. customer_touchpoint holds, per customer, the facts the
// lens counts (the columns of customerFacts and riskHistories), keyed
// (customer_id, occurred_at, id); the timeline reads its page's keys here and
// only those rows from `touchpoint`.
//
// Kept by statement triggers on `touchpoint`, so every path that writes a
// touchpoint — ingest, late ratings, the repeat rule, bulk loads, deletes,
// TRUNCATE — keeps it equal to the rows in the same transaction. Retention
// drops partitions (no trigger fires): it deletes the mirrored rows of the days
// it drops in the same transaction (touchpoint-retention.ts).
const COLUMNS = `customer_id, occurred_at, id, unit_id, received_at, channel, need_category, served, handle_seconds, resolved,
  first_contact, knowledge_refs, knowledge_created, handoff, commitment_met, linked, repeat, satisfaction_score`;
const FROM_ROW = (t: string): string => `${t}.customer_id, ${t}.occurred_at, ${t}.id, ${t}.unit_id, ${t}.received_at, ${t}.channel,
  ${t}.need_category, ${t}.served, ${t}.handle_seconds, ${t}.resolved, ${t}.first_contact, coalesce(jsonb_array_length(${t}.knowledge_refs), 0),
  ${t}.knowledge_created, ${t}.handoff_unit_id IS NOT NULL, ${t}.commitment_met, (${t}.contract_id IS NOT NULL OR ${t}.product_id IS NOT NULL),
  ${t}.repeat, ${t}.satisfaction_score`;

/** The facts a rating or the repeat rule can change, copied from the changed row `n` (the update trigger's SET list). */
export const CHANGED_FACTS = `satisfaction_score = n.satisfaction_score, repeat = n.repeat, served = n.served,
               handle_seconds = n.handle_seconds, resolved = n.resolved, first_contact = n.first_contact,
               knowledge_refs = coalesce(jsonb_array_length(n.knowledge_refs), 0), knowledge_created = n.knowledge_created,
               handoff = n.handoff_unit_id IS NOT NULL, commitment_met = n.commitment_met, unit_id = n.unit_id,
               linked = (n.contract_id IS NOT NULL OR n.product_id IS NOT NULL)`;

export class CustomerTouchpoints1765110000001 implements MigrationInterface {
  name = 'CustomerTouchpoints1765110000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_touchpoint (
        customer_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        id uuid NOT NULL,
        unit_id text NOT NULL,
        received_at timestamptz NOT NULL,
        channel text NOT NULL,
        need_category text NOT NULL,
        served boolean NOT NULL,
        handle_seconds int,
        resolved boolean,
        first_contact boolean,
        knowledge_refs int NOT NULL,
        knowledge_created boolean,
        handoff boolean NOT NULL,
        commitment_met boolean,
        linked boolean NOT NULL,
        repeat boolean NOT NULL,
        satisfaction_score smallint,
        PRIMARY KEY (customer_id, occurred_at, id)
      )`);
    await q.query(`
      CREATE FUNCTION customer_touchpoint_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_touchpoint (${COLUMNS}) SELECT ${FROM_ROW('n')} FROM added n ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION customer_touchpoint_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Ratings and the repeat rule change facts; the key columns never change (occurred_at is the partition key).
        UPDATE customer_touchpoint c SET ${CHANGED_FACTS}
          FROM changed n WHERE c.customer_id = n.customer_id AND c.occurred_at = n.occurred_at AND c.id = n.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION customer_touchpoint_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM customer_touchpoint c USING removed o WHERE c.customer_id = o.customer_id AND c.occurred_at = o.occurred_at AND c.id = o.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION customer_touchpoint_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE customer_touchpoint;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER customer_touchpoint_added AFTER INSERT ON touchpoint REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION customer_touchpoint_added()`);
    await q.query(`CREATE TRIGGER customer_touchpoint_changed AFTER UPDATE ON touchpoint REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION customer_touchpoint_changed()`);
    await q.query(`CREATE TRIGGER customer_touchpoint_removed AFTER DELETE ON touchpoint REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION customer_touchpoint_removed()`);
    await q.query(`CREATE TRIGGER customer_touchpoint_truncated AFTER TRUNCATE ON touchpoint FOR EACH STATEMENT EXECUTE FUNCTION customer_touchpoint_truncated()`);
    await q.query(`INSERT INTO customer_touchpoint (${COLUMNS}) SELECT ${FROM_ROW('t')} FROM touchpoint t`);
    await q.query(`ANALYZE customer_touchpoint`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['added', 'changed', 'removed', 'truncated']) {
      await q.query(`DROP TRIGGER customer_touchpoint_${t} ON touchpoint`);
      await q.query(`DROP FUNCTION customer_touchpoint_${t}()`);
    }
    await q.query(`DROP TABLE customer_touchpoint`);
  }
}

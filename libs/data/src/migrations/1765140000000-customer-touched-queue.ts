import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 14's upkeep budget (docs/PERFORMANCE.md, "Issue 14's upkeep budget"):
// every ingest transaction upserts one customer_unit row per customer and unit,
// and every late rating touched them again. Each of those updates changed an
// indexed column (touched_at, last_contact_at), so none was HOT: a new row
// version plus three index entries each. Now:
// - customer_unit_recent_idx goes: nothing reads it;
// - touched_at and its index go: the risk pass finds the customers touched since
//   its last mark in customer_touched, one row per ingest transaction (the
//   customers it stored or rated, at now() as touched_at was), which the pass
//   prunes behind its mark;
// - customer_unit keeps room on its pages (fillfactor 70, pages written from now
//   on), so an upsert of an existing row — no indexed column changes — is HOT.
export class CustomerTouchedQueue1765140000000 implements MigrationInterface {
  name = 'CustomerTouchedQueue1765140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE customer_touched (at timestamptz NOT NULL DEFAULT now(), customers text[] NOT NULL)`);
    // What the next pass would have read of touched_at (the mark less the pass's one-minute overlap).
    await q.query(`
      INSERT INTO customer_touched (at, customers)
      SELECT touched_at, array_agg(customer_id ORDER BY customer_id) FROM (
        SELECT DISTINCT touched_at, customer_id FROM customer_unit
         WHERE touched_at > coalesce((SELECT scored_until - interval '1 minute' FROM risk_pass WHERE id = 1), '-infinity')) t
       GROUP BY touched_at`);
    await q.query(`DROP INDEX customer_unit_recent_idx`);
    await q.query(`DROP INDEX customer_unit_touched_idx`);
    await q.query(`ALTER TABLE customer_unit DROP COLUMN touched_at`);
    await q.query(`ALTER TABLE customer_unit SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_unit RESET (fillfactor)`);
    await q.query(`ALTER TABLE customer_unit ADD COLUMN touched_at timestamptz NOT NULL DEFAULT '-infinity'`);
    await q.query(`
      UPDATE customer_unit c SET touched_at = t.at
        FROM (SELECT customer_id, max(at) AS at FROM customer_touched, unnest(customers) AS customer_id GROUP BY customer_id) t
       WHERE c.customer_id = t.customer_id`);
    await q.query(`ALTER TABLE customer_unit ALTER COLUMN touched_at SET DEFAULT now()`);
    await q.query(`CREATE INDEX customer_unit_touched_idx ON customer_unit (touched_at)`);
    await q.query(`CREATE INDEX customer_unit_recent_idx ON customer_unit (unit_id, last_contact_at DESC)`);
    await q.query(`DROP TABLE customer_touched`);
  }
}

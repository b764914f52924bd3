import type { MigrationInterface, QueryRunner } from 'typeorm';

// The drill-down at 10,000 units (issue 12): a subtree as a semi-join on this
// table instead of a literal list of its unit ids. PostgreSQL estimated a
// 10,021-element `unit_id = ANY(...)` element by element, in every daily
// partition the window touched: 0.8 ms of execution behind 95–1,600 ms of
// planning. `unit_id IN (SELECT unit_id FROM org_unit_subtree WHERE ancestor_id = $1)`
// plans in milliseconds, and its statistics tell the planner how large the
// subtree is (a group: every unit; a project: one).
//
// One row per (unit, ancestor-or-self), kept by a trigger on org_unit so it
// can never disagree with the tree: a new unit joins its parent's ancestors,
// a moved unit's subtree leaves its old ancestors and joins the new ones, a
// deleted unit (one without children: org_unit's foreign key) leaves.
export class UnitSubtree1765110000000 implements MigrationInterface {
  name = 'UnitSubtree1765110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_unit_subtree (
        ancestor_id text NOT NULL,
        unit_id text NOT NULL,
        PRIMARY KEY (ancestor_id, unit_id)
      )`);
    await q.query(`CREATE INDEX org_unit_subtree_unit_idx ON org_unit_subtree (unit_id, ancestor_id)`);
    await q.query(`
      CREATE FUNCTION org_unit_subtree_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM org_unit_subtree WHERE unit_id = OLD.id OR ancestor_id = OLD.id;
          RETURN NULL;
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id THEN RETURN NULL; END IF;
          -- The moved subtree leaves every ancestor above the moved unit.
          DELETE FROM org_unit_subtree s
           WHERE s.unit_id IN (SELECT d.unit_id FROM org_unit_subtree d WHERE d.ancestor_id = NEW.id)
             AND s.ancestor_id IN (SELECT a.ancestor_id FROM org_unit_subtree a WHERE a.unit_id = NEW.id AND a.ancestor_id <> NEW.id);
        ELSE
          INSERT INTO org_unit_subtree (ancestor_id, unit_id) VALUES (NEW.id, NEW.id) ON CONFLICT DO NOTHING;
        END IF;
        -- ... and joins every ancestor of its new parent.
        IF NEW.parent_id IS NOT NULL THEN
          INSERT INTO org_unit_subtree (ancestor_id, unit_id)
          SELECT a.ancestor_id, d.unit_id FROM org_unit_subtree a, org_unit_subtree d
           WHERE a.unit_id = NEW.parent_id AND d.ancestor_id = NEW.id
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER org_unit_subtree_keep AFTER INSERT OR UPDATE OF parent_id OR DELETE ON org_unit FOR EACH ROW EXECUTE FUNCTION org_unit_subtree_keep()`);
    await q.query(`
      INSERT INTO org_unit_subtree (ancestor_id, unit_id)
      WITH RECURSIVE s (ancestor_id, unit_id, depth) AS (
        SELECT id, id, 0 FROM org_unit
        UNION ALL
        SELECT s.ancestor_id, o.id, s.depth + 1 FROM s JOIN org_unit o ON o.parent_id = s.unit_id WHERE s.depth < 64
      )
      SELECT DISTINCT ancestor_id, unit_id FROM s`);
    await q.query(`ANALYZE org_unit_subtree`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER org_unit_subtree_keep ON org_unit`);
    await q.query(`DROP FUNCTION org_unit_subtree_keep()`);
    await q.query(`DROP TABLE org_unit_subtree`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Targets per unit and key (MANAGEMENT-MODEL.md §4) and the perception-point
// catalogue (§5). Both are small reference tables read whole at start.
export class TargetsPerception1764650000000 implements MigrationInterface {
  name = 'TargetsPerception1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_target (
        unit_id text NOT NULL REFERENCES org_unit (id),
        key text NOT NULL,
        target float8 NOT NULL,
        amber_band float8 CHECK (amber_band >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        PRIMARY KEY (unit_id, key)
      )`);
    await q.query(`
      CREATE TABLE perception_point (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_zh text,
        need_categories text[] NOT NULL,
        target float8 NOT NULL CHECK (target > 0 AND target <= 1),
        position int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE perception_point`);
    await q.query(`DROP TABLE indicator_target`);
  }
}

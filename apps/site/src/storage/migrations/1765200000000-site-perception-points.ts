import type { MigrationInterface, QueryRunner } from 'typeorm';

// The gateway's perception-point catalogue (MANAGEMENT-MODEL.md §5) as this site
// last fetched it: agents pick a point for a touchpoint while the gateway is away,
// and the site refuses a code the catalogue does not hold before it is queued.
export class SitePerceptionPoints1765200000000 implements MigrationInterface {
  name = 'SitePerceptionPoints1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // ord: the catalogue's order, which settles membership (the first point for a need).
    await q.query(`
      CREATE TABLE site_perception_point (
        code text PRIMARY KEY,
        ord int NOT NULL,
        name text NOT NULL,
        name_zh text,
        need_categories text[] NOT NULL,
        target double precision NOT NULL
      )`);
    await q.query(`ALTER TABLE site_copy DROP CONSTRAINT site_copy_what_check`);
    await q.query(`ALTER TABLE site_copy ADD CONSTRAINT site_copy_what_check CHECK (what IN ('CATALOGUE', 'FOLLOW_UPS', 'PERCEPTION_POINTS'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM site_copy WHERE what = 'PERCEPTION_POINTS'`);
    await q.query(`ALTER TABLE site_copy DROP CONSTRAINT site_copy_what_check`);
    await q.query(`ALTER TABLE site_copy ADD CONSTRAINT site_copy_what_check CHECK (what IN ('CATALOGUE', 'FOLLOW_UPS'))`);
    await q.query(`DROP TABLE site_perception_point`);
  }
}

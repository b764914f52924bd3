import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTERS = `
  touchpoints bigint NOT NULL DEFAULT 0,
  served bigint NOT NULL DEFAULT 0,
  rated bigint NOT NULL DEFAULT 0,
  rating_points bigint NOT NULL DEFAULT 0,
  served_rated bigint NOT NULL DEFAULT 0,
  win_win bigint NOT NULL DEFAULT 0,
  growth bigint NOT NULL DEFAULT 0,
  resolved bigint NOT NULL DEFAULT 0,
  commitment_present bigint NOT NULL DEFAULT 0,
  commitment_met bigint NOT NULL DEFAULT 0,
  handoff bigint NOT NULL DEFAULT 0,
  handoff_resolved bigint NOT NULL DEFAULT 0,
  knowledge_used bigint NOT NULL DEFAULT 0,
  first_contact_resolved bigint NOT NULL DEFAULT 0,
  knowledge_created bigint NOT NULL DEFAULT 0,
  linked bigint NOT NULL DEFAULT 0,
  timely bigint NOT NULL DEFAULT 0`;

// Every table carries the org-unit key first, so the schema can be distributed
// on unit_id (e.g. Citus) with rollups co-located with their touchpoints.
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_unit (
        id text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('GROUP', 'BUSINESS_UNIT', 'PROJECT')),
        parent_id text REFERENCES org_unit (id),
        region text,
        industry text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id)`);
    await q.query(`
      CREATE TABLE app_user (
        username text PRIMARY KEY,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('AGENT', 'UNIT_HEAD', 'EXECUTIVE', 'ADMIN')),
        unit_id text NOT NULL REFERENCES org_unit (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE site (
        id text PRIMARY KEY,
        unit_id text NOT NULL REFERENCES org_unit (id),
        key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE touchpoint (
        id uuid PRIMARY KEY,
        unit_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        content_hash text NOT NULL,
        site_id text,
        customer_id text NOT NULL,
        industry text,
        region text,
        contract_id text,
        product_id text,
        team_id text,
        agent_id text,
        channel text NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        need_category text NOT NULL,
        need_description text,
        served boolean NOT NULL,
        service_action text,
        handle_seconds int,
        resolved boolean,
        first_contact boolean,
        knowledge_refs jsonb,
        knowledge_created boolean,
        handoff_unit_id text,
        commitment_code text,
        commitment_met boolean,
        served_at timestamptz,
        satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
        satisfaction_comment text,
        rated_at timestamptz
      )`);
    // The drill-down behind a number: a unit's touchpoints in a window, newest first.
    await q.query(`CREATE INDEX touchpoint_unit_time_idx ON touchpoint (unit_id, occurred_at DESC, id DESC)`);
    // Hourly rollups of every subtree: a touchpoint adds to the rows of its unit
    // and of each ancestor, once for the whole (dim 0) and once per slice dimension.
    await q.query(`
      CREATE TABLE rollup_hour (
        unit_id text NOT NULL,
        hour timestamptz NOT NULL,
        dim smallint NOT NULL,
        val text NOT NULL,
        ${COUNTERS},
        PRIMARY KEY (unit_id, dim, hour, val)
      )`);
    // Minute rollups of every subtree (whole only) for the live feed's rolling hour.
    await q.query(`
      CREATE TABLE rollup_minute (
        unit_id text NOT NULL,
        minute timestamptz NOT NULL,
        ${COUNTERS},
        PRIMARY KEY (unit_id, minute)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rollup_minute`);
    await q.query(`DROP TABLE rollup_hour`);
    await q.query(`DROP TABLE touchpoint`);
    await q.query(`DROP TABLE site`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE org_unit`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATE = `state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'FORWARDED', 'DEAD'))`;

// A site's own schema. The touchpoint and rating tables are the outbox: a row is
// written in the transaction that accepts the agent's work and leaves PENDING
// only once the gateway has answered for it.
export class SiteOutbox1765000000000 implements MigrationInterface {
  name = 'SiteOutbox1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE site_touchpoint (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        unit_id text NOT NULL,
        agent_id text,
        customer_id text NOT NULL,
        channel text NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        occurred_at timestamptz NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        need_category text NOT NULL,
        need_description text,
        service_action text,
        resolved boolean,
        satisfaction_score smallint,
        satisfaction_comment text,
        content_hash text NOT NULL,
        payload jsonb NOT NULL,
        ${STATE},
        forwarded_at timestamptz,
        error text
      )`);
    // The forwarder's queue: pending rows in acceptance order.
    await q.query(`CREATE INDEX site_touchpoint_pending_idx ON site_touchpoint (seq) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX site_touchpoint_agent_idx ON site_touchpoint (agent_id, seq DESC)`);
    await q.query(`
      CREATE TABLE site_rating (
        touchpoint_id uuid PRIMARY KEY REFERENCES site_touchpoint (id),
        seq bigserial NOT NULL UNIQUE,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        ${STATE},
        forwarded_at timestamptz,
        error text,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX site_rating_pending_idx ON site_rating (seq) WHERE state = 'PENDING'`);
    await q.query(`
      CREATE TABLE site_dead_letter (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('TOUCHPOINT', 'RATING')),
        touchpoint_id uuid NOT NULL,
        code text NOT NULL,
        message text NOT NULL,
        payload text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    // Agents known from an online login: what lets them sign in while the gateway is away.
    await q.query(`
      CREATE TABLE site_user (
        username text PRIMARY KEY,
        password_hash text NOT NULL,
        role text NOT NULL,
        unit_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The site's unit subtree as the gateway last told it.
    await q.query(`
      CREATE TABLE site_unit (
        id text PRIMARY KEY,
        parent_id text,
        fetched_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row of progress that outlives restarts; updated in the transaction that marks rows forwarded.
    await q.query(`
      CREATE TABLE site_progress (
        id smallint PRIMARY KEY CHECK (id = 1),
        forwarded bigint NOT NULL DEFAULT 0,
        last_success_at timestamptz
      )`);
    await q.query(`INSERT INTO site_progress (id) VALUES (1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE site_progress`);
    await q.query(`DROP TABLE site_unit`);
    await q.query(`DROP TABLE site_user`);
    await q.query(`DROP TABLE site_dead_letter`);
    await q.query(`DROP TABLE site_rating`);
    await q.query(`DROP TABLE site_touchpoint`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATE = `state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'FORWARDED', 'DEAD'))`;

// Service commitments and follow-ups at a site (MANAGEMENT-MODEL.md §1–§2):
// commitment events and follow-up closes join the outbox (PENDING until the
// gateway answered for them); the catalogue and the unit's open follow-ups are
// copies of the gateway's, kept so agents see them while the gateway is away.
export class SiteCommitments1765100000000 implements MigrationInterface {
  name = 'SiteCommitments1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // An agent completing a step of a touchpoint's commitment; forwarded behind its touchpoint.
    await q.query(`
      CREATE TABLE site_commitment_event (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        touchpoint_id uuid NOT NULL REFERENCES site_touchpoint (id),
        code text NOT NULL,
        completed_at timestamptz NOT NULL,
        agent_id text,
        content_hash text NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        ${STATE},
        forwarded_at timestamptz,
        error text,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX site_commitment_event_pending_idx ON site_commitment_event (seq) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX site_commitment_event_touchpoint_idx ON site_commitment_event (touchpoint_id, seq)`);
    await q.query(`ALTER TABLE site_dead_letter DROP CONSTRAINT site_dead_letter_kind_check`);
    await q.query(`ALTER TABLE site_dead_letter ADD CONSTRAINT site_dead_letter_kind_check CHECK (kind IN ('TOUCHPOINT', 'RATING', 'COMMITMENT_EVENT'))`);

    // The gateway's catalogue as last fetched: what tells a tracked promise and its steps here.
    await q.query(`
      CREATE TABLE site_commitment_definition (
        code text PRIMARY KEY,
        name text NOT NULL,
        level smallint NOT NULL,
        parent_code text,
        target_minutes int NOT NULL,
        warn_at_percent smallint NOT NULL,
        owner_unit_id text
      )`);
    // The open follow-ups of the site's subtree as last fetched (replaced whole on each fetch).
    await q.query(`
      CREATE TABLE site_follow_up (
        id uuid PRIMARY KEY,
        unit_id text NOT NULL,
        unit_name text,
        reason text NOT NULL,
        customer_id text NOT NULL,
        touchpoint_id uuid,
        commitment_id uuid,
        created_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        assignee text,
        note text
      )`);
    await q.query(`CREATE INDEX site_follow_up_unit_idx ON site_follow_up (unit_id, created_at DESC)`);
    // An agent's close of a follow-up: one per follow-up, queued while the gateway is away.
    await q.query(`
      CREATE TABLE site_follow_up_close (
        follow_up_id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        unit_id text NOT NULL,
        outcome text NOT NULL,
        closed_by text NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        ${STATE},
        forwarded_at timestamptz,
        error text,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX site_follow_up_close_pending_idx ON site_follow_up_close (seq) WHERE state = 'PENDING'`);
    // When each copy was last taken from the gateway.
    await q.query(`
      CREATE TABLE site_copy (
        what text PRIMARY KEY CHECK (what IN ('CATALOGUE', 'FOLLOW_UPS')),
        fetched_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE site_copy`);
    await q.query(`DROP TABLE site_follow_up_close`);
    await q.query(`DROP TABLE site_follow_up`);
    await q.query(`DROP TABLE site_commitment_definition`);
    await q.query(`DELETE FROM site_dead_letter WHERE kind = 'COMMITMENT_EVENT'`);
    await q.query(`ALTER TABLE site_dead_letter DROP CONSTRAINT site_dead_letter_kind_check`);
    await q.query(`ALTER TABLE site_dead_letter ADD CONSTRAINT site_dead_letter_kind_check CHECK (kind IN ('TOUCHPOINT', 'RATING'))`);
    await q.query(`DROP TABLE site_commitment_event`);
  }
}

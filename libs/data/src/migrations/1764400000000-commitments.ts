import type { MigrationInterface, QueryRunner } from 'typeorm';

// Service commitments and follow-ups (MANAGEMENT-MODEL.md §1-§2). Every table
// carries an org-unit key: unit_id (where the touchpoint happened) on the
// per-touchpoint tables; the catalogue, small and read by every unit, is a
// reference table (replicated whole when distributed) keyed by code.
export class Commitments1764400000000 implements MigrationInterface {
  name = 'Commitments1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commitment_definition (
        code text PRIMARY KEY,
        name text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
        parent_code text REFERENCES commitment_definition (code),
        target_minutes int NOT NULL CHECK (target_minutes > 0),
        warn_at_percent smallint NOT NULL CHECK (warn_at_percent BETWEEN 1 AND 99),
        owner_unit_id text REFERENCES org_unit (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per node of a started tree. Times are copied from the catalogue
    // at start: a later change of a definition does not move running deadlines.
    await q.query(`
      CREATE TABLE commitment_node (
        unit_id text NOT NULL,
        id uuid PRIMARY KEY,
        touchpoint_id uuid NOT NULL,
        customer_id text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        level smallint NOT NULL,
        parent_code text,
        owner_unit_id text NOT NULL,
        started_at timestamptz NOT NULL,
        warn_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        completed_at timestamptz,
        resolved text CHECK (resolved IN ('MET', 'BREACHED')),
        caused boolean NOT NULL DEFAULT false,
        alert_stage smallint NOT NULL DEFAULT 0 CHECK (alert_stage BETWEEN 0 AND 2),
        next_check_at timestamptz,
        UNIQUE (touchpoint_id, code)
      )`);
    // The monitor's work list: only nodes with something left to announce.
    await q.query(`CREATE INDEX commitment_node_due_idx ON commitment_node (next_check_at) WHERE next_check_at IS NOT NULL`);
    // commitments(unitId, from, to): a subtree's nodes by start, newest first; and the owner view.
    await q.query(`CREATE INDEX commitment_node_unit_idx ON commitment_node (unit_id, started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX commitment_node_owner_idx ON commitment_node (owner_unit_id, started_at DESC, id DESC)`);
    // Completion events: the id is the sender's idempotency key.
    await q.query(`
      CREATE TABLE commitment_event (
        unit_id text NOT NULL,
        id uuid PRIMARY KEY,
        touchpoint_id uuid NOT NULL,
        code text NOT NULL,
        completed_at timestamptz NOT NULL,
        content_hash text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    // commitmentPerformance reads these, never the nodes: per touchpoint unit,
    // owner unit, code and hour of start, moved whenever a node starts or
    // changes what it counts as.
    await q.query(`
      CREATE TABLE commitment_stat_hour (
        unit_id text NOT NULL,
        owner_unit_id text NOT NULL,
        code text NOT NULL,
        hour timestamptz NOT NULL,
        started bigint NOT NULL DEFAULT 0,
        met bigint NOT NULL DEFAULT 0,
        breached bigint NOT NULL DEFAULT 0,
        at_risk bigint NOT NULL DEFAULT 0,
        caused bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (unit_id, owner_unit_id, code, hour)
      )`);
    await q.query(`CREATE INDEX commitment_stat_hour_unit_idx ON commitment_stat_hour (unit_id, hour)`);
    await q.query(`CREATE INDEX commitment_stat_hour_owner_idx ON commitment_stat_hour (owner_unit_id, hour)`);
    await q.query(`
      CREATE TABLE follow_up (
        unit_id text NOT NULL,
        id uuid PRIMARY KEY,
        reason text NOT NULL CHECK (reason IN ('LOW_SATISFACTION', 'COMMITMENT_BREACHED', 'AT_RISK_CUSTOMER', 'MANUAL')),
        cause_key text,
        customer_id text NOT NULL,
        touchpoint_id uuid,
        commitment_id uuid,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'DONE')),
        assignee text,
        outcome text,
        closed_at timestamptz,
        closed_by text,
        recovered_touchpoint_id uuid,
        recovered_occurred_at timestamptz,
        recovered_score smallint
      )`);
    // At most one follow-up per cause (a low-rated touchpoint, a breached promise).
    await q.query(`CREATE UNIQUE INDEX follow_up_cause_uq ON follow_up (unit_id, cause_key) WHERE cause_key IS NOT NULL`);
    await q.query(`CREATE INDEX follow_up_unit_idx ON follow_up (unit_id, state, created_at DESC, id DESC)`);
    // A new rating looks for the customer's follow-ups it may answer.
    await q.query(`CREATE INDEX follow_up_customer_idx ON follow_up (customer_id, created_at)`);
    // Feed events that must go out once even across a crash: written in the
    // transaction that decided them, sent by whichever replica claims them.
    await q.query(`
      CREATE TABLE feed_outbox (
        unit_id text NOT NULL,
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL,
        event text NOT NULL,
        rooms text[] NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX feed_outbox_dedupe_uq ON feed_outbox (unit_id, dedupe_key)`);
    await q.query(`CREATE INDEX feed_outbox_unsent_idx ON feed_outbox (id) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX feed_outbox_recent_idx ON feed_outbox (unit_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feed_outbox`);
    await q.query(`DROP TABLE follow_up`);
    await q.query(`DROP TABLE commitment_stat_hour`);
    await q.query(`DROP TABLE commitment_event`);
    await q.query(`DROP TABLE commitment_node`);
    await q.query(`DROP TABLE commitment_definition`);
  }
}

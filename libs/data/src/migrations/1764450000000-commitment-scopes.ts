import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCOPE_BACKFILL_SQL } from '../commitment-scopes';

// Commitment counters a unit head reads in one look-up: per unit of the org
// tree and every node of its subtree (owned: false, by the touchpoint's unit)
// or owned by its subtree (owned: true), per code and hour of start — so
// commitmentPerformance and the totals of commitments read codes × hours rows
// for any unit, the group included, never one row per unit below it. Kept by
// the same writers as commitment_stat_hour (applyStatDeltas), filled here
// from it. And a node page of a wide scope, newest first, walks the start
// index instead of sorting the window.
export class CommitmentScopes1764450000000 implements MigrationInterface {
  name = 'CommitmentScopes1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commitment_stat_scope (
        scope_unit_id text NOT NULL,
        owned boolean NOT NULL,
        code text NOT NULL,
        hour timestamptz NOT NULL,
        started bigint NOT NULL DEFAULT 0,
        met bigint NOT NULL DEFAULT 0,
        breached bigint NOT NULL DEFAULT 0,
        at_risk bigint NOT NULL DEFAULT 0,
        caused bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (scope_unit_id, owned, code, hour)
      )`);
    await q.query(SCOPE_BACKFILL_SQL);
    await q.query(`CREATE INDEX commitment_node_started_idx ON commitment_node (started_at DESC, id DESC)`);
    // openFollowUp looks for the open MANUAL follow-up of a touchpoint.
    await q.query(`CREATE INDEX follow_up_touchpoint_idx ON follow_up (touchpoint_id) WHERE touchpoint_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX follow_up_touchpoint_idx`);
    await q.query(`DROP INDEX commitment_node_started_idx`);
    await q.query(`DROP TABLE commitment_stat_scope`);
  }
}

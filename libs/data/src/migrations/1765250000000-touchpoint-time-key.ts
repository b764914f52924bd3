import type { MigrationInterface, QueryRunner } from 'typeorm';

// One index of touchpoint for both its identity and its time order. The key
// was (id, occurred_at, unit_id) and touchpoint_time_idx (occurred_at DESC,
// id DESC) beside it: two btrees over the same two columns, each written by
// every insert (an index entry costs PostgreSQL about 110–150 B of WAL per
// touchpoint, docs/PERFORMANCE.md). The key now leads with the time:
//
// - a look-up by id always names the time too (the key table gives it:
//   keyJoin's match, the drill-down's customer keys), so it is still one probe
//   of one partition's key;
// - the drill-down's page, newest first, is a backward scan of it (what
//   touchpoint_time_idx gave), unit_id riding along in the index;
// - Citus's rule holds: the key contains the distribution column (unit_id).
//
// Idempotency is the key table's (touchpoint_key), not this key's.
export class TouchpointTimeKey1765250000000 implements MigrationInterface {
  name = 'TouchpointTimeKey1765250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE touchpoint DROP CONSTRAINT touchpoint_pkey, ADD PRIMARY KEY (occurred_at, id, unit_id)`);
    await q.query(`DROP INDEX touchpoint_time_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX touchpoint_time_idx ON touchpoint (occurred_at DESC, id DESC)`);
    await q.query(`ALTER TABLE touchpoint DROP CONSTRAINT touchpoint_pkey, ADD PRIMARY KEY (id, occurred_at, unit_id)`);
  }
}

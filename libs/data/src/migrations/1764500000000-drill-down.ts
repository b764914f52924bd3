import type { MigrationInterface, QueryRunner } from 'typeorm';

// The slice dimensions the stored rollups were counted with, before this
// migration: a deployment's rollups hold these six, and the gateway recounts
// them at boot (in the bootstrap transaction) when its own list differs.
const LAYOUT_BEFORE = 'CHANNEL,KIND,STAGE,REGION,INDUSTRY,NEED_CATEGORY';
// The customer filter uses touchpoint_customer_idx (migration 1764700000000), the same shape.
const INDEXED = ['agent_id', 'team_id', 'product_id'];

// Drill-down (MANAGEMENT-MODEL.md §3): indexes for the filters a unit head
// follows from a breakdown row (agent, team, product), each in
// the page's order so a filtered first page reads only what it returns; and
// the record of which slice dimensions the rollups hold.
export class DrillDown1764500000000 implements MigrationInterface {
  name = 'DrillDown1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rollup_layout (id boolean PRIMARY KEY DEFAULT true CHECK (id), dims text NOT NULL)`);
    // No rollups yet: the gateway stamps its own layout at boot, nothing to recount.
    await q.query(`INSERT INTO rollup_layout (dims) SELECT $1::text WHERE EXISTS (SELECT 1 FROM rollup_hour)`, [LAYOUT_BEFORE]);
    for (const col of INDEXED) {
      await q.query(`CREATE INDEX touchpoint_${col.replace('_id', '')}_time_idx ON touchpoint (${col}, occurred_at DESC, id DESC)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const col of INDEXED) await q.query(`DROP INDEX touchpoint_${col.replace('_id', '')}_time_idx`);
    await q.query(`DROP TABLE rollup_layout`);
  }
}

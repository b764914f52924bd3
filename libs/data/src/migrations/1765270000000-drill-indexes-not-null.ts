import type { MigrationInterface, QueryRunner } from 'typeorm';

// The drill-down's indexes by agent, team and product hold only the
// touchpoints that name one. Their filters are `col = value`, which a
// touchpoint without a value never meets (PostgreSQL proves it: the partial
// index still serves them); the slice of those without one (UNKNOWN:
// `col IS NULL OR col = 'UNKNOWN'`) reads in time order through the key, as it
// did before (drill-plans.spec). Self-service touchpoints have no agent or
// team, and many have no product: their entries were written, WAL and all,
// and never read (docs/PERFORMANCE.md).
const INDEXED = ['agent_id', 'team_id', 'product_id'];
const name = (col: string): string => `touchpoint_${col.replace('_id', '')}_time_idx`;

export class DrillIndexesNotNull1765270000000 implements MigrationInterface {
  name = 'DrillIndexesNotNull1765270000000';

  async up(q: QueryRunner): Promise<void> {
    for (const col of INDEXED) {
      await q.query(`DROP INDEX ${name(col)}`);
      await q.query(`CREATE INDEX ${name(col)} ON touchpoint (${col}, occurred_at DESC, id DESC) WHERE ${col} IS NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const col of INDEXED) {
      await q.query(`DROP INDEX ${name(col)}`);
      await q.query(`CREATE INDEX ${name(col)} ON touchpoint (${col}, occurred_at DESC, id DESC)`);
    }
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copy of the counter columns as they stand at this migration.
const COUNTERS = [
  'touchpoints',
  'served',
  'rated',
  'rating_points',
  'served_rated',
  'win_win',
  'growth',
  'resolved',
  'commitment_present',
  'commitment_met',
  'handoff',
  'handoff_resolved',
  'knowledge_used',
  'first_contact_resolved',
  'knowledge_created',
  'linked',
  'timely',
];

// Daily rollups of every subtree (whole only, no slices): a score over whole
// UTC days reads one row per day instead of 24. A day row is always the sum of
// its unit's hourly whole rows (dim 0) of that UTC day.
export class DayRollups1764100000000 implements MigrationInterface {
  name = 'DayRollups1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rollup_day (
        unit_id text NOT NULL,
        day timestamptz NOT NULL,
        ${COUNTERS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (unit_id, day)
      )`);
    // Writers wait until commit, so no hourly row is added that the day rows miss.
    await q.query(`LOCK TABLE rollup_hour IN SHARE MODE`);
    await q.query(`
      INSERT INTO rollup_day (unit_id, day, ${COUNTERS.join(', ')})
      SELECT unit_id, date_trunc('day', hour, 'UTC'), ${COUNTERS.map((c) => `sum(${c})::bigint`).join(', ')}
        FROM rollup_hour WHERE dim = 0
       GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rollup_day`);
  }
}

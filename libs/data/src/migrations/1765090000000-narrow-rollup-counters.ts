import type { MigrationInterface, QueryRunner } from 'typeorm';

// Rollup counters as 4-byte integers (handle seconds stay 8 bytes): every
// ingest transaction rewrites a few rollup rows per touchpoint, and each
// rewrite logs the whole row to the WAL — 24 bigint counters were two thirds of
// it (docs/PERFORMANCE.md, "WAL per touchpoint, by table"). A counter of one
// row holds at most one unit's touchpoints of one day (rollup_day,
// rollup_day_slice) — 2,147,483,647 is 21× the 10⁸ a day of issue 15's
// national operator, in one unit; the sum of handle seconds of such a day is
// not, so it stays bigint. Frozen copy of the counters at this migration.
const NARROW = [
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
  'repeats',
  'self_service',
  'complaints',
  'renewals',
  'delighted',
  'low_rated',
];
const TABLES = ['rollup_hour', 'rollup_day', 'rollup_minute', 'rollup_day_slice'];
const alter = (table: string, type: string): string => `ALTER TABLE ${table} ${NARROW.map((c) => `ALTER COLUMN ${c} TYPE ${type}`).join(', ')}`;

export class NarrowRollupCounters1765090000000 implements MigrationInterface {
  name = 'NarrowRollupCounters1765090000000';

  async up(q: QueryRunner): Promise<void> {
    // One rewrite per table (every stored value moves as it is; one beyond 2³¹ − 1 fails the migration, naming the column).
    for (const t of TABLES) await q.query(alter(t, 'integer'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(alter(t, 'bigint'));
  }
}

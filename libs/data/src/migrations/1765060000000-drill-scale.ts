import type { MigrationInterface, QueryRunner } from 'typeorm';

// The drill-down at 10 million touchpoints over 10,000 units (issue 12):
// - touchpoint_time_idx: a first page of a broad filter over a large subtree
//   (the group's csat NUMERATOR of a week) reads the newest rows of every unit
//   in time order and stops at the page's end, instead of gathering the whole
//   window of every unit through touchpoint_unit_time_idx and sorting it
//   (measured at 1 M rows: 157 ms p50; it grows with the window).
// - touchpoint_rated3_idx: the one band of ratings no counter holds (exactly 3),
//   so that csat's NUMERATOR / MISSED and maxSatisfaction 3 count from rollups
//   plus these few rows (rollup-count.repository.ts).
// Created on `touchpoint` itself: on the partitioned table (migration
// 1765000000000) that is the parent, and every partition gets its own.
export class DrillScale1765060000000 implements MigrationInterface {
  name = 'DrillScale1765060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX touchpoint_time_idx ON touchpoint (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX touchpoint_rated3_idx ON touchpoint (occurred_at, unit_id) WHERE satisfaction_score = 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX touchpoint_rated3_idx`);
    await q.query(`DROP INDEX touchpoint_time_idx`);
  }
}

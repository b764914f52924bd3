import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every ingest transaction adds to the rollup rows of its hours, days and
// minutes: the same few rows, updated over and over. An update PostgreSQL can
// keep on the row's own page (HOT) writes no index entry and touches no other
// page; with full pages (fillfactor 100) about half of them could not. Leaving
// 30 % of each page free for the next versions makes most of them HOT
// (docs/PERFORMANCE.md, "Rollup pages with room"). It applies to pages written
// from now on; an existing database gets it as its tables grow.
const TABLES = ['rollup_hour', 'rollup_day', 'rollup_minute'];

export class RollupFillfactor1765070000000 implements MigrationInterface {
  name = 'RollupFillfactor1765070000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} RESET (fillfactor)`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPartitionSql, KEY_DAY_SQL } from '../touchpoint-partitions';

// Touchpoints in daily partitions by occurred_at, every id once in the key
// table (touchpoint-partitions.ts says why). Stored touchpoints move over with
// their columns, constraints and indexes as they stand (the secondary indexes
// are read from the catalogue, so whatever earlier migrations made is kept);
// down moves them back into one table. The primary key (id, occurred_at,
// unit_id) holds the partition key (PostgreSQL's rule) and the distribution
// column (Citus's rule, docs/SCALE.md); the key table's (id, key_day) is
// unique on id alone because key_day is a function of id.

interface IndexDef {
  indexname: string;
  indexdef: string;
}

const secondaryIndexes = (q: QueryRunner, table: string): Promise<IndexDef[]> =>
  q.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexname <> $1 || '_pkey' ORDER BY 1`, [table]);

async function dropIndexes(q: QueryRunner, defs: IndexDef[]): Promise<void> {
  for (const d of defs) await q.query(`DROP INDEX ${d.indexname}`);
}

// The definitions name the table as `<schema>.touchpoint`, which is the new table by then.
async function createIndexes(q: QueryRunner, defs: IndexDef[]): Promise<void> {
  for (const d of defs) await q.query(d.indexdef);
}

export class PartitionedTouchpoints1765000000000 implements MigrationInterface {
  name = 'PartitionedTouchpoints1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE touchpoint IN ACCESS EXCLUSIVE MODE`);
    const indexes = await secondaryIndexes(q, 'touchpoint');
    await dropIndexes(q, indexes);
    await q.query(`ALTER TABLE touchpoint RENAME TO touchpoint_unpartitioned`);
    await q.query(`ALTER TABLE touchpoint_unpartitioned DROP CONSTRAINT touchpoint_pkey`);
    await q.query(`CREATE TABLE touchpoint (LIKE touchpoint_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (occurred_at)`);
    await q.query(`
      CREATE TABLE touchpoint_key (
        id uuid NOT NULL,
        key_day date NOT NULL,
        unit_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        content_hash text NOT NULL,
        PRIMARY KEY (id, key_day)
      ) PARTITION BY RANGE (key_day)`);
    await q.query(`CREATE TABLE touchpoint_key_legacy PARTITION OF touchpoint_key FOR VALUES FROM (MINVALUE) TO ('2000-01-01')`);
    const days = await q.query(`SELECT DISTINCT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM touchpoint_unpartitioned`);
    for (const { day } of days as { day: string }[]) await q.query(createPartitionSql('touchpoint', day));
    const keyDays = await q.query(`SELECT DISTINCT (${KEY_DAY_SQL('id')})::text AS day FROM touchpoint_unpartitioned`);
    for (const { day } of keyDays as { day: string }[]) if (day >= '2000-01-01') await q.query(createPartitionSql('touchpoint_key', day));
    await q.query(`INSERT INTO touchpoint SELECT * FROM touchpoint_unpartitioned`);
    await q.query(`INSERT INTO touchpoint_key (id, key_day, unit_id, occurred_at, content_hash)
      SELECT id, ${KEY_DAY_SQL('id')}, unit_id, occurred_at, content_hash FROM touchpoint_unpartitioned`);
    await q.query(`DROP TABLE touchpoint_unpartitioned`);
    // Indexes after the load: one sorted build per partition instead of row by row.
    await q.query(`ALTER TABLE touchpoint ADD PRIMARY KEY (id, occurred_at, unit_id)`);
    await createIndexes(q, indexes);
    // Slice hour rows older than QIHE_HOUR_ROLLUP_DAYS, folded per UTC day (touchpoint-retention.ts); whole-unit hours stay hours.
    await q.query(`CREATE TABLE rollup_day_slice (LIKE rollup_hour INCLUDING DEFAULTS)`);
    await q.query(`ALTER TABLE rollup_day_slice RENAME COLUMN hour TO day`);
    await q.query(`ALTER TABLE rollup_day_slice ADD PRIMARY KEY (unit_id, dim, day, val)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Folded slice days go back to one row at the day's first hour: every day-aligned breakdown still adds up.
    const cols = (await q.query(`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'rollup_day_slice' AND column_name NOT IN ('unit_id', 'dim', 'day', 'val') ORDER BY ordinal_position`)) as { c: string }[];
    const names = cols.map((r) => r.c);
    await q.query(`INSERT INTO rollup_hour AS t (unit_id, dim, hour, val, ${names.join(', ')}) SELECT unit_id, dim, day, val, ${names.join(', ')} FROM rollup_day_slice
      ON CONFLICT (unit_id, dim, hour, val) DO UPDATE SET ${names.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`);
    await q.query(`DROP TABLE rollup_day_slice`);
    await q.query(`LOCK TABLE touchpoint, touchpoint_key IN ACCESS EXCLUSIVE MODE`);
    const indexes = await secondaryIndexes(q, 'touchpoint');
    await dropIndexes(q, indexes);
    await q.query(`ALTER TABLE touchpoint RENAME TO touchpoint_partitioned`);
    await q.query(`ALTER TABLE touchpoint_partitioned DROP CONSTRAINT touchpoint_pkey`);
    await q.query(`CREATE TABLE touchpoint (LIKE touchpoint_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await q.query(`INSERT INTO touchpoint SELECT * FROM touchpoint_partitioned`);
    await q.query(`DROP TABLE touchpoint_partitioned`);
    await q.query(`DROP TABLE touchpoint_key`);
    await q.query(`ALTER TABLE touchpoint ADD PRIMARY KEY (id)`);
    await createIndexes(q, indexes);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TOUCHPOINT_FILLFACTOR } from '../touchpoint-partitions';

// The repeat rule marks stored touchpoints that a late earlier one turns into
// repeats (repeat-contact.repository.ts). `repeat` is in no index of
// `touchpoint`, so the mark can be a HOT update — the new version on the
// row's own page, no entry in any of the 8 indexes — but only where the page
// has room: on packed pages 90 % of the marks wrote a new version elsewhere
// and an entry in every index. New partitions are created with room
// (createPartitionSql); this gives the partitions that exist (created ahead)
// and customer_touchpoint (the marks' and ratings' copy, one index) the same
// for the pages they write from now on — nothing is rewritten.
const EACH_PARTITION = (set: string): string => `DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'touchpoint'::regclass LOOP
      EXECUTE format('ALTER TABLE %I ${set}', r.relname);
    END LOOP; END $$`;

export class TouchpointFillfactor1765150000000 implements MigrationInterface {
  name = 'TouchpointFillfactor1765150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(EACH_PARTITION(`SET (fillfactor = ${TOUCHPOINT_FILLFACTOR})`));
    await q.query(`ALTER TABLE customer_touchpoint SET (fillfactor = ${TOUCHPOINT_FILLFACTOR})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_touchpoint RESET (fillfactor)`);
    await q.query(EACH_PARTITION('RESET (fillfactor)'));
  }
}

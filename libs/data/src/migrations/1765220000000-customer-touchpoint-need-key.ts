import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGED_FACTS } from './1765110000001-customer-touchpoints';

// The repeat rule's look-ups (repeat-contact.repository.ts) ask for one customer's touchpoints of one need
// within 7 days. Keyed (customer_id, occurred_at, id), customer_touchpoint answered with a range of the
// customer's rows of the window, every need, each row read from the heap to test its need: a customer with
// thousands of touchpoints a week (a large account, a reseller's line) cost every new touchpoint thousands of
// row reads (230–350 µs each, docs/PERFORMANCE.md). Keyed (customer_id, need_category, occurred_at, id), each
// look-up is one descent to its row, whatever else the customer did; no index is added (an index on `need`
// beside the key would cost every touchpoint one more entry). The customer lens's reads keep one range each:
// the customer's rows are still contiguous (the key leads with customer_id) and the window's time is an index
// condition within it; the timeline reads its page newest first per need and merges (touchpoint.repository.ts).
// A touchpoint's need never changes (no statement sets it), so the triggers find the copy by the whole key.
// The migration builds the new key in one statement: 2.3 s for 2 M rows on this machine (a scratch cluster,
// maintenance_work_mem 256 MB), so about 10–20 s at 10 M, while ingest (which writes the copy) waits.
const CHANGED = (needToo: boolean): string => `
      CREATE OR REPLACE FUNCTION customer_touchpoint_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Ratings and the repeat rule change facts; the key columns never change (occurred_at is the partition key).
        UPDATE customer_touchpoint c SET ${CHANGED_FACTS}
          FROM changed n WHERE c.customer_id = n.customer_id${needToo ? ' AND c.need_category = n.need_category' : ''} AND c.occurred_at = n.occurred_at AND c.id = n.id;
        RETURN NULL;
      END $$`;
const REMOVED = (needToo: boolean): string => `
      CREATE OR REPLACE FUNCTION customer_touchpoint_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM customer_touchpoint c USING removed o
         WHERE c.customer_id = o.customer_id${needToo ? ' AND c.need_category = o.need_category' : ''} AND c.occurred_at = o.occurred_at AND c.id = o.id;
        RETURN NULL;
      END $$`;

export class CustomerTouchpointNeedKey1765220000000 implements MigrationInterface {
  name = 'CustomerTouchpointNeedKey1765220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customer_touchpoint DROP CONSTRAINT customer_touchpoint_pkey,
      ADD CONSTRAINT customer_touchpoint_pkey PRIMARY KEY (customer_id, need_category, occurred_at, id)`);
    await q.query(CHANGED(true));
    await q.query(REMOVED(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REMOVED(false));
    await q.query(CHANGED(false));
    await q.query(`ALTER TABLE customer_touchpoint DROP CONSTRAINT customer_touchpoint_pkey,
      ADD CONSTRAINT customer_touchpoint_pkey PRIMARY KEY (customer_id, occurred_at, id)`);
  }
}

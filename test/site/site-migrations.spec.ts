import { openSiteDatabase } from '../../apps/site/src/storage/site-database';
import { createTestDatabase } from '../support/test-database';

// The site's schema goes up and comes down cleanly, with its own history table.

const SITE_TABLES = [
  'site_commitment_definition',
  'site_commitment_event',
  'site_copy',
  'site_customer_copy',
  'site_dead_letter',
  'site_follow_up',
  'site_follow_up_close',
  'site_migrations',
  'site_perception_point',
  'site_progress',
  'site_rating',
  'site_touchpoint',
  'site_unit',
  'site_user',
];
const FIRST_ONLY = ['site_dead_letter', 'site_migrations', 'site_progress', 'site_rating', 'site_touchpoint', 'site_unit', 'site_user'];
const ALL = ['SiteOutbox1765000000000', 'SiteCommitments1765100000000', 'SitePerceptionPoints1765200000000', 'SiteCustomers1765300000000'];

describe('site migrations', () => {
  it('apply, revert and re-apply on an empty database', async () => {
    const target = await createTestDatabase();
    const db = await openSiteDatabase({ databaseUrl: target.url, dataDir: '/nonexistent', siteId: 'm' });
    const tables = async (): Promise<string[]> =>
      (await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).map((r) => r.table_name);
    try {
      expect(await db.migrate()).toEqual(ALL);
      expect(await tables()).toEqual(SITE_TABLES);
      expect(await db.migrate()).toEqual([]);
      expect(await db.query(`SELECT id, forwarded::int AS forwarded, last_success_at FROM site_progress`)).toEqual([{ id: 1, forwarded: 0, last_success_at: null }]);

      // The customer copy goes first (the last migration).
      await db.revertLastMigration();
      expect(await tables()).toEqual(SITE_TABLES.filter((t) => t !== 'site_customer_copy'));

      // A perception-point copy is a kind of copy the second schema does not know: reverting removes its mark.
      await db.query(`INSERT INTO site_copy (what, fetched_at) VALUES ('PERCEPTION_POINTS', now())`);
      await db.revertLastMigration();
      expect(await tables()).toEqual(SITE_TABLES.filter((t) => t !== 'site_perception_point' && t !== 'site_customer_copy'));
      expect(await db.query(`SELECT what FROM site_copy`)).toEqual([]);

      // A commitment event's dead letter is a kind the first schema does not know: reverting removes it.
      await db.query(`INSERT INTO site_dead_letter (kind, touchpoint_id, code, message, payload) VALUES ('COMMITMENT_EVENT', gen_random_uuid(), 'X', 'x', '{}')`);
      await db.revertLastMigration();
      expect(await tables()).toEqual(FIRST_ONLY);
      await db.revertLastMigration();
      expect(await tables()).toEqual(['site_migrations']);
      expect(await db.migrate()).toEqual(ALL);
      expect(await tables()).toEqual(SITE_TABLES);
    } finally {
      await db.close();
      await target.drop();
    }
  });
});

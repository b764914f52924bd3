import { openSiteDatabase } from '../../apps/site/src/storage/site-database';
import { createTestDatabase } from '../support/test-database';

// The site's schema goes up and comes down cleanly, with its own history table.

const SITE_TABLES = ['site_dead_letter', 'site_migrations', 'site_progress', 'site_rating', 'site_touchpoint', 'site_unit', 'site_user'];

describe('site migrations', () => {
  it('apply, revert and re-apply on an empty database', async () => {
    const target = await createTestDatabase();
    const db = await openSiteDatabase({ databaseUrl: target.url, dataDir: '/nonexistent', siteId: 'm' });
    const tables = async (): Promise<string[]> =>
      (await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).map((r) => r.table_name);
    try {
      expect(await db.migrate()).toEqual(['SiteOutbox1765000000000']);
      expect(await tables()).toEqual(SITE_TABLES);
      expect(await db.migrate()).toEqual([]);
      expect(await db.query(`SELECT id, forwarded::int AS forwarded, last_success_at FROM site_progress`)).toEqual([{ id: 1, forwarded: 0, last_success_at: null }]);

      await db.revertLastMigration();
      expect(await tables()).toEqual(['site_migrations']);
      expect(await db.migrate()).toEqual(['SiteOutbox1765000000000']);
      expect(await tables()).toEqual(SITE_TABLES);
    } finally {
      await db.close();
      await target.drop();
    }
  });
});

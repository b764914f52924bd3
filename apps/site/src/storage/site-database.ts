import { Database } from '@qihe/data';
import type { SiteConfig } from '../config/site-config';
import { SiteOutbox1765000000000 } from './migrations/1765000000000-site-outbox';
import { SiteCommitments1765100000000 } from './migrations/1765100000000-site-commitments';
import { SitePerceptionPoints1765200000000 } from './migrations/1765200000000-site-perception-points';
import { SiteCustomers1765300000000 } from './migrations/1765300000000-site-customers';

export const SITE_MIGRATIONS = [SiteOutbox1765000000000, SiteCommitments1765100000000, SitePerceptionPoints1765200000000, SiteCustomers1765300000000];
// Its own history table: a site's schema never mixes with a gateway's, even in one database.
export const SITE_MIGRATIONS_TABLE = 'site_migrations';

/** The site's database (PostgreSQL at DATABASE_URL, else PGlite in SITE_DATA_DIR), not yet migrated. */
export function openSiteDatabase(config: Pick<SiteConfig, 'databaseUrl' | 'dataDir' | 'siteId'>): Promise<Database> {
  return Database.open({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 5,
    applicationName: `qihe-site-${config.siteId}`,
    migrations: SITE_MIGRATIONS,
    migrationsTableName: SITE_MIGRATIONS_TABLE,
  });
}

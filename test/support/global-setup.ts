import { startCluster } from './postgres-cluster';

// One PostgreSQL cluster for the whole jest run; every suite gets its own
// database in it (test/support/test-database.ts), so suites never see each other.
export default async function globalSetup(): Promise<void> {
  if (process.env.QIHE_TEST_PG_URL) return; // an outside cluster was given
  const cluster = await startCluster();
  process.env.QIHE_TEST_PG_URL = cluster.url;
  (globalThis as Record<string, unknown>).__QIHE_PG__ = cluster;
}

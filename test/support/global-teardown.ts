import type { PgCluster } from './postgres-cluster';

export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as Record<string, unknown>).__QIHE_PG__ as PgCluster | undefined;
  await cluster?.stop();
}

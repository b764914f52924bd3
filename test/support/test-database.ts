import { randomBytes } from 'node:crypto';
import { Database } from '@qihe/data';
import { Client } from 'pg';

/** Creates an empty database in the run's cluster and returns its URL and a dropper. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.QIHE_TEST_PG_URL;
  if (!admin) throw new Error('QIHE_TEST_PG_URL is not set: run the suite through jest (test/support/global-setup.ts)');
  const name = `qihe_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database with every migration applied, opened with `poolSize`
 * connections (and `options`, e.g. `-c TimeZone=…`, for each); `close` closes
 * it and drops the database. What most integration specs start with.
 */
export async function openMigratedTestDatabase(opts: { poolSize?: number; options?: string } = {}): Promise<{ db: Database; close: () => Promise<void> }> {
  const target = await createTestDatabase();
  const url = opts.options ? `${target.url}?options=${encodeURIComponent(opts.options)}` : target.url;
  const db = await Database.open({ url, poolSize: opts.poolSize ?? 2 });
  const close = async (): Promise<void> => {
    await db.close();
    await target.drop();
  };
  try {
    await db.migrate();
  } catch (e) {
    await close();
    throw e;
  }
  return { db, close };
}

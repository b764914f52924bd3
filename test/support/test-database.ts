import { randomBytes } from 'node:crypto';
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

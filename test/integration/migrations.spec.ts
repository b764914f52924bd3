import { Database } from '@qihe/data';
import { createTestDatabase } from '../support/test-database';

// Migrations run at start and can be reverted: up, down, up again on a real PostgreSQL.
it('applies every migration, reverts them all, and applies them again', async () => {
  const target = await createTestDatabase();
  const db = await Database.open({ url: target.url, poolSize: 2 });
  const tables = async (): Promise<string[]> =>
    (await db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`)).map((r) => r.t);
  try {
    const applied = await db.migrate();
    expect(applied.length).toBeGreaterThan(0);
    expect(await tables()).toEqual([
      'app_user',
      'audit_log',
      'commitment_definition',
      'commitment_event',
      'commitment_node',
      'commitment_stat_hour',
      'commitment_stat_scope',
      'customer_risk',
      'customer_touched',
      'customer_touchpoint',
      'customer_unit',
      'feed_outbox',
      'feed_unsent',
      'follow_up',
      'indicator_target',
      'org_unit',
      'org_unit_subtree',
      'own_day_settled',
      'perception_point',
      'raw_retention',
      'risk_model',
      'risk_pass',
      'rollup_day',
      'rollup_day_slice',
      'rollup_hour',
      'rollup_layout',
      'rollup_minute',
      'rollup_own_day',
      'site',
      'touchpoint',
      'touchpoint_key',
      'touchpoint_key_legacy',
    ]);
    expect(await db.migrate()).toEqual([]);
    for (let i = 0; i < applied.length; i++) await db.revertLastMigration();
    expect(await tables()).toEqual([]);
    expect(await db.migrate()).toEqual(applied);
  } finally {
    await db.close();
    await target.drop();
  }
});

import { addCustomerContacts, Database, MIGRATIONS, pruneTouchedCustomers, touchCustomers, touchedCustomers } from '@qihe/data';
import { openMigratedTestDatabase } from '../support/test-database';

// Issue 14's upkeep at ingest (migration 1765140000000): the per-customer
// summary's upsert changes no indexed column, so an existing row's update is
// HOT (no index entry); the customers the risk pass must look at again are
// queued in customer_touched, one row per statement; the migration moves
// touched_at's customers to the queue and back.

let close: () => Promise<void>;
let db: Database;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
});

afterAll(async () => {
  await close?.();
});

const contact = (customerId: string, unitId: string, iso: string): { customerId: string; unitId: string; occurredAt: Date } => ({ customerId, unitId, occurredAt: new Date(iso) });

it('a second contact of the same customer and unit updates its summary row in place (HOT): no index entry per touchpoint', async () => {
  const first = Array.from({ length: 40 }, (_, i) => contact(`hot-${i}`, i % 2 ? 'prj-a1' : 'prj-b1', '2026-12-01T08:00:00Z'));
  await db.transaction((tx) => addCustomerContacts(tx, first));
  const again = first.map((c) => ({ ...c, occurredAt: new Date('2026-12-01T09:00:00Z') }));
  const [stats] = await db.transaction(async (tx) => {
    await addCustomerContacts(tx, again);
    await touchCustomers(tx, again.slice(0, 5)); // late ratings: queued, no update of the summary
    return tx.query<{ upd: string; hot: string }>(`SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_xact_user_tables WHERE relname = 'customer_unit'`);
  });
  expect({ updated: Number(stats.upd), hot: Number(stats.hot) }).toEqual({ updated: 40, hot: 40 });
  const rows = await db.query<{ n: string; l: Date }>(`SELECT touchpoints AS n, last_contact_at AS l FROM customer_unit WHERE customer_id = 'hot-3'`);
  expect(rows.map((r) => [Number(r.n), r.l.toISOString()])).toEqual([[2, '2026-12-01T09:00:00.000Z']]);
  const indexes = await db.query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE tablename = 'customer_unit' ORDER BY 1`);
  expect(indexes.map((r) => r.i)).toEqual(['customer_unit_pkey']);
});

it('every stored contact and late rating queues its customer once per statement; a pass reads and prunes exactly what its snapshot saw', async () => {
  await db.query(`TRUNCATE customer_touched`);
  await db.transaction((tx) => addCustomerContacts(tx, [contact('q-2', 'prj-a1', '2026-12-01T08:00:00Z'), contact('q-1', 'prj-a1', '2026-12-01T08:00:00Z'), contact('q-1', 'prj-b1', '2026-12-01T08:05:00Z')]));
  await db.transaction((tx) => touchCustomers(tx, [{ customerId: 'q-3' }, { customerId: 'q-1' }, { customerId: 'q-3' }]));
  expect((await db.query<{ c: string[] }>(`SELECT customers AS c FROM customer_touched ORDER BY at`)).map((r) => r.c)).toEqual([
    ['q-1', 'q-2'],
    ['q-1', 'q-3'],
  ]);
  // An ingest transaction that queued q-4 and commits only after the pass read the queue (its now() is earlier).
  let commit!: () => void;
  const committed = new Promise<void>((r) => (commit = r));
  let queued!: () => void;
  const inQueue = new Promise<void>((r) => (queued = r));
  const late = db.transaction(async (tx) => {
    await touchCustomers(tx, [{ customerId: 'q-4' }]);
    queued();
    await committed;
  });
  await inQueue;
  const seen = await touchedCustomers(db);
  expect(seen.customers).toEqual(['q-1', 'q-2', 'q-3']);
  commit();
  await late;
  await pruneTouchedCustomers(db, seen.snapshot);
  // The late commit stays for the next pass, and only it: nothing is read twice.
  expect((await touchedCustomers(db)).customers).toEqual(['q-4']);
  await pruneTouchedCustomers(db, (await touchedCustomers(db)).snapshot);
  expect((await touchedCustomers(db)).customers).toEqual([]);
});

it('the migration moves the touched customers to the queue and back, with the indexes', async () => {
  await db.query(`TRUNCATE customer_unit, customer_touched`);
  await db.transaction((tx) => addCustomerContacts(tx, [contact('m-1', 'prj-a1', '2026-12-01T08:00:00Z'), contact('m-2', 'prj-b1', '2026-12-01T08:00:00Z')]));
  const names = MIGRATIONS.slice(MIGRATIONS.findIndex((m) => m.name === 'CustomerTouchedQueue1765140000000')).map((m) => m.name);
  for (let i = 0; i < names.length; i++) await db.revertLastMigration();
  // Down: touched_at from the queue (m-3, never queued, is as if never touched), the two indexes back.
  await db.query(`INSERT INTO customer_unit (unit_id, customer_id, touchpoints, first_contact_at, last_contact_at, touched_at) VALUES ('prj-a1', 'm-3', 1, now(), now(), '-infinity')`);
  const touched = await db.query<{ c: string; later: boolean }>(`SELECT customer_id AS c, touched_at > '-infinity' AS later FROM customer_unit ORDER BY 1`);
  expect(touched.map((r) => [r.c, r.later])).toEqual([
    ['m-1', true],
    ['m-2', true],
    ['m-3', false],
  ]);
  const indexes = async (): Promise<string[]> => (await db.query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE tablename = 'customer_unit' ORDER BY 1`)).map((r) => r.i);
  expect(await indexes()).toEqual(['customer_unit_pkey', 'customer_unit_recent_idx', 'customer_unit_touched_idx']);
  // Up: what the next pass reads (touched after its mark less a minute) is queued again; the summary rows stay.
  await db.query(`UPDATE risk_pass SET scored_until = now() - interval '10 minutes'`);
  await db.query(`UPDATE customer_unit SET touched_at = now() - interval '20 minutes' WHERE customer_id = 'm-2'`);
  expect(await db.migrate()).toEqual(names);
  expect((await touchedCustomers(db)).customers).toEqual(['m-1']);
  expect(await indexes()).toEqual(['customer_unit_pkey']);
  expect((await db.query<{ c: string; n: string }>(`SELECT customer_id AS c, touchpoints AS n FROM customer_unit ORDER BY 1`)).map((r) => [r.c, Number(r.n)])).toEqual([
    ['m-1', 1],
    ['m-2', 1],
    ['m-3', 1],
  ]);
});

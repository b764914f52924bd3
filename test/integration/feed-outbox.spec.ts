import { claimOutbox, Database, insertOutbox, markOutboxSent, MIGRATIONS, pruneOutbox } from '@qihe/data';
import { openMigratedTestDatabase } from '../support/test-database';

// The feed's outbox on a real PostgreSQL (migration 1765240000000): an event's
// row is written once, with its id queued in feed_unsent until a sender takes
// it off; the row is never updated (a mark used to rewrite the whole row and an
// entry in each index: as much WAL as the insert). Down and up with data: what
// was unsent stays unsent, what was sent stays sent.

let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
});
afterAll(async () => {
  await close?.();
});
// Each case starts from an empty outbox and queue.
beforeEach(async () => {
  await db.query('TRUNCATE feed_outbox, feed_unsent');
});

const event = (i: number) => ({ unitId: 'u-1', dedupeKey: `k${i}`, event: 'alert', rooms: ['u-1'], payload: { type: 'LOW_RATING', i, comment: 'x'.repeat(200) } });
/** Each outbox row's place and the transaction that wrote its version: an UPDATE would change both. */
const versions = async (): Promise<{ id: string; ctid: string; xmin: string }[]> =>
  db.query(`SELECT id::text, ctid::text, xmin::text FROM feed_outbox ORDER BY id`);
const queued = async (): Promise<number[]> => (await db.query<{ id: string }>(`SELECT id::text FROM feed_unsent ORDER BY id`)).map((r) => Number(r.id));
/** Claims the `n` oldest queued events and marks them sent, in one transaction; returns them. */
const sendOldest = (n: number) =>
  db.transaction(async (tx) => {
    const rows = await claimOutbox(tx, n);
    await markOutboxSent(tx, rows.map((r) => r.id));
    return rows;
  });

it('queues each new event once, takes it off when sent, and never rewrites its row', async () => {
  await insertOutbox(db, [0, 1, 2, 3, 4].map(event));
  await insertOutbox(db, [3, 4, 5].map(event)); // 3 and 4 again: no new row, not queued twice
  const written = await versions();
  expect(written).toHaveLength(6);
  expect(await queued()).toEqual(written.map((r) => Number(r.id)));
  const sent = await sendOldest(4);
  expect(sent.map((r) => r.payload.i)).toEqual([0, 1, 2, 3]);
  expect(sent[0]).toMatchObject({ unitId: 'u-1', dedupeKey: 'k0', event: 'alert', rooms: ['u-1'] });
  expect(await queued()).toEqual(written.slice(4).map((r) => Number(r.id)));
  // The rows as written: same place, same version.
  expect(await versions()).toEqual(written);
  // A claim rolled back leaves its events queued.
  await expect(
    db.transaction(async (tx) => {
      expect((await claimOutbox(tx, 10)).map((r) => r.payload.i)).toEqual([4, 5]);
      throw new Error('the feed was unreachable');
    }),
  ).rejects.toThrow('unreachable');
  expect(await queued()).toHaveLength(2);
});

it('prunes only sent events older than the horizon', async () => {
  await insertOutbox(db, [0, 1, 2, 3, 4, 5].map(event));
  expect((await sendOldest(4)).map((r) => r.payload.i)).toEqual([0, 1, 2, 3]);
  await db.query(`UPDATE feed_outbox SET created_at = created_at - interval '10 days'`);
  await pruneOutbox(db, Date.now() - 7 * 86_400_000);
  // The four sent are gone; the two unsent stay, however old.
  expect((await db.query<{ k: string }>(`SELECT dedupe_key AS k FROM feed_outbox ORDER BY id`)).map((r) => r.k)).toEqual(['k4', 'k5']);
  expect(await queued()).toHaveLength(2);
});

it('moves the queue down to sent_at and back up with data: unsent stays unsent, sent stays sent', async () => {
  await insertOutbox(db, [4, 5, 6, 7].map(event));
  expect((await sendOldest(1)).map((r) => r.payload.i)).toEqual([4]);
  const unsent = ['k5', 'k6', 'k7'];
  const names = MIGRATIONS.slice(MIGRATIONS.findIndex((m) => m.name === 'FeedUnsentQueue1765240000000')).map((m) => m.name);
  for (let i = 0; i < names.length; i++) await db.revertLastMigration();
  expect((await db.query<{ k: string }>(`SELECT dedupe_key AS k FROM feed_outbox WHERE sent_at IS NULL ORDER BY id`)).map((r) => r.k)).toEqual(unsent);
  expect((await db.query<{ k: string }>(`SELECT dedupe_key AS k FROM feed_outbox WHERE sent_at IS NOT NULL ORDER BY id`)).map((r) => r.k)).toEqual(['k4']);
  expect(await db.migrate()).toEqual(names);
  const rows = await db.transaction(async (tx) => claimOutbox(tx, 10));
  expect(rows.map((r) => r.dedupeKey)).toEqual(unsent);
  expect(await db.query(`SELECT to_regclass('feed_outbox_unsent_idx') AS i`)).toEqual([{ i: null }]);
});

import fc from 'fast-check';
import { newId } from '@qihe/contracts';
import { ensurePartitions, partitionsOf, storeTouchpoints, type Database } from '@qihe/data';
import { repeatsAmong, type TouchpointRecord } from '@qihe/domain';
import { openMigratedTestDatabase } from '../support/test-database';
import { variedRecord } from '../support/varied-records';

// The repeat rule under concurrent transactions, as several gateway replicas
// run them: batches of the same customers and needs stored at once, each in
// its own transaction on its own connection. The lock of a (customer, need)
// is taken by the claim; the probe runs in the next statement (the insert),
// whose snapshot holds whatever the transactions it waited for committed. So
// the stored flags are the rule's over everything, and every repeat is made
// exactly once: as a new touchpoint's flag or as one stored touchpoint turned.

const H = 3_600_000;
const DAY = 24 * H;
const BASE = Math.floor(Date.now() / H) * H - 20 * DAY;
const CONNECTIONS = 6;

let db: Database;
let close: () => Promise<void>;
let run = 0;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: CONNECTIONS }));
});
afterAll(async () => {
  await close?.();
});

const itemArb = fc.record({
  customer: fc.integer({ min: 0, max: 1 }),
  need: fc.constantFrom('FAULT', 'BILLING'),
  // Half days over 16 days, and the 7-day edge: equal times and exactly-7-days apart both happen.
  at: fc.oneof(fc.integer({ min: 0, max: 32 }).map((d) => (d * DAY) / 2), fc.constantFrom(0, 7 * DAY, 7 * DAY + 60_000)),
});
const scenarioArb = fc.record({
  batches: fc.array(fc.array(itemArb, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 10 }),
});

describe('repeat contacts under concurrent transactions', () => {
  it('any interleaving of concurrent batches stores the rule’s flags and makes each repeat once', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ batches }) => {
        const r = ++run; // each run its own customers
        const records: TouchpointRecord[][] = batches.map((b) =>
          b.map((g) => ({ ...variedRecord(0, BASE + g.at, ['p1', 'p2', 'p3']), id: newId(), customerId: `cc-${r}-${g.customer}`, needCategory: g.need })),
        );
        await ensurePartitions(db, partitionsOf(records.flat()));
        // All at once, each batch in its own transaction: the pool runs up to CONNECTIONS of them side by side.
        const made = await Promise.all(
          records.map((batch) =>
            db.transaction(async (tx) => {
              const { repeats, turned } = await storeTouchpoints(tx, batch.map((record) => ({ record, contentHash: 'h' })), 'site');
              return [...repeats, ...turned.map((t) => t.id)];
            }),
          ),
        );
        const all = records.flat();
        const expected = repeatsAmong(all.map((t) => ({ id: t.id, customerId: t.customerId, needCategory: t.needCategory, occurredAt: t.occurredAt.getTime() })));
        const rows = await db.query<{ id: string; repeat: boolean }>(`SELECT id::text, repeat FROM touchpoint WHERE customer_id LIKE $1`, [`cc-${r}-%`]);
        expect(new Map(rows.map((x) => [x.id, x.repeat]))).toEqual(new Map(all.map((t) => [t.id, expected.has(t.id)])));
        // Exactly once: every repeat made by one transaction, none twice, nothing else.
        const flat = made.flat();
        expect(flat.length).toBe(new Set(flat).size);
        expect(new Set(flat)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

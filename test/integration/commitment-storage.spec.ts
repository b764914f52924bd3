import { randomUUID } from 'node:crypto';
import {
  claimDueTrees,
  claimOutbox,
  Database,
  insertEvents,
  insertFollowUps,
  insertNodes,
  insertOutbox,
  loadCatalogue,
  markOutboxSent,
  upsertDefinitions,
  upsertUnits,
  updateNodes,
} from '@qihe/data';
import { CommitmentCatalogue, settleTree, startTree, type CommitmentDefinition } from '@qihe/domain';
import { openMigratedTestDatabase } from '../support/test-database';
import { UNITS } from '../support/varied-records';

// Commitment storage on a real PostgreSQL: the monitor's claim hands each due
// tree to one transaction only, the outbox hands each event to one sender,
// and causes and event ids are unique.

const DEFS: CommitmentDefinition[] = [
  { code: 'C1', name: 'Promise', level: 1, parentCode: null, targetMinutes: 60, warnAtPercent: 50, ownerUnitId: null },
  { code: 'C1.A', name: 'Step', level: 2, parentCode: 'C1', targetMinutes: 30, warnAtPercent: 50, ownerUnitId: null },
];

let db: Database;
let close: () => Promise<void>;
const unit = UNITS[UNITS.length - 1].id;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 6 }));
  await upsertUnits(db, UNITS);
  await upsertDefinitions(db, DEFS);
});

afterAll(async () => {
  await close?.();
});

/** `n` trees started two hours ago: every node is due for the monitor. */
async function dueTrees(n: number): Promise<void> {
  const catalogue = new CommitmentCatalogue(await loadCatalogue(db));
  const occurredAt = Date.now() - 2 * 3_600_000;
  const nodes = Array.from({ length: n }, () =>
    settleTree(null, startTree(catalogue, { id: randomUUID(), unitId: unit, customerId: 'c', occurredAt, servedAt: null, commitment: { code: 'C1', met: false } }, randomUUID) ?? [], occurredAt, false).map((s) => s.after),
  ).flat();
  await insertNodes(db, nodes);
}

describe('commitment storage', () => {
  it('stores the catalogue parents first and reads it back', async () => {
    expect(await loadCatalogue(db)).toEqual(DEFS);
  });

  it('hands each due tree to exactly one of several concurrent claimers', async () => {
    await dueTrees(60);
    const claimed: string[] = [];
    // Six transactions claim at once, each holding its claim for a moment.
    await Promise.all(
      Array.from({ length: 6 }, () =>
        db.transaction(async (tx) => {
          const { trees, now } = await claimDueTrees(tx, 25);
          await new Promise((r) => setTimeout(r, 100));
          const settled = [...trees.values()].flatMap((tree) => settleTree(tree, tree, now, true).map((s) => s.after));
          await updateNodes(tx, settled);
          claimed.push(...trees.keys());
        }),
      ),
    );
    // A second round takes whatever the first skipped; nothing is due after it.
    for (;;) {
      const got = await db.transaction(async (tx) => {
        const { trees, now } = await claimDueTrees(tx, 25);
        await updateNodes(tx, [...trees.values()].flatMap((tree) => settleTree(tree, tree, now, true).map((s) => s.after)));
        return [...trees.keys()];
      });
      if (got.length === 0) break;
      claimed.push(...got);
    }
    expect(claimed.length).toBe(60);
    expect(new Set(claimed).size).toBe(60);
    const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM commitment_node WHERE next_check_at IS NOT NULL`);
    expect(Number(n)).toBe(0);
  });

  it('gives each outbox event to one sender, and keeps one event per key', async () => {
    const events = Array.from({ length: 40 }, (_, i) => ({ unitId: unit, dedupeKey: `k${i}`, event: 'alert', rooms: [unit, 'other'], payload: { i } }));
    await insertOutbox(db, events);
    await insertOutbox(db, events); // again: nothing new
    const sent: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, () =>
        db.transaction(async (tx) => {
          const rows = await claimOutbox(tx, 15);
          await new Promise((r) => setTimeout(r, 50));
          sent.push(...rows.map((r) => r.payload.i as number));
          expect(rows.every((r) => r.rooms.join() === `${unit},other`)).toBe(true);
          await markOutboxSent(tx, rows.map((r) => r.id));
        }),
      ),
    );
    const rest = await db.transaction(async (tx) => {
      const rows = await claimOutbox(tx, 100);
      await markOutboxSent(tx, rows.map((r) => r.id));
      return rows.map((r) => r.payload.i as number);
    });
    expect([...sent, ...rest].sort((a, b) => a - b)).toEqual(events.map((_, i) => i));
  });

  it('opens one follow-up per cause, however often it is asked to', async () => {
    const tp = randomUUID();
    const ask = (): ReturnType<typeof insertFollowUps> =>
      insertFollowUps(db, [{ id: randomUUID(), unitId: unit, reason: 'LOW_SATISFACTION', causeKey: `touchpoint:${tp}`, customerId: 'c', touchpointId: tp, commitmentId: null, note: null, dueHours: 24 }]);
    const results = await Promise.all([ask(), ask(), ask()]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 1]);
    const [created] = results.flat();
    expect(created.dueAt - created.createdAt).toBe(24 * 3_600_000);
  });

  it('stores an event id once', async () => {
    const e = { id: randomUUID(), unitId: unit, touchpointId: randomUUID(), code: 'C1', completedAt: Date.now(), contentHash: 'h' };
    expect([...(await insertEvents(db, [e]))]).toEqual([e.id]);
    expect([...(await insertEvents(db, [e]))]).toEqual([]);
  });
});

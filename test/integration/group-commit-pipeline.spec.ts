import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadUnits, rebuildRollups, upsertUnits, type Database } from '@qihe/data';
import { CommitmentCatalogue, OrgTree, type Caller, type OrgUnitRecord, type TouchpointRecord } from '@qihe/domain';
import { touchpointContentHash } from '@qihe/server';
import { FeedBus, type TouchpointEvent } from '../../apps/gateway/src/core/feed-bus';
import { GroupCommit, type Candidate, type RecordOutcome } from '../../apps/gateway/src/ingestion/group-commit';
import { openMigratedTestDatabase } from '../support/test-database';

// Two shared write transactions in flight at once (QIHE_WRITE_TRANSACTIONS=2),
// on a real PostgreSQL. A transaction is held where it waits in real life: on
// the repeat rule's advisory lock of its (customer, need), taken here by
// another session. What must hold: the second transaction really runs beside
// the first; calls are answered in arrival order; and every outcome is the one
// arrival order gives — a rating waits for the touchpoints in flight, a re-send
// waits for the batch in flight that holds its id, also when that batch's
// shared transaction fails and its calls are retried alone.

const UNITS: OrgUnitRecord[] = [
  { id: 'g', name: 'G', level: 'GROUP', parentId: null, region: null, industry: null },
  { id: 'b1', name: 'B1', level: 'BUSINESS_UNIT', parentId: 'g', region: 'East', industry: 'Energy' },
  { id: 'p1', name: 'P1', level: 'PROJECT', parentId: 'b1', region: 'East', industry: 'Energy' },
];
const tree = new OrgTree(UNITS);
const SITE: Caller = { kind: 'site', siteId: 'site-b1', unitId: 'b1' };

let db: Database;
let close: () => Promise<void>;
let blocker: Client;
let writes: GroupCommit;
const published: TouchpointEvent[][] = [];

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 4 }));
  await upsertUnits(db, UNITS);
  const feed = new FeedBus();
  feed.onTouchpoints((events) => published.push(events));
  writes = new GroupCommit(db, () => tree, feed, () => new CommitmentCatalogue([]), undefined, undefined, 2);
  blocker = new Client({ connectionString: (db.dataSource.options as { url: string }).url });
  await blocker.connect();
});

afterAll(async () => {
  await blocker.end();
  await close();
});

function record(customerId: string, overrides: Partial<TouchpointRecord> = {}): TouchpointRecord {
  return {
    id: randomUUID(),
    unitId: 'p1',
    customerId,
    industry: null,
    region: 'East',
    contractId: null,
    productId: null,
    teamId: null,
    agentId: null,
    perceptionPoint: null,
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 120_000),
    needCategory: 'FAULT',
    needDescription: null,
    service: { action: 'fix', handleSeconds: 60, resolved: true, firstContact: true, knowledgeRefs: [], knowledgeCreated: false, handoffUnitId: null, commitment: null, servedAt: null },
    satisfaction: null,
    ...overrides,
  };
}

const candidate = (r: TouchpointRecord, index: number): Candidate => ({ index, record: r, contentHash: touchpointContentHash(r) });
const batch = (...records: TouchpointRecord[]) => ({ kind: 'record' as const, candidates: records.map(candidate), laterCopies: [], siteId: 'site-b1' });
const rating = (id: string, score: number) => ({ kind: 'rate' as const, caller: SITE, items: [{ index: 0, id, rawId: id, score, comment: null }] });
const settle = <T>(p: Promise<T>): Promise<{ ok: T } | { err: Error }> => p.then((ok) => ({ ok }), (err: Error) => ({ err }));

// The repeat rule's lock of one customer's FAULT touchpoints (touchpoint.repository.ts, CLAIM_AND_LOCK_SQL), held by
// the blocker's session: a transaction storing such a touchpoint waits in its claim until it is released.
const KEY = `hashtextextended($1 || chr(31) || 'FAULT', 0)`;
const hold = (customerId: string) => blocker.query(`SELECT pg_advisory_lock(${KEY})`, [customerId]);
const release = (customerId: string) => blocker.query(`SELECT pg_advisory_unlock(${KEY})`, [customerId]);

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never: ${what}`);
}
/** Whether a transaction waits for that customer's lock (pg_locks shows a bigint key as its two halves). */
const waitsOn = async (customerId: string): Promise<boolean> =>
  (
    await db.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND ((classid::bigint << 32) | objid::bigint) = ${KEY}`, [customerId])
  ).length === 1;
const stored = async (...ids: string[]): Promise<boolean> =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM touchpoint WHERE id = ANY($1::uuid[])`, [ids]))[0].n) === ids.length;

describe('GroupCommit with two transactions in flight', () => {
  it('runs a second group beside a waiting one, and answers them in arrival order', async () => {
    const [z, y] = [record(`c-${randomUUID()}`), record(`c-${randomUUID()}`)];
    await hold(z.customerId);
    published.length = 0;
    const answered: string[] = [];
    const first = writes.submit(batch(z)).then((o) => (answered.push('first'), o));
    const second = writes.submit(batch(y)).then((o) => (answered.push('second'), o));
    await until('the first waits on its lock', () => waitsOn(z.customerId));
    // The second committed while the first still waits: it ran beside it, not after it.
    await until('the second is stored', () => stored(y.id));
    expect(await stored(z.id)).toBe(false);
    expect(answered).toEqual([]); // and its caller hears of it only after the first's
    await release(z.customerId);
    expect(await first).toEqual({ accepted: 1, duplicates: 0, conflicts: [] });
    expect(await second).toEqual({ accepted: 1, duplicates: 0, conflicts: [] });
    expect(answered).toEqual(['first', 'second']);
    expect(published.flat().map((e) => e.id)).toEqual([z.id, y.id]);
  });

  it('starts a rating only when the touchpoints in flight are stored', async () => {
    const z = record(`c-${randomUUID()}`);
    await hold(z.customerId);
    const stored1 = writes.submit(batch(z));
    await until('the batch waits on its lock', () => waitsOn(z.customerId));
    const rated = writes.submit(rating(z.id, 5)); // a free slot, but the touchpoint it rates is not committed yet
    await new Promise((r) => setTimeout(r, 200));
    await release(z.customerId);
    expect(await stored1).toEqual({ accepted: 1, duplicates: 0, conflicts: [] });
    expect(await rated).toMatchObject([{ index: 0, status: 'RATED', touchpoint: { id: z.id, satisfactionScore: 5 } }]);
  });

  it('holds a re-send back while the batch with its id is in flight, also through that batch failing and being retried alone', async () => {
    const [cz, cw, ca] = [`c-${randomUUID()}`, `c-${randomUUID()}`, `c-${randomUUID()}`];
    const x1 = record(ca);
    const bad = record(`c-${randomUUID()}`, { satisfaction: { score: 9, comment: null } }); // the table's CHECK refuses it
    await hold(cz);
    await hold(cw);
    await hold(ca);
    // Both slots wait; `bad` and `a` queue up and then share one transaction.
    const [zr, wr] = [record(cz), record(cw)];
    const z = writes.submit(batch(zr));
    const w = writes.submit(batch(wr));
    await until('both slots wait', async () => (await waitsOn(cz)) && (await waitsOn(cw)));
    const badCall = settle(writes.submit(batch(bad)));
    const a = writes.submit(batch(x1));
    await release(cw); // w commits; bad + a start together and wait on a's lock
    await until('bad + a wait on their lock', () => waitsOn(ca));
    await release(cz); // a slot is free now
    await until('z is stored', () => stored(zr.id));
    // The same id, other content, sent after `a`: arrival order makes it the conflict.
    const b = writes.submit(batch({ ...x1, needDescription: 'changed' }));
    await new Promise((r) => setTimeout(r, 200)); // room to start beside bad + a, were it allowed to
    await release(ca); // the shared transaction fails on `bad`; each call is retried alone
    expect(await z).toMatchObject({ accepted: 1 });
    expect(await w).toMatchObject({ accepted: 1 });
    expect(await a).toEqual({ accepted: 1, duplicates: 0, conflicts: [] });
    const bOut: RecordOutcome = await b;
    expect(bOut.accepted).toBe(0);
    expect(bOut.conflicts.map((c) => c.record.id)).toEqual([x1.id]);
    const failed = (await badCall) as { err?: Error };
    expect(failed.err?.message).toMatch(/check constraint/);
    const rows = await db.query<{ d: string | null }>(`SELECT need_description AS d FROM touchpoint WHERE id = $1`, [x1.id]);
    expect(rows).toEqual([{ d: null }]);
  });

  it('keeps the counters a recount gives', async () => {
    // Many batches at once, some sharing customers (the repeat rule across transactions) and re-sends.
    const customers = Array.from({ length: 5 }, () => `c-${randomUUID()}`);
    const records = Array.from({ length: 60 }, (_, i) => record(customers[i % 5], { occurredAt: new Date(Date.now() - 3_600_000 - i * 61_000) }));
    const calls = [];
    for (let i = 0; i < records.length; i += 6) calls.push(writes.submit(batch(...records.slice(i, i + 6))));
    calls.push(writes.submit(batch(...records.slice(0, 12))));
    const outs = await Promise.all(calls);
    expect(outs.reduce((n, o) => n + o.accepted, 0)).toBe(60);
    expect(outs[outs.length - 1]).toMatchObject({ accepted: 0, duplicates: 12 });
    const repeats = await db.query<{ n: string }>(`SELECT count(*) AS n FROM touchpoint WHERE customer_id = ANY($1::text[]) AND repeat`, [customers]);
    expect(Number(repeats[0].n)).toBe(55); // each customer's 12, in 61-second steps: all but its first
    const snapshot = (): Promise<string[]> =>
      db.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`).then((rs) => rs.map((r) => r.j));
    const live = await snapshot();
    const recount = await db
      .transaction(async (tx) => {
        const t = new OrgTree(await loadUnits(tx));
        await rebuildRollups(tx, (id) => t.lineage(id));
        const rows = await tx.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`);
        throw Object.assign(new Error('rollback'), { rows: rows.map((r) => r.j) });
      })
      .catch((e: Error & { rows?: string[] }) => e.rows);
    expect(recount).toEqual(live);
  });
});

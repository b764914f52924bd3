import { Client } from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { Database, ensurePartitions, loadUnits, rebuildRollups, upsertUnits } from '@qihe/data';
import { CommitmentCatalogue, OrgTree, type Caller, type OrgUnitRecord, type TouchpointRecord } from '@qihe/domain';
import { touchpointContentHash } from '@qihe/server';
import { FeedBus, type TouchpointEvent } from '../core/feed-bus';
import { GroupCommit, TRANSIENT_RETRIES, type Candidate, type RecordOutcome } from './group-commit';

/** An empty database in the test run's cluster (jest's global setup sets QIHE_TEST_PG_URL). */
async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.QIHE_TEST_PG_URL;
  if (!admin) throw new Error('QIHE_TEST_PG_URL is not set: run the suite through jest (test/support/global-setup.ts)');
  const name = `qihe_test_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string): Promise<void> => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  return { url: admin.replace(/\/[^/]*$/, `/${name}`), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

// Group commit on a real PostgreSQL: calls that share a transaction get the
// outcome each would have had alone in arrival order, and one call's failure
// is never another's.

const UNITS: OrgUnitRecord[] = [
  { id: 'g', name: 'G', level: 'GROUP', parentId: null, region: null, industry: null },
  { id: 'b1', name: 'B1', level: 'BUSINESS_UNIT', parentId: 'g', region: 'East', industry: 'Energy' },
  { id: 'b2', name: 'B2', level: 'BUSINESS_UNIT', parentId: 'g', region: 'West', industry: 'Telecom' },
  { id: 'p1', name: 'P1', level: 'PROJECT', parentId: 'b1', region: 'East', industry: 'Energy' },
];
const tree = new OrgTree(UNITS);
const SITE: Caller = { kind: 'site', siteId: 'site-b1', unitId: 'b1' };
const OTHER_SITE: Caller = { kind: 'site', siteId: 'site-b2', unitId: 'b2' };

let db: Database;
let drop: () => Promise<void>;
let dbUrl: string;
let blocker: Client;
let feed: FeedBus;
let writes: GroupCommit;
/** The same, with two shared transactions in flight at once (QIHE_WRITE_TRANSACTIONS=2). */
let writes2: GroupCommit;
const published: TouchpointEvent[][] = [];

beforeAll(async () => {
  const target = await createTestDatabase();
  drop = target.drop;
  dbUrl = target.url;
  db = await Database.open({ url: target.url, poolSize: 4 });
  await db.migrate();
  await upsertUnits(db, UNITS);
  feed = new FeedBus();
  feed.onTouchpoints((events) => published.push(events));
  writes = new GroupCommit(db, () => tree, feed, () => new CommitmentCatalogue([]));
  writes2 = new GroupCommit(db, () => tree, feed, () => new CommitmentCatalogue([]), undefined, undefined, 2);
  blocker = new Client({ connectionString: target.url });
  await blocker.connect();
});

afterAll(async () => {
  await blocker.end();
  await db.close();
  await drop();
});

function record(overrides: Partial<TouchpointRecord> = {}): TouchpointRecord {
  return {
    id: randomUUID(),
    unitId: 'p1',
    customerId: 'c-1',
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

const candidate = (r: TouchpointRecord, index: number): Candidate => ({
  index,
  record: r,
  contentHash: touchpointContentHash(r),
});
const batch = (...records: TouchpointRecord[]) => ({ kind: 'record' as const, candidates: records.map(candidate), laterCopies: [], siteId: 'site-b1' });
const rating = (id: string, score: number, caller = SITE) => ratings(caller, [id, score]);
const ratings = (caller: Caller, ...items: [string, number][]) => ({
  kind: 'rate' as const,
  caller,
  items: items.map(([id, score], index) => ({ index, id, rawId: id, score, comment: null })),
});
const settle = <T>(p: Promise<T>): Promise<{ ok: T } | { err: unknown }> => p.then((ok) => ({ ok }), (err: unknown) => ({ err }));

/** The hourly rollups as stored equal a recount from the raw rows (rebuildRollups, rolled back). */
async function expectRecountedRollups(): Promise<void> {
  const HOURS = `SELECT row_to_json(r)::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`;
  const live = (await db.query<{ j: string }>(HOURS)).map((r) => r.j);
  const recount = await db
    .transaction(async (tx) => {
      const t = new OrgTree(await loadUnits(tx));
      await rebuildRollups(tx, (id) => t.lineage(id));
      const rows = await tx.query<{ j: string }>(HOURS);
      throw Object.assign(new Error('rollback'), { rows: rows.map((r) => r.j) });
    })
    .catch((e: Error & { rows?: string[] }) => e.rows);
  expect(recount).toEqual(live);
}

describe('GroupCommit', () => {
  it('gives calls sharing a transaction the outcomes they would have had one after the other', async () => {
    const x1 = record();
    const x2 = record();
    const x3 = record({ unitId: 'b1' });
    published.length = 0;
    // Submitted together: the first runs alone, the rest queue up and share the next transaction.
    const first = settle(writes.submit(batch(record())));
    const a = settle(writes.submit(batch(x1, x2)));
    const b = settle(writes.submit(batch(x2, x3, { ...x1, customerId: 'someone else' })));
    const rated = settle(writes.submit(rating(x3.id, 4)));
    const again = settle(writes.submit(rating(x3.id, 2)));
    const unknown = settle(writes.submit(rating(randomUUID(), 3)));
    const outside = settle(writes.submit(rating(x1.id, 3, OTHER_SITE)));
    await first;

    expect(await a).toEqual({ ok: { accepted: 2, duplicates: 0, conflicts: [] } });
    const bOut = (await b) as { ok: { accepted: number; duplicates: number; conflicts: Candidate[] } };
    expect(bOut.ok.accepted).toBe(1);
    expect(bOut.ok.duplicates).toBe(1);
    expect(bOut.ok.conflicts.map((c) => [c.index, c.record.id])).toEqual([[2, x1.id]]);
    expect(await rated).toMatchObject({ ok: [{ index: 0, status: 'RATED', touchpoint: { id: x3.id, satisfactionScore: 4 } }] });
    expect(await again).toMatchObject({ ok: [{ status: 'CONFLICT', message: expect.stringMatching(/^satisfaction: .* already rated 4/) }] });
    expect(await unknown).toMatchObject({ ok: [{ status: 'NOT_FOUND', message: expect.stringMatching(/^touchpointId: no touchpoint/) }] });
    expect(await outside).toMatchObject({ ok: [{ status: 'FORBIDDEN_UNIT' }] });

    // One transaction, one now(): a and b were stored together.
    const rows = await db.query<{ id: string; r: string; s: number | null }>(
      `SELECT id, received_at::text AS r, satisfaction_score AS s FROM touchpoint WHERE id = ANY($1::uuid[])`,
      [[x1.id, x2.id, x3.id]],
    );
    expect(new Set(rows.map((r) => r.r)).size).toBe(1);
    expect(rows.find((r) => r.id === x3.id)?.s).toBe(4);
    // Each call's touchpoints reach the feed once, after commit.
    expect(published.flat().map((e) => e.id).filter((id) => [x1.id, x2.id, x3.id].includes(id)).sort()).toEqual([x1.id, x2.id, x3.id].sort());
  });

  it('judges the ratings of one call in order: a repeat is unchanged, a different score a conflict', async () => {
    const [y1, y2] = [record(), record()];
    await writes.submit(batch(y1, y2));
    const out = await writes.submit(ratings(SITE, [y1.id, 5], [y2.id, 2], [y1.id, 5], [y2.id, 3], [randomUUID(), 1]));
    expect(out.map((o) => [o.index, o.status])).toEqual([
      [0, 'RATED'],
      [1, 'RATED'],
      [2, 'UNCHANGED'],
      [3, 'CONFLICT'],
      [4, 'NOT_FOUND'],
    ]);
    const stored = await db.query<{ id: string; s: number }>(`SELECT id, satisfaction_score AS s FROM touchpoint WHERE id = ANY($1::uuid[])`, [[y1.id, y2.id]]);
    expect(Object.fromEntries(stored.map((r) => [r.id, r.s]))).toEqual({ [y1.id]: 5, [y2.id]: 2 });
  });

  it('keeps the counters a recount gives', async () => {
    await expectRecountedRollups();
  });

  it('retries each call alone when the shared transaction fails, so only the failing call fails', async () => {
    const good = record();
    const bad = record({ satisfaction: { score: 9, comment: null } }); // the table's CHECK refuses it
    const first = settle(writes.submit(batch(record())));
    const badCall = settle(writes.submit(batch(bad)));
    const goodCall = settle(writes.submit(batch(good)));
    await first;
    expect(await goodCall).toEqual({ ok: { accepted: 1, duplicates: 0, conflicts: [] } });
    const failed = (await badCall) as { err?: Error };
    expect(failed.err?.message).toMatch(/check constraint/);
    const stored = await db.query<{ id: string }>(`SELECT id FROM touchpoint WHERE id = ANY($1::uuid[])`, [[good.id, bad.id]]);
    expect(stored.map((r) => r.id)).toEqual([good.id]);
  });
});

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

// Two shared write transactions in flight at once. A transaction is held where it waits in real life: on the repeat
// rule's advisory lock of its (customer, need), taken here by another session. What must hold: the second transaction
// really runs beside the first; calls are answered in arrival order; and every outcome is the one arrival order
// gives — a rating waits for the touchpoints in flight, a re-send waits for the batch in flight that holds its id,
// also when that batch's shared transaction fails and its calls are retried alone.
describe('GroupCommit with two transactions in flight', () => {
  it('runs a second group beside a waiting one, and answers them in arrival order', async () => {
    const [z, y] = [record({ customerId: `c-${randomUUID()}` }), record({ customerId: `c-${randomUUID()}` })];
    await hold(z.customerId);
    published.length = 0;
    const answered: string[] = [];
    const first = writes2.submit(batch(z)).then((o) => (answered.push('first'), o));
    const second = writes2.submit(batch(y)).then((o) => (answered.push('second'), o));
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

  it('rates a touchpoint in flight only once it is stored, and one stored before beside it', async () => {
    const [z, w] = [record({ customerId: `c-${randomUUID()}` }), record({ customerId: `c-${randomUUID()}` })];
    await writes2.submit(batch(w));
    await hold(z.customerId);
    const stored1 = writes2.submit(batch(z));
    await until('the batch waits on its lock', () => waitsOn(z.customerId));
    const ratedW = writes2.submit(rating(w.id, 4)); // not in flight: runs in the free slot
    const score = async (id: string): Promise<number | null> =>
      (await db.query<{ s: number | null }>(`SELECT satisfaction_score AS s FROM touchpoint WHERE id = $1`, [id]))[0].s;
    await until('the stored one is rated beside the waiting batch', async () => (await score(w.id)) === 4);
    const ratedZ = writes2.submit(rating(z.id, 5)); // a free slot again, but the touchpoint it rates is not committed yet
    await new Promise((r) => setTimeout(r, 200));
    await release(z.customerId);
    expect(await stored1).toEqual({ accepted: 1, duplicates: 0, conflicts: [] });
    expect(await ratedW).toMatchObject([{ index: 0, status: 'RATED', touchpoint: { id: w.id, satisfactionScore: 4 } }]);
    expect(await ratedZ).toMatchObject([{ index: 0, status: 'RATED', touchpoint: { id: z.id, satisfactionScore: 5 } }]);
  });

  it('holds a re-send back while the batch with its id is in flight, also through that batch failing and being retried alone', async () => {
    const [cz, cw, ca] = [`c-${randomUUID()}`, `c-${randomUUID()}`, `c-${randomUUID()}`];
    const x1 = record({ customerId: ca });
    const bad = record({ customerId: `c-${randomUUID()}`, satisfaction: { score: 9, comment: null } }); // the table's CHECK refuses it
    await hold(cz);
    await hold(cw);
    await hold(ca);
    // Both slots wait; `bad` and `a` queue up and then share one transaction.
    const [zr, wr] = [record({ customerId: cz }), record({ customerId: cw })];
    const z = writes2.submit(batch(zr));
    const w = writes2.submit(batch(wr));
    await until('both slots wait', async () => (await waitsOn(cz)) && (await waitsOn(cw)));
    const badCall = settle(writes2.submit(batch(bad)));
    const a = writes2.submit(batch(x1));
    await release(cw); // w commits; bad + a start together and wait on a's lock
    await until('bad + a wait on their lock', () => waitsOn(ca));
    await release(cz); // a slot is free now
    await until('z is stored', () => stored(zr.id));
    // The same id, other content, sent after `a`: arrival order makes it the conflict.
    const b = writes2.submit(batch({ ...x1, needDescription: 'changed' }));
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

  it('makes partitions beside a transaction in flight without a deadlock', async () => {
    const z = record({ customerId: `c-${randomUUID()}` });
    await hold(z.customerId);
    const stored1 = writes2.submit(batch(z));
    await until('the batch waits on its lock, its keys claimed', () => waitsOn(z.customerId));
    // Another replica (or this one, for another batch) makes a day's partitions of both tables meanwhile.
    const made = ensurePartitions(db, [
      ['touchpoint', '2031-01-01'],
      ['touchpoint_key', '2031-01-01'],
    ]);
    await until('the partitions wait for the batch', async () => (await db.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND mode = 'AccessExclusiveLock'`)).length > 0);
    await release(z.customerId); // the batch goes on to insert into touchpoint
    expect(await made).toBe(2);
    expect(await stored1).toEqual({ accepted: 1, duplicates: 0, conflicts: [] });
  });

  it('keeps the counters a recount gives', async () => {
    // Many batches at once, some sharing customers (the repeat rule across transactions) and re-sends.
    const customers = Array.from({ length: 5 }, () => `c-${randomUUID()}`);
    const records = Array.from({ length: 60 }, (_, i) => record({ customerId: customers[i % 5], occurredAt: new Date(Date.now() - 3_600_000 - i * 61_000) }));
    const calls = [];
    for (let i = 0; i < records.length; i += 6) calls.push(writes2.submit(batch(...records.slice(i, i + 6))));
    calls.push(writes2.submit(batch(...records.slice(0, 12))));
    const outs = await Promise.all(calls);
    expect(outs.reduce((n, o) => n + o.accepted, 0)).toBe(60);
    expect(outs[outs.length - 1]).toMatchObject({ accepted: 0, duplicates: 12 });
    const repeats = await db.query<{ n: string }>(`SELECT count(*) AS n FROM touchpoint WHERE customer_id = ANY($1::text[]) AND repeat`, [customers]);
    expect(Number(repeats[0].n)).toBe(55); // each customer's 12, in 61-second steps: all but its first
    await expectRecountedRollups();
  });
});

// A write that PostgreSQL ends for a deadlock (40P01) is tried again as it was. Two other sessions ("rivals") each
// make one: a rival holds the group's day rollup rows, the write takes its customer's repeat lock in its claim and
// waits for the rows, then the rival asks for that lock. The write's deadlock check (deadlock_timeout, 1 s) comes
// first — the rivals' is a minute — so the write is the one ended. The second rival queues for the rows before the
// first lets go, so the write's next attempt meets it the same way: two deadlocks in a row, then a commit.
describe('GroupCommit after a deadlock', () => {
  const rivals: Client[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const c = new Client({ connectionString: dbUrl });
      await c.connect();
      rivals.push(c);
    }
  });
  afterAll(async () => {
    for (const c of rivals) await c.end();
  });

  /** A session's server process (pg's Client has it, its types do not say so). */
  const pidOf = (c: Client): number => (c as unknown as { processID: number }).processID;
  /** Whether a session other than the rivals waits for a lock of this type. */
  const writeWaits = async (locktype: string): Promise<boolean> =>
    (await db.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND locktype = $1 AND pid <> ALL($2::int[])`, [locktype, rivals.map(pidOf)])).length > 0;
  const holdRollups = async (c: Client): Promise<void> => {
    await c.query('BEGIN');
    await c.query(`SET LOCAL deadlock_timeout = '60s'`);
    await c.query(`SELECT 1 FROM rollup_day WHERE unit_id = 'g' FOR UPDATE`);
  };

  it('tries the write again, and it commits once after two deadlocks in a row', async () => {
    expect(TRANSIENT_RETRIES).toBeGreaterThanOrEqual(2);
    await writes.submit(batch(record())); // the group's day rollup rows exist
    const [first, second] = rivals;
    const x = record({ customerId: `c-${randomUUID()}` });
    await holdRollups(first);
    const call = settle(writes.submit(batch(x)));
    await until('the write waits for the rollup rows, holding its customer’s lock', () => writeWaits('transactionid'));
    const secondHolds = holdRollups(second); // queues behind the first rival
    await until('the second rival waits for the rows', async () => (await db.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND pid = $1`, [pidOf(second)])).length > 0);
    await first.query(`SELECT pg_advisory_xact_lock(${KEY})`, [x.customerId]); // granted once the write is ended: deadlock 1
    await until('the next attempt waits for the customer’s lock', () => writeWaits('advisory'));
    await first.query('ROLLBACK'); // the rows go to the second rival, the lock to the attempt
    await secondHolds;
    await until('the attempt waits for the rollup rows', () => writeWaits('transactionid'));
    await second.query(`SELECT pg_advisory_xact_lock(${KEY})`, [x.customerId]); // deadlock 2
    await until('the third attempt waits for the customer’s lock', () => writeWaits('advisory'));
    await second.query('ROLLBACK');
    expect(await call).toEqual({ ok: { accepted: 1, duplicates: 0, conflicts: [] } });
    expect(await stored(x.id)).toBe(true);
    await expectRecountedRollups();
  }, 30_000);
});

import { Client } from 'pg';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Database, loadUnits, rebuildRollups, upsertUnits } from '@qihe/data';
import { CommitmentCatalogue, OrgTree, type Caller, type OrgUnitRecord, type TouchpointRecord } from '@qihe/domain';
import { touchpointContentHash } from '@qihe/server';
import { FeedBus, type TouchpointEvent } from '../core/feed-bus';
import { GroupCommit, type Candidate } from './group-commit';

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
let feed: FeedBus;
let writes: GroupCommit;
const published: TouchpointEvent[][] = [];

beforeAll(async () => {
  const target = await createTestDatabase();
  drop = target.drop;
  db = await Database.open({ url: target.url, poolSize: 2 });
  await db.migrate();
  await upsertUnits(db, UNITS);
  feed = new FeedBus();
  feed.onTouchpoints((events) => published.push(events));
  writes = new GroupCommit(db, () => tree, feed, () => new CommitmentCatalogue([]));
});

afterAll(async () => {
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

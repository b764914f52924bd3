import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { newId } from '@qihe/contracts';
import { loadUnits, rebuildRollups } from '@qihe/data';
import { OrgTree } from '@qihe/domain';
import { Database } from '@qihe/data';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { hourWindow, RATE, RECORD, SCORE, touchpoint, type IngestResult } from '../support/touchpoint-factory';
import { graphql } from '../__generated__/gateway';
import type { RateManyMutation } from '../__generated__/gateway/graphql';
import { LOGIN } from '../support/documents';

// Ingestion on a real PostgreSQL: exactly once, per-item judgement, one
// transaction for the row and its rollups, concurrent batches without deadlock.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const SITE_GROUP = TEST_ORG.sites.find((s) => s.id === 'site-group')!.key;

let gw: TestGateway;
let pg: Client;
let execToken: string;

async function record(items: unknown[], key = SITE_A): Promise<IngestResult> {
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: items }, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.recordTouchpoints;
}

/** Every rollup row as text, to compare stored counters with a recount. */
async function rollupSnapshot(): Promise<string[]> {
  const hours = await pg.query(`SELECT row_to_json(r)::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`);
  const minutes = await pg.query(`SELECT row_to_json(r)::text AS j FROM rollup_minute r ORDER BY unit_id, minute`);
  return [...hours.rows, ...minutes.rows].map((r) => r.j as string);
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  const login = await gw.gql(LOGIN, { u: 'exec', p: 'exec-password' });
  execToken = login.data!.login.token;
});

afterAll(async () => {
  await pg.end();
  await gw.close();
});

describe('recordTouchpoints', () => {
  it('stores a new touchpoint once and counts an identical re-send as a duplicate', async () => {
    const tp = touchpoint();
    expect(await record([tp])).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await record([tp])).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM touchpoint WHERE id = $1`, [tp.id]);
    expect(rows[0].n).toBe(1);
  });

  it('rejects the same id with other content as CONFLICT and keeps the first version', async () => {
    const tp = touchpoint();
    await record([tp]);
    const changed = { ...tp, customerId: 'someone-else' };
    const res = await record([changed]);
    expect(res.accepted).toBe(0);
    expect(res.rejected).toEqual([expect.objectContaining({ index: 0, id: tp.id, code: 'CONFLICT' })]);
    const { rows } = await pg.query(`SELECT customer_id FROM touchpoint WHERE id = $1`, [tp.id]);
    expect(rows[0].customer_id).toBe('cust-1');
  });

  it('accepts any UUID version: v4 from older senders beside time-ordered v7, each stored, found and rated by its id', async () => {
    const v4 = touchpoint({ id: randomUUID() });
    const v7 = touchpoint({ id: newId() });
    expect(String(v4.id)[14]).toBe('4');
    expect(String(v7.id)[14]).toBe('7');
    expect(await record([v4, v7])).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await record([v7, v4])).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    const { rows } = await pg.query(`SELECT id::text FROM touchpoint WHERE id = ANY($1::uuid[]) ORDER BY id`, [[v4.id, v7.id]]);
    expect(rows.map((r) => r.id).sort()).toEqual([v4.id, v7.id].sort());
    for (const tp of [v4, v7]) {
      const rated = await gw.gql<{ recordSatisfaction: { id: string } }>(RATE, { id: tp.id, s: { score: 5 } }, SITE_A);
      expect(rated.errors).toBeUndefined();
      expect(rated.data!.recordSatisfaction.id).toBe(tp.id);
    }
  });

  it('judges duplicates and conflicts inside one batch', async () => {
    const tp = touchpoint();
    const res = await record([tp, tp, { ...tp, channel: 'EMAIL' }]);
    expect(res.accepted).toBe(1);
    expect(res.duplicates).toBe(1);
    expect(res.rejected).toEqual([expect.objectContaining({ index: 2, code: 'CONFLICT' })]);
  });

  it.each([
    ['id', { id: 'not-a-uuid' }],
    ['need.description', { need: { category: 'FAULT', description: 'x'.repeat(2001) } }],
    ['service.handleSeconds', { service: { action: 'a', handleSeconds: 86401, resolved: true, firstContact: true } }],
    ['service.action', { service: { action: '', handleSeconds: 1, resolved: true, firstContact: true } }],
    ['satisfaction.score', { satisfaction: { score: 6 } }],
    ['occurredAt', { occurredAt: new Date(Date.now() + 6 * 60_000).toISOString() }],
    ['service.handoffUnitId', { service: { action: 'a', handleSeconds: 1, resolved: true, firstContact: true, handoffUnitId: 'nowhere' } }],
  ])('rejects a bad %s with a message naming it, and stores the good items beside it', async (field, bad) => {
    const good = touchpoint();
    const res = await record([good, touchpoint(bad)]);
    expect(res.accepted).toBe(1);
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]).toMatchObject({ index: 1, code: 'INVALID' });
    expect(res.rejected[0].message).toContain(field);
  });

  it('accepts occurredAt up to 5 minutes ahead (clock skew) but not beyond', async () => {
    const res = await record([touchpoint({ occurredAt: new Date(Date.now() + 4 * 60_000).toISOString() })]);
    expect(res.accepted).toBe(1);
  });

  it('says UNKNOWN_UNIT and FORBIDDEN_UNIT per item', async () => {
    const res = await record([touchpoint({ unitId: 'nope' }), touchpoint({ unitId: 'prj-b1' }), touchpoint({ unitId: 'prj-a2' })]);
    expect(res.accepted).toBe(1);
    expect(res.rejected.map((r) => [r.index, r.code])).toEqual([
      [0, 'UNKNOWN_UNIT'],
      [1, 'FORBIDDEN_UNIT'],
    ]);
  });

  it('refuses empty and oversized batches naming "input"', async () => {
    const empty = await gw.gql(RECORD, { input: [] }, SITE_A);
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].message).toContain('input');
    const big = await gw.gql(RECORD, { input: Array.from({ length: 1001 }, () => touchpoint()) }, SITE_A);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0].message).toContain('1000');
  });

  it('keeps exact counts when concurrent batches hit the same unit and hour with overlapping ids, without deadlock', async () => {
    const { from, to } = hourWindow(0, 1);
    const before = await gw.gql<{ engagementScore: { touchpoints: number } }>(SCORE, { unitId: 'group', from, to }, execToken);
    const pool = Array.from({ length: 600 }, () => touchpoint({ unitId: ['prj-a1', 'prj-a2', 'bu-a'][Math.floor(Math.random() * 3)] }));
    // 8 batches of 200 drawn from the same 600: many ids are sent by several batches at once.
    const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 200 }, (_, i) => pool[(b * 75 + i * 7) % pool.length]));
    const sentIds = new Set(batches.flat().map((t) => t.id as string));
    const results = await Promise.all(batches.map((b, i) => record(b, i % 2 ? SITE_A : SITE_GROUP)));
    const accepted = results.reduce((n, r) => n + r.accepted, 0);
    const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
    expect(results.every((r) => r.rejected.length === 0)).toBe(true);
    expect(accepted).toBe(sentIds.size);
    expect(accepted + duplicates).toBe(1600);
    const after = await gw.gql<{ engagementScore: { touchpoints: number } }>(SCORE, { unitId: 'group', from, to }, execToken);
    expect(after.data!.engagementScore.touchpoints - before.data!.engagementScore.touchpoints).toBe(sentIds.size);
  });

  it('rolls the row and its counters back together when the transaction fails', async () => {
    const tp = touchpoint();
    await pg.query(`ALTER TABLE rollup_minute RENAME TO rollup_minute_away`);
    try {
      const res = await gw.gql(RECORD, { input: [tp] }, SITE_A);
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await pg.query(`ALTER TABLE rollup_minute_away RENAME TO rollup_minute`);
    }
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM touchpoint WHERE id = $1`, [tp.id]);
    expect(rows[0].n).toBe(0);
    expect(await record([tp])).toMatchObject({ accepted: 1 });
  });
});

describe('recordSatisfaction', () => {
  it('counts a late rating in the bucket the touchpoint occurred in, once', async () => {
    const twoHoursAgo = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
    const tp = touchpoint({ unitId: 'prj-a2', occurredAt: new Date(twoHoursAgo + 5 * 60_000).toISOString() });
    await record([tp]);
    const w = { unitId: 'prj-a2', from: new Date(twoHoursAgo).toISOString(), to: new Date(twoHoursAgo + 3_600_000).toISOString() };
    type S = { engagementScore: { chains: { chain: string; measures: { key: string; numerator: number; denominator: number }[] }[] } };
    const csat = async (): Promise<{ numerator: number; denominator: number }> => {
      const r = await gw.gql<S>(SCORE, w, execToken);
      const m = r.data!.engagementScore.chains[0].measures.find((x) => x.key === 'csat')!;
      return { numerator: m.numerator, denominator: m.denominator };
    };
    const before = await csat();
    const rated = await gw.gql(RATE, { id: tp.id, s: { score: 4, comment: 'quick' } }, SITE_A);
    expect(rated.errors).toBeUndefined();
    expect(await csat()).toEqual({ numerator: before.numerator + 3, denominator: before.denominator + 4 });
    const again = await gw.gql(RATE, { id: tp.id, s: { score: 4, comment: 'quick' } }, SITE_A);
    expect(again.errors).toBeUndefined();
    const other = await gw.gql(RATE, { id: tp.id, s: { score: 2 } }, SITE_A);
    expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await csat()).toEqual({ numerator: before.numerator + 3, denominator: before.denominator + 4 });
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT naming the score', async () => {
    const unknown = await gw.gql(RATE, { id: '00000000-0000-4000-8000-000000000000', s: { score: 3 } }, SITE_A);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const tp = touchpoint();
    await record([tp]);
    const bad = await gw.gql(RATE, { id: tp.id, s: { score: 0 } }, SITE_A);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('satisfaction.score');
  });
});

describe('recordSatisfactions', () => {
  const RATE_MANY = graphql(`
    mutation RateMany($input: [SatisfactionRatingInput!]!) {
      recordSatisfactions(input: $input) { rated unchanged rejected { index id code message } }
    }
  `);
  type RatingResult = RateManyMutation['recordSatisfactions'];
  const rateMany = async (input: unknown[], key = SITE_A): Promise<RatingResult> => {
    const res = await gw.gql(RATE_MANY, { input }, key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.recordSatisfactions;
  };

  it('judges each rating on its own and counts each touchpoint once, like recordSatisfaction one by one', async () => {
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
    const at = new Date(hour + 10 * 60_000).toISOString();
    const [t1, t2, t3] = [0, 1, 2].map(() => touchpoint({ unitId: 'prj-a2', occurredAt: at }) as { id: string });
    const foreign = touchpoint({ unitId: 'prj-b1', occurredAt: at }) as { id: string };
    await record([t1, t2, t3]);
    await record([foreign], SITE_GROUP);
    const w = { unitId: 'prj-a2', from: new Date(hour).toISOString(), to: new Date(hour + 3_600_000).toISOString() };
    type S = { engagementScore: { chains: { measures: { key: string; numerator: number; denominator: number }[] }[] } };
    const csat = async (): Promise<{ numerator: number; denominator: number }> => {
      const r = await gw.gql<S>(SCORE, w, execToken);
      const m = r.data!.engagementScore.chains[0].measures.find((x) => x.key === 'csat')!;
      return { numerator: m.numerator, denominator: m.denominator };
    };
    expect(await csat()).toEqual({ numerator: 0, denominator: 0 });

    const first = await rateMany([
      { touchpointId: t1.id, satisfaction: { score: 5 } },
      { touchpointId: t2.id, satisfaction: { score: 2, comment: 'slow' } },
      { touchpointId: t1.id, satisfaction: { score: 5 } }, // the same again in one call: unchanged
      { touchpointId: t2.id, satisfaction: { score: 3 } }, // differs from the rating just given
      { touchpointId: '00000000-0000-4000-8000-000000000000', satisfaction: { score: 3 } },
      { touchpointId: 'not-a-uuid', satisfaction: { score: 3 } },
      { touchpointId: foreign.id, satisfaction: { score: 4 } },
      { touchpointId: t3.id, satisfaction: { score: 6 } },
    ]);
    expect(first.rated).toBe(2);
    expect(first.unchanged).toBe(1);
    expect(first.rejected.map((r) => [r.index, r.code])).toEqual([
      [3, 'CONFLICT'],
      [4, 'NOT_FOUND'],
      [5, 'NOT_FOUND'],
      [6, 'FORBIDDEN_UNIT'],
      [7, 'INVALID'],
    ]);
    expect(first.rejected[0].message).toMatch(/^satisfaction: .*already rated 2/);
    expect(first.rejected[2].message).toBe('touchpointId: no touchpoint "not-a-uuid"');
    expect(first.rejected[4].message).toMatch(/^satisfaction\.score/);
    // csat: rating points (score − 1) over 4 per rating — t1 gives 4, t2 gives 1.
    expect(await csat()).toEqual({ numerator: 5, denominator: 8 });

    // A retry of the whole call changes nothing; the rest still goes through.
    const retry = await rateMany([
      { touchpointId: t1.id, satisfaction: { score: 5 } },
      { touchpointId: t2.id, satisfaction: { score: 2, comment: 'slow' } },
      { touchpointId: t3.id, satisfaction: { score: 4 } },
    ]);
    expect(retry).toEqual({ rated: 1, unchanged: 2, rejected: [] });
    expect(await csat()).toEqual({ numerator: 8, denominator: 12 });
    const stored = await pg.query(`SELECT id::text, satisfaction_score AS s, satisfaction_comment AS c FROM touchpoint WHERE id = ANY($1::uuid[]) ORDER BY id`, [[t1.id, t2.id, t3.id, foreign.id]]);
    expect(Object.fromEntries(stored.rows.map((r) => [r.id, [r.s, r.c]]))).toEqual({
      [t1.id]: [5, null],
      [t2.id]: [2, 'slow'],
      [t3.id]: [4, null],
      [foreign.id]: [null, null],
    });
  });

  it('rewrites a rated row in place (HOT): no index of touchpoint names a rating column, so the row keeps its page', async () => {
    const at = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 5 * 24 * 3_600_000;
    const tp = (ms: number): { id: string } => touchpoint({ unitId: 'prj-a2', occurredAt: new Date(ms).toISOString() }) as { id: string };
    const rated = tp(at);
    expect(await record([rated])).toMatchObject({ accepted: 1 });
    // Others of the same day fill the page the rated one is on, and the pages after it.
    expect(await record(Array.from({ length: 150 }, (_, i) => tp(at + (i + 1) * 1000)))).toMatchObject({ accepted: 150 });
    // Where the row's current version is, and whether it is a heap-only tuple (a HOT update's new version: reached
    // from the old one's slot, no index entry of its own), read off its page (pageinspect).
    await pg.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    const place = async (): Promise<{ block: string; score: number | null; heapOnly: boolean }> =>
      (
        await pg.query(
          `SELECT (t.ctid::text::point)[0]::text AS block, t.satisfaction_score AS score,
                  (SELECT (p.t_infomask2 & 32768) <> 0 FROM heap_page_items(get_raw_page(t.tableoid::regclass::text, (t.ctid::text::point)[0]::int)) p
                    WHERE p.lp = (t.ctid::text::point)[1]::int) AS "heapOnly"
             FROM touchpoint t WHERE t.id = $1`,
          [rated.id],
        )
      ).rows[0];
    const before = await place();
    expect(before).toMatchObject({ score: null, heapOnly: false });
    // A 3: the band touchpoint_rated3_idx held until the neutral counter took its place.
    expect(await rateMany([{ touchpointId: rated.id, satisfaction: { score: 3, comment: 'fine' } }])).toMatchObject({ rated: 1 });
    // The new version on the same page (room left by the partitions' fillfactor), heap-only. With an index naming the
    // score (touchpoint_rated3_idx back) it lands on the same page too, but not heap-only: an entry in every index.
    expect(await place()).toEqual({ block: before.block, score: 3, heapOnly: true });
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attname IN ('satisfaction_score', 'satisfaction_comment', 'rated_at')
        WHERE i.indrelid = 'touchpoint'::regclass AND (a.attnum = ANY(i.indkey) OR coalesce(pg_get_expr(i.indpred, i.indrelid), '') ~ a.attname)`,
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('refuses an empty or oversized call, naming the input', async () => {
    const empty = await gw.gql(RATE_MANY, { input: [] }, SITE_A);
    expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(empty.errors?.[0].message).toContain('input');
    const many = Array.from({ length: 1001 }, () => ({ touchpointId: '00000000-0000-4000-8000-000000000000', satisfaction: { score: 3 } }));
    const big = await gw.gql(RATE_MANY, { input: many }, SITE_A);
    expect(big.errors?.[0].message).toMatch(/input must hold 1 to 1000 ratings, got 1001/);
  });
});

describe('rollups', () => {
  it('equal a recount of the raw touchpoints with the same counting code', async () => {
    const stored = await rollupSnapshot();
    expect(stored.length).toBeGreaterThan(0);
    const db = await Database.open({ url: gw.databaseUrl, poolSize: 1 });
    try {
      const tree = new OrgTree(await loadUnits(db));
      // Recount inside a transaction that is rolled back: compare, then leave the database as it was.
      await db
        .transaction(async (tx) => {
          await rebuildRollups(tx, (id) => tree.lineage(id), { pageSize: 333 });
          const hours = await tx.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`);
          const minutes = await tx.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_minute r ORDER BY unit_id, minute`);
          expect([...hours, ...minutes].map((r) => r.j)).toEqual(stored);
          throw new Error('rollback');
        })
        .catch((err: Error) => {
          if (err.message !== 'rollback') throw err;
        });
    } finally {
      await db.close();
    }
  });
});

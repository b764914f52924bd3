import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { idAt, newId } from '@qihe/contracts';
import { Database, keyDayOf, KEY_DAY_SQL, listPartitions, MIGRATIONS, rollupsNeedRecount } from '@qihe/data';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { RATE, RECORD, SCORE, touchpoint, type IngestResult } from '../support/touchpoint-factory';

// Touchpoints in daily partitions with a key table (migration 1765000000000)
// on a real PostgreSQL: the migration moves stored data down to one table and
// up again with every row, rating, rollup and score intact; afterwards
// idempotency, CONFLICT (also when a re-send moves occurredAt) and late
// ratings find a touchpoint by id through the key table; a touchpoint years
// back gets its partition on demand.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const H = 3_600_000;
const D = 24 * H;
const NOW_H = Math.floor(Date.now() / H) * H;

let gw: TestGateway;
let pg: Client;

async function record(items: unknown[]): Promise<IngestResult> {
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: items }, SITE_A);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.recordTouchpoints;
}

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await pg.query(sql, params)).rows as T[];
const windows = [
  [NOW_H - 40 * D, NOW_H + H],
  [NOW_H - 3 * D - 5 * H, NOW_H - D + 7 * H],
  [Date.UTC(2003, 4, 1), Date.UTC(2003, 4, 3)],
];

/** Everything the migration must keep: rows, keys' view of them, rollups, commitments, scores. */
async function snapshot(token: string, withScores = true): Promise<Record<string, unknown>> {
  const scores = [];
  for (const unitId of withScores ? ['group', 'bu-a', 'prj-a1'] : []) {
    for (const [from, to] of windows) {
      const res = await gw.gql(SCORE, { unitId, from: new Date(from).toISOString(), to: new Date(to).toISOString() }, token);
      scores.push(res.data);
    }
  }
  return {
    // Later migrations' columns (the site's clock, 1765050000000) go and come back with their own down and up; the
    // content hash is the key table's since 1765260000000 (its down puts it back on the rows: `hashes` below).
    rows: (await q<{ j: string }>(`SELECT (to_jsonb(t) - 'site_occurred_at' - 'clock_offset_ms' - 'content_hash')::text AS j FROM touchpoint t ORDER BY id`)).map((r) => r.j),
    // The ratings of 3 (`neutral`, 1765230000000) go with their column and are recounted by the next gateway to start
    // (drill-down.spec, "rollup layout"); none of these touchpoints is rated 3.
    hours: (await q<{ j: string }>(`SELECT (to_jsonb(r) - 'neutral')::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`)).map((r) => r.j),
    days: (await q<{ j: string }>(`SELECT (to_jsonb(r) - 'neutral')::text AS j FROM rollup_day r ORDER BY unit_id, day`)).map((r) => r.j),
    nodes: (await q<{ j: string }>(`SELECT row_to_json(n)::text AS j FROM commitment_node n ORDER BY id`)).map((r) => r.j),
    scores,
  };
}

let token: string;
const v7Old = idAt(Date.UTC(2003, 4, 1, 9), new Uint8Array(16).fill(7));
const stored = [
  touchpoint({ id: newId(), occurredAt: new Date(NOW_H - 2 * D + 60_000).toISOString(), satisfaction: { score: 4 } }),
  touchpoint({ id: newId(), occurredAt: new Date(NOW_H - 30 * D + 60_000).toISOString(), customerId: 'cust-2' }),
  touchpoint({ id: randomUUID(), occurredAt: new Date(NOW_H - D + 60_000).toISOString(), customerId: 'cust-3' }),
  touchpoint({ id: newId(), occurredAt: new Date(NOW_H + 60_000).toISOString(), service: { action: 'visit', handleSeconds: 60, resolved: false, firstContact: true, knowledgeRefs: [], commitment: { code: 'SITE_VISIT', met: false } } }),
];

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, commitments: [{ code: 'SITE_VISIT', name: 'Visit within a day', level: 1, targetMinutes: 1440, warnAtPercent: 50 }] });
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  const login = await gw.gql<{ login: { token: string } }>(`mutation { login(username: "exec", password: "exec-password") { token } }`);
  token = login.data!.login.token;
});

afterAll(async () => {
  await pg.end();
  await gw.close();
});

it('keys every id by the day its UUIDv7 carries, the same in TypeScript and in SQL', async () => {
  const ids = [newId(), v7Old, randomUUID(), idAt(Date.UTC(2150, 0, 1), new Uint8Array(16)), idAt(Date.UTC(1999, 11, 31, 23), new Uint8Array(16))];
  const rows = await q<{ d: string }>(`SELECT (${KEY_DAY_SQL('x')})::text AS d FROM unnest($1::uuid[]) WITH ORDINALITY AS u(x, i) ORDER BY i`, [ids]);
  expect(rows.map((r) => r.d)).toEqual(ids.map(keyDayOf));
  expect(keyDayOf(v7Old)).toBe('2003-05-01');
  expect(ids.slice(2).map(keyDayOf)).toEqual(['1970-01-01', '1970-01-01', '1970-01-01']);
});

it('stores a touchpoint years back in a partition made on demand, found by id through the key table', async () => {
  const old = touchpoint({ id: v7Old, occurredAt: new Date(Date.UTC(2003, 4, 1, 10)).toISOString(), customerId: 'cust-old' });
  expect(await record([...stored, old])).toMatchObject({ accepted: 5, duplicates: 0, rejected: [] });
  const parts = await listPartitions({ query: q });
  expect(parts).toEqual(expect.arrayContaining([{ table: 'touchpoint', name: 'touchpoint_p20030501', day: '2003-05-01' }, { table: 'touchpoint_key', name: 'touchpoint_key_p20030501', day: '2003-05-01' }]));
  const [where] = await q<{ t: string }>(`SELECT tableoid::regclass::text AS t FROM touchpoint WHERE id = $1`, [v7Old]);
  expect(where.t).toBe('touchpoint_p20030501');
  const [key] = await q<{ t: string; unit_id: string }>(`SELECT tableoid::regclass::text AS t, unit_id FROM touchpoint_key WHERE id = $1`, [stored[2].id]);
  expect(key).toEqual({ t: 'touchpoint_key_legacy', unit_id: 'prj-a1' });
  // A late rating finds it (key table, then its one partition).
  const rated = await gw.gql(RATE, { id: v7Old, s: { score: 2 } }, SITE_A);
  expect(rated.errors).toBeUndefined();
  expect(await q(`SELECT satisfaction_score AS s FROM touchpoint WHERE id = $1`, [v7Old])).toEqual([{ s: 2 }]);
});

it('reads a touchpoint by id from one key partition and one touchpoint partition', async () => {
  const plan = (await q<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT * FROM touchpoint_key WHERE id = ANY($1::uuid[]) AND key_day = ANY($2::date[])`,
    [[v7Old], [keyDayOf(v7Old)]],
  )).map((r) => r['QUERY PLAN']).join('\n');
  expect(plan).toContain('touchpoint_key_p20030501');
  expect(plan).not.toMatch(/touchpoint_key_(legacy|p20[1-9])/);
});

it('migrates stored data down to one table and up again into partitions, every row, rating, rollup, commitment and score intact', async () => {
  const before = await snapshot(token);
  const hashes = async (): Promise<unknown[]> => q(`SELECT id, content_hash FROM touchpoint_key ORDER BY id`);
  const hashesBefore = await hashes();
  expect(hashesBefore).toHaveLength(5);
  expect((before.rows as string[]).length).toBe(5);
  expect((before.nodes as string[]).length).toBeGreaterThan(0);
  expect((before.scores as { engagementScore: { touchpoints: number } }[]).map((s) => s.engagementScore.touchpoints)).toEqual([4, 2, 1, 4, 2, 1, 4, 2, 1]);
  const db = await Database.open({ url: gw.databaseUrl, poolSize: 1 });
  try {
    // Down through this migration (and the later ones above it), then up again.
    const since = MIGRATIONS.findIndex((m) => m.name === 'PartitionedTouchpoints1765000000000');
    const names = MIGRATIONS.slice(since).map((m) => m.name);
    for (let i = 0; i < names.length; i++) await db.revertLastMigration();
    expect(await q(`SELECT relkind::text AS k FROM pg_class WHERE relname = 'touchpoint'`)).toEqual([{ k: 'r' }]);
    expect(await q(`SELECT to_regclass('touchpoint_key') AS k`)).toEqual([{ k: null }]);
    // Scores are asked for again once migrated up: this gateway's reads name the `neutral` counter, which is
    // not there below its migration.
    expect({ ...(await snapshot(token, false)), scores: before.scores }).toEqual(before);
    expect(await db.migrate()).toEqual(names);
    expect(await rollupsNeedRecount(db)).toBe(true);
  } finally {
    await db.close();
  }
  expect(await q(`SELECT relkind::text AS k FROM pg_class WHERE relname = 'touchpoint'`)).toEqual([{ k: 'p' }]);
  expect(await snapshot(token)).toEqual(before);
  expect(await q(`SELECT count(*)::int AS n FROM touchpoint_key k JOIN touchpoint t USING (id, occurred_at, unit_id)`)).toEqual([{ n: 5 }]);
  // The content hash lives in the key table alone (migration 1765260000000), kept through the row's way down and up.
  expect(await q(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'touchpoint' AND column_name = 'content_hash'`)).toEqual([{ n: 0 }]);
  expect(await hashes()).toEqual(hashesBefore);
  // Every index of the one table stands on the partitioned one.
  const indexes = (await q<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE tablename = 'touchpoint' ORDER BY 1`)).map((r) => r.i);
  expect(indexes).toEqual(expect.arrayContaining(['touchpoint_pkey', 'touchpoint_unit_time_idx', 'touchpoint_agent_time_idx']));
});

it('after the move: a re-send is a duplicate, a changed one (also a moved occurredAt) a CONFLICT, a new one stored, a rating counted once', async () => {
  const moved = { ...stored[1], occurredAt: new Date(NOW_H - 60_000).toISOString() };
  const fresh = touchpoint({ id: newId(), occurredAt: new Date(NOW_H + 2 * 60_000).toISOString() });
  const res = await record([stored[0], moved, { ...stored[2], customerId: 'someone-else' }, fresh]);
  expect(res.accepted).toBe(1);
  expect(res.duplicates).toBe(1);
  expect(res.rejected.map((r) => [r.index, r.code])).toEqual([
    [1, 'CONFLICT'],
    [2, 'CONFLICT'],
  ]);
  expect(await q(`SELECT count(*)::int AS n FROM touchpoint WHERE id = $1`, [stored[1].id])).toEqual([{ n: 1 }]);
  const again = await gw.gql(RATE, { id: stored[1].id as string, s: { score: 5 } }, SITE_A);
  expect(again.errors).toBeUndefined();
  const twice = await gw.gql(RATE, { id: stored[1].id as string, s: { score: 5 } }, SITE_A);
  expect(twice.errors).toBeUndefined();
  const [{ rated }] = await q<{ rated: string }>(`SELECT rated::text FROM rollup_day WHERE unit_id = 'group' AND day = $1`, [new Date(Math.floor((NOW_H - 30 * D) / D) * D).toISOString()]);
  expect(rated).toBe('1');
});

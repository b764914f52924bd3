import {
  countFilteredTouchpoints,
  countFromRollups,
  Database,
  dayOf,
  ensurePartitions,
  keyJoin,
  keyParams,
  loadUnits,
  pageFilteredTouchpoints,
  rebuildRollups,
  rollupTerms,
  subtreeScope,
  type DrillScope,
  type Sql,
} from '@qihe/data';
import { checkTouchpointFilter, DEFAULT_MODEL, OrgTree, type TouchpointFilter } from '@qihe/domain';
import { BIG_SUBTREE_UNITS, insertBigSubtree } from '../support/big-subtree';
import { explainStatements, planNodes, rowsReadFrom, type PlanNode } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';

// What the drill-down's SQL reads on real PostgreSQL (issue 12: a filtered
// first page with its totalCount at 10 M touchpoints over 10,000 units), told
// by EXPLAIN ANALYZE: a broad filter's first page over a large subtree stops
// after the page instead of gathering the whole window, and the counts that
// rollups can give (csat's parts, resolved, maxSatisfaction) read no raw row
// at all — and equal the count of the rows. A subtree is
// a semi-join on org_unit_subtree, planned as fast for 5,000 units as for one;
// the organisation's only root reads with no unit condition at all.

const H = 3_600_000;
const UNITS = BIG_SUBTREE_UNITS;
const BIG: DrillScope = { unitId: 'bu-big', everything: false };
const ROWS = 30_000;
const TO = Math.floor(Date.now() / H) * H;
const FROM = TO - 7 * 24 * H;

let db: Database;
let close: () => Promise<void>;

/** The table or one of its daily partitions. */
const TOUCHPOINT_REL = /^touchpoint(_p\d{8})?$/;

/** Touchpoint rows each statement of `work` read, by EXPLAIN (ANALYZE, FORMAT JSON). */
async function rowsRead(work: (sql: Sql) => Promise<unknown>): Promise<number[]> {
  return (await explainStatements(db, work)).map((s) => rowsReadFrom(s.plan, (name) => TOUCHPOINT_REL.test(name)));
}

const check = (f: TouchpointFilter) => checkTouchpointFilter(f, DEFAULT_MODEL);

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
  await insertBigSubtree(db);
  // The days' partitions of the (partitioned) touchpoint table.
  await ensurePartitions(db, Array.from({ length: 16 }, (_, d) => ['touchpoint', dayOf(TO - d * 24 * H)] as const));
  // 14 days of touchpoints over 200 units, one every 40 s; a third rated 1..5, half resolved.
  await db.query(
    `INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, customer_id, channel, kind, stage, need_category, served, resolved, satisfaction_score)
     SELECT gen_random_uuid(), 'u-' || (i % 200), $1::timestamptz - i * interval '40 seconds', $1::timestamptz - i * interval '40 seconds',
            'c-' || (i % 3000), (ARRAY['PHONE', 'WEB', 'EMAIL'])[1 + (i / 7) % 3], 'SERVICE', 'AFTER_SALE', 'FAULT', true, i % 2 = 0,
            CASE WHEN i % 3 = 0 THEN 1 + (i / 3) % 5 END
       FROM generate_series(1, $2::int) i`,
    [new Date(TO).toISOString(), ROWS],
  );
  // 1,000 more in bu-other's project, the same days: never in bu-big's pages or counts.
  await db.query(
    `INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, customer_id, channel, kind, stage, need_category, served, resolved, satisfaction_score)
     SELECT gen_random_uuid(), 'o-0', $1::timestamptz - i * interval '7 minutes', $1::timestamptz, 'c-o', 'PHONE', 'SERVICE', 'AFTER_SALE', 'FAULT', true, false, 1 + i % 5
       FROM generate_series(1, 1000) i`,
    [new Date(TO).toISOString()],
  );
  const tree = new OrgTree(await loadUnits(db));
  await db.transaction((tx) => rebuildRollups(tx, (id) => tree.lineage(id)));
  await db.query('VACUUM ANALYZE touchpoint');
}, 240_000); // 30,000 rows and their rollups: a minute on a loaded machine
afterAll(async () => {
  await close?.();
});

it("reads a broad filter's first page over 200 units in time order, not the week's 15,000 rows", async () => {
  // The touchpoints without an agent or a product (UNKNOWN) too, which the indexes by agent, team and product do
  // not hold (migration 1765270000000): none of these touchpoints names an agent or a product.
  for (const f of [{ measure: 'csat', part: 'NUMERATOR' }, { channel: 'PHONE' }, { resolved: false }, { agentId: 'UNKNOWN' }, { productId: 'UNKNOWN' }] as TouchpointFilter[]) {
    const [read] = await rowsRead((sql) => pageFilteredTouchpoints(sql, BIG, FROM, TO, check(f), 51, null));
    expect({ f, read: read < 1500 }).toEqual({ f, read: true });
  }
});

it('finds touchpoints by their whole key with one probe of one index, which also gives the time order (migration 1765250000000)', async () => {
  // One btree over time and id, not two: the key leads with the time, and no other index repeats those columns.
  const [{ def }] = await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'touchpoint_pkey'`);
  expect(def).toBe('PRIMARY KEY (occurred_at, id, unit_id)');
  const indexes = (await db.query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE tablename = 'touchpoint' ORDER BY 1`)).map((r) => r.i);
  expect(indexes).toEqual(['touchpoint_agent_time_idx', 'touchpoint_pkey', 'touchpoint_product_time_idx', 'touchpoint_team_time_idx', 'touchpoint_unit_time_idx']);
  // 40 stored touchpoints spread over the fortnight, found as ratings and commitments find them (keyJoin).
  const picked = await db.query<{ id: string; at: Date; unit: string }>(
    `SELECT id, occurred_at AS at, unit_id AS unit FROM (SELECT *, row_number() OVER (ORDER BY occurred_at) AS n FROM touchpoint) t WHERE n % 700 = 0 LIMIT 40`,
  );
  expect(picked).toHaveLength(40);
  const { keys, match } = keyJoin(1);
  const sql = `SELECT t.id FROM touchpoint t JOIN ${keys} ON ${match('t')}`;
  const params = keyParams(picked.map((r) => [r.id, { occurredAt: r.at.getTime(), unitId: r.unit }] as const));
  expect((await db.query<{ id: string }>(sql, params)).map((r) => r.id).sort()).toEqual(picked.map((r) => r.id).sort());
  // A partition of a few thousand rows is read whole and hashed, as cheaper; forced to its indexes, each key is one
  // probe on time and id (of the key, or of the unit's index, which holds them too).
  const plan = await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL enable_seqscan = off`);
    await tx.query(`SET LOCAL enable_bitmapscan = off`);
    const [row] = await tx.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    return row['QUERY PLAN'][0].Plan;
  });
  expect(rowsReadFrom(plan, (name) => TOUCHPOINT_REL.test(name))).toBe(40);
  const scans = planNodes(plan).filter((n) => TOUCHPOINT_REL.test(n['Relation Name'] ?? ''));
  expect(scans.length).toBeGreaterThan(0);
  for (const n of scans) {
    expect(n['Node Type']).toMatch(/^Index (Only )?Scan$/);
    expect(n['Index Cond']).toMatch(/\boccurred_at = /);
    expect(n['Index Cond']).toMatch(/\bid = /);
  }
});

it('keeps in the indexes by agent, team and product only the touchpoints that name one (migration 1765270000000)', async () => {
  // Index entries per index, over every partition (VACUUM ANALYZE counted them): none of these touchpoints names an
  // agent, a team or a product, so those three hold nothing, while the unit's index holds every touchpoint.
  const entries = async (index: string): Promise<number> => {
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT coalesce(sum(c.reltuples), 0)::float8 AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`,
      [index],
    );
    return Number(n);
  };
  expect(await entries('touchpoint_unit_time_idx')).toBe(ROWS + 1000);
  for (const index of ['touchpoint_agent_time_idx', 'touchpoint_team_time_idx', 'touchpoint_product_time_idx']) expect({ index, n: await entries(index) }).toEqual({ index, n: 0 });
  // A filter by one agent still reads through its index: its condition implies the index's.
  const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM touchpoint WHERE agent_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 51`, ['a-1']))
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  expect(plan).toMatch(/agent_id_occurred_at_id_idx/);
});

it("reads one customer's rows of the window by their keys (customer_touchpoint), with no index of touchpoint by customer", async () => {
  const indexes = (await db.query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE tablename = 'touchpoint'`)).map((r) => r.i);
  expect(indexes).not.toContain('touchpoint_customer_need_time_idx');
  const window = [new Date(FROM).toISOString(), new Date(TO).toISOString()];
  const f = check({ customerId: 'c-7' });
  for (const [scope, within] of [
    [BIG, `unit_id LIKE 'u-%'`],
    [{ unitId: 'root', everything: true }, 'true'],
  ] as [DrillScope, string][]) {
    const ids = (await db.query<{ id: string }>(`SELECT id FROM touchpoint WHERE customer_id = 'c-7' AND occurred_at >= $1 AND occurred_at < $2 AND ${within} ORDER BY occurred_at DESC, id DESC`, window)).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(2);
    expect((await pageFilteredTouchpoints(db, scope, FROM, TO, f, 51, null)).map((t) => t.id)).toEqual(ids);
    expect((await pageFilteredTouchpoints(db, scope, FROM, TO, f, 2, null)).map((t) => t.id)).toEqual(ids.slice(0, 2));
    expect(await countFilteredTouchpoints(db, scope, FROM, TO, f)).toBe(ids.length);
    // Each of the customer's rows once (a probe by its key), not the week's ~15,000 through another index.
    const reads = await rowsRead(async (sql) => {
      await pageFilteredTouchpoints(sql, scope, FROM, TO, f, 51, null);
      await countFilteredTouchpoints(sql, scope, FROM, TO, f);
    });
    expect(Math.max(...reads)).toBeLessThanOrEqual(ids.length);
  }
});

it.each<[string, TouchpointFilter]>([
  ['csat NUMERATOR', { measure: 'csat', part: 'NUMERATOR' }],
  ['csat MISSED', { measure: 'csat', part: 'MISSED' }],
  ['PHONE + csat NUMERATOR', { channel: 'PHONE', measure: 'csat', part: 'NUMERATOR' }],
  ['resolved false', { resolved: false }],
  ['resolved true', { resolved: true }],
  ['maxSatisfaction 3', { maxSatisfaction: 3 }],
  ['maxSatisfaction 4', { maxSatisfaction: 4 }],
  ['WEB + maxSatisfaction 2', { channel: 'WEB', maxSatisfaction: 2 }],
])('counts %s from rollups alone, exactly as the rows count', async (_name, raw) => {
  const f = check(raw);
  expect(rollupTerms(f)).not.toBeNull();
  const fromRows = await countFilteredTouchpoints(db, { unitIds: UNITS }, FROM, TO, f);
  expect(fromRows).toBeGreaterThan(0);
  expect(await countFilteredTouchpoints(db, BIG, FROM, TO, f)).toBe(fromRows);
  expect(await countFromRollups(db, 'bu-big', FROM, TO, f)).toBe(fromRows);
  // Every band of a rating is a difference of counters (neutral: the rated 3): no touchpoint row is read.
  const reads = await rowsRead((sql) => countFromRollups(sql, 'bu-big', FROM, TO, f));
  expect(reads.length).toBeGreaterThan(0);
  expect(Math.max(...reads)).toBe(0);
});

it('leaves to the rows what counters cannot say: two row conditions, maxSatisfaction 1, a customer', () => {
  expect(rollupTerms(check({ resolved: true, maxSatisfaction: 2 }))).toBeNull();
  expect(rollupTerms(check({ maxSatisfaction: 1 }))).toBeNull();
  expect(rollupTerms(check({ customerId: 'c-1' }))).toBeNull();
  expect(rollupTerms(check({ agentId: 'a-1', measure: 'csat', part: 'NUMERATOR' }))).toBeNull();
});

/** The median planning time (ms) of a page statement over `scope`, by EXPLAIN (SUMMARY). */
async function planningMs(scope: DrillScope, f: TouchpointFilter): Promise<number> {
  const times: number[] = [];
  const explaining: Sql = {
    async query<T>(text: string, params?: unknown[]): Promise<T[]> {
      const [row] = await db.query<{ 'QUERY PLAN': { 'Planning Time': number }[] }>(`EXPLAIN (SUMMARY, FORMAT JSON) ${text}`, params);
      times.push(row['QUERY PLAN'][0]['Planning Time']);
      return [];
    },
  };
  for (let i = 0; i < 7; i++) await pageFilteredTouchpoints(explaining, scope, FROM, TO, check(f), 51, null);
  return times.sort((a, b) => a - b)[3];
}

/** Ids of a filtered first page, newest first. */
const pageIds = async (scope: DrillScope, f: TouchpointFilter, n = 200): Promise<string[]> => (await pageFilteredTouchpoints(db, scope, FROM, TO, check(f), n, null)).map((t) => t.id);

describe('scope', () => {
  it('plans a 5,000-unit subtree about as fast as one unit (no literal list of units)', async () => {
    const f: TouchpointFilter = { channel: 'PHONE', measure: 'resolution', part: 'MISSED' };
    const one = await planningMs({ unitId: 'u-7', everything: false }, f);
    const big = await planningMs(BIG, f);
    // A 5,000-element `unit_id = ANY(...)` planned 30-100x slower than one unit in each of the week's partitions.
    expect({ one, big, fast: big < 3 * one + 5 }).toEqual({ one, big, fast: true });
  });

  it("reads exactly the subtree's rows: pages and counts of bu-big leave bu-other out", async () => {
    for (const f of [{ channel: 'PHONE' }, { maxSatisfaction: 2 }, { measure: 'csat', part: 'MISSED' }] as TouchpointFilter[]) {
      expect(await pageIds(BIG, f)).toEqual(await pageIds({ unitIds: [...UNITS, 'bu-big'] }, f));
      expect(await countFilteredTouchpoints(db, BIG, FROM, TO, check(f))).toBe(await countFilteredTouchpoints(db, { unitIds: UNITS }, FROM, TO, check(f)));
    }
    const project: DrillScope = { unitId: 'u-3', everything: false };
    expect(await pageIds(project, { channel: 'WEB' })).toEqual(await pageIds({ unitIds: ['u-3'] }, { channel: 'WEB' }));
  });

  it('reads the only root without a unit condition, and with the semi-join once another root exists', async () => {
    const statements: string[] = [];
    const recording: Sql = {
      query: <T>(text: string, params?: unknown[]): Promise<T[]> => {
        statements.push(text);
        return db.query<T>(text, params);
      },
    };
    const everyUnit = [...UNITS, 'o-0'];
    const f = check({ maxSatisfaction: 2 });
    const root = await subtreeScope(db, 'root');
    expect(root).toEqual({ unitId: 'root', everything: true });
    expect(await subtreeScope(db, 'bu-big')).toEqual({ unitId: 'bu-big', everything: false });
    expect(await pageIds(root, { maxSatisfaction: 2 }, 500)).toEqual(await pageIds({ unitIds: everyUnit }, { maxSatisfaction: 2 }, 500));
    expect(await countFilteredTouchpoints(recording, root, FROM, TO, f)).toBe(await countFilteredTouchpoints(db, { unitIds: everyUnit }, FROM, TO, f));
    expect(statements.join('\n')).not.toContain('unit_id');
    // A second group: its rows must never show under the first.
    await db.query(`INSERT INTO org_unit (id, name, level, parent_id) VALUES ('root-2', 'root 2', 'GROUP', NULL), ('x-0', 'x-0', 'PROJECT', 'root-2')`);
    await db.query(
      `INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, customer_id, channel, kind, stage, need_category, served, satisfaction_score)
       VALUES (gen_random_uuid(), 'x-0', $1::timestamptz - interval '1 minute', $1::timestamptz, 'c-x', 'PHONE', 'SERVICE', 'AFTER_SALE', 'FAULT', true, 1)`,
      [new Date(TO).toISOString()],
    );
    try {
      const shared = await subtreeScope(db, 'root');
      expect(shared).toEqual({ unitId: 'root', everything: false });
      expect(await pageIds(shared, { maxSatisfaction: 2 }, 500)).toEqual(await pageIds({ unitIds: everyUnit }, { maxSatisfaction: 2 }, 500));
      expect(await countFilteredTouchpoints(db, shared, FROM, TO, f)).toBe(await countFilteredTouchpoints(db, { unitIds: everyUnit }, FROM, TO, f));
    } finally {
      await db.query(`DELETE FROM touchpoint WHERE unit_id = 'x-0'`);
      await db.query(`DELETE FROM org_unit WHERE id IN ('x-0', 'root-2')`);
    }
  });

  it('keeps org_unit_subtree equal to the tree as units are added, moved and removed', async () => {
    const closure = async (): Promise<string[]> => (await db.query<{ p: string }>(`SELECT ancestor_id || '>' || unit_id AS p FROM org_unit_subtree`)).map((r) => r.p).sort();
    const fromTree = async (): Promise<string[]> => {
      const tree = new OrgTree(await loadUnits(db));
      return tree.all().flatMap((u) => tree.lineage(u.id).map((a) => `${a}>${u.id}`)).sort();
    };
    expect(await closure()).toEqual(await fromTree());
    await db.query(`INSERT INTO org_unit (id, name, level, parent_id) VALUES ('bu-new', 'new', 'BUSINESS_UNIT', 'root'), ('n-0', 'n-0', 'PROJECT', 'bu-new'), ('n-1', 'n-1', 'PROJECT', 'bu-new')`);
    expect(await closure()).toEqual(await fromTree());
    // A project moves to another business unit; then a whole business unit moves under another (mislabelled, but a tree).
    await db.query(`UPDATE org_unit SET parent_id = 'bu-other' WHERE id = 'n-0'`);
    expect(await closure()).toEqual(await fromTree());
    await db.query(`UPDATE org_unit SET parent_id = 'bu-other' WHERE id = 'bu-new'`);
    expect(await closure()).toEqual(await fromTree());
    await db.query(`UPDATE org_unit SET parent_id = 'root', name = 'renamed' WHERE id = 'bu-new'`);
    expect(await closure()).toEqual(await fromTree());
    await db.query(`DELETE FROM org_unit WHERE id IN ('n-0', 'n-1')`);
    await db.query(`DELETE FROM org_unit WHERE id = 'bu-new'`);
    expect(await closure()).toEqual(await fromTree());
    expect(await subtreeScope(db, 'root')).toEqual({ unitId: 'root', everything: true });
  });
});

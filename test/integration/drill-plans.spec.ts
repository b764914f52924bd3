import { countFilteredTouchpoints, countFromRollups, Database, dayOf, ensurePartitions, pageFilteredTouchpoints, rebuildRollups, rollupTerms, type Sql } from '@qihe/data';
import { checkTouchpointFilter, DEFAULT_MODEL, type TouchpointFilter } from '@qihe/domain';
import { createTestDatabase } from '../support/test-database';

// What the drill-down's SQL reads on real PostgreSQL (issue 12: a filtered
// first page with its totalCount at 10 M touchpoints over 10,000 units), told
// by EXPLAIN ANALYZE: a broad filter's first page over a large subtree stops
// after the page instead of gathering the whole window, and the counts that
// rollups can give (csat's parts, resolved, maxSatisfaction) read no more raw
// rows than the rated-3 band — and equal the count of the rows.

const H = 3_600_000;
const UNITS = Array.from({ length: 200 }, (_, i) => `u-${i}`);
const ROWS = 30_000;
const TO = Math.floor(Date.now() / H) * H;
const FROM = TO - 7 * 24 * H;

let db: Database;
let drop: () => Promise<void>;

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Touchpoint rows each statement of `work` read, by EXPLAIN (ANALYZE, FORMAT JSON). */
async function rowsRead(work: (sql: Sql) => Promise<unknown>): Promise<number[]> {
  const reads: number[] = [];
  const sum = (n: PlanNode): number =>
    (n['Relation Name'] === 'touchpoint' ? n['Actual Rows'] * n['Actual Loops'] + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0) : 0) +
    (n.Plans ?? []).reduce((s, c) => s + sum(c), 0);
  const explaining: Sql = {
    async query<T>(text: string, params?: unknown[]): Promise<T[]> {
      const [row] = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params);
      reads.push(sum(row['QUERY PLAN'][0].Plan));
      return [{} as T];
    },
  };
  await work(explaining);
  return reads;
}

const check = (f: TouchpointFilter) => checkTouchpointFilter(f, DEFAULT_MODEL);

beforeAll(async () => {
  const target = await createTestDatabase();
  drop = target.drop;
  db = await Database.open({ url: target.url, poolSize: 2 });
  await db.migrate();
  // The days' partitions of the (partitioned) touchpoint table.
  await ensurePartitions(db, Array.from({ length: 16 }, (_, d) => ['touchpoint', dayOf(TO - d * 24 * H)] as const));
  // 14 days of touchpoints over 200 units, one every 40 s; a third rated 1..5, half resolved.
  await db.query(
    `INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, content_hash, customer_id, channel, kind, stage, need_category, served, resolved, satisfaction_score)
     SELECT gen_random_uuid(), 'u-' || (i % 200), $1::timestamptz - i * interval '40 seconds', $1::timestamptz - i * interval '40 seconds', md5(i::text),
            'c-' || (i % 3000), (ARRAY['PHONE', 'WEB', 'EMAIL'])[1 + (i / 7) % 3], 'SERVICE', 'AFTER_SALE', 'FAULT', true, i % 2 = 0,
            CASE WHEN i % 3 = 0 THEN 1 + (i / 3) % 5 END
       FROM generate_series(1, $2::int) i`,
    [new Date(TO).toISOString(), ROWS],
  );
  await db.transaction((tx) => rebuildRollups(tx, (id) => [id, 'root']));
  await db.query('VACUUM ANALYZE touchpoint');
}, 240_000); // 30,000 rows and their rollups: a minute on a loaded machine
afterAll(async () => {
  await db.close();
  await drop();
});

it("reads a broad filter's first page over 200 units in time order, not the week's 15,000 rows", async () => {
  for (const f of [{ measure: 'csat', part: 'NUMERATOR' }, { channel: 'PHONE' }, { resolved: false }] as TouchpointFilter[]) {
    const [read] = await rowsRead((sql) => pageFilteredTouchpoints(sql, UNITS, FROM, TO, check(f), 51, null));
    expect({ f, read: read < 1500 }).toEqual({ f, read: true });
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
])('counts %s from rollups (and the rated-3 rows alone), exactly as the rows count', async (_name, raw) => {
  const f = check(raw);
  expect(rollupTerms(f)).not.toBeNull();
  const fromRows = await countFilteredTouchpoints(db, UNITS, FROM, TO, f);
  expect(fromRows).toBeGreaterThan(0);
  expect(await countFromRollups(db, 'root', UNITS, FROM, TO, f)).toBe(fromRows);
  const [{ n: rated3 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM touchpoint WHERE occurred_at >= $1 AND occurred_at < $2 AND satisfaction_score = 3`, [
    new Date(FROM).toISOString(),
    new Date(TO).toISOString(),
  ]);
  const reads = await rowsRead((sql) => countFromRollups(sql, 'root', UNITS, FROM, TO, f));
  expect(Math.max(0, ...reads)).toBeLessThanOrEqual(rated3);
});

it('leaves to the rows what counters cannot say: two row conditions, maxSatisfaction 1, a customer', () => {
  expect(rollupTerms(check({ resolved: true, maxSatisfaction: 2 }))).toBeNull();
  expect(rollupTerms(check({ maxSatisfaction: 1 }))).toBeNull();
  expect(rollupTerms(check({ customerId: 'c-1' }))).toBeNull();
  expect(rollupTerms(check({ agentId: 'a-1', measure: 'csat', part: 'NUMERATOR' }))).toBeNull();
});

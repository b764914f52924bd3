import { Database, sumByBucket, sumBySlice, sumByStarts, sumWindows, type Sql } from '@qihe/data';
import { explainStatements, planNodes } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';

// How PostgreSQL plans the rollup reads when the root holds most rows, as it
// does at scale: every touchpoint below adds to the root's slice rows (one
// AGENT and one TEAM row per touchpoint at 10,000 agents), so at 10 M
// touchpoints the root owned 37 % of rollup_hour's 39 M rows while its whole
// rows over 90 days were 2,160. With the root's id in sight the planner
// multiplied that 37 % by the share of whole rows and chose a sequential scan
// of the whole table — 19 s for the group's 90-day daily trend. Every read of
// one unit's rows must stay a range of the primary key, whatever the skew.

const H = 3_600_000;
const DAY = 24 * H;
const TO = Math.floor(Date.now() / DAY) * DAY - 5 * H; // not a UTC midnight: the trend reads hours only
const FROM = TO - 90 * DAY;
const ROOT_SLICE_ROWS = 240_000;
const UNITS = 2_000;

let db: Database;
let close: () => Promise<void>;

interface Scan {
  node: string;
  /** What the planner expected the scan to return, and what it returned. */
  expected: number;
  actual: number;
}

/** The scans of rollup tables, per statement `work` sends, by EXPLAIN (ANALYZE, FORMAT JSON). */
async function rollupScans(work: (sql: Sql) => Promise<unknown>): Promise<Scan[][]> {
  // The own-unit rows of a breakdown run as they are: not this test's subject.
  const statements = await explainStatements(db, work, { explained: (text) => /rollup_/.test(text), answer: [] });
  return statements.map((s) =>
    planNodes(s.plan)
      .filter((n) => /^rollup_(hour|day|day_slice|own_day)$/.test(n['Relation Name'] ?? ''))
      .map((n) => ({ node: `${n['Node Type']} on ${n['Relation Name']}`, expected: n['Plan Rows'] * n['Actual Loops'], actual: n['Actual Rows'] * n['Actual Loops'] })),
  );
}

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
  await db.query(`INSERT INTO org_unit (id, name, level, parent_id) VALUES ('root', 'root', 'GROUP', NULL)`);
  await db.query(`INSERT INTO org_unit (id, name, level, parent_id) SELECT 'p-' || i, 'p-' || i, 'PROJECT', 'root' FROM generate_series(0, $1::int - 1) i`, [UNITS]);
  // The root: a whole row per hour of the 90 days, and AGENT (dim 7) and TEAM (dim 8) rows, one per touchpoint.
  await db.query(
    `INSERT INTO rollup_hour (unit_id, hour, dim, val, touchpoints)
     SELECT 'root', $1::timestamptz + h * interval '1 hour', 0, '', 5 FROM generate_series(0, 90 * 24 - 1) h
     UNION ALL
     SELECT 'root', $1::timestamptz + (i % (90 * 24)) * interval '1 hour', 7 + i % 2, 'a-' || i, 1 FROM generate_series(1, $2::int) i`,
    [new Date(FROM).toISOString(), ROOT_SLICE_ROWS],
  );
  // The projects: a few whole rows each.
  await db.query(
    `INSERT INTO rollup_hour (unit_id, hour, dim, val, touchpoints)
     SELECT 'p-' || u, $1::timestamptz + (u * 7 + k * 31) % (90 * 24) * interval '1 hour', 0, '', 1
       FROM generate_series(0, $2::int - 1) u, generate_series(0, 19) k`,
    [new Date(FROM).toISOString(), UNITS],
  );
  await db.query('ANALYZE rollup_hour');
}, 120_000);

afterAll(async () => {
  await close?.();
});

it('the skew is there: the root holds most rows, and PostgreSQL sees it', async () => {
  const [{ share }] = await db.query<{ share: number }>(
    `SELECT (most_common_freqs[array_position(most_common_vals::text::text[], 'root')])::float8 AS share FROM pg_stats WHERE tablename = 'rollup_hour' AND attname = 'unit_id'`,
  );
  expect(share).toBeGreaterThan(0.5);
});

it.each([
  ['the daily trend over 90 days from a non-midnight (hours only)', (sql: Sql) => sumByBucket(sql, 'root', FROM, TO, DAY)],
  ['the trend in local-time buckets', (sql: Sql) => sumByStarts(sql, 'root', Array.from({ length: 90 }, (_, d) => FROM + d * DAY), TO)],
  ['a score and the window before it (indicators)', (sql: Sql) => sumWindows(sql, 'root', [[FROM + 3 * H, TO], [FROM - 87 * DAY, FROM + 3 * H]])],
  ['the REGION breakdown over 90 days', (sql: Sql) => sumBySlice(sql, 'root', 'REGION', FROM, TO)],
  ['the AGENT breakdown over 7 days', (sql: Sql) => sumBySlice(sql, 'root', 'AGENT', TO - 7 * DAY, TO)],
])('%s: planned for the rows it reads, by index', async (_name, work) => {
  const scans = await rollupScans(work);
  expect(scans.length).toBeGreaterThan(0);
  for (const s of scans) {
    expect(s.length).toBeGreaterThan(0);
    // No scan of the whole table, and no estimate far above what the scan returned: the overestimate is what
    // turns the read into a scan of every row once the table is large (at this size PostgreSQL still picks a
    // bitmap scan over the inflated estimate; at 39 M rows it picked a sequential one).
    expect(s.filter((x) => x.node.startsWith('Seq Scan'))).toEqual([]);
    for (const x of s) expect({ ...x, within: x.expected <= 5 * Math.max(x.actual, 100) }).toMatchObject({ within: true });
  }
});

import { ensurePartitions, insertWithRepeats, partitionsOf, sortedById, type Database } from '@qihe/data';
import { explainStatements, type PlanNode } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';
import { variedRecord } from '../support/varied-records';

// Issue 13: the repeat rule costs each new touchpoint index probes into its
// customer's own rows, never a scan. customer_touchpoint holds 20,000
// customers' 100,000 touchpoints (5 each over 30 days); a batch of 500 new
// touchpoints is probed: each of the probe's two look-ups (a neighbour before,
// the first one after) runs once per touchpoint through the key
// (customer_id, occurred_at, id) and reads only that customer's rows of the
// 7-day window — the batch reads far fewer rows than the table holds. The
// look-ups are part of the batch's insert statement (insertWithRepeats).

const DAY = 86_400_000;
const NOW = Math.floor(Date.now() / DAY) * DAY;
const CUSTOMERS = 20_000;
const PER_CUSTOMER = 5;
const BATCH = 500;

let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase());
  // Customer c-i's k-th touchpoint: 6 days apart (k·6 days + i minutes back), FAULT or BILLING by (i + k) parity.
  await db.query(
    `INSERT INTO customer_touchpoint (customer_id, occurred_at, id, unit_id, received_at, channel, need_category, served,
                                      knowledge_refs, handoff, linked, repeat)
     SELECT 'c-' || i, $1::timestamptz - (k * 6 * 1440 + i % 1440) * interval '1 minute', gen_random_uuid(), 'u-' || (i % 50),
            $1::timestamptz, 'PHONE', CASE WHEN (i + k) % 2 = 0 THEN 'FAULT' ELSE 'BILLING' END, true, 0, false, false, false
       FROM generate_series(1, $2::int) i, generate_series(0, $3::int - 1) k`,
    [new Date(NOW).toISOString(), CUSTOMERS, PER_CUSTOMER],
  );
  await db.query('ANALYZE customer_touchpoint');
}, 120_000);
afterAll(async () => {
  await close?.();
});

/** Every scan node of the plan on `table`, with its node type and how often it ran. */
function scansOf(n: PlanNode, table: string): PlanNode[] {
  const own = n['Relation Name'] === table ? [n] : [];
  return [...own, ...(n.Plans ?? []).flatMap((c) => scansOf(c, table))];
}

describe("the repeat rule's probe", () => {
  it('costs each new touchpoint two index look-ups into its own customer’s rows, and reads no one else’s', async () => {
    // 500 new touchpoints of 500 customers, 3 days back: each customer has a stored one before and after within 7 days.
    const fresh = Array.from({ length: BATCH }, (_, j) => ({
      record: { ...variedRecord(j, NOW - 3 * DAY - j * 60_000, ['u-1']), customerId: `c-${j * 37 + 1}`, needCategory: j % 2 ? ('FAULT' as const) : ('BILLING' as const) },
      contentHash: 'h',
    }));
    await ensurePartitions(db, partitionsOf(fresh.map((t) => t.record)));
    const [probe] = await explainStatements(db, (sql) => insertWithRepeats(sql, sortedById(fresh), 'site'), {
      explained: (text) => text.includes('INSERT INTO touchpoint'),
      answer: [],
    });
    const scans = scansOf(probe.plan, 'customer_touchpoint');
    // Two look-ups, each an index scan run once per new touchpoint: no sequential or bitmap scan of the table.
    // (Before the look-ups were lateral joins, the EXISTS ran twice for every touchpoint returned: 3 scans, 1,500 loops.)
    expect(scans.map((s) => [s['Node Type'], s['Actual Loops']])).toEqual([
      ['Index Scan', BATCH],
      ['Index Scan', BATCH],
    ]);
    // Rows each look-up returned or filtered, per touchpoint: at most the customer's own rows of the window (5 stored in all).
    for (const s of scans) {
      const perLoop = s['Actual Rows'] + (s['Rows Removed by Filter'] ?? 0);
      expect({ node: s['Node Type'], perLoop, withinOwnRows: perLoop <= PER_CUSTOMER }).toEqual({ node: s['Node Type'], perLoop, withinOwnRows: true });
    }
  });
});

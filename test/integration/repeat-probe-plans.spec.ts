import { ensurePartitions, insertWithRepeats, partitionsOf, sortedById, type Database } from '@qihe/data';
import { explainStatements, planNodes, type PlanNode } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';
import { variedRecord } from '../support/varied-records';

// Issue 13: the repeat rule costs each new touchpoint index probes into its
// customer's own rows, never a scan. customer_touchpoint holds 20,000
// customers' 100,000 touchpoints (5 each over 30 days); a batch of 500 new
// touchpoints is probed through the key (customer_id, need_category,
// occurred_at, id), each look-up one descent to its row — the batch reads
// far fewer rows than the table holds: one look-up per touchpoint (the
// last stored one of its need within the window either side), and the two
// exact ones (a neighbour before, the first one after) only for a touchpoint
// with a stored one of its need after it. The look-ups are part of the
// batch's insert statement (insertWithRepeats).

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
  await storeCopies(
    `'c-' || i, $1::timestamptz - (k * 6 * 1440 + i % 1440) * interval '1 minute', 'u-' || (i % 50), CASE WHEN (i + k) % 2 = 0 THEN 'FAULT' ELSE 'BILLING' END
       FROM generate_series(1, $2::int) i, generate_series(0, $3::int - 1) k`,
    [new Date(NOW).toISOString(), CUSTOMERS, PER_CUSTOMER],
  );
}, 120_000);
afterAll(async () => {
  await close?.();
});

/** Every scan node of the plan on `table`, with its node type and how often it ran. */
function scansOf(n: PlanNode, table: string): PlanNode[] {
  return planNodes(n).filter((s) => s['Relation Name'] === table);
}

/**
 * Stored rows of the customer lens (phone, served, received at $1), then ANALYZE: `rows` selects each one's
 * customer, occurredAt, unit and need, followed by its FROM.
 */
async function storeCopies(rows: string, params: unknown[]): Promise<void> {
  await db.query(
    `INSERT INTO customer_touchpoint (customer_id, occurred_at, unit_id, need_category, id, received_at, channel, served, knowledge_refs, handoff, linked, repeat)
     SELECT c, at, unit, need, gen_random_uuid(), $1::timestamptz, 'PHONE', true, 0, false, false, false FROM (SELECT ${rows}) AS r(c, at, unit, need)`,
    params,
  );
  await db.query('ANALYZE customer_touchpoint');
}

/** The probe's scans of customer_touchpoint for a batch, as [kind, loops], loops ascending ('index': an index scan, index-only or not); each one's rows per loop. */
async function probeScans(fresh: { record: ReturnType<typeof variedRecord>; contentHash: string }[]): Promise<{ loops: [string, number][]; perLoop: number[] }> {
  await ensurePartitions(db, partitionsOf(fresh.map((t) => t.record)));
  const [probe] = await explainStatements(db, (sql) => insertWithRepeats(sql, sortedById(fresh), 'site'), {
    explained: (text) => text.includes('INSERT INTO touchpoint'),
    answer: [],
  });
  const scans = scansOf(probe.plan, 'customer_touchpoint');
  return {
    loops: scans.map((s): [string, number] => [/^Index (Only )?Scan$/.test(s['Node Type']) ? 'index' : s['Node Type'], s['Actual Loops']]).sort((a, b) => a[1] - b[1]),
    perLoop: scans.map((s) => s['Actual Rows'] + (s['Rows Removed by Filter'] ?? 0)),
  };
}

// Customer c-i's stored need at k = 0 (its latest, today): FAULT or BILLING by i's parity, as stored above.
const latestNeed = (i: number): string => (i % 2 === 0 ? 'FAULT' : 'BILLING');

describe("the repeat rule's probe", () => {
  it('costs a touchpoint with a stored one of its need after it three index look-ups, and reads no one else’s', async () => {
    // 500 new touchpoints of 500 customers, 3 days back: each customer has a stored one before (6 days back) and
    // after (today) within 7 days, one of them of the new one's need.
    const fresh = Array.from({ length: BATCH }, (_, j) => ({
      record: { ...variedRecord(j, NOW - 3 * DAY - j * 60_000, ['u-1']), customerId: `c-${j * 37 + 1}`, needCategory: j % 2 ? ('FAULT' as const) : ('BILLING' as const) },
      contentHash: 'h',
    }));
    // Those whose customer's today's touchpoint is of their need: the last one in the window is after them.
    const after = fresh.filter((_, j) => latestNeed(j * 37 + 1) === (j % 2 ? 'FAULT' : 'BILLING')).length;
    expect(after).toBeGreaterThan(0);
    const { loops, perLoop } = await probeScans(fresh);
    // The last one for every touchpoint; for those, whether one is before and the first one after, each once.
    // (Before the look-ups were lateral joins, the EXISTS ran twice for every touchpoint returned: 3 scans, 1,500 loops.)
    expect(loops).toEqual([
      ['index', after],
      ['index', after],
      ['index', BATCH],
    ]);
    expect(perLoop.filter((n) => n > PER_CUSTOMER)).toEqual([]);
  });

  it('costs a live touchpoint one index look-up into its own customer’s rows, and reads no one else’s', async () => {
    // 500 new touchpoints of 500 customers after everything stored (also the test before's): the last stored one
    // of the need within the window is before each.
    const fresh = Array.from({ length: BATCH }, (_, j) => ({
      record: { ...variedRecord(j, NOW + 3_600_000 + j * 1000, ['u-1']), customerId: `c-${j * 37 + 1}`, needCategory: j % 2 ? ('FAULT' as const) : ('BILLING' as const) },
      contentHash: 'h',
    }));
    const { loops, perLoop } = await probeScans(fresh);
    // One look-up per touchpoint (the last one of its need in the window, newest first), an index scan; the
    // exact look-ups before and after it never run. No sequential or bitmap scan of the table.
    expect(loops).toEqual([
      ['index', 0],
      ['index', 0],
      ['index', BATCH],
    ]);
    // Rows read per touchpoint: at most the customer's own rows of the window (5 stored in all).
    expect(perLoop.filter((n) => n > PER_CUSTOMER)).toEqual([]);
  });

  it('costs a heavy customer’s touchpoint one row per look-up, not a read of its thousands of other needs', async () => {
    // One customer with 3,000 touchpoints this week (a reseller's line), all CONSULTATION but one FAULT 2 days
    // back. Keyed (customer, time) the look-up for a FAULT read the customer's rows of the window newest first,
    // each from the heap to test its need, until the FAULT: about 1,700 rows for every new touchpoint.
    await storeCopies(`'heavy', $1::timestamptz - k * interval '3 minutes', 'u-1', CASE WHEN k = 960 THEN 'FAULT' ELSE 'CONSULTATION' END FROM generate_series(1, 3000) k`, [
      new Date(NOW).toISOString(),
    ]);
    // 50 new FAULTs of the customer, an hour back each (the stored FAULT, 48 h back, is the last one of their need)…
    const live = Array.from({ length: 50 }, (_, j) => ({ record: { ...variedRecord(j, NOW - 3_600_000 - j * 1000, ['u-1']), customerId: 'heavy', needCategory: 'FAULT' as const }, contentHash: 'h' }));
    const { loops, perLoop } = await probeScans(live);
    expect(loops).toEqual([
      ['index', 0],
      ['index', 0],
      ['index', 50],
    ]);
    expect(Math.max(...perLoop)).toBeLessThanOrEqual(1);
    // …and 50 more 3 days back: the stored FAULT (and the 50 before) follow them, so all three look-ups run.
    const late = Array.from({ length: 50 }, (_, j) => ({ record: { ...variedRecord(j, NOW - 3 * DAY - j * 1000, ['u-1']), customerId: 'heavy', needCategory: 'FAULT' as const }, contentHash: 'h' }));
    const back = await probeScans(late);
    expect(back.loops.map(([type]) => type)).toEqual(['index', 'index', 'index']);
    expect(Math.max(...back.perLoop)).toBeLessThanOrEqual(1);
  });
});

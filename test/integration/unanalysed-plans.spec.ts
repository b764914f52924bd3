import { answerFollowUps, customersAfter, ensurePartitions, findTouchpointsForUpdate, KEY_DAY_SQL, riskHistories, setSatisfactions, type Database } from '@qihe/data';
import { explainStatements, rowsReadFrom } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';

// Reads that must stay index probes while the statistics lag behind the table.
// A 200,000-touchpoint bench run (docs/PERFORMANCE.md, "The full run's slowdown")
// slowed from 7,244 to 4,574 touchpoints/s as the day's partition grew: it was
// never analysed during the run, and the late ratings' lock and update, named
// by `id = ANY(…) AND occurred_at = ANY(…)`, were planned as a scan of the whole
// partition (38,230 rows read for 44 ratings); the risk job's page of customers
// (`SELECT DISTINCT … LIMIT`) and their histories (`customer_id = ANY(…)`) were
// planned from statistics taken when the tables were small, as whole-table scans
// too (95,762 and 185,915 rows a page); and the ratings' answers to follow-ups
// hashed the whole follow_up table for every batch, statistics or not (35,437
// rows, 18 ms for 500 ratings). Here every table is in that state —
// never analysed, or analysed small, then grown, autovacuum off — and each read
// may touch only the rows it names.

const DAY = 86_400_000;
const TODAY = new Date(Math.floor(Date.now() / DAY) * DAY);
const STORED = 40_000;
const CUSTOMERS = 10_000;

let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase());
  const day = TODAY.toISOString().slice(0, 10);
  await ensurePartitions(db, [
    ['touchpoint', day],
    ['touchpoint_key', day],
  ]);
  const partition = `touchpoint_p${day.replaceAll('-', '')}`;
  await db.query(`ALTER TABLE ${partition} SET (autovacuum_enabled = false)`);
  for (const t of ['customer_unit', 'customer_touchpoint']) await db.query(`ALTER TABLE ${t} SET (autovacuum_enabled = false)`);
  // 100 touchpoints of 10 customers, customer_touchpoint analysed (the statistics of a small table that grew);
  // then the rest, 4 units a customer; customer_unit never analysed.
  const store = async (from: number, to: number): Promise<void> => {
    await db.query(
      `WITH t AS (
         INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, customer_id, channel, kind, stage, need_category, served)
         SELECT gen_random_uuid(), 'u-' || (i % 7), $1::timestamptz + i * interval '1 second', now(), 'c-' || lpad((i % $4)::text, 6, '0'),
                'PHONE', 'SERVICE', 'AFTER_SALE', 'FAULT', true
           FROM generate_series($2::int, $3::int) i
         RETURNING id, unit_id, occurred_at)
       INSERT INTO touchpoint_key (id, key_day, unit_id, occurred_at, content_hash) SELECT id, ${KEY_DAY_SQL('id')}, unit_id, occurred_at, 'h' FROM t`,
      [TODAY.toISOString(), from, to, from === 0 ? 10 : CUSTOMERS],
    );
    await db.query(
      `INSERT INTO customer_unit (unit_id, customer_id, touchpoints, first_contact_at, last_contact_at)
       SELECT unit_id, customer_id, count(*), min(occurred_at), max(occurred_at) FROM touchpoint GROUP BY 1, 2
       ON CONFLICT (customer_id, unit_id) DO NOTHING`,
    );
  };
  await store(0, 99);
  await db.query(`ANALYZE customer_touchpoint`);
  await store(100, STORED - 1);
}, 120_000);
afterAll(async () => {
  await close?.();
});

/** Rows read from `table` (or its partitions) by each statement `work` sends. */
async function rowsRead(table: string, work: Parameters<typeof explainStatements>[1], explained: (text: string) => boolean, realReads = false): Promise<number[]> {
  const plans = await explainStatements(db, work, { explained, realReads });
  return plans.map((s) => rowsReadFrom(s.plan, (name) => name === table || name.startsWith(`${table}_p`)));
}

describe('reads while the statistics lag', () => {
  it("lock and rate late-rated touchpoints by their keys, not by a scan of the day's partition", async () => {
    const picked = await db.query<{ id: string }>(`SELECT id FROM touchpoint ORDER BY id LIMIT 44`);
    const ids = picked.map((r) => r.id);
    const [locked] = await rowsRead('touchpoint', (sql) => findTouchpointsForUpdate(sql, ids), (text) => text.includes('FOR UPDATE'));
    expect(locked).toBe(ids.length);
    const found = await findTouchpointsForUpdate(db, ids);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
    const ratings = [...found.values()].map((t) => ({ id: t.id, occurredAt: t.occurredAt.getTime(), unitId: t.unitId, score: 4, comment: null }));
    const [updated] = await rowsRead('touchpoint', (sql) => setSatisfactions(sql, ratings), (text) => text.startsWith('UPDATE touchpoint'));
    expect(updated).toBe(ids.length);
    const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM touchpoint WHERE satisfaction_score = 4`);
    expect(Number(n)).toBe(ids.length);
  });

  it("page the risk job's customers by a range of customer_unit's key", async () => {
    const [read] = await rowsRead('customer_unit', (sql) => customersAfter(sql, 'c-000100', 500), () => true);
    expect(read).toBeLessThanOrEqual(500);
    // Every customer once, in order, page by page (a customer in several units is one customer).
    const seen: string[] = [];
    for (let after: string | null = null; ; ) {
      const page = await customersAfter(db, after, 500);
      if (page.length === 0) break;
      seen.push(...page);
      after = page[page.length - 1];
    }
    const all = await db.query<{ c: string }>(`SELECT DISTINCT customer_id AS c FROM customer_unit ORDER BY 1`);
    expect(seen).toEqual(all.map((r) => r.c));
  });

  it("read a page of customers' histories from their own rows only", async () => {
    const customers = Array.from({ length: 500 }, (_, i) => `c-${String(1000 + i * 7).padStart(6, '0')}`);
    const [{ own }] = await db.query<{ own: string }>(`SELECT count(*) AS own FROM customer_touchpoint WHERE customer_id = ANY($1::text[])`, [customers]);
    const [read] = await rowsRead('customer_touchpoint', (sql) => riskHistories(sql, customers, TODAY.getTime() - DAY), (text) => text.includes('customer_touchpoint'));
    expect(read).toBe(Number(own));
    const histories = await riskHistories(db, customers, TODAY.getTime() - DAY);
    expect([...histories.values()].reduce((s, h) => s + h.touchpoints.length, 0)).toBe(Number(own));
    for (const h of histories.values()) {
      const times = h.touchpoints.map((t) => t.occurredAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('find the follow-ups ratings answer through each customer’s own follow-ups', async () => {
    // 20,000 customers with a follow-up opened an hour ago; 500 ratings, 50 of them by those customers.
    await db.query(
      `INSERT INTO follow_up (id, unit_id, reason, customer_id, due_at, created_at, note)
       SELECT gen_random_uuid(), 'u-1', 'MANUAL', 'f-' || i, $1::timestamptz, $1::timestamptz - interval '1 hour', 'n' FROM generate_series(1, 20000) i`,
      [TODAY.toISOString()],
    );
    const ratings = Array.from({ length: 500 }, (_, i) => ({
      touchpointId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      customerId: i % 10 === 0 ? `f-${i + 1}` : `nobody-${i}`,
      occurredAt: TODAY.getTime() + i * 1000,
      score: 1 + (i % 5),
    }));
    // Each statement explained as it runs (the look-up answers its real rows; the update runs once, explained).
    const reads = await rowsRead('follow_up', (sql) => answerFollowUps(sql, ratings), () => true, true);
    // The look-up reads the 50 answered follow-ups (EXPLAIN rounds rows per loop: 0.1 of 500 loops shows as 0); the update, those 50 by their key.
    expect(reads).toHaveLength(2);
    expect(reads[0]).toBeLessThanOrEqual(50);
    expect(reads[1]).toBe(50);
    const held = await db.query<{ c: string; tp: string; score: number }>(
      `SELECT customer_id AS c, recovered_touchpoint_id AS tp, recovered_score AS score FROM follow_up WHERE recovered_touchpoint_id IS NOT NULL ORDER BY 1`,
    );
    const expected = ratings.filter((r) => r.customerId.startsWith('f-')).map((r) => ({ c: r.customerId, tp: r.touchpointId, score: r.score }));
    expect(held).toEqual(expected.sort((a, b) => (a.c < b.c ? -1 : 1)));
  });
});

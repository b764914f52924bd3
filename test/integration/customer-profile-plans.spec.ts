import { customerFollowUps, type Database, type Sql } from '@qihe/data';
import { explainStatements, rowsReadFrom } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';

// The customer profile's own reads stay the customer's: its follow-ups are the
// customer's rows (follow_up_customer_idx) sorted, never a walk of everyone's
// follow-ups in time order (follow_up_created_idx, the subtree list's index)
// until enough of the customer's turn up. At 10 M the bench customer's 200
// follow-ups, older than 2,271 others', made that walk the profile's slowest
// statement (2,321 rows, 887 buffers, 4.3 ms; 0.7 ms and 13 buffers now).

const MIN = 60_000;
const NOW = Math.floor(Date.now() / MIN) * MIN;
const OTHERS = 3000;
const HEAVY = 'c-heavy';
const HEAVY_FOLLOW_UPS = 300;

let db: Database;
let close: () => Promise<void>;

async function followUpRowsRead(work: (sql: Sql) => Promise<unknown>): Promise<number[]> {
  const statements = await explainStatements(db, work);
  return statements.map((s) => rowsReadFrom(s.plan, (name) => name === 'follow_up'));
}

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase());
  // One customer with many follow-ups (a tenth of the table: the planner's most common value), older than
  // everyone else's and opened by three ingest transactions (created_at is the transaction's now(): three
  // values, as the bench's 500-touchpoint batches gave); 3,000 other customers with one each, newer.
  // Stored in time order, as ingest stores them (created_at correlates with the heap: walking follow_up_created_idx looks cheap).
  await db.query(
    `INSERT INTO follow_up (id, unit_id, reason, customer_id, due_at, created_at, note)
     SELECT gen_random_uuid(), 'u-' || (i % 10), reason, customer_id, $1::timestamptz, created_at, repeat('n', 200)
       FROM (SELECT i, 'LOW_SATISFACTION' AS reason, $3 AS customer_id, $1::timestamptz - ($4 + i % 3) * interval '1 minute' AS created_at
               FROM generate_series(1, $2::int) i
             UNION ALL
             SELECT i, 'MANUAL', 'c-' || i, $1::timestamptz - (i / 40) * interval '1 minute' FROM generate_series(1, $4::int) i) f
      ORDER BY created_at`,
    [new Date(NOW).toISOString(), HEAVY_FOLLOW_UPS, HEAVY, OTHERS],
  );
  await db.query('ANALYZE follow_up');
}, 120_000);
afterAll(async () => {
  await close();
});

describe("the customer profile's follow-ups", () => {
  it("are the customer's newest, in scope", async () => {
    const all = await db.query<{ id: string; unitId: string }>(
      `SELECT id, unit_id AS "unitId" FROM follow_up WHERE customer_id = $1 ORDER BY created_at DESC, id DESC`,
      [HEAVY],
    );
    expect((await customerFollowUps(db, HEAVY, null, 50)).map((f) => f.id)).toEqual(all.slice(0, 50).map((f) => f.id));
    const inUnits = all.filter((f) => f.unitId === 'u-3' || f.unitId === 'u-7');
    expect((await customerFollowUps(db, HEAVY, ['u-3', 'u-7'], 50)).map((f) => f.id)).toEqual(inUnits.slice(0, 50).map((f) => f.id));
    expect(await customerFollowUps(db, 'c-17', ['u-3'], 50)).toEqual([]);
  });

  it("read only the customer's rows, whoever else has newer ones", async () => {
    const [everyUnit] = await followUpRowsRead((sql) => customerFollowUps(sql, HEAVY, null, 50));
    const [twoUnits] = await followUpRowsRead((sql) => customerFollowUps(sql, HEAVY, ['u-3', 'u-7'], 50));
    const [someoneElse] = await followUpRowsRead((sql) => customerFollowUps(sql, 'c-17', null, 50));
    // At most the customer's own rows (before: 3,050 for 50, every follow-up newer than the customer's and the page).
    expect({ everyUnit, twoUnits, someoneElse }).toEqual({ everyUnit: HEAVY_FOLLOW_UPS, twoUnits: HEAVY_FOLLOW_UPS, someoneElse: 1 });
  });
});

import { Database, pageFollowUps, pageNodes, pendingStatesByCode, recentOutbox, riskiestCustomers, type Sql } from '@qihe/data';
import type { FollowUpState } from '@qihe/domain';
import { BIG_SUBTREE_UNITS, insertBigSubtree } from '../support/big-subtree';
import { explainStatements, rowsReadFrom } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';

// The subtree reads outside the drill-down (follow-ups list, commitment board
// and its pending states, at-risk customers, recent alerts) scope by the
// semi-join on org_unit_subtree, never by a literal list of units: exactly the
// subtree's rows (a sibling's never show), planned as fast for 5,000 units as
// for one, and a group's first page of follow-ups read in time order
// (follow_up_created_idx), not gathered from every unit and sorted.

const H = 3_600_000;
const UNITS = BIG_SUBTREE_UNITS;
const FOLLOW_UPS = 6000;
const NOW = Math.floor(Date.now() / H) * H;

let db: Database;
let close: () => Promise<void>;

/** Rows of `table` each statement of `work` read, and each one's planning time, by EXPLAIN (ANALYZE, FORMAT JSON). */
async function explain(table: string, work: (sql: Sql) => Promise<unknown>): Promise<{ read: number[]; planningMs: number[] }> {
  const statements = await explainStatements(db, work, { answer: [{ total: 0 }] });
  return { read: statements.map((s) => rowsReadFrom(s.plan, (name) => name === table)), planningMs: statements.map((s) => s.planningMs) };
}

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
  await insertBigSubtree(db);
  // Follow-ups over 30 days: 6,000 in bu-big's 200 units, 300 in o-0 interleaved in time.
  await db.query(
    `INSERT INTO follow_up (id, unit_id, reason, customer_id, due_at, created_at, state)
     SELECT gen_random_uuid(), CASE WHEN i % 21 = 0 THEN 'o-0' ELSE 'u-' || (i % 200) END, 'MANUAL', 'c-' || i,
            $1::timestamptz, $1::timestamptz - i * interval '7 minutes', CASE WHEN i % 3 = 0 THEN 'DONE' ELSE 'OPEN' END
       FROM generate_series(1, $2::int) i`,
    [new Date(NOW).toISOString(), Math.round((FOLLOW_UPS * 21) / 20)],
  );
  // At-risk customers: one per follow-up's customer, in the same units.
  await db.query(
    `INSERT INTO customer_risk (customer_id, unit_id, latest_touchpoint_id, probability, features, model_version, as_of)
     SELECT customer_id, unit_id, gen_random_uuid(), (abs(hashtext(customer_id)) % 1000) / 1000.0, '{}', 'm', now() FROM follow_up`,
  );
  await db.query('ANALYZE org_unit_subtree; ANALYZE follow_up; ANALYZE customer_risk');
}, 240_000);
afterAll(async () => {
  await close?.();
});

/** The follow-ups of these units by a literal list, newest first: what the page must equal. */
async function listed(unitIds: string[], limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM follow_up WHERE unit_id = ANY($1::text[]) ORDER BY created_at DESC, id DESC LIMIT $2`, [unitIds, limit]);
  return rows.map((r) => r.id);
}

describe('follow-ups list', () => {
  it("pages exactly the subtree's follow-ups, newest first (a sibling's never show)", async () => {
    const first = await pageFollowUps(db, 'bu-big', null, 120, null);
    expect(first.rows.map((r) => r.id)).toEqual(await listed(UNITS, 120));
    expect(first.total).toBe(FOLLOW_UPS);
    const last = first.rows[first.rows.length - 1];
    const next = await pageFollowUps(db, 'bu-big', ['OPEN'], 50, { createdAt: last.createdAt, id: last.id });
    expect(next.rows.every((r) => r.state === 'OPEN' && UNITS.includes(r.unitId) && r.createdAt <= last.createdAt)).toBe(true);
    expect((await pageFollowUps(db, 'u-3', null, 500, null)).rows.map((r) => r.id)).toEqual(await listed(['u-3'], 500));
    expect((await pageFollowUps(db, 'root', null, 10_000, null)).total).toBe(Math.round((FOLLOW_UPS * 21) / 20));
  });

  it("reads a group's first page in time order, not every follow-up of its units", async () => {
    const { read } = await explain('follow_up', (sql) => pageFollowUps(sql, 'bu-big', null, 51, null));
    const [, page] = read; // [count, page]: the count reads the set, the page only what it shows
    expect({ page, small: page < 600 }).toEqual({ page, small: true });
  });

  it("reads a small unit's page from its own rows, not a walk of everyone's in time order", async () => {
    // u-3 has 30 follow-ups spread over the 30 days, fewer than a page: a walk of follow_up_created_idx would read
    // every follow-up (6,300) to fill it. The page's rows are at most the unit's own, whichever plan finds them.
    for (const unitId of ['u-3', 'bu-other']) {
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM follow_up WHERE unit_id IN (SELECT unit_id FROM org_unit_subtree WHERE ancestor_id = $1)`, [unitId]);
      for (const states of [null, ['OPEN'] as FollowUpState[]]) {
        const { read } = await explain('follow_up', (sql) => pageFollowUps(sql, unitId, states, 51, null));
        expect({ unitId, states, atMostOwn: read[1] <= Number(n) }).toEqual({ unitId, states, atMostOwn: true });
      }
    }
  });

  it('plans a 5,000-unit subtree about as fast as one unit', async () => {
    const median = async (unitId: string): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) times.push((await explain('follow_up', (sql) => pageFollowUps(sql, unitId, null, 51, null))).planningMs[1]);
      return times.sort((a, b) => a - b)[3];
    };
    const one = await median('u-7');
    const big = await median('bu-big');
    expect({ one, big, fast: big < 3 * one + 5 }).toEqual({ one, big, fast: true });
  });
});

describe('other subtree reads', () => {
  it("at-risk customers: the subtree's riskiest, never a sibling's", async () => {
    const got = await riskiestCustomers(db, 'bu-big', 50);
    const want = await db.query<{ customer_id: string }>(
      `SELECT customer_id FROM customer_risk WHERE unit_id = ANY($1::text[]) ORDER BY probability DESC, customer_id LIMIT 50`,
      [UNITS],
    );
    expect(got.map((r) => r.customerId)).toEqual(want.map((r) => r.customer_id));
    expect((await riskiestCustomers(db, 'bu-other', 500)).every((r) => r.unitId === 'o-0')).toBe(true);
  });

  it('commitment board, pending states and recent alerts take the subtree as a semi-join', async () => {
    const statements: string[] = [];
    const recording: Sql = {
      query: <T>(text: string, params?: unknown[]): Promise<T[]> => {
        statements.push(text);
        return db.query<T>(text, params);
      },
    };
    const q = { unitId: 'bu-big', owned: false, from: NOW - 24 * H, to: NOW, states: null, level: null, now: NOW, limit: 10, after: null };
    expect((await pageNodes(recording, q)).nodes).toEqual([]);
    expect(await pendingStatesByCode(recording, 'bu-big', true, NOW - 24 * H, NOW, NOW)).toEqual([]);
    expect(await recentOutbox(recording, 'bu-big', ['COMMITMENT_BREACHED'], NOW - 24 * H, 10)).toEqual([]);
    expect(statements.length).toBeGreaterThanOrEqual(4);
    expect(statements.every((s) => s.includes('org_unit_subtree'))).toBe(true);
    expect(statements.join('\n')).not.toMatch(/unit_id = ANY|unnest\(\$1/);
  });
});

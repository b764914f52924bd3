import { customerFacts, Database, dayOf, ensurePartitions, MIGRATIONS, pageCustomerTouchpoints, riskHistories, runRetention, type Sql } from '@qihe/data';
import { explainStatements, planNodes, rowsReadFrom, type PlanNode } from '../support/explain-plans';
import { openMigratedTestDatabase } from '../support/test-database';

// The customer lens at 10 M touchpoints (issue 14): a customer's facts (the
// four types, the risk features) and timeline pages come from
// customer_touchpoint — one index range, kept equal to the rows by triggers
// through every write — instead of one probe of every daily partition in the
// span (a year of them: planning, not reading, was the profile's cost).

const DAY = 86_400_000;
const NOW = Date.now();
const DAYS = 40;
const MIRROR = `SELECT customer_id, occurred_at, id, unit_id, received_at, channel, need_category, served, handle_seconds, resolved, first_contact,
  knowledge_refs, knowledge_created, handoff, commitment_met, linked, repeat, satisfaction_score FROM customer_touchpoint ORDER BY 1, 2, 3`;
const RECOUNT = `SELECT customer_id, occurred_at, id, unit_id, received_at, channel, need_category, served, handle_seconds, resolved, first_contact,
  coalesce(jsonb_array_length(knowledge_refs), 0) AS knowledge_refs, knowledge_created, handoff_unit_id IS NOT NULL AS handoff, commitment_met,
  (contract_id IS NOT NULL OR product_id IS NOT NULL) AS linked, repeat, satisfaction_score FROM touchpoint ORDER BY 1, 2, 3`;

let db: Database;
let close: () => Promise<void>;

const relations = (n: PlanNode): string[] => planNodes(n).flatMap((s) => (s['Relation Name'] ? [s['Relation Name']] : []));
const partitions = (rels: string[]): string[] => rels.filter((r) => /^touchpoint_p\d{8}$/.test(r));

/** Runs `work` for real, and records the relations each of its statements plans (EXPLAIN). */
async function planned<T>(work: (sql: Sql) => Promise<T>): Promise<{ result: T; plans: string[][] }> {
  const plans: string[][] = [];
  const sql: Sql = {
    async query<R>(text: string, params?: unknown[]): Promise<R[]> {
      const [row] = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
      plans.push(relations(row['QUERY PLAN'][0].Plan));
      return db.query<R>(text, params);
    },
  };
  return { result: await work(sql), plans };
}

const expectMirrored = async (): Promise<void> => expect(await db.query(MIRROR)).toEqual(await db.query(RECOUNT));

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 2 }));
  await ensurePartitions(db, Array.from({ length: DAYS + 2 }, (_, d) => ['touchpoint', dayOf(NOW - d * DAY)] as const));
  // c-1: one touchpoint a day for 40 days over four units; c-2..c-20 the same days, in between.
  await db.query(
    `INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, customer_id, channel, kind, stage, need_category, served, resolved,
                             handle_seconds, knowledge_refs, handoff_unit_id, product_id, satisfaction_score)
     SELECT gen_random_uuid(), 'u-' || (i % 4), $1::timestamptz - (i / 20) * interval '1 day' - (i % 20) * interval '1 minute', $1::timestamptz,
            'c-' || (1 + i % 20), (ARRAY['PHONE', 'WEB'])[1 + i % 2], 'SERVICE', 'AFTER_SALE', (ARRAY['FAULT', 'COMPLAINT', 'PURCHASE'])[1 + i % 3],
            i % 5 <> 0, CASE WHEN i % 5 <> 0 THEN i % 3 = 0 END, CASE WHEN i % 5 <> 0 THEN 60 + i END,
            CASE WHEN i % 7 = 0 THEN '["kb-1", "kb-2"]'::jsonb END, CASE WHEN i % 11 = 0 THEN 'u-9' END, CASE WHEN i % 2 = 0 THEN 'p-1' END,
            CASE WHEN i % 3 = 0 THEN 1 + i % 5 END
       FROM generate_series(0, $2::int * 20 - 1) i`,
    [new Date(NOW - 60_000).toISOString(), DAYS],
  );
  await db.query('ANALYZE touchpoint');
}, 120_000);
afterAll(async () => {
  await close?.();
});

it('keeps customer_touchpoint equal to the rows through inserts, ratings, the repeat rule and deletes', async () => {
  await expectMirrored();
  await db.query(`UPDATE touchpoint t SET satisfaction_score = 5, rated_at = now() WHERE customer_id = 'c-1' AND satisfaction_score IS NULL AND served`);
  await db.query(`UPDATE touchpoint SET repeat = true WHERE customer_id = 'c-2' AND need_category = 'FAULT'`);
  await expectMirrored();
  await db.query(`DELETE FROM touchpoint WHERE customer_id = 'c-3' AND channel = 'WEB'`);
  await expectMirrored();
});

it("reads a customer's facts and risk history from one range of customer_touchpoint, not from 40 daily partitions", async () => {
  const since = NOW - 365 * DAY;
  const facts = await planned((sql) => customerFacts(sql, 'c-1', null, since));
  expect(facts.result).toHaveLength(DAYS);
  expect(facts.plans).toEqual([['customer_touchpoint']]);
  const scoped = await planned((sql) => customerFacts(sql, 'c-1', ['u-1'], since));
  expect(scoped.result.map((f) => f.unitId)).toEqual(facts.result.filter((f) => f.unitId === 'u-1').map((f) => f.unitId));
  expect(partitions(scoped.plans.flat())).toEqual([]);
  const risk = await planned((sql) => riskHistories(sql, ['c-1', 'c-2'], since));
  expect(risk.result.get('c-1')?.touchpoints.map((t) => t.id)).toEqual(facts.result.map((f) => f.id));
  expect(partitions(risk.plans.flat())).toEqual([]);
});

it("pages a customer's timeline by the page's days only, newest first, exactly the customer's rows", async () => {
  const direct = (await db.query<{ id: string }>(`SELECT id FROM touchpoint WHERE customer_id = 'c-1' ORDER BY occurred_at DESC, id DESC`)).map((r) => r.id);
  const seen: string[] = [];
  let after: { occurredAt: number; id: string } | null = null;
  for (let page = 0; page < 5; page++) {
    const { result, plans } = await planned((sql) => pageCustomerTouchpoints(sql, 'c-1', null, 8, after));
    if (result.length === 0) break;
    // 8 touchpoints, one a day: 8 partitions at most (it planned all 42 before).
    expect(partitions(plans.flat()).length).toBeLessThanOrEqual(8);
    seen.push(...result.map((t) => t.id));
    const last = result[result.length - 1];
    after = { occurredAt: last.occurredAt.getTime(), id: last.id };
  }
  expect(seen).toEqual(direct);
  const inUnit = await pageCustomerTouchpoints(db, 'c-1', ['u-2'], 500, null);
  expect(inUnit.map((t) => t.id)).toEqual((await db.query<{ id: string }>(`SELECT id FROM touchpoint WHERE customer_id = 'c-1' AND unit_id = 'u-2' ORDER BY occurred_at DESC, id DESC`)).map((r) => r.id));
  expect(await pageCustomerTouchpoints(db, 'c-404', null, 10, null)).toEqual([]);
});

it("pages a heavy customer's timeline from the newest rows of each need, not from all 3,000 of theirs", async () => {
  // 3,000 touchpoints of one customer today, a minute apart, over three needs and four units.
  await db.query(
    `INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, customer_id, channel, kind, stage, need_category, served)
     SELECT gen_random_uuid(), 'u-' || (i % 4), $1::timestamptz - i * interval '1 minute', $1::timestamptz, 'heavy', 'PHONE', 'SERVICE',
            'AFTER_SALE', (ARRAY['FAULT', 'BILLING', 'RENEWAL'])[1 + i % 3], true
       FROM generate_series(1, 3000) i`,
    [new Date(NOW - 30_000).toISOString()],
  );
  const direct = (await db.query<{ id: string }>(`SELECT id FROM touchpoint WHERE customer_id = 'heavy' AND unit_id <> 'u-3' ORDER BY occurred_at DESC, id DESC`)).map((r) => r.id);
  let after: { occurredAt: number; id: string } | null = null;
  for (const page of [0, 1, 2]) {
    const result = await pageCustomerTouchpoints(db, 'heavy', ['u-0', 'u-1', 'u-2'], 20, after);
    expect(result.map((t) => t.id)).toEqual(direct.slice(page * 20, page * 20 + 20));
    const [keys] = await explainStatements(db, (sql) => pageCustomerTouchpoints(sql, 'heavy', ['u-0', 'u-1', 'u-2'], 20, after), { realReads: true });
    // At most a page of each of the ten needs (three here), and the rows of the other unit among them.
    expect(rowsReadFrom(keys.plan, (r) => r === 'customer_touchpoint')).toBeLessThanOrEqual(3 * 20 * 2);
    const last = result[result.length - 1];
    after = { occurredAt: last.occurredAt.getTime(), id: last.id };
  }
  await db.query(`DELETE FROM touchpoint WHERE customer_id = 'heavy'`);
  await expectMirrored();
});

it('re-keys the copy by need and back with its rows (migration 1765220000000), the triggers matching either key', async () => {
  const key = async (): Promise<string> =>
    (await db.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'customer_touchpoint_pkey'`))[0].def;
  const rows = await db.query(MIRROR);
  expect(rows.length).toBeGreaterThan(500);
  expect(await key()).toBe('PRIMARY KEY (customer_id, need_category, occurred_at, id)');
  const names = MIGRATIONS.slice(MIGRATIONS.findIndex((m) => m.name === 'CustomerTouchpointNeedKey1765220000000')).map((m) => m.name);
  for (let i = 0; i < names.length; i++) await db.revertLastMigration();
  expect(await key()).toBe('PRIMARY KEY (customer_id, occurred_at, id)');
  expect(await db.query(MIRROR)).toEqual(rows);
  // The old key's triggers: a rating and a delete reach the copy.
  await db.query(`UPDATE touchpoint SET satisfaction_score = 4, rated_at = now() WHERE customer_id = 'c-5' AND satisfaction_score IS NULL AND served`);
  await db.query(`DELETE FROM touchpoint WHERE customer_id = 'c-6' AND channel = 'PHONE'`);
  await expectMirrored();
  expect(await db.migrate()).toEqual(names);
  expect(await key()).toBe('PRIMARY KEY (customer_id, need_category, occurred_at, id)');
  await db.query(`UPDATE touchpoint SET satisfaction_score = 2, rated_at = now() WHERE customer_id = 'c-7' AND satisfaction_score IS NULL AND served`);
  await db.query(`DELETE FROM touchpoint WHERE customer_id = 'c-8' AND channel = 'WEB'`);
  await expectMirrored();
});

it("drops a dropped day's copies with its partition (retention)", async () => {
  const report = await runRetention(db, NOW, { rawDays: 30, hourRollupDays: null });
  expect(report.droppedTouchpointPartitions.length).toBeGreaterThan(5);
  await expectMirrored();
});

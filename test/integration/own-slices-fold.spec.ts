import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { COUNTER_COLUMNS, countersOfRaw, ensurePartitions, foldOwnSlices, partitionName, rawRowsSql, slicesOfRaw, type Database, type RawRow, type Sql } from '@qihe/data';
import { COUNTER_KEYS, SLICE_DIMENSIONS, zeroCounters, type Counters } from '@qihe/domain';
import { openMigratedTestDatabase } from '../support/test-database';

// Retention's fold counts a dropped day's own-unit slices in SQL (own-slices.ts),
// a second implementation of the counting ingest, the reads and the recount do
// in JavaScript (countersOfRaw, slicesOfRaw). Here the two meet over random rows
// on a real PostgreSQL: every value of every column the counters or the slices
// read, NULLs and the literal UNKNOWN included, ratings, repeats, handoffs,
// knowledge, timeliness at the 15-minute edge, commitments stored and tracked
// (a level-1 node open, MET or BREACHED; a level-2 node that must not count).
// Each fold must write exactly the JavaScript sums, and a second fold of the
// same rows (the upsert's other branch) exactly twice them.

const DAY_ISO = '2026-01-10';
const DAY = Date.parse(`${DAY_ISO}T00:00:00Z`);
const PART = partitionName('touchpoint', DAY_ISO);
const D_US = 86_400_000_000;
const LIMIT_US = 15 * 60 * 1_000_000;

let db: Database;
let close: () => Promise<void>;

// The fold's SQL runs on the embedded PGlite too: embedded.spec.ts's retention run folds a day there (PGlite
// does not load inside jest's VM).
beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 1 }));
  await ensurePartitions(db, [['touchpoint', DAY_ISO]]);
}, 60_000);

afterAll(async () => {
  await close();
});

const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq: 3 });
const name = (...vals: string[]): fc.Arbitrary<string> => fc.constantFrom(...vals, 'UNKNOWN');

const rowArb = fc.record({
  unit_id: fc.constantFrom('u1', 'u2', 'u3'),
  channel: name('PHONE', 'WEB', 'APP', 'EMAIL'),
  kind: name('INQUIRY', 'REQUEST'),
  stage: name('BEFORE', 'DURING', 'AFTER'),
  region: maybe(name('north', 'south')),
  industry: maybe(name('retail')),
  need_category: name('PURCHASE', 'RENEWAL', 'COMPLAINT', 'SUPPORT'),
  agent_id: maybe(name('a1', 'a2')),
  team_id: maybe(name('t1')),
  product_id: maybe(name('p1', 'p2')),
  contract_id: maybe(fc.constant('c1')),
  perception_member: maybe(name('pp1')),
  served: fc.boolean(),
  handle_seconds: maybe(fc.integer({ min: 0, max: 100_000 })),
  repeat: fc.boolean(),
  resolved: maybe(fc.boolean()),
  first_contact: maybe(fc.boolean()),
  knowledge_refs: maybe(fc.constantFrom([], ['k1'], ['k1', 'k2'])),
  knowledge_created: maybe(fc.boolean()),
  handoff_unit_id: maybe(fc.constant('u9')),
  commitment_code: maybe(fc.constant('C1')),
  commitment_met: maybe(fc.boolean()),
  satisfaction_score: maybe(fc.integer({ min: 1, max: 5 })),
  occurred_us: fc.integer({ min: 0, max: D_US - 1 }),
  // Received at, just before, just after the 15-minute edge (to the microsecond), or anywhere in two hours.
  delay_us: fc.oneof(fc.integer({ min: LIMIT_US - 2_000, max: LIMIT_US + 2_000 }), fc.integer({ min: 0, max: 7_200_000_000 })),
  tracked: fc.constantFrom('none', 'open', 'MET', 'BREACHED', 'level2'),
});
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

async function store(tx: Sql, rows: Row[]): Promise<void> {
  const data = rows.map((r) => ({ ...r, id: randomUUID(), occurred_us: DAY * 1000 + r.occurred_us }));
  await tx.query(
    `INSERT INTO touchpoint (id, unit_id, occurred_at, received_at, customer_id, channel, kind, stage, region, industry, need_category,
       agent_id, team_id, product_id, contract_id, perception_member, served, handle_seconds, repeat, resolved, first_contact, knowledge_refs,
       knowledge_created, handoff_unit_id, commitment_code, commitment_met, satisfaction_score)
     SELECT x.id, x.unit_id, 'epoch'::timestamptz + x.occurred_us * interval '1 microsecond', 'epoch'::timestamptz + (x.occurred_us + x.delay_us) * interval '1 microsecond',
       'cust', x.channel, x.kind, x.stage, x.region, x.industry, x.need_category, x.agent_id, x.team_id, x.product_id, x.contract_id,
       x.perception_member, x.served, x.handle_seconds, x.repeat, x.resolved, x.first_contact, x.knowledge_refs, x.knowledge_created,
       x.handoff_unit_id, x.commitment_code, x.commitment_met, x.satisfaction_score
     FROM jsonb_to_recordset($1::jsonb) AS x (id uuid, unit_id text, occurred_us bigint, delay_us bigint, channel text, kind text, stage text, region text,
       industry text, need_category text, agent_id text, team_id text, product_id text, contract_id text, perception_member text, served boolean,
       handle_seconds int, repeat boolean, resolved boolean, first_contact boolean, knowledge_refs jsonb, knowledge_created boolean,
       handoff_unit_id text, commitment_code text, commitment_met boolean, satisfaction_score smallint)`,
    [JSON.stringify(data)],
  );
  const nodes = data
    .filter((r) => r.tracked !== 'none')
    .map((r) => ({ id: randomUUID(), tp: r.id, unit: r.unit_id, level: r.tracked === 'level2' ? 2 : 1, resolved: r.tracked === 'MET' || r.tracked === 'BREACHED' ? r.tracked : r.tracked === 'level2' ? 'MET' : null }));
  await tx.query(
    `INSERT INTO commitment_node (unit_id, id, touchpoint_id, customer_id, code, name, level, owner_unit_id, started_at, warn_at, due_at, resolved)
     SELECT x.unit, x.id, x.tp, 'cust', 'P' || x.level, 'promise', x.level, x.unit, $2, $2, $2, x.resolved
       FROM jsonb_to_recordset($1::jsonb) AS x (id uuid, tp uuid, unit text, level smallint, resolved text)`,
    [JSON.stringify(nodes), new Date(DAY).toISOString()],
  );
}

/** The JavaScript counting's sums of the stored rows, per unit, dimension code and value. */
async function expected(tx: Sql, times: number): Promise<Map<string, Counters>> {
  const out = new Map<string, Counters>();
  for (const r of await tx.query<RawRow>(rawRowsSql(PART))) {
    const c = countersOfRaw(r);
    const vals = slicesOfRaw(r);
    SLICE_DIMENSIONS.forEach((d, i) => {
      const key = `${r.unit_id}|${i + 1}|${vals[d]}`;
      const into = out.get(key) ?? zeroCounters();
      for (const k of COUNTER_KEYS) into[k] += c[k] * times;
      out.set(key, into);
    });
  }
  return out;
}

/** The day's rows in rollup_own_day, base and changes summed, per unit, dimension code and value. */
async function written(tx: Sql): Promise<Map<string, Counters>> {
  const rows = await tx.query<Record<string, string | number>>(
    `SELECT unit_id, dim, val, ${COUNTER_KEYS.map((k) => `sum(${COUNTER_COLUMNS[k]})::float8 AS ${COUNTER_COLUMNS[k]}`).join(', ')}
       FROM rollup_own_day WHERE day = $1 GROUP BY unit_id, dim, val`,
    [new Date(DAY).toISOString()],
  );
  return new Map(
    rows.map((r) => {
      const c = zeroCounters();
      for (const k of COUNTER_KEYS) c[k] = Number(r[COUNTER_COLUMNS[k]]);
      return [`${r.unit_id}|${r.dim}|${r.val}`, c];
    }),
  );
}

class Rollback extends Error {}

it('folds exactly what countersOfRaw and slicesOfRaw count, once and twice, over random rows', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(rowArb, { maxLength: 60 }), async (rows) => {
      await db
        .transaction(async (tx) => {
          await store(tx, rows);
          expect(await foldOwnSlices(tx, PART, DAY)).toBe(rows.length);
          expect(await written(tx)).toEqual(await expected(tx, 1));
          expect(await foldOwnSlices(tx, PART, DAY)).toBe(rows.length);
          expect(await written(tx)).toEqual(await expected(tx, 2));
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
    }),
    { numRuns: 60 },
  );
}, 120_000);

// Changes written to the day before it is settled (a late rating, say, in an earlier transaction): random counter
// vectors on random keys, some of them keys the rows have, some not.
const changeArb = fc.array(
  fc.record({
    unit_id: fc.constantFrom('u1', 'u2', 'u9'),
    dim: fc.integer({ min: 1, max: SLICE_DIMENSIONS.length }),
    val: fc.constantFrom('PHONE', 'WEB', 'UNKNOWN', 'a1', 'north'),
    n: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: COUNTER_KEYS.length, maxLength: COUNTER_KEYS.length }),
  }),
  { maxLength: 12 },
);

it('settles base = rows − the changes already written, so base + changes = the rows, over random rows and changes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(rowArb, { maxLength: 40 }), changeArb, async (rows, changes) => {
      await db
        .transaction(async (tx) => {
          await store(tx, rows);
          const keyed = new Map(changes.map((c) => [`${c.unit_id}|${c.dim}|${c.val}`, c]));
          for (const c of keyed.values()) {
            await tx.query(
              `INSERT INTO rollup_own_day (unit_id, dim, day, val, base, ${COUNTER_KEYS.map((k) => COUNTER_COLUMNS[k]).join(', ')})
               VALUES ($1, $2, $3, $4, false, ${COUNTER_KEYS.map((_, i) => `$${i + 5}`).join(', ')})`,
              [c.unit_id, c.dim, new Date(DAY).toISOString(), c.val, ...c.n],
            );
          }
          expect(await foldOwnSlices(tx, PART, DAY)).toBe(rows.length);
          // Keys with counters but no rows sum to zero: compare the keys that are not all zeros.
          const nonZero = (m: Map<string, Counters>): Map<string, Counters> => new Map([...m].filter(([, c]) => COUNTER_KEYS.some((k) => c[k] !== 0)));
          expect(nonZero(await written(tx))).toEqual(nonZero(await expected(tx, 1)));
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
    }),
    { numRuns: 40 },
  );
}, 120_000);

it('reads the change rows of a day by their own index when settling, not the whole table', async () => {
  await db
    .transaction(async (tx) => {
      // Many base rows of other days, a few changes: as rollup_own_day is once days are settled.
      await tx.query(
        `INSERT INTO rollup_own_day (unit_id, dim, day, val, base, touchpoints)
         SELECT 'u' || (i % 500), 1 + i % 10, $1::timestamptz - (i / 5000) * interval '1 day', 'v' || i, true, 1 FROM generate_series(1, 50000) i`,
        [new Date(DAY).toISOString()],
      );
      await tx.query(`INSERT INTO rollup_own_day (unit_id, dim, day, val, base, touchpoints) VALUES ('u1', 1, $1, 'PHONE', false, 1)`, [new Date(DAY).toISOString()]);
      await tx.query('ANALYZE rollup_own_day');
      const [{ 'QUERY PLAN': plan }] = await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (FORMAT JSON) SELECT * FROM rollup_own_day WHERE day = $1::timestamptz AND NOT base`,
        [new Date(DAY).toISOString()],
      );
      expect(JSON.stringify(plan)).toContain('rollup_own_day_changes_idx');
      expect(JSON.stringify(plan)).not.toContain('Seq Scan');
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
});

import fc from 'fast-check';
import { Client } from 'pg';
import { newId } from '@qihe/contracts';
import { PARENT_CODE, partitionName, storeTouchpoints, type NewTouchpoint } from '@qihe/data';
import { repeatsAmong, REPEAT_CONTACT_WINDOW_MS, type RepeatKey } from '@qihe/domain';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { RECORD, touchpoint, type IngestResult } from '../support/touchpoint-factory';
import { variedRecord } from '../support/varied-records';

// The repeat rule at ingest on a real PostgreSQL (MANAGEMENT-MODEL.md §4): any
// arrival order — one by one, in batches, batches sent at once so they share a
// transaction, across units — stores the same repeat flags and the same
// counters as the rule read over everything that has arrived.

const SITE_GROUP = TEST_ORG.sites.find((s) => s.id === 'site-group')!.key;
const UNITS = ['prj-a1', 'prj-a2', 'prj-b1', 'bu-b', 'group'];
const DAY = 24 * 3_600_000;
const BASE = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 30 * DAY;

let gw: TestGateway;
let pg: Client;
let run = 0;

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await gw.close();
});

async function record(items: unknown[]): Promise<IngestResult> {
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: items }, SITE_GROUP);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.recordTouchpoints;
}

interface Gen {
  customer: number;
  need: 'FAULT' | 'BILLING';
  /** Offsets on a coarse grid around the 7-day edge, so equal times and exactly-7-days apart both happen. */
  at: number;
  unit: number;
}
const genArb = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  need: fc.constantFrom('FAULT' as const, 'BILLING' as const),
  at: fc.oneof(fc.integer({ min: 0, max: 20 }).map((d) => (d * DAY) / 2), fc.constantFrom(0, 7 * DAY, 7 * DAY + 60_000, 14 * DAY)),
  unit: fc.integer({ min: 0, max: UNITS.length - 1 }),
});
const scenarioArb = fc.record({
  items: fc.array(genArb, { minLength: 1, maxLength: 24 }),
  order: fc.array(fc.nat(), { minLength: 24, maxLength: 24 }),
  cuts: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 24, maxLength: 24 }),
  together: fc.boolean(),
});

const RUNS = { numRuns: 30 };

describe('repeat contacts at ingest', () => {
  it('any arrival order gives the same repeat flags and counters as the rule over everything stored', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ items, order, cuts, together }) => {
        const r = ++run; // each run its own customers
        const tps = items.map((g: Gen) => ({
          ...touchpoint({
            id: newId(),
            unitId: UNITS[g.unit],
            customerId: `rc-${r}-${g.customer}`,
            occurredAt: new Date(BASE + g.at).toISOString(),
            need: { category: g.need },
          }),
        }));
        // A permutation from `order`, then cut into batches of `cuts` sizes.
        const perm = tps.map((t, i) => [order[i] ?? 0, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => tps[i]);
        const batches: unknown[][] = [];
        for (let i = 0, c = 0; i < perm.length; c++) {
          batches.push(perm.slice(i, i + cuts[c % cuts.length]));
          i += cuts[c % cuts.length];
        }
        if (together) await Promise.all(batches.map(record));
        else for (const b of batches) await record(b);

        const keys: RepeatKey[] = tps.map((t) => ({
          id: String(t.id),
          customerId: String(t.customerId),
          needCategory: (t.need as { category: string }).category,
          occurredAt: Date.parse(String(t.occurredAt)),
        }));
        const expected = repeatsAmong(keys);
        const { rows } = await pg.query<{ id: string; repeat: boolean }>(`SELECT id::text, repeat FROM touchpoint WHERE customer_id LIKE $1`, [`rc-${r}-%`]);
        expect(rows).toHaveLength(tps.length);
        for (const row of rows) expect([row.id, row.repeat]).toEqual([row.id, expected.has(row.id)]);
      }),
      RUNS,
    );
    // The counters: every rollup row's repeats equal a recount from the stored flags (themselves checked above).
    const { rows: diff } = await pg.query(`
      WITH RECURSIVE anc(unit_id, anc_id) AS (SELECT id, id FROM org_unit UNION ALL
        SELECT a.unit_id, o.parent_id FROM anc a JOIN org_unit o ON o.id = a.anc_id WHERE o.parent_id IS NOT NULL),
      want AS (SELECT a.anc_id AS unit_id, date_trunc('hour', t.occurred_at, 'UTC') AS hour, count(*) FILTER (WHERE t.repeat) AS n
                 FROM touchpoint t JOIN anc a ON a.unit_id = t.unit_id GROUP BY 1, 2)
      SELECT w.unit_id, w.hour, w.n, r.repeats, r.touchpoints FROM want w LEFT JOIN rollup_hour r ON r.unit_id = w.unit_id AND r.hour = w.hour AND r.dim = 0
       WHERE r.repeats IS DISTINCT FROM w.n`);
    expect(diff).toEqual([]);
    // The group's rows, and for AGENT, TEAM, PRODUCT and PERCEPTION_POINT the parents' rows of its whole subtree (PARENT_KEPT).
    const { rows: perSlice } = await pg.query(
      `SELECT dim, sum(repeats)::int AS n FROM rollup_hour WHERE unit_id = 'group' OR dim > ${PARENT_CODE} GROUP BY dim ORDER BY dim`,
    );
    expect(perSlice.map((s) => s.dim)).toEqual([0, 1, 2, 3, 4, 5, 6, 107, 108, 109, 110]);
    const total = (await pg.query(`SELECT count(*)::int AS n FROM touchpoint WHERE repeat`)).rows[0].n;
    expect(total).toBeGreaterThan(0);
    // Slice rows hold the group's descendants' touchpoints, not its own (own-slices.ts): every dimension partitions the same repeats.
    const below = (await pg.query(`SELECT count(*)::int AS n FROM touchpoint WHERE repeat AND unit_id <> 'group'`)).rows[0].n;
    expect(below).toBeGreaterThan(0);
    for (const s of perSlice) expect(s.n).toBe(s.dim === 0 ? total : below);
  });

  it('a new touchpoint is stored with its repeat flag: no second row version for it (the rule settles before the insert)', async () => {
    const at = BASE + 5 * DAY;
    const tp = (customerId: string, ms: number, unitId = 'prj-a1'): ReturnType<typeof touchpoint> =>
      touchpoint({ id: newId(), unitId, customerId, occurredAt: new Date(ms).toISOString(), need: { category: 'FAULT' } });
    expect(await record([tp('rc-once-a', at)])).toMatchObject({ accepted: 1 });
    // A repeat of a stored one, a repeat of one in the same batch, its predecessor, and a first contact.
    const batch = [tp('rc-once-a', at + DAY, 'prj-b1'), tp('rc-once-b', at + 2 * DAY), tp('rc-once-b', at), tp('rc-once-c', at)];
    expect(await record(batch)).toMatchObject({ accepted: 4 });
    const { rows } = await pg.query<{ id: string; repeat: boolean; cmin: string }>(
      `SELECT id::text, repeat, cmin::text FROM touchpoint WHERE id = ANY($1::uuid[])`,
      [batch.map((t) => t.id)],
    );
    expect(new Map(rows.map((r) => [r.id, r.repeat]))).toEqual(new Map(batch.map((t, i) => [String(t.id), i < 2])));
    // One command of the transaction wrote every row: an UPDATE of the repeats would have made their versions later ones.
    expect(new Set(rows.map((r) => r.cmin)).size).toBe(1);
  });

  it('a late earlier touchpoint in another unit turns a stored one into a repeat, once, in the bucket it occurred in', async () => {
    const at = BASE + 3 * DAY;
    const later = touchpoint({ id: newId(), unitId: 'prj-b1', customerId: 'rc-late', occurredAt: new Date(at).toISOString() });
    const earlier = touchpoint({ id: newId(), unitId: 'prj-a1', customerId: 'rc-late', occurredAt: new Date(at - REPEAT_CONTACT_WINDOW_MS).toISOString() });
    const hourOf = async (unit: string): Promise<number> =>
      Number((await pg.query(`SELECT repeats FROM rollup_hour WHERE unit_id = $1 AND dim = 0 AND hour = $2`, [unit, new Date(at).toISOString()])).rows[0]?.repeats ?? 0);
    const before = await hourOf('prj-b1');
    expect(await record([later])).toMatchObject({ accepted: 1 });
    expect(await hourOf('prj-b1')).toBe(before);
    expect(await record([earlier])).toMatchObject({ accepted: 1 });
    expect(await hourOf('prj-b1')).toBe(before + 1);
    // Another earlier one (and the first again) move nothing more: it is already a repeat.
    const earliest = touchpoint({ id: newId(), unitId: 'prj-a2', customerId: 'rc-late', occurredAt: new Date(at - DAY).toISOString() });
    expect(await record([earliest, earlier])).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await hourOf('prj-b1')).toBe(before + 1);
  });
  it('a stored touchpoint turned into a repeat keeps its row on its page (room left by the fillfactor; no index names `repeat`): a HOT update', async () => {
    const at = BASE + 12 * DAY;
    const tp = (customerId: string, ms: number): ReturnType<typeof touchpoint> =>
      touchpoint({ id: newId(), unitId: 'prj-a1', customerId, occurredAt: new Date(ms).toISOString(), need: { category: 'BILLING', description: 'a bill twice as high as last month' } });
    const later = tp('rc-page', at + 3_600_000);
    expect(await record([later])).toMatchObject({ accepted: 1 });
    // Others of the same day fill the page the stored one is on, and the pages after it.
    expect(await record(Array.from({ length: 150 }, (_, i) => tp(`rc-page-other-${i}`, at + 3_600_000 + i * 1000)))).toMatchObject({ accepted: 150 });
    const place = async (): Promise<{ block: string; repeat: boolean }> =>
      (await pg.query(`SELECT (ctid::text::point)[0]::text AS block, repeat FROM touchpoint WHERE id = $1`, [later.id])).rows[0];
    const before = await place();
    expect(before.repeat).toBe(false);
    expect(await record([tp('rc-page', at)])).toMatchObject({ accepted: 1 });
    // The mark's new version on the same page: without room it went to another page, with an entry in each of the 8 indexes.
    expect(await place()).toEqual({ block: before.block, repeat: true });
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attname = 'repeat'
        WHERE i.indrelid = 'touchpoint'::regclass AND (a.attnum = ANY(i.indkey) OR coalesce(pg_get_expr(i.indpred, i.indrelid), '') ~ 'repeat')`,
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('settles the rule in two round trips; of the stored neighbours only the one turned now comes back (most find none)', async () => {
    const at = BASE + 14 * DAY;
    const stored = touchpoint({ id: newId(), unitId: 'prj-a1', customerId: 'rc-probe', occurredAt: new Date(at).toISOString(), need: { category: 'FAULT' } });
    // The stored one, and others' touchpoints the day before and after (their days' partitions).
    const days = [at - DAY, at + DAY].map((ms) => touchpoint({ id: newId(), unitId: 'prj-a1', customerId: 'rc-probe-day', occurredAt: new Date(ms).toISOString() }));
    expect(await record([stored, ...days])).toMatchObject({ accepted: 3 });
    const tp = (customerId: string, ms: number): NewTouchpoint => ({
      record: { ...variedRecord(0, ms, ['prj-a1']), id: newId(), customerId, needCategory: 'FAULT' },
      contentHash: 'h',
    });
    const fresh = [...Array.from({ length: 40 }, (_, i) => tp(`rc-probe-new-${i}`, at)), tp('rc-probe', at + DAY), tp('rc-probe', at - DAY)];
    const statements: { text: string; rows: number }[] = [];
    const sql = {
      query: async <T,>(text: string, params?: unknown[]): Promise<T[]> => {
        const rows = (await pg.query(text, params)).rows as T[];
        // The claim answers one row, its ids comma-separated; the insert one summary row (n stored), then its
        // neighbours: counted as the touchpoints they name.
        const named = (r: { ids?: unknown; id?: unknown; n?: unknown }): number =>
          typeof r.ids === 'string' ? r.ids.split(',').length : r.id === null && typeof r.n === 'number' ? r.n : 1;
        statements.push({ text, rows: (rows as { ids?: unknown; id?: unknown; n?: unknown }[]).reduce((k, r) => k + named(r), 0) });
        return rows;
      },
    };
    await pg.query('BEGIN');
    try {
      const { received, repeats, turned } = await storeTouchpoints(sql, fresh, 'site');
      expect(received.size).toBe(42);
      expect([...repeats]).toEqual([fresh[40].record.id]);
      expect(turned.map((t) => t.id)).toEqual([stored.id]);
    } finally {
      await pg.query('ROLLBACK');
    }
    // Claim and lock; insert with the probe (42 rows stored, 1 neighbour: the one the earliest new one turns); the mark.
    expect(statements.map((st) => [st.text.slice(0, 40).trim().split(/\s+/)[0], st.rows])).toEqual([
      ['WITH', 42],
      ['WITH', 43],
      ['UPDATE', 1],
    ]);
  });

  it("the probe reads the customer's own rows, not the older days of touchpoint: a repeat is settled while that day's partition is locked", async () => {
    const at = BASE + 10 * DAY;
    const first = touchpoint({ id: newId(), unitId: 'prj-a1', customerId: 'rc-cold', occurredAt: new Date(at).toISOString(), need: { category: 'FAULT' } });
    expect(await record([first])).toMatchObject({ accepted: 1 });
    // Another session holds the first one's day exclusively, as if it were far out of cache: a probe
    // of `touchpoint` over the 7-day window plans (and waits for) every daily partition of it.
    const locker = new Client({ connectionString: gw.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${partitionName('touchpoint', new Date(at).toISOString().slice(0, 10))} IN ACCESS EXCLUSIVE MODE`);
      const next = touchpoint({ id: newId(), unitId: 'prj-b1', customerId: 'rc-cold', occurredAt: new Date(at + 2 * DAY).toISOString(), need: { category: 'FAULT' } });
      let timer: NodeJS.Timeout | undefined;
      const blocked = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('ingest waited for an older day of touchpoint')), 15_000);
      });
      try {
        expect(await Promise.race([record([next]), blocked])).toMatchObject({ accepted: 1 });
      } finally {
        clearTimeout(timer);
      }
      await locker.query('ROLLBACK');
      const { rows } = await pg.query(`SELECT repeat FROM touchpoint WHERE id = $1`, [next.id]);
      expect(rows).toEqual([{ repeat: true }]);
    } finally {
      await locker.end();
    }
  }, 60_000);
});

import { OrgTree, sliceValuesOf, WindowError, type OrgUnitRecord, type SliceDimension, type TouchpointRecord } from '@qihe/domain';
import { Database, dimCode, ensurePartitions, insertNewTouchpoints, partitionsOf, rebuildRollups, runRetention, sumBySlice, upsertUnits, PARENT_CODE } from '@qihe/data';
import { openMigratedTestDatabase } from '../support/test-database';
import { variedRecord } from '../support/varied-records';

// AGENT, TEAM, PRODUCT and PERCEPTION_POINT rows are written at the
// touchpoint's parent only, under code + PARENT_CODE, and a breakdown sums
// them over the subtree (rollup-deltas.ts, PARENT_KEPT). Pinned here on a
// four-level tree, against a recount of the records: every unit's breakdown
// is exact, rows written before (every ancestor, plain code) add up with
// them, and folded days still refuse a window edge inside them.

const UNITS: OrgUnitRecord[] = [
  { id: 'g', name: 'G', level: 'GROUP', parentId: null, region: null, industry: null },
  { id: 'd1', name: 'D1', level: 'BUSINESS_UNIT', parentId: 'g', region: 'East', industry: 'Energy' },
  { id: 'b1', name: 'B1', level: 'BUSINESS_UNIT', parentId: 'd1', region: 'East', industry: 'Energy' },
  { id: 'b2', name: 'B2', level: 'BUSINESS_UNIT', parentId: 'g', region: 'West', industry: 'Telecom' },
  { id: 'p1', name: 'P1', level: 'PROJECT', parentId: 'b1', region: 'East', industry: 'Energy' },
  { id: 'p2', name: 'P2', level: 'PROJECT', parentId: 'b1', region: 'North', industry: 'Energy' },
  { id: 'p3', name: 'P3', level: 'PROJECT', parentId: 'b2', region: 'West', industry: 'Telecom' },
];
const TREE = new OrgTree(UNITS);
const H = 3_600_000;
const D = 24 * H;
const TODAY = Math.floor(Date.now() / D) * D;
const FROM = TODAY - 3 * D;
const TO = TODAY + D;
const DIMS: SliceDimension[] = ['AGENT', 'TEAM', 'PRODUCT', 'CHANNEL'];

let db: Database;
let close: () => Promise<void>;
const records: TouchpointRecord[] = [];

/** What a breakdown must say: touchpoints, served and handle seconds per value, over the unit's subtree. */
function recount(unitId: string, dim: SliceDimension, from = FROM, to = TO): Record<string, string> {
  const out: Record<string, [number, number, number]> = {};
  for (const r of records) {
    const at = r.occurredAt.getTime();
    if (!TREE.lineage(r.unitId).includes(unitId) || at < from || at >= to) continue;
    const v = sliceValuesOf({ ...r, perceptionMember: null })[dim];
    const c = (out[v] ??= [0, 0, 0]);
    c[0]++;
    if (r.service) {
      c[1]++;
      c[2] += r.service.handleSeconds;
    }
  }
  return Object.fromEntries(Object.entries(out).map(([v, c]) => [v, c.join('/')]));
}

async function breakdown(unitId: string, dim: SliceDimension, from = FROM, to = TO): Promise<Record<string, string>> {
  const sums = await sumBySlice(db, unitId, dim, from, to);
  return Object.fromEntries([...sums].map(([v, c]) => [v, `${c.touchpoints}/${c.served}/${c.handleSeconds}`]));
}

async function everyBreakdown(): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const u of UNITS) for (const dim of DIMS) out[`${u.id} ${dim}`] = await breakdown(u.id, dim);
  return out;
}

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ poolSize: 4 }));
  await upsertUnits(db, UNITS);
  for (let i = 0; i < 400; i++) {
    const r = variedRecord(i, FROM + ((i * 7919) % (3 * 24)) * H + i * 1000, ['p1', 'p2', 'p3', 'b1', 'd1', 'b2', 'g']);
    // Agents and teams that work in more than one unit, and products across the tree.
    records.push({ ...r, agentId: i % 10 === 0 ? null : `agent-${i % 13}`, teamId: `team-${i % 4}`, productId: i % 3 === 0 ? null : `prod-${i % 5}` });
  }
  for (let i = 0; i < records.length; i += 100) {
    const some = records.slice(i, i + 100);
    await ensurePartitions(db, partitionsOf(some));
    await insertNewTouchpoints(db, some.map((record) => ({ record, contentHash: 'h' })), 'site');
  }
  await db.transaction((tx) => rebuildRollups(tx, (id) => TREE.lineage(id), {}));
}, 60_000);

afterAll(async () => {
  await close?.();
});

it('writes the four dimensions at the touchpoints’ parents only, under their parent codes', async () => {
  const rows = await db.query<{ unit_id: string; dim: number }>(`SELECT DISTINCT unit_id, dim FROM rollup_hour WHERE dim > 0 ORDER BY dim, unit_id`);
  const at = (dim: number): string[] => rows.filter((r) => r.dim === dim).map((r) => r.unit_id);
  expect(at(dimCode('AGENT'))).toEqual([]);
  // Units with children: the parents of p1/p2 (b1), p3 (b2), b1 (d1), and of d1, b2 (g).
  expect(at(dimCode('AGENT') + PARENT_CODE)).toEqual(['b1', 'b2', 'd1', 'g']);
  expect(at(dimCode('CHANNEL'))).toEqual(['b1', 'b2', 'd1', 'g']);
});

it('gives every unit’s breakdown of its whole subtree exactly', async () => {
  for (const u of UNITS) for (const dim of DIMS) expect({ at: `${u.id} ${dim}`, rows: await breakdown(u.id, dim) }).toEqual({ at: `${u.id} ${dim}`, rows: recount(u.id, dim) });
});

it('folds old hours into day rows and refuses a window edge inside a folded day, at every unit of the subtree', async () => {
  const before = await everyBreakdown();
  const report = await runRetention(db, TODAY + 2 * H, { rawDays: null, hourRollupDays: 1 });
  expect(report.foldedHourRows).toBeGreaterThan(0);
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_day_slice WHERE dim > ${PARENT_CODE}`);
  expect(n).toBeGreaterThan(0);
  expect(await everyBreakdown()).toEqual(before);
  // No unit holds TEAM rows under the plain code: the folded parent rows of g's and b1's subtrees refuse the edge.
  expect(await db.query(`SELECT 1 FROM rollup_day_slice WHERE dim = $1`, [dimCode('TEAM')])).toEqual([]);
  await expect(sumBySlice(db, 'g', 'TEAM', FROM + 5 * H, TO)).rejects.toBeInstanceOf(WindowError);
  await expect(sumBySlice(db, 'b1', 'AGENT', FROM, FROM + 5 * H)).rejects.toBeInstanceOf(WindowError);
  // An edge inside a day still kept by the hour is answered, exactly.
  expect(await breakdown('g', 'TEAM', TODAY - D + 5 * H, TO)).toEqual(recount('g', 'TEAM', TODAY - D + 5 * H, TO));
});


it('adds rows written at every ancestor before (the plain code) to the parents’ rows, each counted once', async () => {
  const before = await everyBreakdown();
  const cols = (await db.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'rollup_hour' AND column_name NOT IN ('unit_id', 'hour', 'dim', 'val') ORDER BY ordinal_position`)).map((r) => r.c);
  // Hours of the day still kept by the hour back as a gateway before this change wrote them: each parent row's
  // counters at the parent and every ancestor above it, under the plain code; the other hours stay parent rows.
  const mid = new Date(TODAY - D + 12 * H).toISOString();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO rollup_hour AS t (unit_id, hour, dim, val, ${cols.join(', ')})
       SELECT s.ancestor_id, r.hour, r.dim - ${PARENT_CODE}, r.val, ${cols.map((c) => `sum(r.${c})`).join(', ')}
         FROM rollup_hour r JOIN org_unit_subtree s ON s.unit_id = r.unit_id
        WHERE r.dim > ${PARENT_CODE} AND r.hour < $1 GROUP BY 1, 2, 3, 4
       ON CONFLICT (unit_id, dim, hour, val) DO UPDATE SET ${cols.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`,
      [mid],
    );
    await tx.query(`DELETE FROM rollup_hour WHERE dim > ${PARENT_CODE} AND hour < $1`, [mid]);
  });
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rollup_hour WHERE dim = $1 AND unit_id = 'g'`, [dimCode('AGENT')]);
  expect(n).toBeGreaterThan(0);
  expect(await everyBreakdown()).toEqual(before);
});

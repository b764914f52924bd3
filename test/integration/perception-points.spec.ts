import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { newId } from '@qihe/contracts';
import { NEED_CATEGORIES, parseSeed } from '@qihe/domain';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { RECORD, touchpoint, type IngestResult } from '../support/touchpoint-factory';
import { graphql } from '../__generated__/gateway';
import { LOGIN } from '../support/documents';
import { createRng } from '../e2e/support/prng';

const POINTS = graphql(`
  query PerceptionPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code name nameZh needCategories target } touchpoints rated csat lowRatings impact shortBoard }
  }
`);
const BY_POINT = graphql(`
  query TouchpointsOfPoint($unitId: ID!, $from: DateTime!, $to: DateTime!, $filter: TouchpointFilter) {
    touchpoints(unitId: $unitId, from: $from, to: $to, first: 1, filter: $filter) { totalCount }
  }
`);
const BREAKDOWN_PP = graphql(`
  query PerceptionBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: PERCEPTION_POINT) { value score { touchpoints } }
  }
`);

// Perception points (MANAGEMENT-MODEL.md §5) at ingest: a named code must be in
// the catalogue (else INVALID naming the field, per item); a touchpoint belongs
// to the point it names, else to the first catalogue point for its need, else none.

const CATALOGUE = [
  { code: 'PP_REPAIR_SPEED', name: 'Repair speed', nameZh: '故障修复速度', needCategories: ['FAULT'], target: 0.8 },
  { code: 'PP_WAIT', name: 'Short waiting time', nameZh: '等待时间短', needCategories: ['FAULT', 'BILLING'], target: 0.9 },
  { code: 'PP_BILL', name: 'Bill is clear', needCategories: ['BILLING'], target: 0.75 },
];

let gw: TestGateway;
let pg: Client;
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, perceptionPoints: CATALOGUE });
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await gw.close();
});

async function record(items: unknown[]): Promise<IngestResult> {
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: items }, SITE_A);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.recordTouchpoints;
}

describe('perceptionPoint on touchpoints', () => {
  it('refuses an unknown code per item, naming the field, and keeps the rest of the batch', async () => {
    const ok = touchpoint({ id: newId(), perceptionPoint: 'PP_WAIT' });
    const bad = touchpoint({ id: newId(), perceptionPoint: 'PP_NOPE' });
    const res = await record([ok, bad]);
    expect(res.accepted).toBe(1);
    expect(res.rejected).toEqual([{ index: 1, id: bad.id, code: 'INVALID', message: 'perceptionPoint: no perception point "PP_NOPE" in the catalogue' }]);
  });

  it.each([
    ['the point it names', { perceptionPoint: 'PP_WAIT', need: { category: 'FAULT' } }, 'PP_WAIT', 'PP_WAIT'],
    ['the first point for its need, in catalogue order', { need: { category: 'FAULT' } }, null, 'PP_REPAIR_SPEED'],
    ['the first point for its need (another need)', { need: { category: 'BILLING' } }, null, 'PP_WAIT'],
    ['none when no point holds its need', { need: { category: 'RENEWAL' } }, null, null],
    ['a named point even outside its needs', { perceptionPoint: 'PP_BILL', need: { category: 'RENEWAL' } }, 'PP_BILL', 'PP_BILL'],
  ])('belongs to %s', async (_what, fields, named, member) => {
    const tp = touchpoint({ id: newId(), ...fields });
    expect(await record([tp])).toMatchObject({ accepted: 1 });
    const { rows } = await pg.query(`SELECT perception_point, perception_member FROM touchpoint WHERE id = $1`, [tp.id]);
    expect(rows[0]).toEqual({ perception_point: named, perception_member: member });
  });

  it('is part of a touchpoint\u2019s content: the same id with another point is a CONFLICT, the same again a duplicate', async () => {
    const tp = touchpoint({ id: newId(), perceptionPoint: 'PP_WAIT' });
    expect(await record([tp])).toMatchObject({ accepted: 1 });
    expect(await record([tp])).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await record([{ ...tp, perceptionPoint: 'PP_BILL' }])).rejected[0].code).toBe('CONFLICT');
  });
});

describe('perceptionPoints and short boards', () => {
  it('score every point as a recount of its members in the subtree, short boards within the top third by impact', async () => {
    // prj-b1 alone (site-group records there): 120 touchpoints, some naming a point, the rest placed by their need.
    const key = TEST_ORG.sites.find((x) => x.id === 'site-group')!.key;
    const rng = createRng(77);
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const sent: { named: string | null; need: string; score: number | null; unitId: string }[] = [];
    const items = Array.from({ length: 120 }, () => {
      const named = rng.chance(0.3) ? rng.pick(['PP_REPAIR_SPEED', 'PP_WAIT', 'PP_BILL']) : null;
      const need = rng.pick(['FAULT', 'BILLING', 'RENEWAL']);
      const score = rng.chance(0.7) ? rng.int(1, 5) : null;
      const unitId = rng.pick(['prj-b1', 'prj-b2']);
      sent.push({ named, need, score, unitId });
      return touchpoint({ id: newId(), unitId, customerId: `pp-${rng.int(1, 40)}`, occurredAt: new Date(hour - rng.int(1, 20) * 3_600_000).toISOString(), need: { category: need }, perceptionPoint: named, satisfaction: score === null ? null : { score } });
    });
    const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: items }, key);
    expect(res.data!.recordTouchpoints.accepted).toBe(120);
    const exec = (await gw.gql(LOGIN, { u: 'exec', p: 'exec-password' })).data!.login.token;
    const window = { unitId: 'bu-b', from: new Date(hour - 24 * 3_600_000).toISOString(), to: new Date(hour + 3_600_000).toISOString() };
    const got = (await gw.gql(POINTS, window, exec)).data!.perceptionPoints;

    // The reference, by §5's words.
    const firstFor = (need: string): string | null => CATALOGUE.find((p) => p.needCategories.includes(need))?.code ?? null;
    const member = (t: (typeof sent)[number]): string | null => t.named ?? firstFor(t.need);
    const want = CATALOGUE.map((p) => {
      const mine = sent.filter((t) => member(t) === p.code);
      const rated = mine.filter((t) => t.score !== null);
      const csat = rated.length ? rated.reduce((s, t) => s + (t.score as number) - 1, 0) / (4 * rated.length) : null;
      return { code: p.code, touchpoints: mine.length, rated: rated.length, csat, lowRatings: rated.filter((t) => (t.score as number) <= 2).length, impact: csat === null ? 0 : Math.max(0, p.target - csat) * rated.length };
    });
    const withTouchpoints = want.filter((w) => w.touchpoints > 0);
    const cut = Math.ceil(withTouchpoints.length / 3);
    const shortBoards = want.filter((w) => w.impact > 0 && 1 + withTouchpoints.filter((o) => o.impact > w.impact).length <= cut).map((w) => w.code);

    expect(got.map((g) => g.point.code).sort()).toEqual(CATALOGUE.map((p) => p.code).sort());
    expect(got.map((g) => g.impact)).toEqual([...got.map((g) => g.impact)].sort((a, b) => b - a)); // largest impact first
    for (const g of got) {
      const w = want.find((x) => x.code === g.point.code)!;
      expect([g.point.code, g.touchpoints, g.rated, g.lowRatings]).toEqual([w.code, w.touchpoints, w.rated, w.lowRatings]);
      if (w.csat === null) expect(g.csat).toBeNull();
      else expect(Math.abs((g.csat as number) - w.csat)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(g.impact - w.impact)).toBeLessThanOrEqual(1e-9);
      expect([g.point.code, g.shortBoard]).toEqual([w.code, shortBoards.includes(w.code)]);
    }
    expect(got.find((g) => g.point.code === 'PP_REPAIR_SPEED')!.point).toMatchObject({ name: 'Repair speed', nameZh: '故障修复速度', needCategories: ['FAULT'], target: 0.8 });

    // The PERCEPTION_POINT slice counts the same members, and UNKNOWN those of no point.
    const slices = (await gw.gql(BREAKDOWN_PP, window, exec)).data!.engagementBreakdown;
    const bySlice = new Map(slices.map((x) => [x.value, x.score.touchpoints]));
    for (const w of want) expect([w.code, bySlice.get(w.code) ?? 0]).toEqual([w.code, w.touchpoints]);
    expect(bySlice.get('UNKNOWN') ?? 0).toBe(sent.filter((t) => member(t) === null).length);
    // Each short board clicks through to exactly its touchpoints (the drill-down's perceptionPoint filter).
    for (const w of want) {
      const page = await gw.gql(BY_POINT, { ...window, filter: { perceptionPoint: w.code } }, exec);
      expect([w.code, page.data!.touchpoints.totalCount]).toEqual([w.code, w.touchpoints]);
    }
  });
});

describe('the demo organisation', () => {
  it('ships a valid catalogue covering every need category, named in English and Chinese, and targets', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../infra/seed/demo-org.json'), 'utf8'));
    const seed = parseSeed(raw);
    expect(seed.perceptionPoints.length).toBeGreaterThanOrEqual(30);
    const covered = new Set(seed.perceptionPoints.flatMap((p) => p.needCategories));
    expect(NEED_CATEGORIES.filter((n) => !covered.has(n))).toEqual([]);
    for (const p of seed.perceptionPoints) expect(p.nameZh).toMatch(/[\u4e00-\u9fff]/);
    expect(seed.targets.length).toBeGreaterThan(0);
  });
});

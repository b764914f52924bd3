import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNELS, LIFECYCLE_STAGES, NEED_CATEGORIES, ROLES, TOUCHPOINT_KINDS, parseSeed, type OrgUnitRecord } from '@qihe/domain';
import type { TouchpointInput } from '@qihe/client';
import { idTime } from '@qihe/contracts';
import { TouchpointGenerator, type GeneratedTouchpoint } from './generator';
import { routeUnitsToSites } from './traffic';

const demo = parseSeed(JSON.parse(readFileSync(join(__dirname, '../../../infra/seed/demo-org.json'), 'utf8')));
const NOW = Date.parse('2026-11-23T08:00:00Z');
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const UNIT_IDS = new Set(demo.units.map((u) => u.id));
const oneOf = (xs: readonly string[], v: string): boolean => xs.includes(v);

/** The per-item rules of the contract and of a realistic flow, as readable problems. */
function contractProblems(t: TouchpointInput): string[] {
  const p: string[] = [];
  const check = (ok: boolean, what: string): void => void (ok || p.push(what));
  check(UNIT_IDS.has(t.unitId), `unknown unitId ${t.unitId}`);
  check(t.customerId.length > 0, 'empty customerId');
  check(oneOf(CHANNELS, t.channel), `channel ${t.channel}`);
  check(oneOf(TOUCHPOINT_KINDS, t.kind), `kind ${t.kind}`);
  check(oneOf(LIFECYCLE_STAGES, t.stage), `stage ${t.stage}`);
  check(oneOf(NEED_CATEGORIES, t.need.category), `need.category ${t.need.category}`);
  check((t.need.description ?? '').length <= 2000, 'need.description too long');
  const occurred = Date.parse(t.occurredAt);
  check(t.occurredAt === new Date(occurred).toISOString(), `occurredAt ${t.occurredAt} is not ISO-8601 UTC`);
  check(UUID_V7.test(t.id) && idTime(t.id) === occurred, 'id is not a v7 UUID made when the touchpoint occurred');
  check(occurred <= NOW + 19_000, 'occurredAt after the clock it was made at'); // the sample spans 19 ticks of 1 s
  check(occurred > NOW - 3 * 3600_000, 'occurredAt more than 3 h back');
  for (const k of ['region', 'industry', 'contractId', 'productId', 'teamId', 'agentId'] as const) {
    check(t[k] === undefined || (typeof t[k] === 'string' && t[k] !== ''), `${k} is empty`);
  }
  const s = t.service;
  if (s) {
    check(s.action.length > 0 && s.action.length <= 500, 'service.action length');
    check(Number.isInteger(s.handleSeconds) && s.handleSeconds >= 0 && s.handleSeconds <= 86_400, `handleSeconds ${s.handleSeconds}`);
    if (s.handoffUnitId) check(UNIT_IDS.has(s.handoffUnitId) && s.handoffUnitId !== t.unitId, `handoffUnitId ${s.handoffUnitId}`);
    if (s.servedAt) check(Date.parse(s.servedAt) >= occurred, 'servedAt before occurredAt');
    if (s.knowledgeRefs) check(s.knowledgeRefs.length > 0 && new Set(s.knowledgeRefs).size === s.knowledgeRefs.length, 'knowledgeRefs');
  }
  if (t.satisfaction) {
    check([1, 2, 3, 4, 5].includes(t.satisfaction.score), `score ${t.satisfaction.score}`);
    check((t.satisfaction.comment ?? '').length <= 2000, 'comment too long');
  }
  return p;
}

describe('the shipped demo org', () => {
  it('is a valid bootstrap file: one group, four business units, three projects each', () => {
    const byLevel = (level: OrgUnitRecord['level']): OrgUnitRecord[] => demo.units.filter((u) => u.level === level);
    expect(byLevel('GROUP').map((u) => [u.id, u.name])).toEqual([['group', 'Qihe Demo Group']]);
    expect(byLevel('BUSINESS_UNIT').map((u) => u.id).sort()).toEqual(['bu-grid', 'bu-rail', 'bu-telecom', 'bu-water']);
    for (const bu of byLevel('BUSINESS_UNIT')) {
      expect(bu.region && bu.industry).toBeTruthy();
      expect(byLevel('PROJECT').filter((p) => p.parentId === bu.id)).toHaveLength(3);
    }
    for (const p of byLevel('PROJECT')) expect(p.region && p.industry).toBeTruthy();
  });

  it('has a user of every role and a site for the group and each business unit', () => {
    expect(new Set(demo.users.map((u) => u.role))).toEqual(new Set(ROLES));
    for (const name of ['admin', 'exec', 'head.grid', 'head.rail', 'agent.grid', 'agent.uhv']) {
      expect(demo.users.map((u) => u.username)).toContain(name);
    }
    const siteUnits = demo.sites.map((s) => s.unitId);
    for (const id of ['group', 'bu-grid', 'bu-rail', 'bu-water', 'bu-telecom']) expect(siteUnits).toContain(id);
  });

  it('routes every unit through its nearest site', () => {
    const routes = routeUnitsToSites(demo.units, demo.sites);
    expect(routes.get('site-group')).toEqual(['group']);
    expect(routes.get('site-grid')).toEqual(['bu-grid']);
    expect(routes.get('site-grid-uhv01')).toEqual(['prj-grid-uhv01']);
    expect([...routes.values()].flat().sort()).toEqual(demo.units.map((u) => u.id).sort());

    const gridOnly = routeUnitsToSites(demo.units, demo.sites.filter((s) => s.id === 'site-grid'));
    expect([...gridOnly.keys()]).toEqual(['site-grid']);
    expect(gridOnly.get('site-grid')).toEqual(['bu-grid', 'prj-grid-metering', 'prj-grid-substation', 'prj-grid-uhv01']);
  });
});

describe('TouchpointGenerator', () => {
  const make = (seed: number | string): TouchpointGenerator => new TouchpointGenerator({ seed, units: demo.units, lateRatingRatio: 0.3 });

  it('is reproducible: the same seed and clock give the same touchpoints', () => {
    const a = make(42).batch(300, NOW);
    const b = make(42).batch(300, NOW);
    expect(b).toEqual(a);
    expect(make(43).batch(300, NOW)).not.toEqual(a);
  });

  it('keeps unit tendencies independent of the run seed', () => {
    expect(make(1).profile('prj-rail-hsr')).toEqual(make(2).profile('prj-rail-hsr'));
    expect(make(1).profile('prj-rail-hsr')).not.toEqual(make(1).profile('prj-water-plant'));
  });

  it('only generates for the units it is given', () => {
    const gen = make(7);
    const units = ['prj-tel-5g', 'prj-tel-fiber'];
    const items = gen.batch(200, NOW, units);
    expect(new Set(items.map((t) => t.input.unitId))).toEqual(new Set(units));
  });

  describe('a large sample', () => {
    const items: GeneratedTouchpoint[] = [];
    beforeAll(() => {
      const gen = make('contract');
      // Several clock ticks, as a run would produce.
      for (let tick = 0; tick < 20; tick++) items.push(...gen.batch(300, NOW + tick * 1000));
    });
    const inputs = () => items.map((t) => t.input);

    it('keeps to the contract rules', () => {
      const problems = inputs().flatMap((t, i) => contractProblems(t).map((p) => `item ${i} (${t.id}): ${p}`));
      expect(problems).toEqual([]);
      expect(new Set(inputs().map((t) => t.id)).size).toBe(items.length);
    });

    it('rates later only served touchpoints not rated at once', () => {
      for (const t of items.filter((x) => x.lateRating)) {
        expect(t.input.service).toBeDefined();
        expect(t.input.satisfaction).toBeUndefined();
        expect([1, 2, 3, 4, 5]).toContain(t.lateRating?.satisfaction.score);
        expect(t.lateRating?.delayMs).toBeGreaterThanOrEqual(2000);
      }
    });

    it('has a plausible mix of short flows', () => {
      const n = items.length;
      const share = (pred: (t: GeneratedTouchpoint) => boolean): number => items.filter(pred).length / n;
      const served = share((t) => !!t.input.service);
      expect(served).toBeGreaterThan(0.6);
      expect(served).toBeLessThan(0.8);
      const lagging = share((t) => Date.parse(t.input.occurredAt) < NOW - 15 * 60_000);
      expect(lagging).toBeGreaterThan(0.003);
      expect(lagging).toBeLessThan(0.08);
      for (const pred of [
        (t: GeneratedTouchpoint) => !!t.input.service?.commitment,
        (t: GeneratedTouchpoint) => !!t.input.service?.handoffUnitId,
        (t: GeneratedTouchpoint) => !!t.input.service?.knowledgeRefs,
        (t: GeneratedTouchpoint) => !!t.input.service?.knowledgeCreated,
        (t: GeneratedTouchpoint) => !!t.input.satisfaction,
        (t: GeneratedTouchpoint) => !!t.lateRating,
        (t: GeneratedTouchpoint) => t.input.region === undefined,
        (t: GeneratedTouchpoint) => t.input.kind === 'COLLABORATION',
      ]) {
        expect(share(pred)).toBeGreaterThan(0.005);
      }
      // Every value of every enum shows up somewhere.
      expect(new Set(inputs().map((t) => t.channel))).toEqual(new Set(CHANNELS));
      expect(new Set(inputs().map((t) => t.need.category))).toEqual(new Set(NEED_CATEGORIES));
      expect(new Set(inputs().map((t) => t.stage))).toEqual(new Set(LIFECYCLE_STAGES));
    });

    it('lets business units differ, and takes region and industry mostly from the unit', () => {
      const resolution = (bu: string): number => {
        const served = inputs().filter((t) => t.service && (t.unitId === bu || demo.units.find((u) => u.id === t.unitId)?.parentId === bu));
        return served.filter((t) => t.service?.resolved).length / served.length;
      };
      const rates = ['bu-grid', 'bu-rail', 'bu-water', 'bu-telecom'].map(resolution);
      expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.05);

      const byId = new Map(demo.units.map((u) => [u.id, u]));
      const sameRegion = inputs().filter((t) => t.region === byId.get(t.unitId)?.region).length / items.length;
      expect(sameRegion).toBeGreaterThan(0.6);
      expect(sameRegion).toBeLessThan(0.98);
    });
  });
});

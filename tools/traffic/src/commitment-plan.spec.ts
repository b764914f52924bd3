import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogue, parseSeed, type CommitmentDefinition } from '@qihe/domain';
import type { TouchpointInput } from '@qihe/client';
import { idTime } from '@qihe/contracts';
import { CommitmentPlanner, compressCatalogue } from './commitment-plan';
import { TouchpointGenerator } from './generator';

const raw = JSON.parse(readFileSync(join(__dirname, '../../../infra/seed/demo-org.json'), 'utf8')) as { commitments: unknown[] };
const demo = parseSeed(raw);
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const T0 = Date.parse('2026-12-01T08:00:00Z');

const promise = (i: number, code: string, met = false): TouchpointInput => ({
  id: `0193a1b2-0000-7000-8000-${String(i).padStart(12, '0')}`,
  unitId: 'bu-grid',
  customerId: `c-${i}`,
  channel: 'PHONE',
  kind: 'SERVICE',
  stage: 'AFTER_SALE',
  occurredAt: new Date(T0 + i * 1000).toISOString(),
  need: { category: 'FAULT' },
  service: { action: 'fault logged', handleSeconds: 60, resolved: false, firstContact: true, commitment: { code, met } },
});

describe('the demo clock', () => {
  it('divides every target by the speed, keeps the catalogue valid (a step within its parent) and says so in the name', () => {
    const fast = compressCatalogue(demo.commitments, 1440);
    const byCode = new Map(fast.map((d) => [d.code, d]));
    expect([byCode.get('REPAIR_48H')?.targetMinutes, byCode.get('REPAIR_SPARES_PICK_8H')?.targetMinutes, byCode.get('INSTALL_7D')?.targetMinutes, byCode.get('CALLBACK_2H')?.targetMinutes]).toEqual([2, 1, 7, 1]);
    expect(byCode.get('REPAIR_48H')?.name).toBe('Fault repaired within 48 h (demo clock: 2 min)');
    const units = new Set(demo.units.map((u) => u.id));
    expect(parseCatalogue(fast, [], (id) => units.has(id)).problems).toEqual([]);
    // Every speed keeps the tree valid (rounding never lifts a step above its parent).
    for (const speed of [2, 7, 60, 100, 720, 1440, 100_000]) expect([speed, parseCatalogue(compressCatalogue(demo.commitments, speed), [], (id) => units.has(id)).problems]).toEqual([speed, []]);
    expect(compressCatalogue(demo.commitments, 1)).toEqual(demo.commitments);
    expect(() => compressCatalogue(demo.commitments, 0)).toThrow(/at least 1/);
  });
});

describe('planned commitment events', () => {
  const catalogue: CommitmentDefinition[] = compressCatalogue(demo.commitments, 1440);
  const planner = new CommitmentPlanner(catalogue, { seed: 'spec' });
  const defs = new Map(catalogue.map((d) => [d.code, d]));

  it('plans nothing for a promise met at capture, a code without a tree, or no promise', () => {
    expect(planner.plan(promise(1, 'REPAIR_48H', true))).toEqual([]);
    expect(planner.plan(promise(2, 'ONSITE_24H'))).toEqual([]);
    expect(planner.plan(promise(3, 'REPAIR_TRIAGE_2H'))).toEqual([]); // a step is not a promise
    const { service: _s, ...bare } = promise(4, 'REPAIR_48H');
    void _s;
    expect(planner.plan(bare)).toEqual([]);
  });

  it('does most steps on time, some late, some never; a parent after its children, never when one of them never is', () => {
    const N = 3000;
    const fates = { ON_TIME: 0, LATE: 0, NEVER: 0 };
    let promisesKept = 0;
    let promisesBroken = 0;
    const ids = new Set<string>();
    for (let i = 0; i < N; i++) {
      const t = promise(i, 'REPAIR_48H');
      const events = planner.plan(t);
      const start = Date.parse(t.occurredAt);
      const at = new Map(events.map((e) => [e.event.code, e.atMs]));
      for (const e of events) {
        expect(e.event.touchpointId).toBe(t.id);
        expect(e.unitId).toBe('bu-grid');
        expect(e.event.completedAt).toBe(new Date(e.atMs).toISOString());
        expect(UUID_V7.test(e.event.id) && idTime(e.event.id) === e.atMs).toBe(true);
        expect(e.atMs).toBeGreaterThanOrEqual(start);
        ids.add(e.event.id);
      }
      expect(events.map((e) => e.atMs)).toEqual([...events.map((e) => e.atMs)].sort((a, b) => a - b));
      for (const leaf of ['REPAIR_TRIAGE_2H', 'REPAIR_SPARES_PICK_8H', 'REPAIR_ONSITE_36H']) {
        const done = at.get(leaf);
        const due = start + (defs.get(leaf) as CommitmentDefinition).targetMinutes * 60_000;
        fates[done === undefined ? 'NEVER' : done <= due ? 'ON_TIME' : 'LATE']++;
      }
      for (const [parent, children] of [
        ['REPAIR_SPARES_24H', ['REPAIR_SPARES_PICK_8H']],
        ['REPAIR_48H', ['REPAIR_TRIAGE_2H', 'REPAIR_SPARES_24H', 'REPAIR_ONSITE_36H']],
      ] as const) {
        const p = at.get(parent);
        const kids = children.map((c) => at.get(c));
        if (kids.includes(undefined)) expect(p).toBeUndefined();
        else expect(p).toBeGreaterThan(Math.max(...(kids as number[])));
      }
      const top = at.get('REPAIR_48H');
      if (top !== undefined && top <= start + 2 * 60_000) promisesKept++;
      else promisesBroken++;
    }
    expect(ids.size).toBe([...Array(N).keys()].reduce((n, i) => n + planner.plan(promise(i, 'REPAIR_48H')).length, 0));
    const steps = 3 * N;
    expect(fates.ON_TIME / steps).toBeGreaterThan(0.75);
    expect(fates.LATE / steps).toBeGreaterThan(0.08);
    expect(fates.NEVER / steps).toBeGreaterThan(0.05);
    // Most promises are kept, a sizeable share is broken: the board has both to show.
    expect(promisesKept / N).toBeGreaterThan(0.4);
    expect(promisesBroken / N).toBeGreaterThan(0.2);
  });

  it('plans the same events for the same touchpoint (a re-sent touchpoint sends the same ids)', () => {
    const t = promise(7, 'INSTALL_7D');
    expect(planner.plan(t)).toEqual(planner.plan({ ...t }));
    expect(new CommitmentPlanner(catalogue, { seed: 'spec' }).plan(t)).toEqual(planner.plan(t));
  });

  it('the generator makes promises naming level-1 codes "not yet" kept', () => {
    const gen = new TouchpointGenerator({ seed: 3, units: demo.units, trackedCodes: planner.levelOneCodes });
    const made = gen.batch(4000, T0).flatMap((g) => (g.input.service?.commitment ? [g.input.service.commitment] : []));
    const tracked = made.filter((c) => planner.levelOneCodes.has(c.code));
    expect(tracked.length).toBeGreaterThan(50);
    expect(tracked.every((c) => !c.met)).toBe(true);
    expect(made.some((c) => !planner.levelOneCodes.has(c.code) && c.met)).toBe(true); // self-reported codes as before
  });
});

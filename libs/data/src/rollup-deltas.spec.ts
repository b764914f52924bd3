import fc from 'fast-check';
import { COUNTER_KEYS, SLICE_DIMENSIONS, sliceValuesOf, zeroCounters, type Counters, type SliceFields } from '@qihe/domain';
import { addToRollups, PARENT_CODE, PARENT_KEPT, RollupDeltas, type HourRow } from './rollup-deltas';

// The rows a batch sums to and the order they are locked in (the comment at
// the top of rollup-deltas.ts): pinned for a batch whose touchpoints share
// units, hours and slice values, so a cheaper way of keeping the sums cannot
// change what is written, or mix one row's counters into another's.

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 2, 5);
const ROOT = ['g'];
const P1 = ['p1', 'bu', 'g'];
const P2 = ['p2', 'bu', 'g'];

const fields = (agentId: string, channel = 'PHONE'): SliceFields => ({
  channel,
  kind: 'SERVICE',
  stage: 'USE',
  region: null,
  industry: 'RETAIL',
  needCategory: 'SUPPORT',
  agentId,
  teamId: 'team-1',
  productId: null,
  perceptionMember: null,
});
const counted = (touchpoints: number, handleSeconds: number): Counters => ({ ...zeroCounters(), touchpoints, handleSeconds });
const key = (r: HourRow): string => `${r.unitId} d${r.dim} +${(r.hour - T0) / H}h ${r.val}`;
const HS = COUNTER_KEYS.indexOf('handleSeconds');
const sums = (r: { n: number[] }): string => `${r.n[0]}/${r.n[HS]}`;

describe('RollupDeltas', () => {
  it('sums a batch with repeats across units, hours and values into rows in lock order', () => {
    const d = new RollupDeltas();
    const a = counted(1, 100);
    addToRollups(d, P1, T0 + 60_000, sliceValuesOf(fields('ann')), a, 0);
    addToRollups(d, P2, T0 + H + 5, sliceValuesOf(fields('ann', 'CHAT')), counted(1, 20), 0);
    addToRollups(d, P1, T0 + 120_000, sliceValuesOf(fields('bob')), counted(1, 3), 0);
    addToRollups(d, P1, T0 + 180_000, sliceValuesOf(fields('ann')), counted(1, 7), 0);
    expect(a).toEqual(counted(1, 100)); // the caller's counters are not summed into

    const rows = d.hourRowsList();
    const order = rows.map(key);
    // Deepest first (projects, then the business unit, then the root); within a unit its whole rows, then each
    // dimension hour by hour, values in order.
    // The six dimensions valued per touchpoint at every ancestor; AGENT, TEAM, PRODUCT and PERCEPTION_POINT only at
    // the touchpoints' parent (bu), under their code + 100 (PARENT_KEPT).
    const slicesAt = (unit: string, parent: boolean): string[] => [
      `${unit} d1 +0h PHONE`,
      `${unit} d1 +1h CHAT`,
      ...['KIND SERVICE', 'STAGE USE', 'REGION UNKNOWN', 'INDUSTRY RETAIL', 'NEED_CATEGORY SUPPORT'].flatMap((x) => {
        const [dim, val] = x.split(' ');
        const code = SLICE_DIMENSIONS.indexOf(dim as (typeof SLICE_DIMENSIONS)[number]) + 1;
        return [`${unit} d${code} +0h ${val}`, `${unit} d${code} +1h ${val}`];
      }),
      ...(parent
        ? [
            `${unit} d107 +0h ann`,
            `${unit} d107 +0h bob`,
            `${unit} d107 +1h ann`,
            `${unit} d108 +0h team-1`,
            `${unit} d108 +1h team-1`,
            `${unit} d109 +0h UNKNOWN`,
            `${unit} d109 +1h UNKNOWN`,
            `${unit} d110 +0h UNKNOWN`,
            `${unit} d110 +1h UNKNOWN`,
          ]
        : []),
    ];
    expect(order).toEqual(['p1 d0 +0h ', 'p2 d0 +1h ', 'bu d0 +0h ', 'bu d0 +1h ', ...slicesAt('bu', true), 'g d0 +0h ', 'g d0 +1h ', ...slicesAt('g', false)]);
    expect(d.hourRowCount).toBe(rows.length);

    const byKey = new Map(rows.map((r) => [key(r), sums(r)]));
    // touchpoints / handle seconds of each row: ann's hour-0 rows hold two touchpoints, bob's one, hour 1 one.
    expect(byKey.get('p1 d0 +0h ')).toBe('3/110');
    expect(byKey.get('p2 d0 +1h ')).toBe('1/20');
    for (const unit of ['bu', 'g']) {
      expect(byKey.get(`${unit} d0 +0h `)).toBe('3/110');
      expect(byKey.get(`${unit} d1 +0h PHONE`)).toBe('3/110');
      expect(byKey.get(`${unit} d1 +1h CHAT`)).toBe('1/20');
    }
    expect(byKey.get('bu d107 +0h ann')).toBe('2/107');
    expect(byKey.get('bu d107 +0h bob')).toBe('1/3');
    expect(byKey.get('bu d107 +1h ann')).toBe('1/20');
    expect(byKey.get('bu d108 +0h team-1')).toBe('3/110');
    expect(rows.filter((r) => r.dim >= 7 && r.dim <= 10)).toEqual([]); // no row under the plain codes, anywhere
    // Day rows: the whole rows' sums per unit and day, deepest first; minute rows one per unit and minute.
    expect(d.dayRowsList().map((r) => `${r.unitId} ${sums(r)}`)).toEqual(['p1 3/110', 'p2 1/20', 'bu 4/130', 'g 4/130']);
    const minutes = [...d.minutes.values()].map((r) => `${r.unitId} +${(r.minute - T0) / 60_000}m ${sums(r)}`).sort();
    expect(minutes).toEqual(['bu +1m 1/100', 'bu +2m 1/3', 'bu +3m 1/7', 'bu +60m 1/20', 'g +1m 1/100', 'g +2m 1/3', 'g +3m 1/7', 'g +60m 1/20', 'p1 +1m 1/100', 'p1 +2m 1/3', 'p1 +3m 1/7', 'p2 +60m 1/20'].sort());
  });

  it('keeps the rows of one touchpoint apart once one of them is added to again', () => {
    const d = new RollupDeltas();
    addToRollups(d, P1, T0, sliceValuesOf(fields('ann')), counted(1, 100), 0);
    addToRollups(d, P2, T0, sliceValuesOf(fields('bob')), counted(1, 5), 0);
    addToRollups(d, ROOT, T0 + 2 * H, sliceValuesOf(fields('cy')), counted(1, 9), 0);
    addToRollups(d, ['bu', 'g'], T0 + 3 * H, sliceValuesOf(fields('dee')), counted(1, 4), 0);
    const byKey = new Map(d.hourRowsList().map((r) => [key(r), sums(r)]));
    // ann's and bob's rows at the ancestors were made from one vector each; the shared team row got both.
    expect(byKey.get('bu d108 +0h team-1')).toBe('2/105');
    expect(byKey.get('bu d107 +0h ann')).toBe('1/100');
    expect(byKey.get('bu d107 +0h bob')).toBe('1/5');
    expect(byKey.get('bu d4 +0h UNKNOWN')).toBe('2/105');
    expect(byKey.get('g d4 +0h UNKNOWN')).toBe('2/105');
    expect(byKey.get('g d108 +0h team-1')).toBeUndefined(); // the root is not their parent
    // A touchpoint of the business unit itself: its parent is the root.
    expect(byKey.get('g d107 +3h dee')).toBe('1/4');
    expect(byKey.get('bu d107 +3h dee')).toBeUndefined();
    expect(byKey.get('p1 d0 +0h ')).toBe('1/100');
    expect(byKey.get('p2 d0 +0h ')).toBe('1/5');
    expect(byKey.get('g d0 +2h ')).toBe('1/9');
    expect(byKey.get('g d107 +2h cy')).toBeUndefined(); // the root's own touchpoint: no slice rows of its own unit
    const minutes = new Map([...d.minutes.values()].map((r) => [`${r.unitId} ${r.minute - T0}`, sums(r)]));
    expect(minutes.get('p1 0')).toBe('1/100');
    expect(minutes.get('bu 0')).toBe('2/105');
    expect(minutes.get('g 0')).toBe('2/105');
  });

  // The rows are found by unit, then hour (minute), not by a key string (h16c): whatever the lineages, times,
  // values and cuts (takeHoursBefore, clearHours), every row holds what a recount of its own touchpoints gives.
  it('holds the sums of a plain recount for any sequence of touchpoints, cuts and clears', () => {
    const LINEAGES = [P1, P2, ['bu', 'g'], ROOT, ['p3', 'bu2', 'g']];
    const tp = fc.record({
      lineage: fc.constantFrom(...LINEAGES),
      at: fc.integer({ min: 0, max: 5 * H }),
      agent: fc.constantFrom('ann', 'bob', 'cy'),
      channel: fc.constantFrom('PHONE', 'CHAT'),
      n: fc.integer({ min: 0, max: 3 }),
      secs: fc.integer({ min: 0, max: 500 }),
    });
    type Op = { add: { lineage: string[]; at: number; agent: string; channel: string; n: number; secs: number } } | { take: number } | { clear: true };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 8, arbitrary: tp.map((add) => ({ add })) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }).map((h) => ({ take: T0 + h * H })) },
      { weight: 1, arbitrary: fc.constant({ clear: true as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const d = new RollupDeltas();
        const hours = new Map<string, [number, number]>(); // the recount: key → touchpoints, handle seconds
        const minutes = new Map<string, [number, number]>();
        const add = (m: Map<string, [number, number]>, k: string, n: number, secs: number): void => {
          const x = m.get(k) ?? [0, 0];
          m.set(k, [x[0] + n, x[1] + secs]);
        };
        for (const o of ops) {
          if ('add' in o) {
            const { lineage, agent, channel, n, secs } = o.add;
            const at = T0 + o.add.at;
            addToRollups(d, lineage, at, sliceValuesOf(fields(agent, channel)), counted(n, secs), T0 + 2 * H);
            const hour = Math.floor(at / H) * H;
            const vals = sliceValuesOf(fields(agent, channel));
            lineage.forEach((unit, i) => {
              add(hours, `${unit} d0 +${(hour - T0) / H}h `, n, secs);
              SLICE_DIMENSIONS.forEach((dim, k) => {
                const code = PARENT_KEPT.includes(dim) ? (i === 1 ? k + 1 + PARENT_CODE : null) : i > 0 ? k + 1 : null;
                if (code !== null) add(hours, `${unit} d${code} +${(hour - T0) / H}h ${vals[dim]}`, n, secs);
              });
              if (at >= T0 + 2 * H) add(minutes, `${unit} ${Math.floor(at / 60_000) * 60_000 - T0}`, n, secs);
            });
          } else if ('take' in o) {
            const taken = d.takeHoursBefore(o.take);
            const before = [...hours].filter(([k]) => T0 + Number(/\+(\d+)h/.exec(k)?.[1]) * H < o.take);
            expect(new Map(taken.hourRowsList().map((r) => [key(r), sums(r)]))).toEqual(new Map(before.map(([k, [a, b]]) => [k, `${a}/${b}`])));
            for (const [k] of before) hours.delete(k);
          } else {
            d.clearHours();
            hours.clear();
          }
        }
        expect(new Map(d.hourRowsList().map((r) => [key(r), sums(r)]))).toEqual(new Map([...hours].map(([k, [a, b]]) => [k, `${a}/${b}`])));
        expect(d.hourRowCount).toBe(hours.size);
        expect(new Map([...d.minutes.values()].map((r) => [`${r.unitId} ${r.minute - T0}`, sums(r)]))).toEqual(new Map([...minutes].map(([k, [a, b]]) => [k, `${a}/${b}`])));
      }),
      { numRuns: 300 },
    );
  });
  it("keeps a touchpoint's own-unit part only before ownBefore, summed per unit, dimension, day and value in key order", () => {
    const DAY = 86_400_000;
    const d = new RollupDeltas(T0 - 3 * DAY); // days before this one may be settled
    addToRollups(d, P1, T0 - 4 * DAY + H, sliceValuesOf(fields('a2')), counted(1, 30), 0);
    addToRollups(d, P1, T0 - 4 * DAY + 5 * H, sliceValuesOf(fields('a1')), counted(1, 10), 0);
    addToRollups(d, P2, T0 - 5 * DAY, sliceValuesOf(fields('a1', 'WEB')), counted(1, 7), 0);
    addToRollups(d, P1, T0 - 3 * DAY, sliceValuesOf(fields('a1')), counted(1, 99), 0); // not before ownBefore: no own part
    expect(d.own.map((e) => e.unitId)).toEqual(['p1', 'p1', 'p2']);
    const rows = d.ownRowsList();
    const day4 = Math.floor((T0 - 4 * DAY) / DAY) * DAY;
    const p1 = rows.filter((r) => r.unitId === 'p1');
    // One row per dimension and value: the two touchpoints of p1 share every value but the agent's.
    expect(p1.length).toBe(SLICE_DIMENSIONS.length + 1);
    expect(p1.every((r) => r.hour === day4)).toBe(true);
    const channel = p1.find((r) => r.dim === 1)!;
    expect([channel.val, channel.n[0], channel.n[HS]]).toEqual(['PHONE', 2, 40]);
    const agents = p1.filter((r) => r.dim === SLICE_DIMENSIONS.indexOf('AGENT') + 1).map((r) => [r.val, r.n[HS]]);
    expect(agents).toEqual([
      ['a1', 10],
      ['a2', 30],
    ]);
    // Key order: unit, dimension, day, value.
    const order = rows.map((r) => [r.unitId, r.dim, r.hour, r.val] as const);
    expect(order).toEqual([...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0))));
    expect(new RollupDeltas(-Infinity).own).toEqual([]);
  });
});

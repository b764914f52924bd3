import { CommitmentCatalogue, type CommitmentDefinition } from './commitment-catalogue';
import { breachedBy, commitmentState, completeNode, settleTree, startTree, type CommitmentNode, type StartingTouchpoint } from './commitment-tree';

// Scenario (one for the whole file): a customer of bu-grid is promised
// "delivered within 2 days" at 08:00 on 2 March 2026. The order desk must enter
// the order within 2 h, logistics dispatch it within 6 h and pick it within 4 h.

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (minutes: number): number => T0 + minutes * MIN;

const DEFS: CommitmentDefinition[] = [
  { code: 'DELIVERY_2D', name: 'Delivered within 2 days', level: 1, parentCode: null, targetMinutes: 2880, warnAtPercent: 75, ownerUnitId: null },
  { code: 'ORDER_ENTRY_2H', name: 'Order entered within 2 h', level: 2, parentCode: 'DELIVERY_2D', targetMinutes: 120, warnAtPercent: 80, ownerUnitId: 'prj-order-desk' },
  { code: 'DISPATCH_6H', name: 'Dispatched within 6 h', level: 2, parentCode: 'DELIVERY_2D', targetMinutes: 360, warnAtPercent: 80, ownerUnitId: 'bu-logistics' },
  { code: 'PICK_4H', name: 'Picked within 4 h', level: 3, parentCode: 'DISPATCH_6H', targetMinutes: 240, warnAtPercent: 80, ownerUnitId: 'bu-logistics' },
];
const CATALOGUE = new CommitmentCatalogue(DEFS);

const TOUCHPOINT: StartingTouchpoint = {
  id: 'tp-1',
  unitId: 'bu-grid',
  customerId: 'cust-9',
  occurredAt: T0,
  servedAt: null,
  commitment: { code: 'DELIVERY_2D', met: false },
};
let ids = 0;
const newId = (): string => `n${++ids}`;
const started = (tp: Partial<StartingTouchpoint> = {}): CommitmentNode[] => startTree(CATALOGUE, { ...TOUCHPOINT, ...tp }, newId) ?? [];
const node = (tree: CommitmentNode[], code: string): CommitmentNode => tree.find((n) => n.code === code) as CommitmentNode;
const complete = (tree: CommitmentNode[], code: string, minutes: number): CommitmentNode[] => {
  const r = completeNode(tree, code, at(minutes));
  if (r.status !== 'COMPLETED') throw new Error(r.status);
  return r.nodes;
};

describe('start: the touchpoint starts every node of the tree at occurredAt', () => {
  const tree = started();
  it.each<[string, number, number, string]>([
    // code,           warnAt (min after T0)        dueAt (min)  owner
    ['DELIVERY_2D', 2160 /* 2880 × 75 % */, 2880, 'bu-grid' /* no owner: the touchpoint's unit */],
    ['ORDER_ENTRY_2H', 96 /* 120 × 80 % */, 120, 'prj-order-desk'],
    ['DISPATCH_6H', 288 /* 360 × 80 % */, 360, 'bu-logistics'],
    ['PICK_4H', 192 /* 240 × 80 % */, 240, 'bu-logistics'],
  ])('%s: warn at +%i min, due at +%i min, owned by %s', (code, warn, due, owner) => {
    expect(node(tree, code)).toMatchObject({ startedAt: T0, warnAt: at(warn), dueAt: at(due), ownerUnitId: owner, completedAt: null, touchpointId: 'tp-1' });
  });

  it('starts nothing for a step code or an unknown code, or without a commitment', () => {
    expect(startTree(CATALOGUE, { ...TOUCHPOINT, commitment: { code: 'DISPATCH_6H', met: false } }, newId)).toBeNull();
    expect(startTree(CATALOGUE, { ...TOUCHPOINT, commitment: { code: 'CALLBACK_1D', met: true } }, newId)).toBeNull();
    expect(startTree(CATALOGUE, { ...TOUCHPOINT, commitment: null }, newId)).toBeNull();
  });

  it('met: true completes the level-1 node and so every step at servedAt', () => {
    const done = started({ servedAt: at(30), commitment: { code: 'DELIVERY_2D', met: true } });
    expect(done.map((n) => n.completedAt)).toEqual([at(30), at(30), at(30), at(30)]);
  });

  it('met: true without servedAt completes at occurredAt', () => {
    expect(node(started({ commitment: { code: 'DELIVERY_2D', met: true } }), 'DELIVERY_2D').completedAt).toBe(T0);
  });
});

describe('state of ORDER_ENTRY_2H (warn +96 min, due +120 min) at now', () => {
  const n = node(started(), 'ORDER_ENTRY_2H');
  it.each<[string, number, number | null, string]>([
    // case,                           now (min), completed (min), state
    ['just started', 0, null, 'OPEN'],
    ['one minute before the warning', 95, null, 'OPEN'],
    ['at the warning (96 = 120 × 80 %)', 96, null, 'AT_RISK'],
    ['one minute before due', 119, null, 'AT_RISK'],
    ['at due, unfinished', 120, null, 'BREACHED'],
    ['completed at due (120 ≤ 120)', 200, 120, 'MET'],
    ['completed one minute late (121 > 120)', 121, 121, 'BREACHED'],
    ['completed early, read before completion time', 10, 50, 'MET'],
  ])('%s: now +%i, completed %s → %s', (_, now, completed, state) => {
    expect(commitmentState({ ...n, completedAt: completed === null ? null : at(completed) }, at(now))).toBe(state);
  });
});

describe('completion', () => {
  it('completes the node and its unfinished descendants; finished ones keep their time', () => {
    let tree = complete(started(), 'PICK_4H', 100);
    tree = complete(tree, 'DISPATCH_6H', 300);
    expect(tree.map((n) => [n.code, n.completedAt === null ? null : (n.completedAt - T0) / MIN])).toEqual([
      ['DELIVERY_2D', null],
      ['DISPATCH_6H', 300],
      ['ORDER_ENTRY_2H', null], // a sibling, not a descendant
      ['PICK_4H', 100], // already finished at +100
    ]);
  });

  it.each<[string, number, string]>([
    ['the same time again', 300, 'UNCHANGED'],
    ['another time', 301, 'CONFLICT'],
  ])('a completed node completed again at %s → %s', (_, minutes, status) => {
    const tree = complete(started(), 'DISPATCH_6H', 300);
    expect(completeNode(tree, 'DISPATCH_6H', at(minutes)).status).toBe(status);
    // a descendant completed through its parent counts as completed at the parent's time
    expect(completeNode(tree, 'PICK_4H', at(minutes)).status).toBe(status);
  });

  it('a code outside the tree is NOT_FOUND', () => {
    expect(completeNode(started(), 'CALLBACK_1D', at(1)).status).toBe('NOT_FOUND');
  });
});

describe('breachedBy: the steps that were BREACHED at the promise\'s dueAt (+2880 min)', () => {
  it.each<[string, [string, number][], number, string[]]>([
    // case, completions (code, minute), now, breachedBy of DELIVERY_2D
    ['everything on time', [['ORDER_ENTRY_2H', 100], ['PICK_4H', 200], ['DISPATCH_6H', 300], ['DELIVERY_2D', 2000]], 3000, []],
    ['still open before due: not breached, no culprit', [['ORDER_ENTRY_2H', 200]], 2879, []],
    // order entry 200 > 120: late; dispatch never done by 2880 ≥ 360: unfinished then
    ['late order entry, dispatch never done', [['ORDER_ENTRY_2H', 200]], 2880, ['DISPATCH_6H', 'ORDER_ENTRY_2H']],
    // delivery done at 3000 > 2880 completes dispatch at 3000 too: unfinished at 2880, so breached
    ['delivered late, completing the open dispatch', [['ORDER_ENTRY_2H', 100], ['DELIVERY_2D', 3000]], 3100, ['DISPATCH_6H']],
    // dispatch at 400 > 360 is late although delivery (2000 ≤ 2880) was met: a MET promise has no culprits
    ['met despite a late step', [['ORDER_ENTRY_2H', 100], ['DISPATCH_6H', 400], ['DELIVERY_2D', 2000]], 3000, []],
  ])('%s', (_, completions, now, expected) => {
    let tree = started();
    for (const [code, m] of completions) tree = complete(tree, code, m);
    expect(breachedBy(node(tree, 'DELIVERY_2D'), tree, at(now)).map((n) => n.code)).toEqual(expected);
  });
});

describe('settleTree: what is counted and announced, once', () => {
  const codes = (s: ReturnType<typeof settleTree>, pick: (x: ReturnType<typeof settleTree>[number]) => unknown): Record<string, unknown> =>
    Object.fromEntries(s.map((x) => [x.after.code, pick(x)]));

  it('a new tree counts started once per node, nothing resolved, and asks to be looked at at each warning', () => {
    const s = settleTree(null, started(), at(0), false);
    expect(codes(s, (x) => x.count)).toEqual(Object.fromEntries(DEFS.map((d) => [d.code, { started: 1, met: 0, breached: 0, atRisk: 0, caused: 0 }])));
    expect(codes(s, (x) => (x.after.nextCheckAt === null ? null : (x.after.nextCheckAt - T0) / MIN))).toEqual({ DELIVERY_2D: 2160, ORDER_ENTRY_2H: 96, DISPATCH_6H: 288, PICK_4H: 192 });
    expect(s.every((x) => x.alert === null && x.kept.present === 0)).toBe(true);
  });

  it('the monitor at +96 announces ORDER_ENTRY_2H at risk once; a second pass announces nothing', () => {
    const tree = settleTree(null, started(), at(0), false).map((x) => x.after);
    const first = settleTree(tree, tree, at(96), true);
    expect(codes(first, (x) => x.alert)).toEqual({ DELIVERY_2D: null, ORDER_ENTRY_2H: 'COMMITMENT_AT_RISK', DISPATCH_6H: null, PICK_4H: null });
    expect(node(first.map((x) => x.after), 'ORDER_ENTRY_2H')).toMatchObject({ alertStage: 1, nextCheckAt: at(120) });
    expect(codes(first, (x) => x.count.atRisk)).toEqual({ DELIVERY_2D: 0, ORDER_ENTRY_2H: 1, DISPATCH_6H: 0, PICK_4H: 0 });
    const again = first.map((x) => x.after);
    expect(settleTree(again, again, at(97), true).every((x) => x.alert === null && x.count.atRisk === 0)).toBe(true);
  });

  it('a monitor that was away until +3000 announces only BROKEN, counts the promise kept-denominator once, and names the culprits', () => {
    const tree = settleTree(null, started(), at(0), false).map((x) => x.after);
    const s = settleTree(tree, tree, at(3000), true);
    expect(codes(s, (x) => x.alert)).toEqual({ DELIVERY_2D: 'COMMITMENT_BROKEN', ORDER_ENTRY_2H: 'COMMITMENT_BROKEN', DISPATCH_6H: 'COMMITMENT_BROKEN', PICK_4H: 'COMMITMENT_BROKEN' });
    // commitmentKept: denominator +1, numerator +0 (BREACHED)
    expect(node(s.map((x) => ({ ...x.after, kept: x.kept })) as never, 'DELIVERY_2D')).toMatchObject({ kept: { present: 1, met: 0 } });
    // both steps of DELIVERY_2D were unfinished at +2880; PICK_4H under DISPATCH_6H (breached) too
    expect(codes(s, (x) => x.count.caused)).toEqual({ DELIVERY_2D: 0, ORDER_ENTRY_2H: 1, DISPATCH_6H: 1, PICK_4H: 1 });
    const after = s.map((x) => x.after);
    expect(settleTree(after, after, at(4000), true).every((x) => x.alert === null && x.kept.present === 0 && x.count.breached === 0)).toBe(true);
  });

  it('a completion reported late moves a time breach to MET: breached −1, met +1, kept numerator +1, denominator unchanged', () => {
    const tree = settleTree(null, started(), at(0), false).map((x) => x.after);
    const broken = settleTree(tree, tree, at(2900), true).map((x) => x.after); // DELIVERY_2D breached by time
    const late = complete(broken, 'DELIVERY_2D', 2800); // done at +2800 ≤ +2880, reported at +2950
    const s = settleTree(broken, late, at(2950), false);
    const d = s.find((x) => x.after.code === 'DELIVERY_2D');
    expect(d?.count).toMatchObject({ met: 1, breached: -1 });
    expect(d?.kept).toEqual({ present: 0, met: 1 });
  });

  it('completion without the monitor (ingest, events) owes the BROKEN alert: due now, stage unchanged', () => {
    const tree = started({ servedAt: at(3000), commitment: { code: 'DELIVERY_2D', met: true } }); // served 3000 > 2880
    const s = settleTree(null, tree, at(3001), false);
    expect(node(s.map((x) => x.after), 'DELIVERY_2D')).toMatchObject({ resolved: 'BREACHED', alertStage: 0, nextCheckAt: at(3001) });
    expect(s[0].kept).toEqual({ present: 1, met: 0 });
    expect(s.every((x) => x.alert === null)).toBe(true);
  });

  it('met on time at capture: resolved MET, kept 1/1, nothing owed', () => {
    const s = settleTree(null, started({ servedAt: at(30), commitment: { code: 'DELIVERY_2D', met: true } }), at(31), false);
    expect(s[0].kept).toEqual({ present: 1, met: 1 });
    expect(s.every((x) => x.after.nextCheckAt === null && x.count.met === 1)).toBe(true);
  });
});

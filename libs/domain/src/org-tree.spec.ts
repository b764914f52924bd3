import { OrgTree, type OrgUnitRecord } from './org-tree';
import type { OrgLevel } from './vocabulary';

const unit = (id: string, level: OrgLevel, parentId: string | null): OrgUnitRecord => ({
  id,
  name: id.toUpperCase(),
  level,
  parentId,
  region: null,
  industry: null,
});

// group ─┬─ bu-b ─┬─ prj-b2
//        │        └─ prj-b1
//        └─ bu-a ─── prj-a1
// (listed out of order on purpose: children come back sorted by id)
const UNITS: OrgUnitRecord[] = [
  unit('prj-b2', 'PROJECT', 'bu-b'),
  unit('bu-b', 'BUSINESS_UNIT', 'group'),
  unit('group', 'GROUP', null),
  unit('prj-a1', 'PROJECT', 'bu-a'),
  unit('bu-a', 'BUSINESS_UNIT', 'group'),
  unit('prj-b1', 'PROJECT', 'bu-b'),
];

describe('OrgTree', () => {
  const tree = new OrgTree(UNITS);

  it('holds every unit and finds them by id', () => {
    expect(tree.size).toBe(6);
    expect(tree.all().map((u) => u.id).sort()).toEqual(['bu-a', 'bu-b', 'group', 'prj-a1', 'prj-b1', 'prj-b2']);
    expect(tree.get('bu-a')).toEqual(unit('bu-a', 'BUSINESS_UNIT', 'group'));
    expect(tree.has('prj-b1')).toBe(true);
    expect(tree.has('nope')).toBe(false);
    expect(tree.get('nope')).toBeUndefined();
  });

  it('finds the root', () => {
    expect(tree.root()?.id).toBe('group');
    expect(new OrgTree([]).root()).toBeUndefined();
  });

  it.each([
    ['group', ['bu-a', 'bu-b']],
    ['bu-b', ['prj-b1', 'prj-b2']],
    ['bu-a', ['prj-a1']],
    ['prj-a1', []],
    ['unknown', []],
  ])('children of %s are %j, sorted by id', (id, expected) => {
    expect(tree.children(id).map((u) => u.id)).toEqual(expected);
  });

  it.each([
    ['group', ['group']],
    ['bu-a', ['bu-a', 'group']],
    ['prj-b2', ['prj-b2', 'bu-b', 'group']],
    ['unknown', []],
  ])('lineage of %s runs from the unit up to the root', (id, expected) => {
    expect(tree.lineage(id)).toEqual(expected);
  });

  it.each([
    ['group', ['group', 'bu-a', 'bu-b', 'prj-a1', 'prj-b1', 'prj-b2']],
    ['bu-b', ['bu-b', 'prj-b1', 'prj-b2']],
    ['prj-a1', ['prj-a1']],
    ['unknown', []],
  ])('subtree of %s lists parents before children', (id, expected) => {
    expect(tree.subtree(id).map((u) => u.id)).toEqual(expected);
  });

  it.each([
    ['group', 'prj-b2', true],
    ['group', 'group', true],
    ['bu-b', 'prj-b1', true],
    ['bu-b', 'bu-b', true],
    ['bu-a', 'prj-b1', false],
    ['prj-b1', 'bu-b', false],
    ['bu-a', 'unknown', false],
    ['unknown', 'bu-a', false],
  ])('contains(%s, %s) is %s', (scope, id, expected) => {
    expect(tree.contains(scope, id)).toBe(expected);
  });

  it('agrees with itself: u is in subtree(s) exactly when contains(s, u)', () => {
    for (const s of tree.all()) {
      const inside = new Set(tree.subtree(s.id).map((u) => u.id));
      for (const u of tree.all()) expect(inside.has(u.id)).toBe(tree.contains(s.id, u.id));
    }
  });

  it('a later record with the same id replaces the earlier one', () => {
    const moved = new OrgTree([...UNITS, unit('prj-a1', 'PROJECT', 'bu-b')]);
    expect(moved.size).toBe(6);
    expect(moved.children('bu-a')).toEqual([]);
    expect(moved.children('bu-b').map((u) => u.id)).toEqual(['prj-a1', 'prj-b1', 'prj-b2']);
  });

  it('an orphan (unknown parent) has a lineage that stops at itself', () => {
    const t = new OrgTree([...UNITS, unit('prj-x', 'PROJECT', 'gone')]);
    expect(t.lineage('prj-x')).toEqual(['prj-x']);
    expect(t.contains('group', 'prj-x')).toBe(false);
    expect(t.subtree('group').map((u) => u.id)).not.toContain('prj-x');
  });

  it('a malformed, cyclic tree neither hangs lineage nor subtree', () => {
    const t = new OrgTree([unit('a', 'BUSINESS_UNIT', 'b'), unit('b', 'BUSINESS_UNIT', 'a'), unit('c', 'PROJECT', 'c')]);
    expect(t.lineage('a').length).toBeLessThanOrEqual(t.size + 1);
    expect(t.subtree('a').map((u) => u.id)).toEqual(['a', 'b']);
    expect(t.subtree('c').map((u) => u.id)).toEqual(['c']);
    expect(t.root()).toBeUndefined();
  });

  it('handles a wide, deep tree in one pass', () => {
    const many: OrgUnitRecord[] = [unit('g', 'GROUP', null)];
    for (let b = 0; b < 100; b++) {
      many.push(unit(`b${b}`, 'BUSINESS_UNIT', 'g'));
      for (let p = 0; p < 100; p++) many.push(unit(`b${b}-p${p}`, 'PROJECT', `b${b}`));
    }
    const t = new OrgTree(many);
    expect(t.subtree('g')).toHaveLength(many.length);
    expect(t.subtree('b42')).toHaveLength(101);
    expect(t.lineage('b99-p99')).toEqual(['b99-p99', 'b99', 'g']);
  });
});

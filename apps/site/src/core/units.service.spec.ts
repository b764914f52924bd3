import { subtreeOf } from './units.service';

// The gateway lists the units a site key may record for; the site keeps UNIT_ID's subtree of that list.
const UNITS = [
  { id: 'bu-a', parentId: null },
  { id: 'prj-a1', parentId: 'bu-a' },
  { id: 'prj-a2', parentId: 'bu-a' },
  { id: 'team-a1x', parentId: 'prj-a1' },
  { id: 'bu-b', parentId: 'group' },
];

describe('subtreeOf', () => {
  it.each([
    ['bu-a', ['bu-a', 'prj-a1', 'prj-a2', 'team-a1x']],
    ['prj-a1', ['prj-a1', 'team-a1x']],
    ['team-a1x', ['team-a1x']],
    ['missing', []],
  ])('the subtree of %s', (root, ids) => {
    expect(subtreeOf(root, UNITS).map((u) => u.id)).toEqual(ids);
  });

  it('does not loop on a cyclic list', () => {
    const cyclic = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect(subtreeOf('x', cyclic).map((u) => u.id)).toEqual(['x', 'y']);
  });
});

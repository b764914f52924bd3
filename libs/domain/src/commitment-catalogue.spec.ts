import { CommitmentCatalogue, describeProblem, parseCatalogue, type CommitmentDefinition } from './commitment-catalogue';
import { parseSeed, SeedError } from './seed';

// Scenario: the catalogue of contract/seed.md (DELIVERY_2D with two steps
// owned by other units) plus one level-3 step; each row breaks one rule.

const UNITS = new Set(['group', 'bu-grid', 'prj-order-desk', 'bu-logistics']);
const unitExists = (id: string): boolean => UNITS.has(id);

type Raw = Record<string, unknown>;
const CATALOGUE: Raw[] = [
  { code: 'DELIVERY_2D', name: 'Delivered within 2 days', level: 1, targetMinutes: 2880, warnAtPercent: 75 },
  { code: 'ORDER_ENTRY_2H', name: 'Order entered within 2 h', level: 2, parentCode: 'DELIVERY_2D', targetMinutes: 120, ownerUnitId: 'prj-order-desk' },
  { code: 'DISPATCH_6H', name: 'Dispatched within 6 h', level: 2, parentCode: 'DELIVERY_2D', targetMinutes: 360, ownerUnitId: 'bu-logistics' },
  { code: 'PICK_4H', name: 'Picked within 4 h', level: 3, parentCode: 'DISPATCH_6H', targetMinutes: 240, ownerUnitId: 'bu-logistics' },
];

const problems = (raw: Raw[], stored: CommitmentDefinition[] = []): string[] => parseCatalogue(raw, stored, unitExists).problems.map(describeProblem);
const edit = (i: number, patch: Raw): Raw[] => CATALOGUE.map((d, j) => (j === i ? { ...d, ...patch } : d));

describe('commitment catalogue: the documented example', () => {
  it('is accepted, warnAtPercent defaulting to 80 and absent owners to null', () => {
    const { definitions, problems: p } = parseCatalogue(CATALOGUE, [], unitExists);
    expect(p).toEqual([]);
    expect(definitions[0]).toEqual({ code: 'DELIVERY_2D', name: 'Delivered within 2 days', level: 1, parentCode: null, targetMinutes: 2880, warnAtPercent: 75, ownerUnitId: null });
    expect(definitions[1].warnAtPercent).toBe(80);
  });

  it('builds trees parents first', () => {
    const c = new CommitmentCatalogue(parseCatalogue(CATALOGUE, [], unitExists).definitions);
    expect(c.tree('DELIVERY_2D').map((d) => d.code)).toEqual(['DELIVERY_2D', 'DISPATCH_6H', 'ORDER_ENTRY_2H', 'PICK_4H']);
    expect(c.isTracked('DELIVERY_2D')).toBe(true);
    expect(c.isTracked('DISPATCH_6H')).toBe(false); // a step does not start a tree
    expect(c.isTracked('NOT_IN_CATALOGUE')).toBe(false);
  });
});

describe('commitment catalogue: one broken rule per row, the entry named', () => {
  it.each<[string, Raw[], string[]]>([
    ['a level-1 node with a parent', edit(0, { parentCode: 'DISPATCH_6H' }), [
      'commitments[0] ("DELIVERY_2D"): a level-1 commitment has no parent',
      // DISPATCH_6H (target 360) is now DELIVERY_2D's parent while DELIVERY_2D (2880) is level 1: the parent rule is the one named
    ]],
    ['a level-2 node without a parent', edit(1, { parentCode: null }), ['commitments[1] ("ORDER_ENTRY_2H"): a level-2 commitment needs a "parentCode"']],
    ['an unknown parent', edit(1, { parentCode: 'NOPE' }), ['commitments[1] ("ORDER_ENTRY_2H"): unknown parent "NOPE"']],
    ['a level-3 node under a level-1', edit(3, { parentCode: 'DELIVERY_2D' }), [
      'commitments[3] ("PICK_4H"): a level-3 commitment must sit under a level-2 one, "DELIVERY_2D" is level 1',
    ]],
    ['a level 4', edit(3, { level: 4 }), ['commitments[3] ("PICK_4H"): "level" must be 1, 2 or 3']],
    // 2881 > 2880: a step may not take longer than the promise it supports
    ['a child target above its parent\'s', edit(2, { targetMinutes: 2881 }), [
      'commitments[2] ("DISPATCH_6H"): "targetMinutes" 2881 exceeds its parent "DELIVERY_2D"\'s 2880',
      // and PICK_4H (240) still fits under 2881
    ]],
    // 360 > 240 after the parent shrank: the child is the entry at fault
    ['a parent target shrunk below its child\'s', edit(2, { targetMinutes: 200 }), ['commitments[3] ("PICK_4H"): "targetMinutes" 240 exceeds its parent "DISPATCH_6H"\'s 200']],
    ['warnAtPercent 0', edit(0, { warnAtPercent: 0 }), ['commitments[0] ("DELIVERY_2D"): "warnAtPercent" must be a whole number from 1 to 99']],
    ['warnAtPercent 100', edit(0, { warnAtPercent: 100 }), ['commitments[0] ("DELIVERY_2D"): "warnAtPercent" must be a whole number from 1 to 99']],
    ['a fractional target', edit(1, { targetMinutes: 1.5 }), ['commitments[1] ("ORDER_ENTRY_2H"): "targetMinutes" must be a whole number of minutes from 1 to 5270400']],
    ['a duplicate code', [...CATALOGUE, { ...CATALOGUE[1] }], ['commitments[4] ("ORDER_ENTRY_2H"): duplicate commitment code "ORDER_ENTRY_2H"']],
    ['an owner unit that does not exist', edit(2, { ownerUnitId: 'bu-nowhere' }), ['commitments[2] ("DISPATCH_6H"): unknown owner unit "bu-nowhere"']],
    ['a blank name', edit(0, { name: ' ' }), ['commitments[0] ("DELIVERY_2D"): "name" must be 1-200 characters']],
    ['a code with a space', edit(0, { code: 'DELIVERY 2D' }), [
      'commitments[0] ("DELIVERY 2D"): "code" must be 1-64 letters, digits, ".", "_" or "-"',
      'commitments[1] ("ORDER_ENTRY_2H"): unknown parent "DELIVERY_2D"', // its parent's code is the broken one
      'commitments[2] ("DISPATCH_6H"): unknown parent "DELIVERY_2D"',
    ]],
  ])('%s', (_, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it('names a stored definition that the file breaks', () => {
    const stored = parseCatalogue(CATALOGUE, [], unitExists).definitions;
    // the file shrinks DISPATCH_6H to 100 min; the stored PICK_4H needs 240 ≤ parent's target
    expect(problems([{ ...CATALOGUE[2], targetMinutes: 100 }], stored)).toEqual(['stored commitment "PICK_4H": "targetMinutes" 240 exceeds its parent "DISPATCH_6H"\'s 100']);
  });
});

describe('the bootstrap file refuses a bad catalogue whole', () => {
  const seed = (commitments: Raw[]): Raw => ({
    units: [
      { id: 'group', name: 'G', level: 'GROUP' },
      { id: 'bu-grid', name: 'Grid', level: 'BUSINESS_UNIT', parentId: 'group' },
      { id: 'bu-logistics', name: 'Logistics', level: 'BUSINESS_UNIT', parentId: 'group' },
      { id: 'prj-order-desk', name: 'Order desk', level: 'PROJECT', parentId: 'bu-grid' },
    ],
    commitments,
  });

  it('returns the definitions of a good file', () => {
    expect(parseSeed(seed(CATALOGUE)).commitments.map((d) => d.code)).toEqual(['DELIVERY_2D', 'ORDER_ENTRY_2H', 'DISPATCH_6H', 'PICK_4H']);
  });

  it('throws naming the entry, and nothing else of the file is returned', () => {
    expect(() => parseSeed(seed(edit(1, { ownerUnitId: 'prj-gone' })))).toThrow(SeedError);
    expect(() => parseSeed(seed(edit(1, { ownerUnitId: 'prj-gone' })))).toThrow('commitments[1] ("ORDER_ENTRY_2H"): unknown owner unit "prj-gone"');
  });

  it('refuses "commitments" that is not an array', () => {
    expect(() => parseSeed({ ...seed([]), commitments: { code: 'X' } })).toThrow('"commitments" must be an array');
  });
});

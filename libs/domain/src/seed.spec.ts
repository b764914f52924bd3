import type { OrgUnitRecord } from './org-tree';
import { SeedError, parseSeed } from './seed';

const KEY = 'k'.repeat(24);

// The file as JSON gives it: loosely typed (type aliases, so they cast to records), so tests can break it.
type RawUnit = {
  id: string;
  name: string;
  level: string;
  parentId?: string | null;
  region?: string;
  industry?: string;
};
type RawSeed = {
  units: RawUnit[];
  users: { username: string; password: string; role: string; unitId: string }[];
  sites: { id: string; unitId: string; key: string }[];
};

// The example of contract/seed.md, filled in.
const validSeed = (): RawSeed => ({
  units: [
    { id: 'group', name: 'Example Group', level: 'GROUP' },
    { id: 'bu-grid', name: 'Grid Automation', level: 'BUSINESS_UNIT', parentId: 'group', region: 'East', industry: 'Energy' },
    { id: 'prj-uhv-01', name: 'UHV Line 01', level: 'PROJECT', parentId: 'bu-grid', region: 'East', industry: 'Energy' },
  ],
  users: [
    { username: 'head.grid', password: 'correct horse', role: 'UNIT_HEAD', unitId: 'bu-grid' },
    { username: 'ceo', password: '12345678', role: 'EXECUTIVE', unitId: 'group' },
  ],
  sites: [{ id: 'site-grid', unitId: 'bu-grid', key: KEY }],
});

type Raw = RawSeed & Record<string, unknown>;

/** The problems parseSeed reports, or [] when it accepts the file. */
function problemsOf(raw: unknown, existing: OrgUnitRecord[] = []): string[] {
  try {
    parseSeed(raw, existing);
    return [];
  } catch (e) {
    if (e instanceof SeedError) return e.problems;
    throw e;
  }
}

const stored = (id: string, level: OrgUnitRecord['level'], parentId: string | null): OrgUnitRecord => ({
  id,
  name: id,
  level,
  parentId,
  region: null,
  industry: null,
});
const STORED_TREE = [stored('group', 'GROUP', null), stored('bu-old', 'BUSINESS_UNIT', 'group'), stored('prj-old', 'PROJECT', 'bu-old')];

describe('parseSeed: a valid file', () => {
  it('parses the documented example into units, users and sites', () => {
    expect(parseSeed(validSeed())).toEqual({
      units: [
        { id: 'group', name: 'Example Group', level: 'GROUP', parentId: null, region: null, industry: null },
        { id: 'bu-grid', name: 'Grid Automation', level: 'BUSINESS_UNIT', parentId: 'group', region: 'East', industry: 'Energy' },
        { id: 'prj-uhv-01', name: 'UHV Line 01', level: 'PROJECT', parentId: 'bu-grid', region: 'East', industry: 'Energy' },
      ],
      users: [
        { username: 'head.grid', password: 'correct horse', role: 'UNIT_HEAD', unitId: 'bu-grid' },
        { username: 'ceo', password: '12345678', role: 'EXECUTIVE', unitId: 'group' },
      ],
      sites: [{ id: 'site-grid', unitId: 'bu-grid', key: KEY }],
      commitments: [],
      perceptionPoints: [],
      targets: [],
    });
  });

  it('accepts units listed children first (order in the file does not matter)', () => {
    const raw = validSeed();
    raw.units.reverse();
    expect(problemsOf(raw)).toEqual([]);
  });

  it('treats missing users and sites as empty, and blank region as none', () => {
    const s = parseSeed({ units: [{ id: 'g', name: 'G', level: 'GROUP', region: '  ', parentId: null }] });
    expect(s).toEqual({ users: [], sites: [], commitments: [], perceptionPoints: [], targets: [], units: [{ id: 'g', name: 'G', level: 'GROUP', parentId: null, region: null, industry: null }] });
  });

  it('lets units, users and sites reference stored units (`existing`)', () => {
    const raw = {
      units: [
        { id: 'prj-new', name: 'New', level: 'PROJECT', parentId: 'bu-old' },
        { id: 'bu-new', name: 'New BU', level: 'BUSINESS_UNIT', parentId: 'group' },
      ],
      users: [{ username: 'agent.old', password: 'password1', role: 'AGENT', unitId: 'prj-old' }],
      sites: [{ id: 'site-old', unitId: 'bu-old', key: KEY }],
    };
    expect(problemsOf(raw, STORED_TREE)).toEqual([]);
    expect(parseSeed(raw, STORED_TREE).units.map((u) => u.id)).toEqual(['prj-new', 'bu-new']);
    // the same file without the stored tree names every dangling reference
    expect(problemsOf(raw)).toEqual([
      'units[0] ("prj-new"): unknown parent "bu-old"',
      'units[1] ("bu-new"): unknown parent "group"',
      'users[0] ("agent.old"): unknown unit "prj-old"',
      'sites[0] ("site-old"): unknown unit "bu-old"',
    ]);
  });

  it('may re-send the stored GROUP (idempotent re-apply) without it counting twice', () => {
    expect(problemsOf(validSeed(), STORED_TREE)).toEqual([]);
  });
});

describe('parseSeed: every rule, each problem naming its entry', () => {
  type Case = [string, (raw: Raw) => unknown, string];
  const CASES: Case[] = [
    ['unknown parent', (r) => (r.units[2].parentId = 'bu-nope'), 'units[2] ("prj-uhv-01"): unknown parent "bu-nope"'],
    ['a second GROUP', (r) => r.units.push({ id: 'group-2', name: 'Other', level: 'GROUP' }), 'there must be exactly one GROUP unit, found "group", "group-2"'],
    ['a GROUP with a parent', (r) => (r.units[0].parentId = 'bu-grid'), 'units[0] ("group"): a GROUP has no parent'],
    ['a bad level', (r) => (r.units[2].level = 'TEAM'), 'units[2] ("prj-uhv-01"): "level" must be one of GROUP, BUSINESS_UNIT, PROJECT'],
    ['a missing level', (r) => delete (r.units[1] as Record<string, unknown>).level, 'units[1] ("bu-grid"): "level" must be one of GROUP, BUSINESS_UNIT, PROJECT'],
    ['a PROJECT under the GROUP', (r) => (r.units[2].parentId = 'group'), 'units[2] ("prj-uhv-01"): a PROJECT must sit under a BUSINESS_UNIT, "group" is a GROUP'],
    ['a BUSINESS_UNIT under a PROJECT', (r) => r.units.push({ id: 'bu-x', name: 'X', level: 'BUSINESS_UNIT', parentId: 'prj-uhv-01' }), 'units[3] ("bu-x"): a BUSINESS_UNIT must sit under a GROUP, "prj-uhv-01" is a PROJECT'],
    ['a BUSINESS_UNIT without parent', (r) => delete (r.units[1] as Record<string, unknown>).parentId, 'units[1] ("bu-grid"): a BUSINESS_UNIT needs a "parentId"'],
    ['a parentId that is not an id', (r) => ((r.units[2] as Record<string, unknown>).parentId = 7), 'units[2] ("prj-uhv-01"): "parentId" must be a unit id'],
    ['a duplicate unit id', (r) => r.units.push({ id: 'bu-grid', name: 'Again', level: 'BUSINESS_UNIT', parentId: 'group' }), 'units[3] ("bu-grid"): duplicate unit id "bu-grid"'],
    ['a unit without id', (r) => delete (r.units[2] as Record<string, unknown>).id, 'units[2]: "id" must be 1-64 letters, digits, ".", "_" or "-"'],
    ['a unit id with a space', (r) => (r.units[2].id = 'prj uhv'), 'units[2] ("prj uhv"): "id" must be 1-64 letters, digits, ".", "_" or "-"'],
    ['a unit id of 65 characters', (r) => (r.units[2].id = 'p'.repeat(65)), `units[2] ("${'p'.repeat(65)}"): "id" must be 1-64 letters, digits, ".", "_" or "-"`],
    ['a unit without name', (r) => (r.units[1].name = ' '), 'units[1] ("bu-grid"): "name" is required'],
    ['a unit that is not an object', (r) => (r.units as unknown[]).push('prj-2'), 'units[3] must be an object'],
    ['units not an array', (r) => (r.units = {} as Raw['units']), '"units" must be an array'],
    ['a user with an unknown unit', (r) => (r.users[0].unitId = 'bu-nope'), 'users[0] ("head.grid"): unknown unit "bu-nope"'],
    ['a user without unit', (r) => delete (r.users[1] as Record<string, unknown>).unitId, 'users[1] ("ceo"): "unitId" is required'],
    ['a site without unit', (r) => delete (r.sites[0] as Record<string, unknown>).unitId, 'sites[0] ("site-grid"): "unitId" is required'],
    ['a duplicate username', (r) => (r.users[1].username = 'head.grid'), 'users[1] ("head.grid"): duplicate username "head.grid"'],
    ['a user without username', (r) => delete (r.users[1] as Record<string, unknown>).username, 'users[1]: "username" is required'],
    ['a short password', (r) => (r.users[1].password = '1234567'), 'users[1] ("ceo"): "password" must have at least 8 characters'],
    ['a missing password', (r) => delete (r.users[0] as Record<string, unknown>).password, 'users[0] ("head.grid"): "password" must have at least 8 characters'],
    ['a bad role', (r) => (r.users[0].role = 'BOSS'), 'users[0] ("head.grid"): "role" must be one of AGENT, UNIT_HEAD, EXECUTIVE, ADMIN'],
    ['a site with an unknown unit', (r) => (r.sites[0].unitId = 'nowhere'), 'sites[0] ("site-grid"): unknown unit "nowhere"'],
    ['a short site key', (r) => (r.sites[0].key = 'k'.repeat(23)), 'sites[0] ("site-grid"): "key" must have at least 24 characters'],
    ['a duplicate site id', (r) => r.sites.push({ id: 'site-grid', unitId: 'group', key: 'z'.repeat(24) }), 'sites[1] ("site-grid"): duplicate site id "site-grid"'],
    ['the same key for two sites', (r) => r.sites.push({ id: 'site-2', unitId: 'group', key: KEY }), 'sites[1] ("site-2"): the same key is given to two sites'],
    ['a bad site id', (r) => (r.sites[0].id = '-site'), 'sites[0] ("-site"): "id" must be 1-64 letters, digits, ".", "_" or "-"'],
  ];

  it.each(CASES)('%s', (_name, mutate, problem) => {
    const raw = validSeed() as Raw;
    mutate(raw);
    const problems = problemsOf(raw);
    expect(problems).toContain(problem);
    expect(() => parseSeed(raw)).toThrow(SeedError);
  });

  it('reports a cycle among mislabelled units (and their wrong levels)', () => {
    const raw = validSeed() as Raw;
    raw.units.push(
      { id: 'bu-x', name: 'X', level: 'BUSINESS_UNIT', parentId: 'bu-y' },
      { id: 'bu-y', name: 'Y', level: 'BUSINESS_UNIT', parentId: 'bu-x' },
    );
    const problems = problemsOf(raw);
    expect(problems).toContain('units[3] ("bu-x"): its parents form a cycle');
    expect(problems).toContain('units[4] ("bu-y"): its parents form a cycle');
    expect(problems).toContain('units[3] ("bu-x"): a BUSINESS_UNIT must sit under a GROUP, "bu-y" is a BUSINESS_UNIT');
  });

  it('reports a unit that is its own parent as a cycle', () => {
    const raw = validSeed() as Raw;
    raw.units[2].parentId = 'prj-uhv-01';
    expect(problemsOf(raw)).toContain('units[2] ("prj-uhv-01"): its parents form a cycle');
  });

  it('a second GROUP counts stored units too', () => {
    expect(problemsOf({ units: [{ id: 'group-new', name: 'New', level: 'GROUP' }] }, STORED_TREE)).toEqual([
      'there must be exactly one GROUP unit, found "group", "group-new"',
    ]);
  });

  it('a file may not re-level a stored unit out from under its stored children', () => {
    const raw = { units: [{ id: 'bu-old', name: 'Now a project', level: 'PROJECT', parentId: 'bu-2' }, { id: 'bu-2', name: 'B2', level: 'BUSINESS_UNIT', parentId: 'group' }] };
    expect(problemsOf(raw, STORED_TREE)).toEqual([
      'stored unit "prj-old": a PROJECT must sit under a BUSINESS_UNIT, the file makes "bu-old" a PROJECT',
    ]);
    // moving a stored unit without changing its level is fine
    const moved = { units: [{ id: 'bu-2', name: 'B2', level: 'BUSINESS_UNIT', parentId: 'group' }, { id: 'prj-old', name: 'P', level: 'PROJECT', parentId: 'bu-2' }] };
    expect(problemsOf(moved, STORED_TREE)).toEqual([]);
  });

  it.each([
    ['a string', 'units: []'],
    ['null', null],
    ['an array', [validSeed()]],
  ])('rejects a file that is %s, not an object', (_name, raw) => {
    expect(problemsOf(raw)).toEqual(['the file must hold a JSON object']);
  });

  it('collects every problem of the file before failing, and says nothing was applied', () => {
    const raw = validSeed() as Raw;
    raw.units[2].parentId = 'bu-nope';
    raw.users[0].password = 'short';
    raw.sites[0].key = 'short';
    let error: unknown;
    try {
      parseSeed(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedError);
    const e = error as SeedError;
    expect(e.problems).toEqual([
      'units[2] ("prj-uhv-01"): unknown parent "bu-nope"',
      'users[0] ("head.grid"): "password" must have at least 8 characters',
      'sites[0] ("site-grid"): "key" must have at least 24 characters',
    ]);
    expect(e.message).toMatch(/^the bootstrap file is invalid, nothing was applied:\n {2}- units\[2\]/);
    for (const p of e.problems) expect(e.message).toContain(p);
  });
});

describe('stage 2: perception points and targets in the bootstrap file', () => {
  const withStage2 = (extra: Record<string, unknown>): Raw => ({ ...validSeed(), ...extra }) as Raw;
  const point = { code: 'PP_REPAIR_SPEED', name: 'Repair speed', nameZh: '维修速度', needCategories: ['FAULT'], target: 0.8 };

  it('reads the catalogue in the file order and targets per unit and key', () => {
    const s = parseSeed(
      withStage2({
        perceptionPoints: [point, { code: 'PP_BILL', name: 'Bill clarity', needCategories: ['BILLING', 'BILLING'], target: 0.75 }],
        targets: [
          { unitId: 'group', key: 'aht', target: 600 },
          { unitId: 'bu-grid', key: 'overall', target: 70, amberBand: 5 },
        ],
      }),
    );
    expect(s.perceptionPoints.map((p) => p.code)).toEqual(['PP_REPAIR_SPEED', 'PP_BILL']);
    expect(s.perceptionPoints[1]).toEqual({ code: 'PP_BILL', name: 'Bill clarity', nameZh: null, needCategories: ['BILLING'], target: 0.75 });
    expect(s.targets).toEqual([
      { unitId: 'group', key: 'aht', target: 600, amberBand: null },
      { unitId: 'bu-grid', key: 'overall', target: 70, amberBand: 5 },
    ]);
  });

  it.each([
    [{ perceptionPoints: [point, point] }, 'perceptionPoints[1] ("PP_REPAIR_SPEED"): duplicate perception point code "PP_REPAIR_SPEED"'],
    [{ perceptionPoints: [{ ...point, needCategories: ['FAULT', 'WEATHER'] }] }, 'perceptionPoints[0] ("PP_REPAIR_SPEED"): unknown need category "WEATHER"'],
    [{ perceptionPoints: [{ ...point, target: 80 }] }, 'perceptionPoints[0] ("PP_REPAIR_SPEED"): "target" must be a csat above 0 and at most 1'],
    [{ perceptionPoints: [{ ...point, code: 'pp lower' }] }, 'perceptionPoints[0] ("pp lower"): "code" must be 1-64 capitals'],
    [{ targets: [{ unitId: 'bu-nope', key: 'aht', target: 600 }] }, 'targets[0] ("bu-nope" aht): unitId: no org unit "bu-nope"'],
    [{ targets: [{ unitId: 'group', key: 'speed', target: 1 }] }, 'targets[0] ("group" speed): key: "speed" is not an indicator'],
    [{ targets: [{ unitId: 'group', key: 'aht', target: '600' }] }, 'targets[0] ("group" aht): target: must be a finite number'],
    [{ targets: [{ unitId: 'group', key: 'aht', target: 600, amberBand: -1 }] }, 'targets[0] ("group" aht): amberBand: must be a number ≥ 0'],
    [{ targets: [{ unitId: 'group', key: 'aht', target: 600 }, { unitId: 'group', key: 'aht', target: 500 }] }, 'targets[1] ("group" aht): a second target for the same unit and key'],
  ])('refuses the whole file for a bad entry, naming it (%#)', (extra, message) => {
    const problems = problemsOf(withStage2(extra));
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(message)).toBe(true);
  });
});

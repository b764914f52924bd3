import {
  ADMINISTRATORS,
  ANY_CALLER,
  ANY_USER,
  callerKind,
  canRevokeTokensOf,
  inScope,
  mayCall,
  RECORDERS,
  SCORE_READERS,
  TOUCHPOINT_READERS,
  type Caller,
  type CallerKind,
  type UserCaller,
} from './access-policy';
import { OrgTree, type OrgUnitRecord } from './org-tree';
import type { OrgLevel } from './vocabulary';

const unit = (id: string, level: OrgLevel, parentId: string | null): OrgUnitRecord => ({ id, name: id, level, parentId, region: null, industry: null });
// group ─┬─ bu-a ─── prj-a1
//        └─ bu-b ─── prj-b1
const tree = new OrgTree([unit('group', 'GROUP', null), unit('bu-a', 'BUSINESS_UNIT', 'group'), unit('prj-a1', 'PROJECT', 'bu-a'), unit('bu-b', 'BUSINESS_UNIT', 'group'), unit('prj-b1', 'PROJECT', 'bu-b')]);

const CALLERS: Record<CallerKind, Caller> = {
  AGENT: { kind: 'user', username: 'agent.a1', role: 'AGENT', unitId: 'prj-a1' },
  UNIT_HEAD: { kind: 'user', username: 'head.a', role: 'UNIT_HEAD', unitId: 'bu-a' },
  EXECUTIVE: { kind: 'user', username: 'exec', role: 'EXECUTIVE', unitId: 'group' },
  ADMIN: { kind: 'user', username: 'admin', role: 'ADMIN', unitId: 'bu-b' },
  site: { kind: 'site', siteId: 'site-a', unitId: 'bu-a' },
};

describe('who may call what (the role rules the API guard reads)', () => {
  // ✓ may call, · may not: one row per kind of caller.
  it.each<[CallerKind, string]>([
    //           any  user  record  scores  touchpoints  admin
    ['AGENT', '     ✓    ✓     ✓       ·         ✓          ·'],
    ['UNIT_HEAD', ' ✓    ✓     ·       ✓         ✓          ·'],
    ['EXECUTIVE', ' ✓    ✓     ✓       ✓         ✓          ·'],
    ['ADMIN', '     ✓    ✓     ✓       ✓         ✓          ✓'],
    ['site', '      ✓    ·     ✓       ·         ·          ·'],
  ])('%s', (kind, row) => {
    const caller = CALLERS[kind];
    expect(callerKind(caller)).toBe(kind);
    const lists = [ANY_CALLER, ANY_USER, RECORDERS, SCORE_READERS, TOUCHPOINT_READERS, ADMINISTRATORS];
    expect(lists.map((l) => (mayCall(caller, l) ? '✓' : '·')).join('')).toBe(row.replace(/\s+/g, ''));
  });
});

describe('inScope: users and sites see their unit’s subtree, executives and admins everything', () => {
  it.each<[CallerKind, string[]]>([
    ['AGENT', ['prj-a1']],
    ['UNIT_HEAD', ['bu-a', 'prj-a1']],
    ['EXECUTIVE', ['group', 'bu-a', 'prj-a1', 'bu-b', 'prj-b1']],
    ['ADMIN', ['group', 'bu-a', 'prj-a1', 'bu-b', 'prj-b1']],
    ['site', ['bu-a', 'prj-a1']],
  ])('%s', (kind, visible) => {
    expect(tree.all().filter((u) => inScope(CALLERS[kind], tree, u.id)).map((u) => u.id).sort()).toEqual([...visible].sort());
    expect(inScope(CALLERS[kind], tree, 'no-such-unit')).toBe(false);
  });
});

describe('canRevokeTokensOf: a user their own tokens, an ADMIN anyone’s', () => {
  it.each<[Exclude<CallerKind, 'site'>, string, boolean]>([
    ['AGENT', 'agent.a1', true],
    ['AGENT', 'head.a', false],
    ['UNIT_HEAD', 'agent.a1', false], // not even for their own unit's agents
    ['EXECUTIVE', 'head.a', false],
    ['ADMIN', 'exec', true],
    ['ADMIN', 'admin', true],
  ])('%s → %s: %s', (kind, username, may) => {
    expect(canRevokeTokensOf(CALLERS[kind] as UserCaller, username)).toBe(may);
  });
});

import type { Caller } from './access-policy';
import { canOpenFeed, feedReads } from './feed-policy';
import { OrgTree } from './org-tree';

// group ─┬─ bu-a ─── prj-a1
//        └─ bu-b
const tree = new OrgTree([
  { id: 'group', name: 'G', level: 'GROUP', parentId: null, region: null, industry: null },
  { id: 'bu-a', name: 'A', level: 'BUSINESS_UNIT', parentId: 'group', region: null, industry: null },
  { id: 'bu-b', name: 'B', level: 'BUSINESS_UNIT', parentId: 'group', region: null, industry: null },
  { id: 'prj-a1', name: 'A1', level: 'PROJECT', parentId: 'bu-a', region: null, industry: null },
]);

const CALLERS: Record<string, Caller> = {
  admin: { kind: 'user', username: 'admin', role: 'ADMIN', unitId: 'group' },
  exec: { kind: 'user', username: 'exec', role: 'EXECUTIVE', unitId: 'bu-a' },
  head: { kind: 'user', username: 'head', role: 'UNIT_HEAD', unitId: 'bu-a' },
  agent: { kind: 'user', username: 'agent', role: 'AGENT', unitId: 'prj-a1' },
  site: { kind: 'site', siteId: 'site-a', unitId: 'bu-a' },
};

describe('feedReads: the feed carries what GraphQL lets the caller read for that unit', () => {
  it.each([
    // caller, unit, reads
    ['admin', 'bu-b', ['touchpoints', 'scores']],
    ['exec', 'bu-b', ['touchpoints', 'scores']], // executives see everything, wherever their own unit is
    ['head', 'bu-a', ['touchpoints', 'scores']],
    ['head', 'prj-a1', ['touchpoints', 'scores']],
    ['head', 'group', []], // above its unit
    ['head', 'bu-b', []], // a sibling
    ['agent', 'prj-a1', ['touchpoints']], // engagementScore refuses agents: no scores on the feed either
    ['agent', 'bu-a', []],
    ['site', 'bu-a', []], // site keys only write
    ['site', 'prj-a1', []],
    ['admin', 'no-such-unit', []],
  ])('%s on %s → %j', (caller, unitId, reads) => {
    expect(feedReads(CALLERS[caller], tree, unitId)).toEqual(reads);
  });
});

describe('canOpenFeed', () => {
  it.each([
    ['admin', true],
    ['exec', true],
    ['head', true],
    ['agent', true],
    ['site', false],
  ])('%s → %s', (caller, open) => {
    expect(canOpenFeed(CALLERS[caller])).toBe(open);
  });
});

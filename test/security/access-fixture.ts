import { randomUUID } from 'node:crypto';
import { graphql } from '../__generated__/gateway';
import { TEST_ORG, type GqlResponse } from '../support/gateway-app';

// What the access matrix needs besides the table: the callers, who sees what
// in TEST_ORG, one GraphQL document per operation, and a way to find every
// org unit a response mentions (to prove nothing outside the scope leaks).

export type CallerName = 'admin' | 'exec' | 'head.a' | 'agent.a1' | 'site-a' | 'none' | 'garbage' | 'forged' | 'expired' | 'unsigned' | 'unversioned';
type Data = Record<string, unknown>;
export type Expected = 'ok' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'FORBIDDEN_UNIT' | 'UNKNOWN_UNIT';

/** Tokens that must not authenticate anyone; each one a different way of being wrong. */
export const BAD_CALLERS: CallerName[] = ['none', 'garbage', 'forged', 'expired', 'unsigned', 'unversioned'];

const ALL_UNITS = TEST_ORG.units.map((u) => u.id);
const parentOf = new Map(TEST_ORG.units.map((u) => [u.id, 'parentId' in u ? u.parentId : null]));
export const parentIdOf = (id: string): string | null => parentOf.get(id) ?? null;
export const childrenOf = (id: string): string[] => ALL_UNITS.filter((u) => parentOf.get(u) === id);
export const subtreeOf = (id: string): string[] => [id, ...childrenOf(id).flatMap(subtreeOf)];

/** The units each authenticated caller may see, from DESIGN.md's Security section. */
export const SCOPE: Partial<Record<CallerName, string[]>> = {
  admin: ALL_UNITS,
  exec: ALL_UNITS,
  'head.a': subtreeOf('bu-a'),
  'agent.a1': subtreeOf('prj-a1'), // a leaf: just its own unit
  'site-a': subtreeOf('bu-a'),
};

export const USER_OF: Partial<Record<CallerName, { username: string; password: string; role: string; unitId: string }>> = Object.fromEntries(
  TEST_ORG.users.map((u) => [u.username, u]),
);

const HOUR = 3_600_000;
const thisHour = Math.floor(Date.now() / HOUR) * HOUR;
/** Every touchpoint of the suite happened here; WINDOW holds it. */
export const OCCURRED_AT = new Date(thisHour - 2 * HOUR + 10 * 60_000).toISOString();
export const WINDOW = { from: new Date(thisHour - 24 * HOUR).toISOString(), to: new Date(thisHour).toISOString() };
export const WINDOW_HOURS = 24;

/** The access matrix's commitment catalogue: a promise whose step another business unit owns. */
export const MATRIX_COMMITMENTS = [
  { code: 'PROMISE', name: 'Promise', level: 1, targetMinutes: 600 },
  { code: 'PROMISE.STEP', name: 'Step of bu-b', level: 2, parentCode: 'PROMISE', targetMinutes: 60, ownerUnitId: 'bu-b' },
];

export function touchpoint(unitId: string, rated = false, commitment = false): Record<string, unknown> {
  const t = touchpointBody(unitId, rated);
  if (commitment) (t.service as Record<string, unknown>).commitment = { code: 'PROMISE', met: false };
  return t;
}

function touchpointBody(unitId: string, rated: boolean): Record<string, unknown> {
  return {
    id: randomUUID(),
    unitId,
    customerId: 'cust-42',
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: OCCURRED_AT,
    need: { category: 'FAULT', description: 'meter offline' },
    service: { action: 'remote reset', handleSeconds: 240, resolved: true, firstContact: true },
    ...(rated ? { satisfaction: { score: 5 } } : {}),
  };
}

// Every OrgUnit in a response carries __typename, its parent and its children,
// so that leakOutside() sees each unit the caller was shown.
graphql(`fragment MatrixUnit on OrgUnit { __typename id parent { __typename id } children { __typename id } }`);
graphql(`fragment MatrixScore on EngagementScore { unit { ...MatrixUnit } from to touchpoints overall chains { chain score } }`);

// One document per operation of the API, typed by `npm run codegen`.
export const DOCS = {
  me: graphql(`query MatrixMe { me { token role unitId } }`),
  orgUnits: graphql(`query MatrixOrgUnits { orgUnits { ...MatrixUnit } }`),
  orgUnit: graphql(`query MatrixOrgUnit($id: ID!) { orgUnit(id: $id) { ...MatrixUnit } }`),
  engagementScore: graphql(`query MatrixScore($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $u, from: $from, to: $to) { ...MatrixScore } }`),
  engagementScores: graphql(`query MatrixScores($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $u, from: $from, to: $to) { ...MatrixScore } }`),
  engagementBreakdown: graphql(`query MatrixBreakdown($u: ID!, $from: DateTime!, $to: DateTime!) {
    engagementBreakdown(unitId: $u, from: $from, to: $to, by: CHANNEL) { value score { ...MatrixScore } } }`),
  engagementTrend: graphql(`query MatrixTrend($u: ID!, $from: DateTime!, $to: DateTime!) {
    engagementTrend(unitId: $u, from: $from, to: $to, interval: HOUR) { ...MatrixScore } }`),
  // The trend on local days (timeZone): the same scope as the UTC trend.
  engagementTrendZoned: graphql(`query MatrixTrendZoned($u: ID!, $from: DateTime!, $to: DateTime!) {
    engagementTrendZoned: engagementTrend(unitId: $u, from: $from, to: $to, interval: DAY, timeZone: "Asia/Shanghai") { ...MatrixScore } }`),
  touchpoints: graphql(`query MatrixTouchpoints($u: ID!, $from: DateTime!, $to: DateTime!) {
    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }`),
  // The drill-down with a filter and totalCount, and the breakdown by agent: the same scope as their plain forms.
  touchpointsFiltered: graphql(`query MatrixTouchpointsFiltered($u: ID!, $from: DateTime!, $to: DateTime!) {
    touchpointsFiltered: touchpoints(unitId: $u, from: $from, to: $to, first: 100, filter: { measure: "csat", part: DENOMINATOR, channel: PHONE, agentId: "UNKNOWN" }) {
      totalCount edges { node { id agentId handleSeconds satisfaction { score } unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }`),
  engagementBreakdownByAgent: graphql(`query MatrixBreakdownByAgent($u: ID!, $from: DateTime!, $to: DateTime!) {
    engagementBreakdownByAgent: engagementBreakdown(unitId: $u, from: $from, to: $to, by: AGENT) { value score { ...MatrixScore } } }`),
  login: graphql(`mutation MatrixLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token role unitId } }`),
  recordTouchpoints: graphql(`mutation MatrixRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }`),
  recordSatisfaction: graphql(`mutation MatrixRate($id: ID!, $s: SatisfactionInput!) {
    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score } unit { ...MatrixUnit } } }`),
  recordSatisfactions: graphql(`mutation MatrixRateMany($input: [SatisfactionRatingInput!]!) {
    recordSatisfactions(input: $input) { rated unchanged rejected { index code message } } }`),
  upsertOrgUnit: graphql(`mutation MatrixUpsertOrgUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { ...MatrixUnit } }`),
  upsertUser: graphql(`mutation MatrixUpsertUser($input: UserInput!) { upsertUser(input: $input) { username role unitId } }`),
  issueSiteKey: graphql(`mutation MatrixIssueSiteKey($siteId: ID!, $unitId: ID!) { issueSiteKey(siteId: $siteId, unitId: $unitId) { siteId unitId key } }`),
  auditLog: graphql(`query MatrixAuditLog($action: AuditAction) { auditLog(first: 50, action: $action) { edges { node { actor action target } } pageInfo { hasNextPage } } }`),
  revokeTokens: graphql(`mutation MatrixRevokeTokens($username: String!) { revokeTokens(username: $username) }`),
  commitmentCatalogue: graphql(`query MatrixCatalogue { commitmentCatalogue { code level parentCode targetMinutes warnAtPercent } }`),
  // ownerUnit may lie outside the caller's scope by design (another unit's step): only its id is asked for.
  commitments: graphql(`query MatrixCommitments($u: ID!, $from: DateTime!, $to: DateTime!) {
    commitments(unitId: $u, from: $from, to: $to) { totalCount edges { node { id code state unit { ...MatrixUnit } ownerUnit { id } } } } }`),
  commitmentPerformance: graphql(`query MatrixCommitmentPerformance($u: ID!, $from: DateTime!, $to: DateTime!) {
    commitmentPerformance(unitId: $u, from: $from, to: $to) { code level started met breached open atRisk keptRate causedBreaches } }`),
  upsertCommitment: graphql(`mutation MatrixUpsertCommitment($input: CommitmentDefinitionInput!) { upsertCommitment(input: $input) { code level targetMinutes } }`),
  recordCommitmentEvents: graphql(`mutation MatrixCommitmentEvents($input: [CommitmentEventInput!]!) {
    recordCommitmentEvents(input: $input) { accepted duplicates rejected { index code message } } }`),
  // A trace's own link: the node, its promise; units outside the scope (owners) only by id.
  commitment: graphql(`query MatrixCommitment($id: ID!) { commitment(id: $id) { id code touchpointId unit { ...MatrixUnit } ownerUnit { id } promise { id code } } }`),
  commitmentAlerts: graphql(`query MatrixCommitmentAlerts($u: ID!) { commitmentAlerts(unitId: $u) { id type touchpointId customerId unit { id } ownerUnit { id } } }`),
  followUps: graphql(`query MatrixFollowUps($u: ID!) { followUps(unitId: $u) { totalCount edges { node { id reason state customerId unit { ...MatrixUnit } } } } }`),
  openFollowUp: graphql(`mutation MatrixOpenFollowUp($id: ID!) { openFollowUp(touchpointId: $id, note: "call back") { id reason state unit { ...MatrixUnit } } }`),
  assignFollowUp: graphql(`mutation MatrixAssignFollowUp($id: ID!, $assignee: String!) { assignFollowUp(id: $id, assignee: $assignee) { id assignee unit { ...MatrixUnit } } }`),
  closeFollowUp: graphql(`mutation MatrixCloseFollowUp($id: ID!) { closeFollowUp(id: $id, outcome: "called back, solved") { id state outcome unit { ...MatrixUnit } } }`),
  customer: graphql(`query MatrixCustomer($c: String!) { customer(customerId: $c) { customerId touchpoints engagement { type score }
    units { unit { ...MatrixUnit } touchpoints lastContactAt } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }`),
  atRiskCustomers: graphql(`query MatrixAtRisk($u: ID!) { atRiskCustomers(unitId: $u) { customerId probability drivers { feature contribution } } }`),
  riskModel: graphql(`query MatrixRiskModel { riskModel { modelVersion auc precisionAt50 baselinePrecisionAt50 } }`),
  customerTimeline: graphql(`query MatrixCustomerTimeline($c: String!) { customerTimeline(customerId: $c, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } } }`),
  // The customer lens narrowed to one unit's subtree (how a site asks for its agent): never wider than the caller's scope.
  customerInUnit: graphql(`query MatrixCustomerInUnit($c: String!, $u: ID!) { customerInUnit: customer(customerId: $c, unitId: $u) { customerId
    units { unit { ...MatrixUnit } } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }`),
  customerTimelineInUnit: graphql(`query MatrixCustomerTimelineInUnit($c: String!, $u: ID!) {
    customerTimelineInUnit: customerTimeline(customerId: $c, first: 500, unitId: $u) { totalCount edges { node { id customerId unit { ...MatrixUnit } } } } }`),
  indicators: graphql(`query MatrixIndicators($u: ID!, $from: DateTime!, $to: DateTime!) {
    indicators(unitId: $u, from: $from, to: $to) { key class value numerator denominator target status previous } }`),
  engagementTypes: graphql(`query MatrixEngagementTypes($u: ID!, $from: DateTime!, $to: DateTime!) {
    engagementTypes(unitId: $u, from: $from, to: $to) { type score measures { key value } } }`),
  perceptionPoints: graphql(`query MatrixPerceptionPoints($u: ID!, $from: DateTime!, $to: DateTime!) {
    perceptionPoints(unitId: $u, from: $from, to: $to) { point { code } touchpoints rated csat impact shortBoard } }`),
  perceptionPointCatalogue: graphql(`query MatrixPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }`),
  targets: graphql(`query MatrixTargets($u: ID!) { targets(unitId: $u) { key target amberBand source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }`),
  setTarget: graphql(`mutation MatrixSetTarget($input: TargetInput!) { setTarget(input: $input) { key target source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }`),
};
export type Operation = keyof typeof DOCS;

/** The ids of every OrgUnit object anywhere in `data`. */
export function unitsIn(data: unknown, out: string[] = []): string[] {
  if (Array.isArray(data)) data.forEach((d) => unitsIn(d, out));
  else if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    if (o.__typename === 'OrgUnit' && typeof o.id === 'string') out.push(o.id);
    Object.values(o).forEach((v) => unitsIn(v, out));
  }
  return out;
}

export const SITE_UNIT: Record<string, string> = { 'site-b1': 'prj-b1', 'site-a': 'bu-a', 'site-a1': 'prj-a1', 'site-x': 'group' };

export function variablesFor(op: Operation, target: string, touchpointId: string | null): Record<string, unknown> {
  switch (op) {
    case 'me':
    case 'orgUnits':
      return {};
    case 'orgUnit':
      return { id: target };
    case 'login': {
      const [username, password] = target.split(':');
      return { username, password: password ?? USER_OF[username as CallerName]?.password ?? 'whatever-password' };
    }
    case 'recordTouchpoints':
      return { input: [touchpoint(target)] };
    case 'recordSatisfaction':
      return { id: touchpointId ?? randomUUID(), s: { score: 4 } };
    case 'recordSatisfactions':
      return { input: [{ touchpointId: touchpointId ?? randomUUID(), satisfaction: { score: 4 } }] };
    case 'commitmentCatalogue':
    case 'perceptionPointCatalogue':
      return {};
    case 'followUps':
    case 'commitmentAlerts':
      return { u: target };
    case 'commitment':
      return { id: touchpointId ?? randomUUID() };
    case 'targets':
      return { u: target };
    case 'setTarget':
      return { input: { unitId: target, key: 'aht', target: 500 } };
    case 'openFollowUp':
    case 'closeFollowUp':
      return { id: touchpointId ?? randomUUID() };
    case 'assignFollowUp':
      return { id: touchpointId ?? randomUUID(), assignee: 'exec' };
    case 'upsertCommitment':
      return { input: { code: `NEW.${target}`, name: 'New promise', level: 1, targetMinutes: 120 } };
    case 'recordCommitmentEvents':
      return { input: [{ id: randomUUID(), touchpointId: touchpointId ?? randomUUID(), code: 'PROMISE', completedAt: new Date().toISOString() }] };
    case 'upsertOrgUnit':
      return { input: TEST_ORG.units.find((u) => u.id === target) };
    case 'upsertUser':
      return {
        input:
          target === 'agent.b1'
            ? { username: 'agent.b1', password: 'agent-b1-password', role: 'AGENT', unitId: 'prj-b1' }
            : { username: target, password: 'promoted-password', role: 'ADMIN', unitId: 'group' },
      };
    case 'issueSiteKey':
      return { siteId: target, unitId: SITE_UNIT[target] };
    case 'auditLog':
      return { action: target };
    case 'revokeTokens':
      return { username: target };
    case 'customer':
    case 'customerTimeline':
      return { c: target };
    case 'customerInUnit':
    case 'customerTimelineInUnit':
      return { c: 'cust-42', u: target };
    case 'atRiskCustomers':
      return { u: target };
    case 'riskModel':
      return {};
    default:
      return { u: target, ...WINDOW };
  }
}

/** Every OrgUnit shown is in scope; its parent is shown only when in scope, its children only those in scope. */
export function checkNoLeak(caller: CallerName, data: unknown): void {
  const scope = SCOPE[caller];
  if (!scope) return;
  expect(unitsIn(data).filter((id) => !scope.includes(id))).toEqual([]);
  const visit = (d: unknown): void => {
    if (Array.isArray(d)) return d.forEach(visit);
    if (!d || typeof d !== 'object') return;
    const o = d as Data;
    if (o.__typename === 'OrgUnit' && 'parent' in o) {
      const id = o.id as string;
      const parent = parentIdOf(id);
      expect({ id, parent: (o.parent as Data | null)?.id ?? null }).toEqual({ id, parent: parent && scope.includes(parent) ? parent : null });
      const kids = (o.children as Data[]).map((k) => k.id);
      expect({ id, children: kids }).toEqual({ id, children: childrenOf(id).filter((k) => scope.includes(k)) });
    }
    Object.values(o).forEach(visit);
  };
  visit(data);
}

export const codesOf = (res: GqlResponse<unknown>): string[] => (res.errors ?? []).map((e) => e.extensions?.code ?? '?');

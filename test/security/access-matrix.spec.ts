import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import { startTestGateway, TEST_ORG, type GqlResponse, type TestGateway } from '../support/gateway-app';
import {
  BAD_CALLERS,
  checkNoLeak,
  childrenOf,
  codesOf,
  DOCS,
  MATRIX_COMMITMENTS,
  SCOPE,
  SITE_UNIT,
  subtreeOf,
  touchpoint,
  USER_OF,
  variablesFor,
  WINDOW,
  WINDOW_HOURS,
  type CallerName,
  type Expected,
  type Operation,
} from './access-fixture';
import { checkFeedRow, FEED_TABLE } from './feed-access';
import type { TypedDocument } from '@qihe/client';
import { graphql } from '../__generated__/gateway';

// Who may do what, checked through the public API of a real gateway running in
// production mode: every role, a site key and five kinds of bad token against
// every query and mutation, inside and outside the caller's part of the org.

const MAX_BODY_BYTES = 20_000;
type Row = [CallerName, Operation, string, Expected];
type Data = Record<string, unknown>;

const ALL_SERVED = TEST_ORG.units.map((u) => u.id);
const bad = (op: Operation, target: string, expected: Expected = 'UNAUTHENTICATED'): Row[] => BAD_CALLERS.map((c) => [c, op, target, expected]);

const readRows = (op: Operation): Row[] => [
  ['admin', op, 'bu-b', 'ok'],
  ['exec', op, 'group', 'ok'],
  ['exec', op, 'prj-b1', 'ok'],
  ['head.a', op, 'bu-a', 'ok'],
  ['head.a', op, 'prj-a1', 'ok'],
  ['head.a', op, 'bu-b', 'FORBIDDEN'],
  ['head.a', op, 'group', 'FORBIDDEN'],
  ['exec', op, 'no-such-unit', 'NOT_FOUND'],
  ['head.a', op, 'no-such-unit', 'NOT_FOUND'],
  ...bad(op, 'prj-a1'),
];
const scoreRows = (op: Operation): Row[] => [
  ...readRows(op),
  ['agent.a1', op, 'prj-a1', 'FORBIDDEN'],
  ['agent.a1', op, 'bu-a', 'FORBIDDEN'],
  ['site-a', op, 'bu-a', 'FORBIDDEN'],
  ['site-a', op, 'prj-a1', 'FORBIDDEN'],
];
const adminRows = (op: Operation, adminTarget: string, refused: Partial<Record<CallerName, string>>): Row[] => [
  ['admin', op, adminTarget, 'ok'],
  ...Object.entries(refused).map(([c, t]): Row => [c as CallerName, op, t, 'FORBIDDEN']),
  ...bad(op, adminTarget),
];

const TABLE: Row[] = [
  ...(['admin', 'exec', 'head.a', 'agent.a1'] as const).map((c): Row => [c, 'me', '-', 'ok']),
  ['site-a', 'me', '-', 'null'],
  ...bad('me', '-', 'null'),

  ...(['admin', 'exec', 'head.a', 'agent.a1', 'site-a'] as const).map((c): Row => [c, 'orgUnits', '-', 'ok']),
  ...bad('orgUnits', '-'),

  ['admin', 'orgUnit', 'group', 'ok'],
  ['exec', 'orgUnit', 'bu-b', 'ok'],
  ['head.a', 'orgUnit', 'bu-a', 'ok'], // its parent (group) must read as null
  ['head.a', 'orgUnit', 'prj-a2', 'ok'],
  ['head.a', 'orgUnit', 'bu-b', 'FORBIDDEN'],
  ['head.a', 'orgUnit', 'prj-b1', 'FORBIDDEN'],
  ['head.a', 'orgUnit', 'group', 'FORBIDDEN'],
  ['agent.a1', 'orgUnit', 'prj-a1', 'ok'],
  ['agent.a1', 'orgUnit', 'prj-a2', 'FORBIDDEN'],
  ['agent.a1', 'orgUnit', 'bu-a', 'FORBIDDEN'],
  ['site-a', 'orgUnit', 'prj-a1', 'ok'],
  ['site-a', 'orgUnit', 'bu-b', 'FORBIDDEN'],
  ['exec', 'orgUnit', 'no-such-unit', 'null'],
  ...bad('orgUnit', 'bu-a'),

  ...scoreRows('engagementScore'),
  ...scoreRows('engagementScores'),
  ...scoreRows('engagementBreakdown'),
  ...scoreRows('engagementTrend'),
  ...scoreRows('engagementTrendZoned'),

  ...readRows('touchpoints'),
  ['agent.a1', 'touchpoints', 'prj-a1', 'ok'],
  ['agent.a1', 'touchpoints', 'prj-a2', 'FORBIDDEN'],
  ['agent.a1', 'touchpoints', 'bu-a', 'FORBIDDEN'],
  ['agent.a1', 'touchpoints', 'no-such-unit', 'NOT_FOUND'],
  ['site-a', 'touchpoints', 'bu-a', 'FORBIDDEN'],
  ['site-a', 'touchpoints', 'prj-a1', 'FORBIDDEN'],
  ...scoreRows('engagementBreakdownByAgent'),
  ...readRows('touchpointsFiltered'),
  ['agent.a1', 'touchpointsFiltered', 'prj-a1', 'ok'],
  ['agent.a1', 'touchpointsFiltered', 'prj-a2', 'FORBIDDEN'],
  ['agent.a1', 'touchpointsFiltered', 'bu-a', 'FORBIDDEN'],
  ['site-a', 'touchpointsFiltered', 'bu-a', 'FORBIDDEN'],

  ['none', 'login', 'head.a', 'ok'],
  ['garbage', 'login', 'agent.a1', 'ok'], // a stale or bad token does not stop anyone signing in
  ['site-a', 'login', 'exec', 'ok'],
  ['none', 'login', 'head.a:wrong-password', 'UNAUTHENTICATED'],
  ['none', 'login', 'nobody.here', 'UNAUTHENTICATED'],

  ['admin', 'recordTouchpoints', 'bu-b', 'ok'],
  ['admin', 'recordTouchpoints', 'group', 'ok'],
  ['exec', 'recordTouchpoints', 'prj-b2', 'ok'],
  ['head.a', 'recordTouchpoints', 'bu-a', 'FORBIDDEN'],
  ['head.a', 'recordTouchpoints', 'prj-a1', 'FORBIDDEN'],
  ['agent.a1', 'recordTouchpoints', 'prj-a1', 'ok'],
  ['agent.a1', 'recordTouchpoints', 'prj-a2', 'FORBIDDEN_UNIT'],
  ['agent.a1', 'recordTouchpoints', 'bu-a', 'FORBIDDEN_UNIT'],
  ['agent.a1', 'recordTouchpoints', 'prj-b1', 'FORBIDDEN_UNIT'],
  ['site-a', 'recordTouchpoints', 'bu-a', 'ok'],
  ['site-a', 'recordTouchpoints', 'prj-a2', 'ok'],
  ['site-a', 'recordTouchpoints', 'bu-b', 'FORBIDDEN_UNIT'],
  ['site-a', 'recordTouchpoints', 'group', 'FORBIDDEN_UNIT'],
  ['site-a', 'recordTouchpoints', 'no-such-unit', 'UNKNOWN_UNIT'],
  ...bad('recordTouchpoints', 'prj-a1'),

  ['admin', 'recordSatisfaction', 'prj-b1', 'ok'],
  ['exec', 'recordSatisfaction', 'prj-a2', 'ok'],
  ['head.a', 'recordSatisfaction', 'prj-a1', 'ok'],
  ['head.a', 'recordSatisfaction', 'bu-a', 'ok'],
  ['head.a', 'recordSatisfaction', 'prj-b1', 'FORBIDDEN'],
  ['head.a', 'recordSatisfaction', 'group', 'FORBIDDEN'],
  ['agent.a1', 'recordSatisfaction', 'prj-a1', 'ok'],
  ['agent.a1', 'recordSatisfaction', 'prj-a2', 'FORBIDDEN'],
  ['site-a', 'recordSatisfaction', 'prj-a1', 'ok'],
  ['site-a', 'recordSatisfaction', 'bu-b', 'FORBIDDEN'],
  ['exec', 'recordSatisfaction', 'no-such-touchpoint', 'NOT_FOUND'],
  ...bad('recordSatisfaction', 'prj-a1'),

  // The batch form: the same policy, but a refused rating is reported per item.
  ['admin', 'recordSatisfactions', 'prj-b1', 'ok'],
  ['exec', 'recordSatisfactions', 'prj-a2', 'ok'],
  ['head.a', 'recordSatisfactions', 'prj-a1', 'ok'],
  ['head.a', 'recordSatisfactions', 'prj-b1', 'FORBIDDEN_UNIT'],
  ['agent.a1', 'recordSatisfactions', 'prj-a1', 'ok'],
  ['agent.a1', 'recordSatisfactions', 'prj-a2', 'FORBIDDEN_UNIT'],
  ['site-a', 'recordSatisfactions', 'prj-a1', 'ok'],
  ['site-a', 'recordSatisfactions', 'bu-b', 'FORBIDDEN_UNIT'],
  ['site-a', 'recordSatisfactions', 'group', 'FORBIDDEN_UNIT'],
  ['exec', 'recordSatisfactions', 'no-such-touchpoint', 'NOT_FOUND'],
  ...bad('recordSatisfactions', 'prj-a1'),

  ...(['admin', 'exec', 'head.a', 'agent.a1', 'site-a'] as const).map((c): Row => [c, 'commitmentCatalogue', '-', 'ok']),
  ...bad('commitmentCatalogue', '-'),

  ...readRows('commitments'),
  ['agent.a1', 'commitments', 'prj-a1', 'ok'],
  ['agent.a1', 'commitments', 'prj-a2', 'FORBIDDEN'],
  ['site-a', 'commitments', 'bu-a', 'FORBIDDEN'],
  ...scoreRows('commitmentPerformance'),

  ...adminRows('upsertCommitment', 'A', { exec: 'B', 'head.a': 'C', 'agent.a1': 'D', 'site-a': 'E' }),

  // Per item, like recordSatisfactions: whoever may record the touchpoint's unit, and the owner unit's users.
  ['admin', 'recordCommitmentEvents', 'prj-b1', 'ok'],
  ['exec', 'recordCommitmentEvents', 'prj-a2', 'ok'],
  ['agent.a1', 'recordCommitmentEvents', 'prj-a1', 'ok'],
  ['agent.a1', 'recordCommitmentEvents', 'prj-a2', 'FORBIDDEN_UNIT'],
  ['head.a', 'recordCommitmentEvents', 'prj-a1', 'ok'], // PROMISE has no owner: the touchpoint's unit answers for it
  ['head.a', 'recordCommitmentEvents', 'prj-b1', 'FORBIDDEN_UNIT'],
  ['site-a', 'recordCommitmentEvents', 'prj-a1', 'ok'],
  ['site-a', 'recordCommitmentEvents', 'bu-b', 'FORBIDDEN_UNIT'],
  ['exec', 'recordCommitmentEvents', 'no-such-touchpoint', 'NOT_FOUND'],
  ...bad('recordCommitmentEvents', 'prj-a1'),

  // One node by id (the target is its touchpoint's unit); owners' users are tested in commitment-board.spec.
  ['admin', 'commitment', 'prj-b1', 'ok'],
  ['exec', 'commitment', 'prj-a2', 'ok'],
  ['head.a', 'commitment', 'prj-a1', 'ok'],
  ['head.a', 'commitment', 'prj-b1', 'FORBIDDEN'],
  ['agent.a1', 'commitment', 'prj-a1', 'ok'],
  ['agent.a1', 'commitment', 'prj-a2', 'FORBIDDEN'],
  ['site-a', 'commitment', 'prj-a1', 'FORBIDDEN'],
  ['exec', 'commitment', 'no-such-commitment', 'null'],
  ...bad('commitment', 'prj-a1'),
  // Alerts heard in a subtree, as the feed sends them (the target gets a breached step first).
  ...readRows('commitmentAlerts'),
  ['agent.a1', 'commitmentAlerts', 'prj-a1', 'ok'],
  ['agent.a1', 'commitmentAlerts', 'prj-a2', 'FORBIDDEN'],
  ['site-a', 'commitmentAlerts', 'bu-a', 'FORBIDDEN'],

  // Follow-ups: whoever's scope holds the unit (an agent: its own unit; site keys for their agents).
  ['admin', 'followUps', 'bu-b', 'ok'],
  ['exec', 'followUps', 'group', 'ok'],
  ['head.a', 'followUps', 'bu-a', 'ok'],
  ['head.a', 'followUps', 'prj-a1', 'ok'],
  ['head.a', 'followUps', 'bu-b', 'FORBIDDEN'],
  ['head.a', 'followUps', 'group', 'FORBIDDEN'],
  ['agent.a1', 'followUps', 'prj-a1', 'ok'],
  ['agent.a1', 'followUps', 'prj-a2', 'FORBIDDEN'],
  ['agent.a1', 'followUps', 'bu-a', 'FORBIDDEN'],
  ['site-a', 'followUps', 'prj-a1', 'ok'],
  ['site-a', 'followUps', 'bu-b', 'FORBIDDEN'],
  ['exec', 'followUps', 'no-such-unit', 'NOT_FOUND'],
  ...bad('followUps', 'prj-a1'),
  ...(['openFollowUp', 'assignFollowUp', 'closeFollowUp'] as const).flatMap((op): Row[] => [
    ['admin', op, 'prj-b1', 'ok'],
    ['exec', op, 'prj-a2', 'ok'],
    ['head.a', op, 'prj-a1', 'ok'],
    ['head.a', op, 'prj-b1', 'FORBIDDEN'],
    ['agent.a1', op, 'prj-a1', 'ok'],
    ['agent.a1', op, 'prj-a2', 'FORBIDDEN'],
    ['site-a', op, 'prj-a1', op === 'openFollowUp' ? 'FORBIDDEN' : 'ok'], // a site key reads no touchpoints, so it opens none
    ['site-a', op, 'bu-b', 'FORBIDDEN'],
    ['exec', op, 'no-such-touchpoint', 'NOT_FOUND'],
    ...bad(op, 'prj-a1'),
  ]),

  // Indicators, engagement types and targets: read like scores; setTarget by the same callers, in their scope.
  ...scoreRows('indicators'),
  ...scoreRows('engagementTypes'),
  ...scoreRows('perceptionPoints'),
  // The catalogue itself (no scores): every role and site keys, which copy it for their agents.
  ...(['admin', 'exec', 'head.a', 'agent.a1', 'site-a'] as const).map((c): Row => [c, 'perceptionPointCatalogue', '-', 'ok']),
  ...bad('perceptionPointCatalogue', '-'),
  ...scoreRows('targets'),
  ...scoreRows('setTarget'),

  ...adminRows('upsertOrgUnit', 'bu-b', { exec: 'bu-b', 'head.a': 'bu-a', 'agent.a1': 'prj-a1', 'site-a': 'bu-a' }),
  // Everyone but the admin tries to make themselves (or a new account) an ADMIN.
  ...adminRows('upsertUser', 'agent.b1', { exec: 'exec', 'head.a': 'head.a', 'agent.a1': 'agent.a1', 'site-a': 'intruder' }),
  ...adminRows('issueSiteKey', 'site-b1', { exec: 'site-x', 'head.a': 'site-a', 'agent.a1': 'site-a1', 'site-a': 'site-a' }),
  // The audit trail: the admin reads it, nobody else (the target is the action filtered on).
  ...adminRows('auditLog', 'LOGIN', { exec: 'LOGIN', 'head.a': 'LOGIN', 'agent.a1': 'LOGIN', 'site-a': 'LOGIN' }),

  // An ADMIN may revoke anyone's tokens, a user only their own (see "signs out everywhere" below).
  ...adminRows('revokeTokens', 'agent.b1', { exec: 'head.a', 'head.a': 'agent.a1', 'agent.a1': 'admin', 'site-a': 'agent.a1' }),
  ['admin', 'revokeTokens', 'no-such-user', 'NOT_FOUND'],
  ['agent.a1', 'revokeTokens', 'no-such-user', 'FORBIDDEN'], // no telling who exists

  // The customer lens: everyone within their scope; a customer served only outside it does not exist for them.
  ...(['customer', 'customerTimeline'] as const).flatMap((op): Row[] => [
    ...(['admin', 'exec', 'head.a', 'agent.a1', 'site-a'] as const).map((c): Row => [c, op, 'cust-42', 'ok']),
    ['exec', op, 'cust-b-only', 'ok'],
    ...(['head.a', 'agent.a1', 'site-a'] as const).map((c): Row => [c, op, 'cust-b-only', op === 'customer' ? 'null' : 'ok']),
    ['exec', op, 'no-such-customer', op === 'customer' ? 'null' : 'ok'],
    ...bad(op, 'cust-42'),
  ]),
  // Narrowed to a unit's subtree (cust-42 was served everywhere): inside the caller's scope only, never wider.
  ...(['customerInUnit', 'customerTimelineInUnit'] as const).flatMap((op): Row[] => [
    ['site-a', op, 'prj-a1', 'ok'],
    ['site-a', op, 'bu-a', 'ok'],
    ['site-a', op, 'bu-b', 'FORBIDDEN'],
    ['site-a', op, 'prj-b1', 'FORBIDDEN'],
    ['site-a', op, 'group', 'FORBIDDEN'],
    ['head.a', op, 'prj-a2', 'ok'],
    ['head.a', op, 'bu-b', 'FORBIDDEN'],
    ['agent.a1', op, 'prj-a1', 'ok'],
    ['agent.a1', op, 'bu-a', 'FORBIDDEN'],
    ['exec', op, 'bu-b', 'ok'],
    ['admin', op, 'group', 'ok'],
    ['exec', op, 'no-such-unit', 'NOT_FOUND'],
    ['site-a', op, 'no-such-unit', 'NOT_FOUND'],
    ...bad(op, 'prj-a1'),
  ]),
  // Risk: users within their scope (before the first fit: an empty list, a null model); site keys read none.
  ['admin', 'atRiskCustomers', 'bu-b', 'ok'],
  ['exec', 'atRiskCustomers', 'group', 'ok'],
  ['head.a', 'atRiskCustomers', 'bu-a', 'ok'],
  ['head.a', 'atRiskCustomers', 'bu-b', 'FORBIDDEN'],
  ['head.a', 'atRiskCustomers', 'group', 'FORBIDDEN'],
  ['agent.a1', 'atRiskCustomers', 'prj-a1', 'ok'],
  ['agent.a1', 'atRiskCustomers', 'bu-a', 'FORBIDDEN'],
  ['site-a', 'atRiskCustomers', 'bu-a', 'FORBIDDEN'],
  ['exec', 'atRiskCustomers', 'no-such-unit', 'NOT_FOUND'],
  ...bad('atRiskCustomers', 'prj-a1'),
  ...(['admin', 'exec', 'head.a', 'agent.a1'] as const).map((c): Row => [c, 'riskModel', '-', 'null']),
  ['site-a', 'riskModel', '-', 'FORBIDDEN'],
  ...bad('riskModel', '-'),
];

let gw: TestGateway;
const tokens = {} as Record<CallerName, string | undefined>;
const everyError: unknown[] = [];
const issuedKeys: string[] = []; // site keys the API handed out: they must not be stored either

// Results are read generically (every operation's answer is searched for units), so a document's own type is not needed here.
async function call<T = Data>(query: string | TypedDocument<unknown, never>, variables: Record<string, unknown>, token: string | undefined): Promise<GqlResponse<T>> {
  const res = await gw.gql<T>(String(query), variables, token);
  everyError.push(...(res.errors ?? []));
  return res;
}

async function login(username: string, password: string): Promise<string> {
  const res = await call<{ login: { token: string } }>(DOCS.login, { username, password }, undefined);
  if (!res.data?.login) throw new Error(`login ${username}: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

async function record(items: unknown[], token = tokens.admin): Promise<void> {
  const res = await call<{ recordTouchpoints: { accepted: number } }>(DOCS.recordTouchpoints, { input: items }, token);
  if (res.data?.recordTouchpoints.accepted !== items.length) throw new Error(`seeding failed: ${JSON.stringify(res)}`);
}

const NODE_OF = graphql(`query MatrixNodeOf($u: ID!, $from: DateTime!, $to: DateTime!) {
  commitments(unitId: $u, from: $from, to: $to, level: 1, first: 500) { edges { node { id touchpointId } } } }`);
const ALERTS_OF = graphql(`query MatrixAlertsOf { commitmentAlerts(unitId: "group", first: 200) { touchpointId code } }`);
let seededTouchpoint = '';

/** A touchpoint of `unitId` that starts a PROMISE; the id of its level-1 node. */
async function trackedPromise(unitId: string): Promise<string> {
  const tp = touchpoint(unitId, false, true);
  await record([tp]);
  const res = await gw.gql(NODE_OF, { u: unitId, ...WINDOW }, tokens.admin);
  const node = res.data?.commitments.edges.find((e) => e.node.touchpointId === tp.id)?.node;
  if (!node) throw new Error(`no PROMISE node for ${String(tp.id)}: ${JSON.stringify(res)}`);
  return node.id;
}

/** A touchpoint of `unitId` whose step (60 min, started ≥ 110 min ago) is BREACHED: its alert is in the outbox within seconds. */
async function brokenStepIn(unitId: string): Promise<string> {
  const tp = touchpoint(unitId, false, true);
  await record([tp]);
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const res = await gw.gql(ALERTS_OF, {}, tokens.admin);
    if (res.data?.commitmentAlerts.some((a) => a.touchpointId === tp.id && a.code === 'PROMISE.STEP')) return tp.id as string;
  }
  throw new Error(`no alert for the breached step of ${String(tp.id)} within 30 s`);
}

/** What an allowed call must have returned, operation by operation. */
function checkAllowed(caller: CallerName, op: Operation, target: string, value: unknown): void {
  const v = value as Data & Data[];
  const scope = SCOPE[caller] ?? [];
  switch (op) {
    case 'me':
      return expect(v).toEqual({ token: tokens[caller], role: USER_OF[caller]?.role, unitId: USER_OF[caller]?.unitId });
    case 'orgUnits':
      return expect(v.map((u) => u.id).sort()).toEqual([...scope].sort());
    case 'orgUnit':
    case 'upsertOrgUnit':
      return expect(v.id).toBe(target);
    case 'engagementScore':
      expect((v.unit as Data).id).toBe(target);
      return expect(v.touchpoints).toBeGreaterThan(0);
    case 'engagementScores':
      return expect(v.map((s) => (s.unit as Data).id)).toEqual(childrenOf(target));
    case 'engagementBreakdown':
      return expect(v.map((s) => s.value)).toContain('PHONE');
    case 'engagementTrend':
      return expect(v).toHaveLength(WINDOW_HOURS);
    case 'engagementTrendZoned':
      // 24 UTC hours span two Shanghai days (or one, when they start at 16:00 UTC); every touchpoint is in one of them.
      expect(v.length).toBeGreaterThanOrEqual(1);
      return expect(v.reduce((n, p) => n + Number(p.touchpoints), 0)).toBeGreaterThan(0);
    case 'touchpoints': {
      const units = (v.edges as { node: { unit: { id: string } } }[]).map((e) => e.node.unit.id);
      expect(units.length).toBeGreaterThan(0);
      return expect(units.filter((u) => !subtreeOf(target).includes(u))).toEqual([]);
    }
    case 'engagementBreakdownByAgent':
      return expect(v.map((s) => s.value)).toEqual(['UNKNOWN']);
    case 'touchpointsFiltered': {
      const nodes = (v.edges as { node: { agentId: string | null; satisfaction: { score: number } | null; unit: { id: string } } }[]).map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(v.totalCount).toBe(nodes.length);
      expect(nodes.filter((n) => n.satisfaction === null || n.agentId !== null)).toEqual([]);
      return expect(nodes.filter((n) => !subtreeOf(target).includes(n.unit.id))).toEqual([]);
    }
    case 'login':
      return expect(v).toMatchObject({ role: USER_OF[target as CallerName]?.role, unitId: USER_OF[target as CallerName]?.unitId });
    case 'recordTouchpoints':
      return expect(v).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    case 'recordSatisfaction':
      return expect(v).toMatchObject({ satisfaction: { score: 4 }, unit: { id: target } });
    case 'recordSatisfactions':
      return expect(v).toEqual({ rated: 1, unchanged: 0, rejected: [] });
    case 'commitmentCatalogue':
      return expect(v.map((d) => d.code)).toEqual(expect.arrayContaining(['PROMISE', 'PROMISE.STEP']));
    case 'commitments': {
      const nodes = (v.edges as { node: { unit: { id: string } } }[]).map((e) => e.node);
      expect(v.totalCount).toBe(nodes.length);
      expect(nodes.length).toBeGreaterThan(0);
      return expect(nodes.filter((n) => !subtreeOf(target).includes(n.unit.id))).toEqual([]);
    }
    case 'commitmentPerformance':
      return expect(v.map((p) => p.code)).toEqual(['PROMISE', 'PROMISE.STEP']);
    case 'upsertCommitment':
      return expect(v).toEqual({ code: `NEW.${target}`, level: 1, targetMinutes: 120 });
    case 'recordCommitmentEvents':
      return expect(v).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    case 'commitment':
      expect(v).toMatchObject({ code: 'PROMISE', promise: { id: v.id, code: 'PROMISE' } });
      return expect((v.unit as Data).id).toBe(target);
    case 'commitmentAlerts': {
      const alerts = v as unknown as { type: string; touchpointId: string; unit: { id: string }; ownerUnit: { id: string } }[];
      expect(alerts.map((a) => a.touchpointId)).toContain(seededTouchpoint);
      const heard = (a: (typeof alerts)[number]): boolean => subtreeOf(target).includes(a.unit.id) || subtreeOf(target).includes(a.ownerUnit.id);
      expect(alerts.filter((a) => !heard(a) || !scope.includes(a.unit.id))).toEqual([]);
      return expect(alerts.every((a) => a.type === 'COMMITMENT_BROKEN' || a.type === 'COMMITMENT_AT_RISK')).toBe(true);
    }
    case 'followUps': {
      const nodes = (v.edges as { node: { unit: { id: string }; reason: string } }[]).map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(v.totalCount).toBe(nodes.length);
      return expect(nodes.filter((n) => !subtreeOf(target).includes(n.unit.id))).toEqual([]);
    }
    case 'openFollowUp':
      return expect(v).toMatchObject({ reason: 'MANUAL', state: 'OPEN', unit: { id: target } });
    case 'assignFollowUp':
      return expect(v).toMatchObject({ assignee: 'exec', unit: { id: target } });
    case 'closeFollowUp':
      return expect(v).toMatchObject({ state: 'DONE', outcome: 'called back, solved', unit: { id: target } });
    case 'upsertUser':
      return expect(v).toEqual({ username: 'agent.b1', role: 'AGENT', unitId: 'prj-b1' });
    case 'auditLog': {
      // beforeAll signed every user in: each of those logins is in the trail.
      const nodes = (v.edges as { node: Data }[]).map((e) => e.node);
      expect(nodes.every((n) => n.action === target)).toBe(true);
      return expect(nodes.map((n) => n.actor)).toEqual(expect.arrayContaining(TEST_ORG.users.map((u) => u.username)));
    }
    case 'revokeTokens':
      return expect(v).toBe(true);
    case 'customer': {
      // cust-42 was served in every unit: the caller sees exactly its scope's units; cust-b-only only in prj-b1.
      const served = target === 'cust-42' ? scope : ['prj-b1'];
      expect(v.customerId).toBe(target);
      expect((v.engagement as Data[]).map((t) => t.type)).toEqual(['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC']);
      expect((v.units as { unit: { id: string } }[]).map((u) => u.unit.id).sort()).toEqual([...served].sort());
      return expect([...(v.openCommitments as Data[]), ...(v.followUps as Data[])].map((x) => (x.unit as Data).id).filter((u) => !scope.includes(u as string))).toEqual([]);
    }
    case 'customerInUnit': {
      expect(v.customerId).toBe('cust-42');
      const units = (v.units as { unit: { id: string } }[]).map((u) => u.unit.id);
      expect(units.sort()).toEqual(subtreeOf(target).sort());
      return expect([...(v.followUps as Data[])].map((x) => (x.unit as Data).id).filter((u) => !subtreeOf(target).includes(u as string))).toEqual([]);
    }
    case 'customerTimelineInUnit': {
      const units = (v.edges as { node: { unit: { id: string } } }[]).map((e) => e.node.unit.id);
      expect(v.totalCount).toBe(units.length);
      return expect([...new Set(units)].sort()).toEqual(subtreeOf(target).sort());
    }
    case 'atRiskCustomers':
      return expect(v).toEqual([]); // fewer than 200 ratings: no model yet
    case 'riskModel':
      return expect(v).toBeNull();
    case 'customerTimeline': {
      const units = new Set((v.edges as { node: { unit: { id: string }; customerId: string } }[]).map((e) => e.node.unit.id));
      const served = target === 'cust-42' ? ALL_SERVED : target === 'cust-b-only' ? ['prj-b1'] : [];
      return expect([...units].sort()).toEqual(served.filter((u) => scope.includes(u)).sort());
    }
    case 'indicators':
      expect(v.map((i) => i.key)).toHaveLength(12);
      return expect(v.find((i) => i.key === 'overall')?.value).not.toBeNull();
    case 'engagementTypes':
      return expect(v.map((t) => t.type)).toEqual(['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC']);
    case 'perceptionPoints':
      return expect(v).toEqual([]); // the matrix org has no catalogue: an empty list, not an error
    case 'perceptionPointCatalogue':
      return expect(v).toEqual([]);
    case 'targets':
      expect(v.length).toBeGreaterThanOrEqual(12);
      return expect(v.filter((t) => (t.unit as Data).id !== target)).toEqual([]);
    case 'setTarget':
      return expect(v).toMatchObject({ key: 'aht', target: 500, source: 'UNIT', unit: { id: target } });
    case 'issueSiteKey':
      expect(v).toMatchObject({ siteId: target, unitId: SITE_UNIT[target] });
      issuedKeys.push(String(v.key));
      return expect(String(v.key).length).toBeGreaterThanOrEqual(32);
  }
}

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, commitments: MATRIX_COMMITMENTS }, { NODE_ENV: 'production', QIHE_MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
  for (const u of TEST_ORG.users) tokens[u.username as CallerName] = await login(u.username, u.password);
  tokens['site-a'] = TEST_ORG.sites.find((s) => s.id === 'site-a')?.key;
  tokens.garbage = 'garbage-token-that-is-no-key';
  const admin = { role: 'ADMIN', unitId: 'group' };
  const claims = { subject: 'admin', issuer: 'qihe-gateway' };
  tokens.forged = jwt.sign(admin, 'not-the-gateway-secret-not-the-gateway-secret', { ...claims, algorithm: 'HS256', expiresIn: 3600 });
  tokens.expired = jwt.sign({ ...admin, exp: Math.floor(Date.now() / 1000) - 60 }, gw.config.tokenSecret, { ...claims, algorithm: 'HS256' });
  const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  tokens.unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...admin, sub: 'admin', iss: 'qihe-gateway', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
  // Rightly signed, but with no token version: issued before versions existed, so never checked against the user now.
  tokens.unversioned = jwt.sign(admin, gw.config.tokenSecret, { ...claims, algorithm: 'HS256', expiresIn: 3600 });
  // Two rated touchpoints in every unit, so that every read has something to show.
  await record(TEST_ORG.units.flatMap((u) => [touchpoint(u.id, true), touchpoint(u.id, true, true)]));
  // A low rating in every unit opens a LOW_SATISFACTION follow-up there.
  await record(TEST_ORG.units.map((u) => ({ ...touchpoint(u.id), satisfaction: { score: 1 } })));
});

afterAll(async () => {
  await gw?.close();
});

describe('access matrix', () => {
  it.each(TABLE)('%s: %s(%s) → %s', async (caller, op, target, expected) => {
    let touchpointId: string | null = null;
    if ((op === 'recordSatisfaction' || op === 'recordSatisfactions' || op === 'recordCommitmentEvents') && target !== 'no-such-touchpoint') {
      const tp = touchpoint(target, false, op === 'recordCommitmentEvents');
      await record([tp]);
      touchpointId = tp.id as string;
    }
    if (op === 'commitment' && target !== 'no-such-commitment') touchpointId = await trackedPromise(target);
    if (op === 'commitmentAlerts' && expected === 'ok') seededTouchpoint = await brokenStepIn(target);
    if ((op === 'openFollowUp' || op === 'assignFollowUp' || op === 'closeFollowUp') && target !== 'no-such-touchpoint') {
      const tp = touchpoint(target);
      await record([tp]);
      touchpointId = tp.id as string;
      if (op !== 'openFollowUp') {
        const opened = await call<{ openFollowUp: { id: string } }>(DOCS.openFollowUp, { id: tp.id }, tokens.admin);
        touchpointId = opened.data?.openFollowUp.id ?? null;
      }
    }
    if (target === 'cust-b-only') await record([{ ...touchpoint('prj-b1'), customerId: 'cust-b-only' }]);
    const res = await call(DOCS[op], variablesFor(op, target, touchpointId), tokens[caller]);
    const value = res.data?.[op] ?? null;
    if (op === 'recordCommitmentEvents' && expected === 'NOT_FOUND') {
      expect(res.errors).toBeUndefined();
      expect(value).toEqual({ accepted: 0, duplicates: 0, rejected: [{ index: 0, code: expected, message: expect.stringMatching(/^touchpointId/) }] });
    } else if (op === 'recordSatisfactions' && (expected === 'FORBIDDEN_UNIT' || expected === 'NOT_FOUND')) {
      expect(res.errors).toBeUndefined();
      expect(value).toEqual({ rated: 0, unchanged: 0, rejected: [{ index: 0, code: expected, message: expect.stringMatching(/^touchpoint/) }] });
    } else if (expected === 'FORBIDDEN_UNIT' || expected === 'UNKNOWN_UNIT') {
      expect(res.errors).toBeUndefined();
      expect(value).toMatchObject({ accepted: 0, duplicates: 0, rejected: [{ index: 0, code: expected }] });
    } else if (expected === 'ok' || expected === 'null') {
      expect(res.errors).toBeUndefined();
      if (expected === 'null') return expect(value).toBeNull();
      expect(value).not.toBeNull();
      checkAllowed(caller, op, target, value);
      checkNoLeak(caller, res.data);
    } else {
      expect(codesOf(res)).toEqual([expected]);
      expect(value).toBeNull();
    }
  });
});

describe('access matrix: the live feed', () => {
  it.each(FEED_TABLE)('%s: feed(%s) → %s', async (caller, unitId, expected) => {
    await checkFeedRow(gw.url, tokens[caller], unitId, expected, (tp) => record([tp]));
  });
});

describe('what the admin changed takes effect at once', () => {
  it('the new agent signs in and sees only its own unit', async () => {
    const token = await login('agent.b1', 'agent-b1-password');
    const res = await call<{ orgUnits: { id: string }[] }>(DOCS.orgUnits, {}, token);
    expect(res.data?.orgUnits.map((u) => u.id)).toEqual(['prj-b1']);
  });

  it('nobody was promoted by the refused upsertUser calls', async () => {
    const res = await call<{ login: { role: string } }>(DOCS.login, { username: 'head.a', password: 'head-a-password' }, undefined);
    expect(res.data?.login.role).toBe('UNIT_HEAD');
    expect(codesOf(await call(DOCS.login, { username: 'intruder', password: 'promoted-password' }, undefined))).toEqual(['UNAUTHENTICATED']);
  });

  it('a user signs out everywhere: every token they hold is refused, a new sign-in works', async () => {
    const second = await login('head.a', 'head-a-password');
    const revoked = await call<{ revokeTokens: boolean }>(DOCS.revokeTokens, { username: 'head.a' }, tokens['head.a']);
    expect(revoked.data?.revokeTokens).toBe(true);
    for (const old of [tokens['head.a'], second]) {
      expect(codesOf(await call(DOCS.orgUnits, {}, old))).toEqual(['UNAUTHENTICATED']);
      expect((await call(DOCS.me, {}, old)).data?.me).toBeNull();
    }
    tokens['head.a'] = await login('head.a', 'head-a-password');
    expect((await call<{ me: { role: string } }>(DOCS.me, {}, tokens['head.a'])).data?.me.role).toBe('UNIT_HEAD');
  });

  it('a rotated site key stops working and the new one records only within its unit', async () => {
    const old = TEST_ORG.sites.find((s) => s.id === 'site-a1')?.key;
    expect((await call(DOCS.recordTouchpoints, { input: [touchpoint('prj-a1')] }, old)).errors).toBeUndefined();
    const issued = await call<{ issueSiteKey: { key: string } }>(DOCS.issueSiteKey, { siteId: 'site-a1', unitId: 'prj-a1' }, tokens.admin);
    const key = issued.data?.issueSiteKey.key;
    if (key) issuedKeys.push(key);
    expect(codesOf(await call(DOCS.recordTouchpoints, { input: [touchpoint('prj-a1')] }, old))).toEqual(['UNAUTHENTICATED']);
    const res = await call<{ recordTouchpoints: { accepted: number; rejected: { code: string }[] } }>(
      DOCS.recordTouchpoints,
      { input: [touchpoint('prj-a1'), touchpoint('prj-a2')] },
      key,
    );
    expect(res.data?.recordTouchpoints).toMatchObject({ accepted: 1, rejected: [{ code: 'FORBIDDEN_UNIT' }] });
  });
});

describe('hardening (production mode)', () => {
  const deep = (levels: number): string => `query { orgUnits { ${'parent { '.repeat(levels - 1)}id${' }'.repeat(levels - 1)} } }`;

  it('refuses introspection', async () => {
    for (const q of ['{ __schema { types { name } } }', '{ __type(name: "Query") { name } }']) {
      const res = await call(q, {}, tokens.exec);
      expect(codesOf(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.data).toBeUndefined();
    }
  });

  it('allows a query 10 levels deep and refuses one 11 levels deep, before running it', async () => {
    expect((await call(deep(10), {}, tokens.exec)).errors).toBeUndefined();
    const res = await call(deep(11), {}, tokens.exec);
    expect(codesOf(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors?.[0].message).toMatch(/depth of 10/);
    expect(res.data).toBeUndefined();
  });

  it('answers an oversized body with HTTP 413 and takes one just under the limit', async () => {
    const post = (padding: number): Promise<Response> =>
      fetch(`${gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.exec}` },
        body: JSON.stringify({ query: '{ me { role } }', variables: { padding: 'x'.repeat(padding) } }),
      });
    const over = await post(MAX_BODY_BYTES + 1);
    expect(over.status).toBe(413);
    expect(await over.text()).not.toMatch(/\bat .*\.(js|ts):\d+/);
    const under = await post(MAX_BODY_BYTES - 200);
    expect(under.status).toBe(200);
    expect(await under.json()).toEqual({ data: { me: { role: 'EXECUTIVE' } } });
  });

  // One variable repeated keeps the body small, so the batch rule (not the body limit) is what answers.
  const batchOf = (n: number): string =>
    `mutation($t: TouchpointInput!) { recordTouchpoints(input: [${Array(n).fill('$t').join(',')}]) { accepted duplicates rejected { code } } }`;

  it('refuses a batch of 1001 items with BAD_USER_INPUT naming "input", storing nothing', async () => {
    const tp = touchpoint('prj-a1');
    const res = await call(batchOf(1001), { t: tp }, tokens.admin);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0].message).toMatch(/^input\b/);
    const pg = new Client({ connectionString: gw.databaseUrl });
    await pg.connect();
    try {
      expect((await pg.query('SELECT 1 FROM touchpoint WHERE id = $1', [tp.id])).rowCount).toBe(0);
    } finally {
      await pg.end();
    }
    expect(codesOf(await call(DOCS.recordTouchpoints, { input: [] }, tokens.admin))).toEqual(['BAD_USER_INPUT']);
  });

  // QiheErrorFilter puts `field` in the extensions, but formatGraphQLError's pass-through
  // branch keeps only `code`, so no error reaches the caller with its field.
  // Flip to it() once formatGraphQLError keeps extensions.field.
  it('names the offending argument in extensions.field too', async () => {
    const res = await call(batchOf(1001), { t: touchpoint('prj-a1') }, tokens.admin);
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('takes a batch of exactly 1000 items', async () => {
    const res = await call(batchOf(1000), { t: touchpoint('prj-a1') }, tokens.admin);
    expect(res.data?.recordTouchpoints).toEqual({ accepted: 1, duplicates: 999, rejected: [] });
  });

  // graphql-depth-limit throws a TypeError on a spread of an unknown fragment;
  // safeDepthLimit leaves such documents to the standard rules.
  const unknownFragment = async (): Promise<GqlResponse<Data>> => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // the crash is logged
    try {
      return await call('{ orgUnits { ...Nope } }', {}, tokens.exec);
    } finally {
      quiet.mockRestore();
    }
  };

  it('reports a spread of an unknown fragment as a validation error', async () => {
    expect(codesOf(await unknownFragment())).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  // A NUL character passes validation but PostgreSQL text cannot hold one: the statement
  // fails and the caller gets INTERNAL_SERVER_ERROR — for the whole batch, valid items too.
  // Flip to it() once input validation refuses NUL characters.
  it('rejects a NUL character in a touchpoint as one INVALID item, not the whole batch', async () => {
    const nul = { ...touchpoint('prj-a1'), customerId: 'cust\u0000' };
    const res = await call(DOCS.recordTouchpoints, { input: [touchpoint('prj-a1'), nul] }, tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordTouchpoints).toMatchObject({ accepted: 1, rejected: [{ index: 1, code: 'INVALID' }] });
  });

  it('answers a login with a NUL character with UNAUTHENTICATED', async () => {
    expect(codesOf(await call(DOCS.login, { username: 'nul\u0000', password: 'whatever-password' }, undefined))).toEqual(['UNAUTHENTICATED']);
  });

  it('never put a stack trace or internal detail in any error of this suite', async () => {
    await unknownFragment();
    await call(DOCS.recordTouchpoints, { input: [{ ...touchpoint('prj-a1'), customerId: 'nul\u0000' }] }, tokens.admin); // see below
    await call(DOCS.login, { username: 'nul\u0000', password: 'whatever-password' }, undefined);
    expect(everyError.length).toBeGreaterThan(50);
    for (const e of everyError as { message: string; extensions?: Record<string, unknown> }[]) {
      expect(Object.keys(e.extensions ?? {}).filter((k) => k !== 'code' && k !== 'field')).toEqual([]);
      expect(e.message).not.toMatch(/\bat .*\.(js|ts):\d+|TypeError|SELECT|INSERT|relation "/);
    }
  });
});

describe('secrets at rest', () => {
  it('stores passwords and site keys only as hashes', async () => {
    const pg = new Client({ connectionString: gw.databaseUrl });
    await pg.connect();
    try {
      const users = (await pg.query('SELECT username, password_hash, row_to_json(u)::text AS row FROM app_user u')).rows as Data[];
      const sites = (await pg.query('SELECT id, key_hash, row_to_json(s)::text AS row FROM site s')).rows as Data[];
      expect(users.map((u) => u.username)).toEqual(expect.arrayContaining([...TEST_ORG.users.map((u) => u.username), 'agent.b1']));
      expect(sites.map((s) => s.id)).toEqual(expect.arrayContaining([...TEST_ORG.sites.map((s) => s.id), 'site-b1']));
      const secrets = [...TEST_ORG.users.map((u) => u.password), 'agent-b1-password', ...TEST_ORG.sites.map((s) => s.key), ...issuedKeys];
      expect(issuedKeys).toHaveLength(2);
      const stored = [...users, ...sites].map((r) => String(r.row)).join('\n');
      expect(secrets.filter((s) => stored.includes(s))).toEqual([]);
      for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{40,}$/);
      for (const s of sites) expect(s.key_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await pg.end();
    }
  });
});

// GET /export/<list>.csv (issue 12): the lists of the API as files, for the same callers and scope.
type ExportRow = [CallerName, 'touchpoints' | 'breakdown' | 'children' | 'trend', string, number];
const EXPORT_TABLE: ExportRow[] = (['touchpoints', 'breakdown', 'children', 'trend'] as const).flatMap((list): ExportRow[] => [
  ['admin', list, 'bu-b', 200],
  ['exec', list, 'group', 200],
  ['exec', list, 'prj-b1', 200],
  ['head.a', list, 'bu-a', 200],
  ['head.a', list, 'prj-a1', 200],
  ['head.a', list, 'bu-b', 403],
  ['head.a', list, 'group', 403],
  ['exec', list, 'no-such-unit', 404],
  ['agent.a1', list, 'prj-a1', list === 'touchpoints' ? 200 : 403],
  ['agent.a1', list, 'prj-a2', 403],
  ['site-a', list, 'bu-a', 403],
  ...BAD_CALLERS.map((c): ExportRow => [c, list, 'prj-a1', 401]),
]);

describe('access matrix: CSV export', () => {
  it.each(EXPORT_TABLE)('%s: GET /export/%s.csv (%s) → %s', async (caller, list, unitId, status) => {
    const params = { [list === 'children' ? 'parentId' : 'unitId']: unitId, ...WINDOW, ...(list === 'breakdown' ? { by: 'AGENT' } : list === 'trend' ? { interval: 'HOUR' } : {}) };
    const token = tokens[caller];
    const res = await fetch(`${gw.url}/export/${list}.csv?${new URLSearchParams(params)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = await res.text();
    expect({ status: res.status, body: res.status === 200 ? 'csv' : body }).toMatchObject({ status });
    if (status !== 200) return expect(res.headers.get('content-disposition')).toBeNull();
    const lines = body.trim().split('\n');
    // A header, then rows (a leaf unit has no children to list).
    expect(lines.length).toBe(list === 'children' ? 1 + childrenOf(unitId).length : Math.max(2, lines.length));
    if (list === 'touchpoints') {
      // Column 2 is unitId: every row in the asked subtree (and so in the caller's scope).
      const units = lines.slice(1).map((l) => l.split(',')[1]);
      expect(units.filter((u) => !subtreeOf(unitId).includes(u))).toEqual([]);
    }
  });
});

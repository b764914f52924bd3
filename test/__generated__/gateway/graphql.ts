/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** what an audit entry records */
export type AuditAction =
  | 'COMMITMENT_UPSERTED'
  | 'EXPORT'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'ORG_UNIT_UPSERTED'
  | 'SITE_KEY_ISSUED'
  | 'TARGET_CHANGED'
  | 'TOKENS_REVOKED'
  | 'USER_UPSERTED';

/** USER or SITE (authenticated), ANONYMOUS (a name claimed, not proved), SYSTEM */
export type AuditActorKind =
  | 'ANONYMOUS'
  | 'SITE'
  | 'SYSTEM'
  | 'USER';

export type Chain =
  | 'BUSINESS'
  | 'DATA'
  | 'KNOWLEDGE'
  | 'VALUE';

export type Channel =
  | 'APP'
  | 'EMAIL'
  | 'ONSITE'
  | 'OTHER'
  | 'PHONE'
  | 'SOCIAL'
  | 'WEB';

export type CommitmentAlertType =
  | 'COMMITMENT_AT_RISK'
  | 'COMMITMENT_BROKEN';

export type CommitmentDefinitionInput = {
  code: string;
  level: number;
  name: string;
  ownerUnitId?: string | null | undefined;
  parentCode?: string | null | undefined;
  targetMinutes: number;
  warnAtPercent?: number | null | undefined;
};

export type CommitmentEventInput = {
  /** the node completed: the level-1 commitment or one of its steps */
  code: string;
  /** not more than 5 minutes in the future */
  completedAt: string;
  /** UUID chosen by the sender: the idempotency key */
  id: string;
  touchpointId: string;
};

export type CommitmentInput = {
  code: string;
  met: boolean;
};

export type CommitmentState =
  | 'AT_RISK'
  | 'BREACHED'
  | 'MET'
  | 'OPEN';

export type EngagementType =
  | 'BEHAVIOURAL'
  | 'EMOTIONAL'
  | 'STRATEGIC'
  | 'WIN_WIN';

export type FollowUpReason =
  | 'AT_RISK_CUSTOMER'
  | 'COMMITMENT_BREACHED'
  | 'LOW_SATISFACTION'
  | 'MANUAL';

export type FollowUpState =
  | 'DONE'
  | 'OPEN';

export type IndicatorClass =
  | 'KCI'
  | 'KPI'
  | 'KQI';

export type LifecycleStage =
  | 'AFTER_SALE'
  | 'IN_SALE'
  | 'PRE_SALE';

/** MISSED = in the denominator, not in the numerator */
export type MeasurePart =
  | 'DENOMINATOR'
  | 'MISSED'
  | 'NUMERATOR';

export type NeedCategory =
  | 'BILLING'
  | 'COMPLAINT'
  | 'CONSULTATION'
  | 'FAULT'
  | 'INSTALLATION'
  | 'KNOWLEDGE'
  | 'OTHER'
  | 'PURCHASE'
  | 'RENEWAL'
  | 'SUGGESTION';

export type NeedInput = {
  category: NeedCategory;
  description?: string | null | undefined;
};

export type OrgLevel =
  | 'BUSINESS_UNIT'
  | 'GROUP'
  | 'PROJECT';

export type OrgUnitInput = {
  id: string;
  industry?: string | null | undefined;
  level: OrgLevel;
  name: string;
  parentId?: string | null | undefined;
  region?: string | null | undefined;
};

export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'EXECUTIVE'
  | 'UNIT_HEAD';

export type SatisfactionInput = {
  comment?: string | null | undefined;
  score: number;
};

export type SatisfactionRatingInput = {
  satisfaction: SatisfactionInput;
  touchpointId: string;
};

export type ServiceInput = {
  action: string;
  commitment?: CommitmentInput | null | undefined;
  firstContact: boolean;
  handleSeconds: number;
  handoffUnitId?: string | null | undefined;
  knowledgeCreated?: boolean | null | undefined;
  knowledgeRefs?: Array<string> | null | undefined;
  resolved: boolean;
  servedAt?: string | null | undefined;
};

export type SliceDimension =
  | 'AGENT'
  | 'CHANNEL'
  | 'INDUSTRY'
  | 'KIND'
  | 'NEED_CATEGORY'
  | 'PERCEPTION_POINT'
  | 'PRODUCT'
  | 'REGION'
  | 'STAGE'
  | 'TEAM';

export type Status =
  | 'AMBER'
  | 'GREEN'
  | 'RED';

export type TargetInput = {
  /** default 10 % of the target */
  amberBand?: number | null | undefined;
  /** an indicator key, a measure key, a chain (VALUE…) or "overall" */
  key: string;
  target: number;
  unitId: string;
};

export type TouchpointFilter = {
  agentId?: string | null | undefined;
  channel?: Channel | null | undefined;
  customerId?: string | null | undefined;
  industry?: string | null | undefined;
  kind?: TouchpointKind | null | undefined;
  /** rated touchpoints with score <= this */
  maxSatisfaction?: number | null | undefined;
  /** a measure key of the active model */
  measure?: string | null | undefined;
  needCategory?: NeedCategory | null | undefined;
  /** with measure; default DENOMINATOR */
  part?: MeasurePart | null | undefined;
  perceptionPoint?: string | null | undefined;
  productId?: string | null | undefined;
  /** "UNKNOWN" matches touchpoints without one */
  region?: string | null | undefined;
  resolved?: boolean | null | undefined;
  stage?: LifecycleStage | null | undefined;
  teamId?: string | null | undefined;
};

export type TouchpointInput = {
  agentId?: string | null | undefined;
  channel: Channel;
  contractId?: string | null | undefined;
  customerId: string;
  id: string;
  industry?: string | null | undefined;
  kind: TouchpointKind;
  need: NeedInput;
  occurredAt: string;
  /** a code of the perception-point catalogue; unknown codes are INVALID */
  perceptionPoint?: string | null | undefined;
  productId?: string | null | undefined;
  region?: string | null | undefined;
  satisfaction?: SatisfactionInput | null | undefined;
  service?: ServiceInput | null | undefined;
  stage: LifecycleStage;
  teamId?: string | null | undefined;
  unitId: string;
};

export type TouchpointKind =
  | 'COLLABORATION'
  | 'SERVICE'
  | 'SOCIAL';

export type TrendInterval =
  | 'DAY'
  | 'HOUR'
  | 'WEEK';

export type UserInput = {
  /** at least 8 characters; stored only as a hash */
  password: string;
  role: Role;
  unitId: string;
  username: string;
};

export type AgentBrowserPromisesQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type AgentBrowserPromisesQuery = { commitments: { edges: Array<{ node: { touchpointId: string, code: string, customerId: string, completedAt: string | null, steps: Array<{ code: string, completedAt: string | null }> } }> } };

export type AgentBrowserFollowUpsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentBrowserFollowUpsQuery = { followUps: { edges: Array<{ node: { id: string, customerId: string, state: FollowUpState, outcome: string | null } }> } };

export type BoardE2eRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type BoardE2eRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type BoardE2eEventsMutationVariables = Exact<{
  input: Array<CommitmentEventInput> | CommitmentEventInput;
}>;


export type BoardE2eEventsMutation = { recordCommitmentEvents: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type BoardE2eNodesQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type BoardE2eNodesQuery = { commitments: { edges: Array<{ node: { id: string, touchpointId: string, state: CommitmentState } }> } };

export type BoardE2eCountsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type BoardE2eCountsQuery = { open: { totalCount: number }, atRisk: { totalCount: number }, breached: { totalCount: number }, met: { totalCount: number } };

export type BoardE2eAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type BoardE2eAlertsQuery = { commitmentAlerts: Array<{ id: string, type: CommitmentAlertType, commitmentId: string }> };

export type BoardE2eFollowUpsQueryVariables = Exact<{ [key: string]: never; }>;


export type BoardE2eFollowUpsQuery = { followUps: { edges: Array<{ node: { id: string, reason: FollowUpReason, state: FollowUpState, commitmentId: string | null, customerId: string } }> } };

export type BrowserScoreQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type BrowserScoreQuery = { engagementScore: { touchpoints: number, overall: number | null, chains: Array<{ chain: Chain, score: number | null }> } };

export type GridTouchpointsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type GridTouchpointsQuery = { touchpoints: { edges: Array<{ node: { id: string, customerId: string, unit: { id: string } } }> } };

export type LensRiskModelQueryVariables = Exact<{ [key: string]: never; }>;


export type LensRiskModelQuery = { riskModel: { modelVersion: string, auc: number | null } | null };

export type LensAtRiskQueryVariables = Exact<{ [key: string]: never; }>;


export type LensAtRiskQuery = { atRiskCustomers: Array<{ customerId: string, probability: number }> };

export type LensFollowUpsQueryVariables = Exact<{ [key: string]: never; }>;


export type LensFollowUpsQuery = { followUps: { edges: Array<{ node: { id: string, reason: FollowUpReason, customerId: string, note: string | null } }> } };

export type PanelsIndicatorsQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type PanelsIndicatorsQuery = { indicators: Array<{ key: string, class: IndicatorClass, value: number | null, numerator: number, denominator: number, measureUnit: string, target: number | null, status: Status | null, previous: number | null, higherIsBetter: boolean }>, targets: Array<{ key: string, target: number, amberBand: number, source: string, inheritedFrom: { id: string } | null }> };

export type PanelsPointsQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type PanelsPointsQuery = { perceptionPoints: Array<{ touchpoints: number, impact: number, shortBoard: boolean, point: { code: string } }> };

export type PanelsTypesQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type PanelsTypesQuery = { engagementTypes: Array<{ type: EngagementType, score: number | null }> };

export type PanelsLiveScoresQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type PanelsLiveScoresQuery = { engagementScores: Array<{ overall: number | null, unit: { id: string } }> };

export type PanelsTargetsQueryVariables = Exact<{
  unitId: string;
}>;


export type PanelsTargetsQuery = { targets: Array<{ key: string, target: number, amberBand: number }> };

export type PanelsByCustomerQueryVariables = Exact<{
  from: string;
  to: string;
  c: string;
}>;


export type PanelsByCustomerQuery = { touchpoints: { totalCount: number, edges: Array<{ node: { perceptionPoint: string | null, needCategory: NeedCategory } }> } };

export type ExplainScoresQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type ExplainScoresQuery = { engagementScore: { touchpoints: number, overall: number | null, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, numerator: number, denominator: number }> }> }, engagementScores: Array<{ touchpoints: number, overall: number | null, unit: { id: string } }>, engagementBreakdown: Array<{ value: string, score: { touchpoints: number } }> };

export type MonitorRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type MonitorRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type MonitorLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type MonitorLoginMutation = { login: { token: string } };

export type KillRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type KillRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type DemoTraceQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  owned?: boolean | null | undefined;
}>;


export type DemoTraceQuery = { commitments: { edges: Array<{ node: { id: string, code: string, level: number, state: CommitmentState, touchpointId: string, unit: { id: string }, ownerUnit: { id: string }, breachedBy: Array<{ id: string, code: string, ownerUnit: { id: string }, breachedBy: Array<{ id: string, code: string, ownerUnit: { id: string } }> }> } }> } };

export type DemoFollowUpsQueryVariables = Exact<{
  unitId: string;
}>;


export type DemoFollowUpsQuery = { followUps: { edges: Array<{ node: { id: string, reason: FollowUpReason, state: FollowUpState, commitmentId: string | null, touchpointId: string | null, unit: { id: string } } }> } };

export type DemoTouchpointsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type DemoTouchpointsQuery = { engagementScore: { touchpoints: number } };

export type LogsTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type LogsTypenameQuery = { __typename: 'Query' };

export type E2eTouchpointFragment = { id: string, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, receivedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, unit: { id: string }, satisfaction: { score: number, comment: string | null } | null };

export type E2eScoreFragment = { from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, chain: Chain, numerator: number, denominator: number, value: number | null, normalized: number | null, weight: number }> }> };

export type E2eLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type E2eLoginMutation = { login: { token: string, role: Role, unitId: string } };

export type E2eRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type E2eRecordMutation = { recordTouchpoints: { accepted: number, duplicates: number, rejected: Array<{ index: number, id: string | null, code: string, message: string }> } };

export type E2eRateMutationVariables = Exact<{
  id: string;
  s: SatisfactionInput;
}>;


export type E2eRateMutation = { recordSatisfaction: { id: string, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, receivedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, unit: { id: string }, satisfaction: { score: number, comment: string | null } | null } };

export type E2eTouchpointsQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type E2eTouchpointsQuery = { touchpoints: { edges: Array<{ cursor: string, node: { id: string, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, receivedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, unit: { id: string }, satisfaction: { score: number, comment: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type E2eScoreQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type E2eScoreQuery = { engagementScore: { from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, chain: Chain, numerator: number, denominator: number, value: number | null, normalized: number | null, weight: number }> }> } };

export type E2eScoresQueryVariables = Exact<{
  parentId: string;
  from: string;
  to: string;
}>;


export type E2eScoresQuery = { engagementScores: Array<{ from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, chain: Chain, numerator: number, denominator: number, value: number | null, normalized: number | null, weight: number }> }> }> };

export type E2eBreakdownQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  by: SliceDimension;
}>;


export type E2eBreakdownQuery = { engagementBreakdown: Array<{ value: string, score: { from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, chain: Chain, numerator: number, denominator: number, value: number | null, normalized: number | null, weight: number }> }> } }> };

export type E2eTrendQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  interval: TrendInterval;
}>;


export type E2eTrendQuery = { engagementTrend: Array<{ from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, chain: Chain, numerator: number, denominator: number, value: number | null, normalized: number | null, weight: number }> }> }> };

export type E2eMeQueryVariables = Exact<{ [key: string]: never; }>;


export type E2eMeQuery = { me: { role: Role, unitId: string } | null };

export type FaultsScoreQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type FaultsScoreQuery = { engagementScore: { from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, chain: Chain, numerator: number, denominator: number, value: number | null, normalized: number | null, weight: number }> }> } };

export type AuditUpsertUnitMutationVariables = Exact<{
  input: OrgUnitInput;
}>;


export type AuditUpsertUnitMutation = { upsertOrgUnit: { id: string } };

export type AuditUpsertUserMutationVariables = Exact<{
  input: UserInput;
}>;


export type AuditUpsertUserMutation = { upsertUser: { username: string } };

export type AuditIssueKeyMutationVariables = Exact<{
  s: string;
  u: string;
}>;


export type AuditIssueKeyMutation = { issueSiteKey: { key: string } };

export type AuditLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  action?: AuditAction | null | undefined;
  actor?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, at: string, actorKind: AuditActorKind, actor: string, role: Role | null, action: AuditAction, target: string | null, details: string, clientAddress: string | null, userAgent: string | null, requestId: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BoardLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type BoardLoginMutation = { login: { token: string } };

export type BoardRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type BoardRecordMutation = { recordTouchpoints: { accepted: number, duplicates: number, rejected: Array<{ index: number, code: string, message: string }> } };

export type BoardEventsMutationVariables = Exact<{
  input: Array<CommitmentEventInput> | CommitmentEventInput;
}>;


export type BoardEventsMutation = { recordCommitmentEvents: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type BoardAlertsQueryVariables = Exact<{
  u: string;
  since?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type BoardAlertsQuery = { commitmentAlerts: Array<{ id: string, type: CommitmentAlertType, at: string, commitmentId: string, code: string, name: string, touchpointId: string, customerId: string, dueAt: string, message: string, unit: { id: string }, ownerUnit: { id: string, name: string } }> };

export type BoardTraceQueryVariables = Exact<{
  id: string;
}>;


export type BoardTraceQuery = { commitment: { id: string, code: string, level: number, state: CommitmentState, ownerUnit: { id: string }, breachedBy: Array<{ code: string, ownerUnit: { id: string }, breachedBy: Array<{ code: string, ownerUnit: { id: string } }> }>, promise: { id: string, code: string, state: CommitmentState, steps: Array<{ code: string, state: CommitmentState, steps: Array<{ code: string, state: CommitmentState }> }> } } | null };

export type CommitmentsLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type CommitmentsLoginMutation = { login: { token: string } };

export type CommitmentsRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type CommitmentsRecordMutation = { recordTouchpoints: { accepted: number, duplicates: number, rejected: Array<{ index: number, code: string, message: string }> } };

export type CommitmentsEventsMutationVariables = Exact<{
  input: Array<CommitmentEventInput> | CommitmentEventInput;
}>;


export type CommitmentsEventsMutation = { recordCommitmentEvents: { accepted: number, duplicates: number, rejected: Array<{ index: number, id: string | null, code: string, message: string }> } };

export type CommitmentsOfPageQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type CommitmentsOfPageQuery = { touchpoints: { edges: Array<{ node: { id: string, commitments: Array<{ code: string, state: CommitmentState, steps: Array<{ code: string }> }> } }> } };

export type CommitmentsPerfNowQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type CommitmentsPerfNowQuery = { commitmentPerformance: Array<{ code: string, started: number, met: number, breached: number, open: number, atRisk: number }> };

export type CommitmentsCountNowQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
  states?: Array<CommitmentState> | CommitmentState | null | undefined;
}>;


export type CommitmentsCountNowQuery = { commitments: { totalCount: number, edges: Array<{ node: { id: string, state: CommitmentState } }> } };

export type RiskLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type RiskLoginMutation = { login: { token: string } };

export type RiskRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type RiskRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type RiskModelQueryVariables = Exact<{ [key: string]: never; }>;


export type RiskModelQuery = { riskModel: { modelVersion: string, trainedAt: string, trainingRatings: number, holdoutRatings: number, auc: number | null, precisionAt50: number | null, baselinePrecisionAt50: number | null } | null };

export type RiskAtRiskQueryVariables = Exact<{
  u: string;
  first?: number | null | undefined;
}>;


export type RiskAtRiskQuery = { atRiskCustomers: Array<{ customerId: string, probability: number, asOf: string, modelVersion: string, drivers: Array<{ feature: string, value: number, contribution: number }> }> };

export type RiskProfileQueryVariables = Exact<{
  c: string;
}>;


export type RiskProfileQuery = { customer: { customerId: string, risk: { probability: number, modelVersion: string, drivers: Array<{ feature: string, value: number, contribution: number }> } | null } | null };

export type RiskRateMutationVariables = Exact<{
  id: string;
  s: number;
}>;


export type RiskRateMutation = { recordSatisfaction: { id: string } };

export type RiskFollowUpsQueryVariables = Exact<{
  u: string;
}>;


export type RiskFollowUpsQuery = { followUps: { totalCount: number, edges: Array<{ node: { reason: FollowUpReason, customerId: string, touchpointId: string | null, unit: { id: string } } }> } };

export type TypesLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type TypesLoginMutation = { login: { token: string } };

export type TypesRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type TypesRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type CustomerTypesQueryVariables = Exact<{
  c: string;
}>;


export type CustomerTypesQuery = { customer: { engagement: Array<{ type: EngagementType, score: number | null, measures: Array<{ key: string, numerator: number, denominator: number, value: number | null, normalized: number | null, weight: number }> }> } | null };

export type CustomersLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type CustomersLoginMutation = { login: { token: string } };

export type CustomersRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type CustomersRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type CustomerProfileQueryVariables = Exact<{
  c: string;
}>;


export type CustomerProfileQuery = { customer: { customerId: string, touchpoints: number, firstContactAt: string, lastContactAt: string, units: Array<{ touchpoints: number, lastContactAt: string, unit: { id: string } }>, openCommitments: Array<{ id: string, code: string, touchpointId: string, unit: { id: string } }>, followUps: Array<{ id: string, reason: FollowUpReason, customerId: string, unit: { id: string } }> } | null };

export type CustomerTimelineQueryVariables = Exact<{
  c: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomerTimelineQuery = { customerTimeline: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, customerId: string, occurredAt: string, unit: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DrillDownQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TouchpointFilter | null | undefined;
}>;


export type DrillDownQuery = { touchpoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, receivedAt: string, agentId: string | null, teamId: string | null, productId: string | null, contractId: string | null, handleSeconds: number | null, unit: { id: string } } }> } };

export type DrillBreakdownQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  by: SliceDimension;
}>;


export type DrillBreakdownQuery = { engagementBreakdown: Array<{ value: string, score: { touchpoints: number, chains: Array<{ measures: Array<{ key: string, numerator: number, denominator: number }> }> } }> };

export type DrillEventsMutationVariables = Exact<{
  input: Array<CommitmentEventInput> | CommitmentEventInput;
}>;


export type DrillEventsMutation = { recordCommitmentEvents: { accepted: number, rejected: Array<{ index: number, code: string, message: string }> } };

export type ExportPageQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  after?: string | null | undefined;
  filter?: TouchpointFilter | null | undefined;
}>;


export type ExportPageQuery = { touchpoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, customerId: string, agentId: string | null, handleSeconds: number | null, needDescription: string | null, satisfaction: { score: number, comment: string | null } | null, unit: { id: string } } }> } };

export type ExportScoresQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type ExportScoresQuery = { engagementBreakdown: Array<{ value: string, score: { touchpoints: number, overall: number | null, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, numerator: number, denominator: number, value: number | null }> }> } }>, engagementScores: Array<{ touchpoints: number, overall: number | null, unit: { id: string } }>, engagementTrend: Array<{ from: string, touchpoints: number, overall: number | null }> };

export type ExportZonedTrendQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type ExportZonedTrendQuery = { engagementTrend: Array<{ from: string, to: string, touchpoints: number, overall: number | null }> };

export type ExportAuditQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportAuditQuery = { auditLog: { edges: Array<{ node: { actor: string, target: string | null, details: string } }> } };

export type FollowUpsRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type FollowUpsRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type FollowUpsRateMutationVariables = Exact<{
  id: string;
  s: number;
}>;


export type FollowUpsRateMutation = { recordSatisfaction: { id: string } };

export type FollowUpsRateManyMutationVariables = Exact<{
  input: Array<SatisfactionRatingInput> | SatisfactionRatingInput;
}>;


export type FollowUpsRateManyMutation = { recordSatisfactions: { rated: number, unchanged: number } };

export type FollowUpsListQueryVariables = Exact<{
  u: string;
  states?: Array<FollowUpState> | FollowUpState | null | undefined;
}>;


export type FollowUpsListQuery = { followUps: { totalCount: number, edges: Array<{ node: { id: string, reason: FollowUpReason, customerId: string, touchpointId: string | null, state: FollowUpState, assignee: string | null, outcome: string | null, recovered: boolean | null, createdAt: string, dueAt: string, closedAt: string | null, unit: { id: string } } }> } };

export type FollowUpsCloseMutationVariables = Exact<{
  id: string;
  o: string;
}>;


export type FollowUpsCloseMutation = { closeFollowUp: { id: string, state: FollowUpState, outcome: string | null, closedAt: string | null } };

export type FollowUpsAssignMutationVariables = Exact<{
  id: string;
  a: string;
}>;


export type FollowUpsAssignMutation = { assignFollowUp: { id: string, assignee: string | null } };

export type FollowUpsOpenMutationVariables = Exact<{
  id: string;
  note?: string | null | undefined;
}>;


export type FollowUpsOpenMutation = { openFollowUp: { id: string, reason: FollowUpReason, state: FollowUpState, unit: { id: string } } };

export type FollowUpsLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type FollowUpsLoginMutation = { login: { token: string } };

export type IndicatorsQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type IndicatorsQuery = { indicators: Array<{ key: string, class: IndicatorClass, value: number | null, numerator: number, denominator: number, measureUnit: string, target: number | null, higherIsBetter: boolean, status: Status | null, previous: number | null }> };

export type EngagementTypesQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type EngagementTypesQuery = { engagementTypes: Array<{ type: EngagementType, score: number | null, measures: Array<{ key: string, numerator: number, denominator: number, value: number | null }> }> };

export type TargetsOfQueryVariables = Exact<{
  unitId: string;
}>;


export type TargetsOfQuery = { targets: Array<{ key: string, target: number, amberBand: number, source: string, unit: { id: string }, inheritedFrom: { id: string } | null }> };

export type SetTargetMutationVariables = Exact<{
  input: TargetInput;
}>;


export type SetTargetMutation = { setTarget: { key: string, target: number, amberBand: number, source: string, unit: { id: string }, inheritedFrom: { id: string } | null } };

export type RateManyForIndicatorsMutationVariables = Exact<{
  input: Array<SatisfactionRatingInput> | SatisfactionRatingInput;
}>;


export type RateManyForIndicatorsMutation = { recordSatisfactions: { rated: number, unchanged: number, rejected: Array<{ index: number, code: string }> } };

export type RateManyMutationVariables = Exact<{
  input: Array<SatisfactionRatingInput> | SatisfactionRatingInput;
}>;


export type RateManyMutation = { recordSatisfactions: { rated: number, unchanged: number, rejected: Array<{ index: number, id: string | null, code: string, message: string }> } };

export type MetricsRateManyMutationVariables = Exact<{
  input: Array<SatisfactionRatingInput> | SatisfactionRatingInput;
}>;


export type MetricsRateManyMutation = { recordSatisfactions: { rated: number, unchanged: number, rejected: Array<{ index: number, code: string }> } };

export type MetricsLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type MetricsLoginMutation = { login: { token: string } };

export type PerceptionPointsQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type PerceptionPointsQuery = { perceptionPoints: Array<{ touchpoints: number, rated: number, csat: number | null, lowRatings: number, impact: number, shortBoard: boolean, point: { code: string, name: string, nameZh: string | null, needCategories: Array<NeedCategory>, target: number } }> };

export type TouchpointsOfPointQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  filter?: TouchpointFilter | null | undefined;
}>;


export type TouchpointsOfPointQuery = { touchpoints: { totalCount: number } };

export type PerceptionBreakdownQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type PerceptionBreakdownQuery = { engagementBreakdown: Array<{ value: string, score: { touchpoints: number } }> };

export type AddUnitMutationVariables = Exact<{
  i: OrgUnitInput;
}>;


export type AddUnitMutation = { upsertOrgUnit: { id: string } };

export type RevocationUpsertUserMutationVariables = Exact<{
  i: UserInput;
}>;


export type RevocationUpsertUserMutation = { upsertUser: { username: string, role: Role, unitId: string } };

export type RevocationMeQueryVariables = Exact<{ [key: string]: never; }>;


export type RevocationMeQuery = { me: { role: Role, unitId: string } | null };

export type RevocationBuAQueryVariables = Exact<{ [key: string]: never; }>;


export type RevocationBuAQuery = { orgUnit: { id: string } | null };

export type RevocationBuBQueryVariables = Exact<{ [key: string]: never; }>;


export type RevocationBuBQuery = { orgUnit: { id: string } | null };

export type ZonedTrendQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
  interval: TrendInterval;
  timeZone?: string | null | undefined;
}>;


export type ZonedTrendQuery = { engagementTrend: Array<{ from: string, to: string, touchpoints: number, overall: number | null, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, numerator: number, denominator: number }> }> }> };

export type MatrixUnitFragment = { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> };

export type MatrixScoreFragment = { from: string, to: string, touchpoints: number, overall: number | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, chains: Array<{ chain: Chain, score: number | null }> };

export type MatrixMeQueryVariables = Exact<{ [key: string]: never; }>;


export type MatrixMeQuery = { me: { token: string, role: Role, unitId: string } | null };

export type MatrixOrgUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type MatrixOrgUnitsQuery = { orgUnits: Array<{ __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }> };

export type MatrixOrgUnitQueryVariables = Exact<{
  id: string;
}>;


export type MatrixOrgUnitQuery = { orgUnit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } | null };

export type MatrixScoreQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixScoreQuery = { engagementScore: { from: string, to: string, touchpoints: number, overall: number | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, chains: Array<{ chain: Chain, score: number | null }> } };

export type MatrixScoresQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixScoresQuery = { engagementScores: Array<{ from: string, to: string, touchpoints: number, overall: number | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, chains: Array<{ chain: Chain, score: number | null }> }> };

export type MatrixBreakdownQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixBreakdownQuery = { engagementBreakdown: Array<{ value: string, score: { from: string, to: string, touchpoints: number, overall: number | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, chains: Array<{ chain: Chain, score: number | null }> } }> };

export type MatrixTrendQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixTrendQuery = { engagementTrend: Array<{ from: string, to: string, touchpoints: number, overall: number | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, chains: Array<{ chain: Chain, score: number | null }> }> };

export type MatrixTrendZonedQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixTrendZonedQuery = { engagementTrendZoned: Array<{ from: string, to: string, touchpoints: number, overall: number | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, chains: Array<{ chain: Chain, score: number | null }> }> };

export type MatrixTouchpointsQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixTouchpointsQuery = { touchpoints: { edges: Array<{ node: { id: string, customerId: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } }>, pageInfo: { hasNextPage: boolean } } };

export type MatrixTouchpointsFilteredQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixTouchpointsFilteredQuery = { touchpointsFiltered: { totalCount: number, edges: Array<{ node: { id: string, agentId: string | null, handleSeconds: number | null, satisfaction: { score: number } | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } }>, pageInfo: { hasNextPage: boolean } } };

export type MatrixBreakdownByAgentQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixBreakdownByAgentQuery = { engagementBreakdownByAgent: Array<{ value: string, score: { from: string, to: string, touchpoints: number, overall: number | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, chains: Array<{ chain: Chain, score: number | null }> } }> };

export type MatrixLoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type MatrixLoginMutation = { login: { token: string, role: Role, unitId: string } };

export type MatrixRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type MatrixRecordMutation = { recordTouchpoints: { accepted: number, duplicates: number, rejected: Array<{ index: number, code: string, message: string }> } };

export type MatrixRateMutationVariables = Exact<{
  id: string;
  s: SatisfactionInput;
}>;


export type MatrixRateMutation = { recordSatisfaction: { id: string, satisfaction: { score: number } | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } };

export type MatrixRateManyMutationVariables = Exact<{
  input: Array<SatisfactionRatingInput> | SatisfactionRatingInput;
}>;


export type MatrixRateManyMutation = { recordSatisfactions: { rated: number, unchanged: number, rejected: Array<{ index: number, code: string, message: string }> } };

export type MatrixUpsertOrgUnitMutationVariables = Exact<{
  input: OrgUnitInput;
}>;


export type MatrixUpsertOrgUnitMutation = { upsertOrgUnit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } };

export type MatrixUpsertUserMutationVariables = Exact<{
  input: UserInput;
}>;


export type MatrixUpsertUserMutation = { upsertUser: { username: string, role: Role, unitId: string } };

export type MatrixIssueSiteKeyMutationVariables = Exact<{
  siteId: string;
  unitId: string;
}>;


export type MatrixIssueSiteKeyMutation = { issueSiteKey: { siteId: string, unitId: string, key: string } };

export type MatrixAuditLogQueryVariables = Exact<{
  action?: AuditAction | null | undefined;
}>;


export type MatrixAuditLogQuery = { auditLog: { edges: Array<{ node: { actor: string, action: AuditAction, target: string | null } }>, pageInfo: { hasNextPage: boolean } } };

export type MatrixRevokeTokensMutationVariables = Exact<{
  username: string;
}>;


export type MatrixRevokeTokensMutation = { revokeTokens: boolean };

export type MatrixCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type MatrixCatalogueQuery = { commitmentCatalogue: Array<{ code: string, level: number, parentCode: string | null, targetMinutes: number, warnAtPercent: number }> };

export type MatrixCommitmentsQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixCommitmentsQuery = { commitments: { totalCount: number, edges: Array<{ node: { id: string, code: string, state: CommitmentState, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, ownerUnit: { id: string } } }> } };

export type MatrixCommitmentPerformanceQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixCommitmentPerformanceQuery = { commitmentPerformance: Array<{ code: string, level: number, started: number, met: number, breached: number, open: number, atRisk: number, keptRate: number | null, causedBreaches: number }> };

export type MatrixUpsertCommitmentMutationVariables = Exact<{
  input: CommitmentDefinitionInput;
}>;


export type MatrixUpsertCommitmentMutation = { upsertCommitment: { code: string, level: number, targetMinutes: number } };

export type MatrixCommitmentEventsMutationVariables = Exact<{
  input: Array<CommitmentEventInput> | CommitmentEventInput;
}>;


export type MatrixCommitmentEventsMutation = { recordCommitmentEvents: { accepted: number, duplicates: number, rejected: Array<{ index: number, code: string, message: string }> } };

export type MatrixCommitmentQueryVariables = Exact<{
  id: string;
}>;


export type MatrixCommitmentQuery = { commitment: { id: string, code: string, touchpointId: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, ownerUnit: { id: string }, promise: { id: string, code: string } } | null };

export type MatrixCommitmentAlertsQueryVariables = Exact<{
  u: string;
}>;


export type MatrixCommitmentAlertsQuery = { commitmentAlerts: Array<{ id: string, type: CommitmentAlertType, touchpointId: string, customerId: string, unit: { id: string }, ownerUnit: { id: string } }> };

export type MatrixFollowUpsQueryVariables = Exact<{
  u: string;
}>;


export type MatrixFollowUpsQuery = { followUps: { totalCount: number, edges: Array<{ node: { id: string, reason: FollowUpReason, state: FollowUpState, customerId: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } }> } };

export type MatrixOpenFollowUpMutationVariables = Exact<{
  id: string;
}>;


export type MatrixOpenFollowUpMutation = { openFollowUp: { id: string, reason: FollowUpReason, state: FollowUpState, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } };

export type MatrixAssignFollowUpMutationVariables = Exact<{
  id: string;
  assignee: string;
}>;


export type MatrixAssignFollowUpMutation = { assignFollowUp: { id: string, assignee: string | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } };

export type MatrixCloseFollowUpMutationVariables = Exact<{
  id: string;
}>;


export type MatrixCloseFollowUpMutation = { closeFollowUp: { id: string, state: FollowUpState, outcome: string | null, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } };

export type MatrixCustomerQueryVariables = Exact<{
  c: string;
}>;


export type MatrixCustomerQuery = { customer: { customerId: string, touchpoints: number, engagement: Array<{ type: EngagementType, score: number | null }>, units: Array<{ touchpoints: number, lastContactAt: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } }>, risk: { probability: number } | null, openCommitments: Array<{ id: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } }>, followUps: Array<{ id: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } }> } | null };

export type MatrixAtRiskQueryVariables = Exact<{
  u: string;
}>;


export type MatrixAtRiskQuery = { atRiskCustomers: Array<{ customerId: string, probability: number, drivers: Array<{ feature: string, contribution: number }> }> };

export type MatrixRiskModelQueryVariables = Exact<{ [key: string]: never; }>;


export type MatrixRiskModelQuery = { riskModel: { modelVersion: string, auc: number | null, precisionAt50: number | null, baselinePrecisionAt50: number | null } | null };

export type MatrixCustomerTimelineQueryVariables = Exact<{
  c: string;
}>;


export type MatrixCustomerTimelineQuery = { customerTimeline: { edges: Array<{ node: { id: string, customerId: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } }> } };

export type MatrixCustomerInUnitQueryVariables = Exact<{
  c: string;
  u: string;
}>;


export type MatrixCustomerInUnitQuery = { customerInUnit: { customerId: string, units: Array<{ unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } }>, risk: { probability: number } | null, openCommitments: Array<{ id: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } }>, followUps: Array<{ id: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } }> } | null };

export type MatrixCustomerTimelineInUnitQueryVariables = Exact<{
  c: string;
  u: string;
}>;


export type MatrixCustomerTimelineInUnitQuery = { customerTimelineInUnit: { totalCount: number, edges: Array<{ node: { id: string, customerId: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } } }> } };

export type MatrixIndicatorsQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixIndicatorsQuery = { indicators: Array<{ key: string, class: IndicatorClass, value: number | null, numerator: number, denominator: number, target: number | null, status: Status | null, previous: number | null }> };

export type MatrixEngagementTypesQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixEngagementTypesQuery = { engagementTypes: Array<{ type: EngagementType, score: number | null, measures: Array<{ key: string, value: number | null }> }> };

export type MatrixPerceptionPointsQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixPerceptionPointsQuery = { perceptionPoints: Array<{ touchpoints: number, rated: number, csat: number | null, impact: number, shortBoard: boolean, point: { code: string } }> };

export type MatrixPerceptionCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type MatrixPerceptionCatalogueQuery = { perceptionPointCatalogue: Array<{ code: string, name: string, nameZh: string | null, needCategories: Array<NeedCategory>, target: number }> };

export type MatrixTargetsQueryVariables = Exact<{
  u: string;
}>;


export type MatrixTargetsQuery = { targets: Array<{ key: string, target: number, amberBand: number, source: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, inheritedFrom: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } | null }> };

export type MatrixSetTargetMutationVariables = Exact<{
  input: TargetInput;
}>;


export type MatrixSetTargetMutation = { setTarget: { key: string, target: number, source: string, unit: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> }, inheritedFrom: { __typename: 'OrgUnit', id: string, parent: { __typename: 'OrgUnit', id: string } | null, children: Array<{ __typename: 'OrgUnit', id: string }> } | null } };

export type MatrixNodeOfQueryVariables = Exact<{
  u: string;
  from: string;
  to: string;
}>;


export type MatrixNodeOfQuery = { commitments: { edges: Array<{ node: { id: string, touchpointId: string } }> } };

export type MatrixAlertsOfQueryVariables = Exact<{ [key: string]: never; }>;


export type MatrixAlertsOfQuery = { commitmentAlerts: Array<{ touchpointId: string, code: string }> };

export type SiteTestResendEventsMutationVariables = Exact<{
  i: Array<CommitmentEventInput> | CommitmentEventInput;
}>;


export type SiteTestResendEventsMutation = { recordCommitmentEvents: { accepted: number, duplicates: number } };

export type SiteTestGatewayFollowUpsQueryVariables = Exact<{
  unitId: string;
}>;


export type SiteTestGatewayFollowUpsQuery = { followUps: { edges: Array<{ node: { id: string, state: FollowUpState, outcome: string | null, customerId: string } }> } };

export type GatewayPerceptionCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type GatewayPerceptionCatalogueQuery = { perceptionPointCatalogue: Array<{ code: string, name: string, nameZh: string | null, needCategories: Array<NeedCategory>, target: number }> };

export type LoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type LoginMutation = { login: { token: string, role: Role, unitId: string } };

export type RevokeMutationVariables = Exact<{
  u: string;
}>;


export type RevokeMutation = { revokeTokens: boolean };

export type RecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type RecordMutation = { recordTouchpoints: { accepted: number, duplicates: number, rejected: Array<{ index: number, id: string | null, code: string, message: string }> } };

export type RateMutationVariables = Exact<{
  id: string;
  s: SatisfactionInput;
}>;


export type RateMutation = { recordSatisfaction: { id: string, satisfaction: { score: number, comment: string | null } | null } };

export type ScoreQueryVariables = Exact<{
  unitId: string;
  from: string;
  to: string;
}>;


export type ScoreQuery = { engagementScore: { touchpoints: number, overall: number | null, modelVersion: string, chains: Array<{ chain: Chain, score: number | null, measures: Array<{ key: string, numerator: number, denominator: number, value: number | null, normalized: number | null }> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const E2eTouchpointFragmentDoc = new TypedDocumentString(`
    fragment E2eTouchpoint on Touchpoint {
  id
  unit {
    id
  }
  customerId
  channel
  kind
  stage
  occurredAt
  receivedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
  }
}
    `, {"fragmentName":"E2eTouchpoint"}) as unknown as TypedDocumentString<E2eTouchpointFragment, unknown>;
export const E2eScoreFragmentDoc = new TypedDocumentString(`
    fragment E2eScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  modelVersion
  chains {
    chain
    score
    measures {
      key
      chain
      numerator
      denominator
      value
      normalized
      weight
    }
  }
}
    `, {"fragmentName":"E2eScore"}) as unknown as TypedDocumentString<E2eScoreFragment, unknown>;
export const MatrixUnitFragmentDoc = new TypedDocumentString(`
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}
    `, {"fragmentName":"MatrixUnit"}) as unknown as TypedDocumentString<MatrixUnitFragment, unknown>;
export const MatrixScoreFragmentDoc = new TypedDocumentString(`
    fragment MatrixScore on EngagementScore {
  unit {
    ...MatrixUnit
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`, {"fragmentName":"MatrixScore"}) as unknown as TypedDocumentString<MatrixScoreFragment, unknown>;
export const AgentBrowserPromisesDocument = new TypedDocumentString(`
    query AgentBrowserPromises($from: DateTime!, $to: DateTime!) {
  commitments(unitId: "bu-grid", from: $from, to: $to, level: 1, first: 50) {
    edges {
      node {
        touchpointId
        code
        customerId
        completedAt
        steps {
          code
          completedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AgentBrowserPromisesQuery, AgentBrowserPromisesQueryVariables>;
export const AgentBrowserFollowUpsDocument = new TypedDocumentString(`
    query AgentBrowserFollowUps {
  followUps(unitId: "bu-grid", first: 100) {
    edges {
      node {
        id
        customerId
        state
        outcome
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AgentBrowserFollowUpsQuery, AgentBrowserFollowUpsQueryVariables>;
export const BoardE2eRecordDocument = new TypedDocumentString(`
    mutation BoardE2eRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<BoardE2eRecordMutation, BoardE2eRecordMutationVariables>;
export const BoardE2eEventsDocument = new TypedDocumentString(`
    mutation BoardE2eEvents($input: [CommitmentEventInput!]!) {
  recordCommitmentEvents(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<BoardE2eEventsMutation, BoardE2eEventsMutationVariables>;
export const BoardE2eNodesDocument = new TypedDocumentString(`
    query BoardE2eNodes($from: DateTime!, $to: DateTime!) {
  commitments(unitId: "bu-grid", from: $from, to: $to, level: 1, first: 100) {
    edges {
      node {
        id
        touchpointId
        state
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BoardE2eNodesQuery, BoardE2eNodesQueryVariables>;
export const BoardE2eCountsDocument = new TypedDocumentString(`
    query BoardE2eCounts($from: DateTime!, $to: DateTime!) {
  open: commitments(
    unitId: "bu-grid"
    from: $from
    to: $to
    level: 1
    states: [OPEN, AT_RISK]
    first: 1
  ) {
    totalCount
  }
  atRisk: commitments(
    unitId: "bu-grid"
    from: $from
    to: $to
    level: 1
    states: [AT_RISK]
    first: 1
  ) {
    totalCount
  }
  breached: commitments(
    unitId: "bu-grid"
    from: $from
    to: $to
    level: 1
    states: [BREACHED]
    first: 1
  ) {
    totalCount
  }
  met: commitments(
    unitId: "bu-grid"
    from: $from
    to: $to
    level: 1
    states: [MET]
    first: 1
  ) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<BoardE2eCountsQuery, BoardE2eCountsQueryVariables>;
export const BoardE2eAlertsDocument = new TypedDocumentString(`
    query BoardE2eAlerts {
  commitmentAlerts(unitId: "bu-grid", first: 200) {
    id
    type
    commitmentId
  }
}
    `) as unknown as TypedDocumentString<BoardE2eAlertsQuery, BoardE2eAlertsQueryVariables>;
export const BoardE2eFollowUpsDocument = new TypedDocumentString(`
    query BoardE2eFollowUps {
  followUps(unitId: "bu-grid", first: 200) {
    edges {
      node {
        id
        reason
        state
        commitmentId
        customerId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BoardE2eFollowUpsQuery, BoardE2eFollowUpsQueryVariables>;
export const BrowserScoreDocument = new TypedDocumentString(`
    query BrowserScore($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScore(unitId: $unitId, from: $from, to: $to) {
    touchpoints
    overall
    chains {
      chain
      score
    }
  }
}
    `) as unknown as TypedDocumentString<BrowserScoreQuery, BrowserScoreQueryVariables>;
export const GridTouchpointsDocument = new TypedDocumentString(`
    query GridTouchpoints($from: DateTime!, $to: DateTime!) {
  touchpoints(unitId: "bu-grid", from: $from, to: $to, first: 200) {
    edges {
      node {
        id
        customerId
        unit {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GridTouchpointsQuery, GridTouchpointsQueryVariables>;
export const LensRiskModelDocument = new TypedDocumentString(`
    query LensRiskModel {
  riskModel {
    modelVersion
    auc
  }
}
    `) as unknown as TypedDocumentString<LensRiskModelQuery, LensRiskModelQueryVariables>;
export const LensAtRiskDocument = new TypedDocumentString(`
    query LensAtRisk {
  atRiskCustomers(unitId: "bu-grid", first: 20) {
    customerId
    probability
  }
}
    `) as unknown as TypedDocumentString<LensAtRiskQuery, LensAtRiskQueryVariables>;
export const LensFollowUpsDocument = new TypedDocumentString(`
    query LensFollowUps {
  followUps(unitId: "bu-grid", states: [OPEN], first: 500) {
    edges {
      node {
        id
        reason
        customerId
        note
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LensFollowUpsQuery, LensFollowUpsQueryVariables>;
export const PanelsIndicatorsDocument = new TypedDocumentString(`
    query PanelsIndicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  indicators(unitId: $unitId, from: $from, to: $to) {
    key
    class
    value
    numerator
    denominator
    measureUnit
    target
    status
    previous
    higherIsBetter
  }
  targets(unitId: $unitId) {
    key
    target
    amberBand
    source
    inheritedFrom {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PanelsIndicatorsQuery, PanelsIndicatorsQueryVariables>;
export const PanelsPointsDocument = new TypedDocumentString(`
    query PanelsPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  perceptionPoints(unitId: $unitId, from: $from, to: $to) {
    point {
      code
    }
    touchpoints
    impact
    shortBoard
  }
}
    `) as unknown as TypedDocumentString<PanelsPointsQuery, PanelsPointsQueryVariables>;
export const PanelsTypesDocument = new TypedDocumentString(`
    query PanelsTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementTypes(unitId: $unitId, from: $from, to: $to) {
    type
    score
  }
}
    `) as unknown as TypedDocumentString<PanelsTypesQuery, PanelsTypesQueryVariables>;
export const PanelsLiveScoresDocument = new TypedDocumentString(`
    query PanelsLiveScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScores(parentId: $unitId, from: $from, to: $to) {
    unit {
      id
    }
    overall
  }
}
    `) as unknown as TypedDocumentString<PanelsLiveScoresQuery, PanelsLiveScoresQueryVariables>;
export const PanelsTargetsDocument = new TypedDocumentString(`
    query PanelsTargets($unitId: ID!) {
  targets(unitId: $unitId) {
    key
    target
    amberBand
  }
}
    `) as unknown as TypedDocumentString<PanelsTargetsQuery, PanelsTargetsQueryVariables>;
export const PanelsByCustomerDocument = new TypedDocumentString(`
    query PanelsByCustomer($from: DateTime!, $to: DateTime!, $c: String!) {
  touchpoints(
    unitId: "bu-grid"
    from: $from
    to: $to
    first: 5
    filter: {customerId: $c}
  ) {
    totalCount
    edges {
      node {
        perceptionPoint
        needCategory
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PanelsByCustomerQuery, PanelsByCustomerQueryVariables>;
export const ExplainScoresDocument = new TypedDocumentString(`
    query ExplainScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScore(unitId: $unitId, from: $from, to: $to) {
    touchpoints
    overall
    chains {
      chain
      score
      measures {
        key
        numerator
        denominator
      }
    }
  }
  engagementScores(parentId: $unitId, from: $from, to: $to) {
    unit {
      id
    }
    touchpoints
    overall
  }
  engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: CHANNEL) {
    value
    score {
      touchpoints
    }
  }
}
    `) as unknown as TypedDocumentString<ExplainScoresQuery, ExplainScoresQueryVariables>;
export const MonitorRecordDocument = new TypedDocumentString(`
    mutation MonitorRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MonitorRecordMutation, MonitorRecordMutationVariables>;
export const MonitorLoginDocument = new TypedDocumentString(`
    mutation MonitorLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<MonitorLoginMutation, MonitorLoginMutationVariables>;
export const KillRecordDocument = new TypedDocumentString(`
    mutation KillRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<KillRecordMutation, KillRecordMutationVariables>;
export const DemoTraceDocument = new TypedDocumentString(`
    query DemoTrace($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean) {
  commitments(
    unitId: $unitId
    from: $from
    to: $to
    owned: $owned
    states: [BREACHED]
    first: 500
  ) {
    edges {
      node {
        id
        code
        level
        state
        touchpointId
        unit {
          id
        }
        ownerUnit {
          id
        }
        breachedBy {
          id
          code
          ownerUnit {
            id
          }
          breachedBy {
            id
            code
            ownerUnit {
              id
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemoTraceQuery, DemoTraceQueryVariables>;
export const DemoFollowUpsDocument = new TypedDocumentString(`
    query DemoFollowUps($unitId: ID!) {
  followUps(unitId: $unitId, first: 500) {
    edges {
      node {
        id
        reason
        state
        commitmentId
        touchpointId
        unit {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DemoFollowUpsQuery, DemoFollowUpsQueryVariables>;
export const DemoTouchpointsDocument = new TypedDocumentString(`
    query DemoTouchpoints($from: DateTime!, $to: DateTime!) {
  engagementScore(unitId: "group", from: $from, to: $to) {
    touchpoints
  }
}
    `) as unknown as TypedDocumentString<DemoTouchpointsQuery, DemoTouchpointsQueryVariables>;
export const LogsTypenameDocument = new TypedDocumentString(`
    query LogsTypename {
  __typename
}
    `) as unknown as TypedDocumentString<LogsTypenameQuery, LogsTypenameQueryVariables>;
export const E2eLoginDocument = new TypedDocumentString(`
    mutation E2eLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<E2eLoginMutation, E2eLoginMutationVariables>;
export const E2eRecordDocument = new TypedDocumentString(`
    mutation E2eRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    duplicates
    rejected {
      index
      id
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<E2eRecordMutation, E2eRecordMutationVariables>;
export const E2eRateDocument = new TypedDocumentString(`
    mutation E2eRate($id: ID!, $s: SatisfactionInput!) {
  recordSatisfaction(touchpointId: $id, satisfaction: $s) {
    ...E2eTouchpoint
  }
}
    fragment E2eTouchpoint on Touchpoint {
  id
  unit {
    id
  }
  customerId
  channel
  kind
  stage
  occurredAt
  receivedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
  }
}`) as unknown as TypedDocumentString<E2eRateMutation, E2eRateMutationVariables>;
export const E2eTouchpointsDocument = new TypedDocumentString(`
    query E2eTouchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String) {
  touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...E2eTouchpoint
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment E2eTouchpoint on Touchpoint {
  id
  unit {
    id
  }
  customerId
  channel
  kind
  stage
  occurredAt
  receivedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
  }
}`) as unknown as TypedDocumentString<E2eTouchpointsQuery, E2eTouchpointsQueryVariables>;
export const E2eScoreDocument = new TypedDocumentString(`
    query E2eScore($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScore(unitId: $unitId, from: $from, to: $to) {
    ...E2eScore
  }
}
    fragment E2eScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  modelVersion
  chains {
    chain
    score
    measures {
      key
      chain
      numerator
      denominator
      value
      normalized
      weight
    }
  }
}`) as unknown as TypedDocumentString<E2eScoreQuery, E2eScoreQueryVariables>;
export const E2eScoresDocument = new TypedDocumentString(`
    query E2eScores($parentId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScores(parentId: $parentId, from: $from, to: $to) {
    ...E2eScore
  }
}
    fragment E2eScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  modelVersion
  chains {
    chain
    score
    measures {
      key
      chain
      numerator
      denominator
      value
      normalized
      weight
    }
  }
}`) as unknown as TypedDocumentString<E2eScoresQuery, E2eScoresQueryVariables>;
export const E2eBreakdownDocument = new TypedDocumentString(`
    query E2eBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {
  engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {
    value
    score {
      ...E2eScore
    }
  }
}
    fragment E2eScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  modelVersion
  chains {
    chain
    score
    measures {
      key
      chain
      numerator
      denominator
      value
      normalized
      weight
    }
  }
}`) as unknown as TypedDocumentString<E2eBreakdownQuery, E2eBreakdownQueryVariables>;
export const E2eTrendDocument = new TypedDocumentString(`
    query E2eTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {
  engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) {
    ...E2eScore
  }
}
    fragment E2eScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  modelVersion
  chains {
    chain
    score
    measures {
      key
      chain
      numerator
      denominator
      value
      normalized
      weight
    }
  }
}`) as unknown as TypedDocumentString<E2eTrendQuery, E2eTrendQueryVariables>;
export const E2eMeDocument = new TypedDocumentString(`
    query E2eMe {
  me {
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<E2eMeQuery, E2eMeQueryVariables>;
export const FaultsScoreDocument = new TypedDocumentString(`
    query FaultsScore($u: ID!, $f: DateTime!, $t: DateTime!) {
  engagementScore(unitId: $u, from: $f, to: $t) {
    ...E2eScore
  }
}
    fragment E2eScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  modelVersion
  chains {
    chain
    score
    measures {
      key
      chain
      numerator
      denominator
      value
      normalized
      weight
    }
  }
}`) as unknown as TypedDocumentString<FaultsScoreQuery, FaultsScoreQueryVariables>;
export const AuditUpsertUnitDocument = new TypedDocumentString(`
    mutation AuditUpsertUnit($input: OrgUnitInput!) {
  upsertOrgUnit(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AuditUpsertUnitMutation, AuditUpsertUnitMutationVariables>;
export const AuditUpsertUserDocument = new TypedDocumentString(`
    mutation AuditUpsertUser($input: UserInput!) {
  upsertUser(input: $input) {
    username
  }
}
    `) as unknown as TypedDocumentString<AuditUpsertUserMutation, AuditUpsertUserMutationVariables>;
export const AuditIssueKeyDocument = new TypedDocumentString(`
    mutation AuditIssueKey($s: ID!, $u: ID!) {
  issueSiteKey(siteId: $s, unitId: $u) {
    key
  }
}
    `) as unknown as TypedDocumentString<AuditIssueKeyMutation, AuditIssueKeyMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($first: Int, $after: String, $action: AuditAction, $actor: String, $from: DateTime, $to: DateTime) {
  auditLog(
    first: $first
    after: $after
    action: $action
    actor: $actor
    from: $from
    to: $to
  ) {
    edges {
      cursor
      node {
        id
        at
        actorKind
        actor
        role
        action
        target
        details
        clientAddress
        userAgent
        requestId
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const BoardLoginDocument = new TypedDocumentString(`
    mutation BoardLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<BoardLoginMutation, BoardLoginMutationVariables>;
export const BoardRecordDocument = new TypedDocumentString(`
    mutation BoardRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    duplicates
    rejected {
      index
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<BoardRecordMutation, BoardRecordMutationVariables>;
export const BoardEventsDocument = new TypedDocumentString(`
    mutation BoardEvents($input: [CommitmentEventInput!]!) {
  recordCommitmentEvents(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<BoardEventsMutation, BoardEventsMutationVariables>;
export const BoardAlertsDocument = new TypedDocumentString(`
    query BoardAlerts($u: ID!, $since: DateTime, $first: Int) {
  commitmentAlerts(unitId: $u, since: $since, first: $first) {
    id
    type
    at
    commitmentId
    code
    name
    touchpointId
    customerId
    dueAt
    unit {
      id
    }
    ownerUnit {
      id
      name
    }
    message
  }
}
    `) as unknown as TypedDocumentString<BoardAlertsQuery, BoardAlertsQueryVariables>;
export const BoardTraceDocument = new TypedDocumentString(`
    query BoardTrace($id: ID!) {
  commitment(id: $id) {
    id
    code
    level
    state
    ownerUnit {
      id
    }
    breachedBy {
      code
      ownerUnit {
        id
      }
      breachedBy {
        code
        ownerUnit {
          id
        }
      }
    }
    promise {
      id
      code
      state
      steps {
        code
        state
        steps {
          code
          state
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BoardTraceQuery, BoardTraceQueryVariables>;
export const CommitmentsLoginDocument = new TypedDocumentString(`
    mutation CommitmentsLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<CommitmentsLoginMutation, CommitmentsLoginMutationVariables>;
export const CommitmentsRecordDocument = new TypedDocumentString(`
    mutation CommitmentsRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    duplicates
    rejected {
      index
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CommitmentsRecordMutation, CommitmentsRecordMutationVariables>;
export const CommitmentsEventsDocument = new TypedDocumentString(`
    mutation CommitmentsEvents($input: [CommitmentEventInput!]!) {
  recordCommitmentEvents(input: $input) {
    accepted
    duplicates
    rejected {
      index
      id
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CommitmentsEventsMutation, CommitmentsEventsMutationVariables>;
export const CommitmentsOfPageDocument = new TypedDocumentString(`
    query CommitmentsOfPage($u: ID!, $from: DateTime!, $to: DateTime!) {
  touchpoints(unitId: $u, from: $from, to: $to, first: 100) {
    edges {
      node {
        id
        commitments {
          code
          state
          steps {
            code
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CommitmentsOfPageQuery, CommitmentsOfPageQueryVariables>;
export const CommitmentsPerfNowDocument = new TypedDocumentString(`
    query CommitmentsPerfNow($u: ID!, $from: DateTime!, $to: DateTime!) {
  commitmentPerformance(unitId: $u, from: $from, to: $to) {
    code
    started
    met
    breached
    open
    atRisk
  }
}
    `) as unknown as TypedDocumentString<CommitmentsPerfNowQuery, CommitmentsPerfNowQueryVariables>;
export const CommitmentsCountNowDocument = new TypedDocumentString(`
    query CommitmentsCountNow($u: ID!, $from: DateTime!, $to: DateTime!, $states: [CommitmentState!]) {
  commitments(unitId: $u, from: $from, to: $to, states: $states) {
    totalCount
    edges {
      node {
        id
        state
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CommitmentsCountNowQuery, CommitmentsCountNowQueryVariables>;
export const RiskLoginDocument = new TypedDocumentString(`
    mutation RiskLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<RiskLoginMutation, RiskLoginMutationVariables>;
export const RiskRecordDocument = new TypedDocumentString(`
    mutation RiskRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RiskRecordMutation, RiskRecordMutationVariables>;
export const RiskModelDocument = new TypedDocumentString(`
    query RiskModel {
  riskModel {
    modelVersion
    trainedAt
    trainingRatings
    holdoutRatings
    auc
    precisionAt50
    baselinePrecisionAt50
  }
}
    `) as unknown as TypedDocumentString<RiskModelQuery, RiskModelQueryVariables>;
export const RiskAtRiskDocument = new TypedDocumentString(`
    query RiskAtRisk($u: ID!, $first: Int) {
  atRiskCustomers(unitId: $u, first: $first) {
    customerId
    probability
    asOf
    modelVersion
    drivers {
      feature
      value
      contribution
    }
  }
}
    `) as unknown as TypedDocumentString<RiskAtRiskQuery, RiskAtRiskQueryVariables>;
export const RiskProfileDocument = new TypedDocumentString(`
    query RiskProfile($c: String!) {
  customer(customerId: $c) {
    customerId
    risk {
      probability
      modelVersion
      drivers {
        feature
        value
        contribution
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RiskProfileQuery, RiskProfileQueryVariables>;
export const RiskRateDocument = new TypedDocumentString(`
    mutation RiskRate($id: ID!, $s: Int!) {
  recordSatisfaction(touchpointId: $id, satisfaction: {score: $s}) {
    id
  }
}
    `) as unknown as TypedDocumentString<RiskRateMutation, RiskRateMutationVariables>;
export const RiskFollowUpsDocument = new TypedDocumentString(`
    query RiskFollowUps($u: ID!) {
  followUps(unitId: $u, states: [OPEN], first: 500) {
    totalCount
    edges {
      node {
        reason
        customerId
        touchpointId
        unit {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RiskFollowUpsQuery, RiskFollowUpsQueryVariables>;
export const TypesLoginDocument = new TypedDocumentString(`
    mutation TypesLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<TypesLoginMutation, TypesLoginMutationVariables>;
export const TypesRecordDocument = new TypedDocumentString(`
    mutation TypesRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TypesRecordMutation, TypesRecordMutationVariables>;
export const CustomerTypesDocument = new TypedDocumentString(`
    query CustomerTypes($c: String!) {
  customer(customerId: $c) {
    engagement {
      type
      score
      measures {
        key
        numerator
        denominator
        value
        normalized
        weight
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerTypesQuery, CustomerTypesQueryVariables>;
export const CustomersLoginDocument = new TypedDocumentString(`
    mutation CustomersLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<CustomersLoginMutation, CustomersLoginMutationVariables>;
export const CustomersRecordDocument = new TypedDocumentString(`
    mutation CustomersRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CustomersRecordMutation, CustomersRecordMutationVariables>;
export const CustomerProfileDocument = new TypedDocumentString(`
    query CustomerProfile($c: String!) {
  customer(customerId: $c) {
    customerId
    touchpoints
    firstContactAt
    lastContactAt
    units {
      unit {
        id
      }
      touchpoints
      lastContactAt
    }
    openCommitments {
      id
      code
      touchpointId
      unit {
        id
      }
    }
    followUps {
      id
      reason
      customerId
      unit {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerProfileQuery, CustomerProfileQueryVariables>;
export const CustomerTimelineDocument = new TypedDocumentString(`
    query CustomerTimeline($c: String!, $first: Int, $after: String) {
  customerTimeline(customerId: $c, first: $first, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id
        customerId
        occurredAt
        unit {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerTimelineQuery, CustomerTimelineQueryVariables>;
export const DrillDownDocument = new TypedDocumentString(`
    query DrillDown($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String, $filter: TouchpointFilter) {
  touchpoints(
    unitId: $unitId
    from: $from
    to: $to
    first: $first
    after: $after
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        receivedAt
        agentId
        teamId
        productId
        contractId
        handleSeconds
        unit {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DrillDownQuery, DrillDownQueryVariables>;
export const DrillBreakdownDocument = new TypedDocumentString(`
    query DrillBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {
  engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {
    value
    score {
      touchpoints
      chains {
        measures {
          key
          numerator
          denominator
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DrillBreakdownQuery, DrillBreakdownQueryVariables>;
export const DrillEventsDocument = new TypedDocumentString(`
    mutation DrillEvents($input: [CommitmentEventInput!]!) {
  recordCommitmentEvents(input: $input) {
    accepted
    rejected {
      index
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DrillEventsMutation, DrillEventsMutationVariables>;
export const ExportPageDocument = new TypedDocumentString(`
    query ExportPage($unitId: ID!, $from: DateTime!, $to: DateTime!, $after: String, $filter: TouchpointFilter) {
  touchpoints(
    unitId: $unitId
    from: $from
    to: $to
    first: 500
    after: $after
    filter: $filter
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        customerId
        agentId
        handleSeconds
        needDescription
        satisfaction {
          score
          comment
        }
        unit {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExportPageQuery, ExportPageQueryVariables>;
export const ExportScoresDocument = new TypedDocumentString(`
    query ExportScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: AGENT) {
    value
    score {
      touchpoints
      overall
      chains {
        chain
        score
        measures {
          key
          numerator
          denominator
          value
        }
      }
    }
  }
  engagementScores(parentId: $unitId, from: $from, to: $to) {
    unit {
      id
    }
    touchpoints
    overall
  }
  engagementTrend(unitId: $unitId, from: $from, to: $to, interval: HOUR) {
    from
    touchpoints
    overall
  }
}
    `) as unknown as TypedDocumentString<ExportScoresQuery, ExportScoresQueryVariables>;
export const ExportZonedTrendDocument = new TypedDocumentString(`
    query ExportZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementTrend(
    unitId: $unitId
    from: $from
    to: $to
    interval: DAY
    timeZone: "Asia/Kolkata"
  ) {
    from
    to
    touchpoints
    overall
  }
}
    `) as unknown as TypedDocumentString<ExportZonedTrendQuery, ExportZonedTrendQueryVariables>;
export const ExportAuditDocument = new TypedDocumentString(`
    query ExportAudit {
  auditLog(first: 50, action: EXPORT) {
    edges {
      node {
        actor
        target
        details
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExportAuditQuery, ExportAuditQueryVariables>;
export const FollowUpsRecordDocument = new TypedDocumentString(`
    mutation FollowUpsRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FollowUpsRecordMutation, FollowUpsRecordMutationVariables>;
export const FollowUpsRateDocument = new TypedDocumentString(`
    mutation FollowUpsRate($id: ID!, $s: Int!) {
  recordSatisfaction(touchpointId: $id, satisfaction: {score: $s}) {
    id
  }
}
    `) as unknown as TypedDocumentString<FollowUpsRateMutation, FollowUpsRateMutationVariables>;
export const FollowUpsRateManyDocument = new TypedDocumentString(`
    mutation FollowUpsRateMany($input: [SatisfactionRatingInput!]!) {
  recordSatisfactions(input: $input) {
    rated
    unchanged
  }
}
    `) as unknown as TypedDocumentString<FollowUpsRateManyMutation, FollowUpsRateManyMutationVariables>;
export const FollowUpsListDocument = new TypedDocumentString(`
    query FollowUpsList($u: ID!, $states: [FollowUpState!]) {
  followUps(unitId: $u, states: $states, first: 100) {
    totalCount
    edges {
      node {
        id
        reason
        customerId
        touchpointId
        state
        assignee
        outcome
        recovered
        createdAt
        dueAt
        closedAt
        unit {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FollowUpsListQuery, FollowUpsListQueryVariables>;
export const FollowUpsCloseDocument = new TypedDocumentString(`
    mutation FollowUpsClose($id: ID!, $o: String!) {
  closeFollowUp(id: $id, outcome: $o) {
    id
    state
    outcome
    closedAt
  }
}
    `) as unknown as TypedDocumentString<FollowUpsCloseMutation, FollowUpsCloseMutationVariables>;
export const FollowUpsAssignDocument = new TypedDocumentString(`
    mutation FollowUpsAssign($id: ID!, $a: String!) {
  assignFollowUp(id: $id, assignee: $a) {
    id
    assignee
  }
}
    `) as unknown as TypedDocumentString<FollowUpsAssignMutation, FollowUpsAssignMutationVariables>;
export const FollowUpsOpenDocument = new TypedDocumentString(`
    mutation FollowUpsOpen($id: ID!, $note: String) {
  openFollowUp(touchpointId: $id, note: $note) {
    id
    reason
    state
    unit {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FollowUpsOpenMutation, FollowUpsOpenMutationVariables>;
export const FollowUpsLoginDocument = new TypedDocumentString(`
    mutation FollowUpsLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<FollowUpsLoginMutation, FollowUpsLoginMutationVariables>;
export const IndicatorsDocument = new TypedDocumentString(`
    query Indicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  indicators(unitId: $unitId, from: $from, to: $to) {
    key
    class
    value
    numerator
    denominator
    measureUnit
    target
    higherIsBetter
    status
    previous
  }
}
    `) as unknown as TypedDocumentString<IndicatorsQuery, IndicatorsQueryVariables>;
export const EngagementTypesDocument = new TypedDocumentString(`
    query EngagementTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementTypes(unitId: $unitId, from: $from, to: $to) {
    type
    score
    measures {
      key
      numerator
      denominator
      value
    }
  }
}
    `) as unknown as TypedDocumentString<EngagementTypesQuery, EngagementTypesQueryVariables>;
export const TargetsOfDocument = new TypedDocumentString(`
    query TargetsOf($unitId: ID!) {
  targets(unitId: $unitId) {
    key
    target
    amberBand
    source
    unit {
      id
    }
    inheritedFrom {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TargetsOfQuery, TargetsOfQueryVariables>;
export const SetTargetDocument = new TypedDocumentString(`
    mutation SetTarget($input: TargetInput!) {
  setTarget(input: $input) {
    key
    target
    amberBand
    source
    unit {
      id
    }
    inheritedFrom {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SetTargetMutation, SetTargetMutationVariables>;
export const RateManyForIndicatorsDocument = new TypedDocumentString(`
    mutation RateManyForIndicators($input: [SatisfactionRatingInput!]!) {
  recordSatisfactions(input: $input) {
    rated
    unchanged
    rejected {
      index
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RateManyForIndicatorsMutation, RateManyForIndicatorsMutationVariables>;
export const RateManyDocument = new TypedDocumentString(`
    mutation RateMany($input: [SatisfactionRatingInput!]!) {
  recordSatisfactions(input: $input) {
    rated
    unchanged
    rejected {
      index
      id
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RateManyMutation, RateManyMutationVariables>;
export const MetricsRateManyDocument = new TypedDocumentString(`
    mutation MetricsRateMany($input: [SatisfactionRatingInput!]!) {
  recordSatisfactions(input: $input) {
    rated
    unchanged
    rejected {
      index
      code
    }
  }
}
    `) as unknown as TypedDocumentString<MetricsRateManyMutation, MetricsRateManyMutationVariables>;
export const MetricsLoginDocument = new TypedDocumentString(`
    mutation MetricsLogin {
  login(username: "exec", password: "exec-password") {
    token
  }
}
    `) as unknown as TypedDocumentString<MetricsLoginMutation, MetricsLoginMutationVariables>;
export const PerceptionPointsDocument = new TypedDocumentString(`
    query PerceptionPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  perceptionPoints(unitId: $unitId, from: $from, to: $to) {
    point {
      code
      name
      nameZh
      needCategories
      target
    }
    touchpoints
    rated
    csat
    lowRatings
    impact
    shortBoard
  }
}
    `) as unknown as TypedDocumentString<PerceptionPointsQuery, PerceptionPointsQueryVariables>;
export const TouchpointsOfPointDocument = new TypedDocumentString(`
    query TouchpointsOfPoint($unitId: ID!, $from: DateTime!, $to: DateTime!, $filter: TouchpointFilter) {
  touchpoints(unitId: $unitId, from: $from, to: $to, first: 1, filter: $filter) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<TouchpointsOfPointQuery, TouchpointsOfPointQueryVariables>;
export const PerceptionBreakdownDocument = new TypedDocumentString(`
    query PerceptionBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: PERCEPTION_POINT) {
    value
    score {
      touchpoints
    }
  }
}
    `) as unknown as TypedDocumentString<PerceptionBreakdownQuery, PerceptionBreakdownQueryVariables>;
export const AddUnitDocument = new TypedDocumentString(`
    mutation AddUnit($i: OrgUnitInput!) {
  upsertOrgUnit(input: $i) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddUnitMutation, AddUnitMutationVariables>;
export const RevocationUpsertUserDocument = new TypedDocumentString(`
    mutation RevocationUpsertUser($i: UserInput!) {
  upsertUser(input: $i) {
    username
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<RevocationUpsertUserMutation, RevocationUpsertUserMutationVariables>;
export const RevocationMeDocument = new TypedDocumentString(`
    query RevocationMe {
  me {
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<RevocationMeQuery, RevocationMeQueryVariables>;
export const RevocationBuADocument = new TypedDocumentString(`
    query RevocationBuA {
  orgUnit(id: "bu-a") {
    id
  }
}
    `) as unknown as TypedDocumentString<RevocationBuAQuery, RevocationBuAQueryVariables>;
export const RevocationBuBDocument = new TypedDocumentString(`
    query RevocationBuB {
  orgUnit(id: "bu-b") {
    id
  }
}
    `) as unknown as TypedDocumentString<RevocationBuBQuery, RevocationBuBQueryVariables>;
export const ZonedTrendDocument = new TypedDocumentString(`
    query ZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!, $timeZone: String) {
  engagementTrend(
    unitId: $unitId
    from: $from
    to: $to
    interval: $interval
    timeZone: $timeZone
  ) {
    from
    to
    touchpoints
    overall
    chains {
      chain
      score
      measures {
        key
        numerator
        denominator
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ZonedTrendQuery, ZonedTrendQueryVariables>;
export const MatrixMeDocument = new TypedDocumentString(`
    query MatrixMe {
  me {
    token
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<MatrixMeQuery, MatrixMeQueryVariables>;
export const MatrixOrgUnitsDocument = new TypedDocumentString(`
    query MatrixOrgUnits {
  orgUnits {
    ...MatrixUnit
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixOrgUnitsQuery, MatrixOrgUnitsQueryVariables>;
export const MatrixOrgUnitDocument = new TypedDocumentString(`
    query MatrixOrgUnit($id: ID!) {
  orgUnit(id: $id) {
    ...MatrixUnit
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixOrgUnitQuery, MatrixOrgUnitQueryVariables>;
export const MatrixScoreDocument = new TypedDocumentString(`
    query MatrixScore($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScore(unitId: $u, from: $from, to: $to) {
    ...MatrixScore
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}
fragment MatrixScore on EngagementScore {
  unit {
    ...MatrixUnit
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
}`) as unknown as TypedDocumentString<MatrixScoreQuery, MatrixScoreQueryVariables>;
export const MatrixScoresDocument = new TypedDocumentString(`
    query MatrixScores($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScores(parentId: $u, from: $from, to: $to) {
    ...MatrixScore
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}
fragment MatrixScore on EngagementScore {
  unit {
    ...MatrixUnit
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
}`) as unknown as TypedDocumentString<MatrixScoresQuery, MatrixScoresQueryVariables>;
export const MatrixBreakdownDocument = new TypedDocumentString(`
    query MatrixBreakdown($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementBreakdown(unitId: $u, from: $from, to: $to, by: CHANNEL) {
    value
    score {
      ...MatrixScore
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}
fragment MatrixScore on EngagementScore {
  unit {
    ...MatrixUnit
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
}`) as unknown as TypedDocumentString<MatrixBreakdownQuery, MatrixBreakdownQueryVariables>;
export const MatrixTrendDocument = new TypedDocumentString(`
    query MatrixTrend($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementTrend(unitId: $u, from: $from, to: $to, interval: HOUR) {
    ...MatrixScore
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}
fragment MatrixScore on EngagementScore {
  unit {
    ...MatrixUnit
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
}`) as unknown as TypedDocumentString<MatrixTrendQuery, MatrixTrendQueryVariables>;
export const MatrixTrendZonedDocument = new TypedDocumentString(`
    query MatrixTrendZoned($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementTrendZoned: engagementTrend(
    unitId: $u
    from: $from
    to: $to
    interval: DAY
    timeZone: "Asia/Shanghai"
  ) {
    ...MatrixScore
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}
fragment MatrixScore on EngagementScore {
  unit {
    ...MatrixUnit
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
}`) as unknown as TypedDocumentString<MatrixTrendZonedQuery, MatrixTrendZonedQueryVariables>;
export const MatrixTouchpointsDocument = new TypedDocumentString(`
    query MatrixTouchpoints($u: ID!, $from: DateTime!, $to: DateTime!) {
  touchpoints(unitId: $u, from: $from, to: $to, first: 100) {
    edges {
      node {
        id
        customerId
        unit {
          ...MatrixUnit
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixTouchpointsQuery, MatrixTouchpointsQueryVariables>;
export const MatrixTouchpointsFilteredDocument = new TypedDocumentString(`
    query MatrixTouchpointsFiltered($u: ID!, $from: DateTime!, $to: DateTime!) {
  touchpointsFiltered: touchpoints(
    unitId: $u
    from: $from
    to: $to
    first: 100
    filter: {measure: "csat", part: DENOMINATOR, channel: PHONE, agentId: "UNKNOWN"}
  ) {
    totalCount
    edges {
      node {
        id
        agentId
        handleSeconds
        satisfaction {
          score
        }
        unit {
          ...MatrixUnit
        }
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixTouchpointsFilteredQuery, MatrixTouchpointsFilteredQueryVariables>;
export const MatrixBreakdownByAgentDocument = new TypedDocumentString(`
    query MatrixBreakdownByAgent($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementBreakdownByAgent: engagementBreakdown(
    unitId: $u
    from: $from
    to: $to
    by: AGENT
  ) {
    value
    score {
      ...MatrixScore
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}
fragment MatrixScore on EngagementScore {
  unit {
    ...MatrixUnit
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
}`) as unknown as TypedDocumentString<MatrixBreakdownByAgentQuery, MatrixBreakdownByAgentQueryVariables>;
export const MatrixLoginDocument = new TypedDocumentString(`
    mutation MatrixLogin($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<MatrixLoginMutation, MatrixLoginMutationVariables>;
export const MatrixRecordDocument = new TypedDocumentString(`
    mutation MatrixRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    duplicates
    rejected {
      index
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixRecordMutation, MatrixRecordMutationVariables>;
export const MatrixRateDocument = new TypedDocumentString(`
    mutation MatrixRate($id: ID!, $s: SatisfactionInput!) {
  recordSatisfaction(touchpointId: $id, satisfaction: $s) {
    id
    satisfaction {
      score
    }
    unit {
      ...MatrixUnit
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixRateMutation, MatrixRateMutationVariables>;
export const MatrixRateManyDocument = new TypedDocumentString(`
    mutation MatrixRateMany($input: [SatisfactionRatingInput!]!) {
  recordSatisfactions(input: $input) {
    rated
    unchanged
    rejected {
      index
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixRateManyMutation, MatrixRateManyMutationVariables>;
export const MatrixUpsertOrgUnitDocument = new TypedDocumentString(`
    mutation MatrixUpsertOrgUnit($input: OrgUnitInput!) {
  upsertOrgUnit(input: $input) {
    ...MatrixUnit
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixUpsertOrgUnitMutation, MatrixUpsertOrgUnitMutationVariables>;
export const MatrixUpsertUserDocument = new TypedDocumentString(`
    mutation MatrixUpsertUser($input: UserInput!) {
  upsertUser(input: $input) {
    username
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<MatrixUpsertUserMutation, MatrixUpsertUserMutationVariables>;
export const MatrixIssueSiteKeyDocument = new TypedDocumentString(`
    mutation MatrixIssueSiteKey($siteId: ID!, $unitId: ID!) {
  issueSiteKey(siteId: $siteId, unitId: $unitId) {
    siteId
    unitId
    key
  }
}
    `) as unknown as TypedDocumentString<MatrixIssueSiteKeyMutation, MatrixIssueSiteKeyMutationVariables>;
export const MatrixAuditLogDocument = new TypedDocumentString(`
    query MatrixAuditLog($action: AuditAction) {
  auditLog(first: 50, action: $action) {
    edges {
      node {
        actor
        action
        target
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixAuditLogQuery, MatrixAuditLogQueryVariables>;
export const MatrixRevokeTokensDocument = new TypedDocumentString(`
    mutation MatrixRevokeTokens($username: String!) {
  revokeTokens(username: $username)
}
    `) as unknown as TypedDocumentString<MatrixRevokeTokensMutation, MatrixRevokeTokensMutationVariables>;
export const MatrixCatalogueDocument = new TypedDocumentString(`
    query MatrixCatalogue {
  commitmentCatalogue {
    code
    level
    parentCode
    targetMinutes
    warnAtPercent
  }
}
    `) as unknown as TypedDocumentString<MatrixCatalogueQuery, MatrixCatalogueQueryVariables>;
export const MatrixCommitmentsDocument = new TypedDocumentString(`
    query MatrixCommitments($u: ID!, $from: DateTime!, $to: DateTime!) {
  commitments(unitId: $u, from: $from, to: $to) {
    totalCount
    edges {
      node {
        id
        code
        state
        unit {
          ...MatrixUnit
        }
        ownerUnit {
          id
        }
      }
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixCommitmentsQuery, MatrixCommitmentsQueryVariables>;
export const MatrixCommitmentPerformanceDocument = new TypedDocumentString(`
    query MatrixCommitmentPerformance($u: ID!, $from: DateTime!, $to: DateTime!) {
  commitmentPerformance(unitId: $u, from: $from, to: $to) {
    code
    level
    started
    met
    breached
    open
    atRisk
    keptRate
    causedBreaches
  }
}
    `) as unknown as TypedDocumentString<MatrixCommitmentPerformanceQuery, MatrixCommitmentPerformanceQueryVariables>;
export const MatrixUpsertCommitmentDocument = new TypedDocumentString(`
    mutation MatrixUpsertCommitment($input: CommitmentDefinitionInput!) {
  upsertCommitment(input: $input) {
    code
    level
    targetMinutes
  }
}
    `) as unknown as TypedDocumentString<MatrixUpsertCommitmentMutation, MatrixUpsertCommitmentMutationVariables>;
export const MatrixCommitmentEventsDocument = new TypedDocumentString(`
    mutation MatrixCommitmentEvents($input: [CommitmentEventInput!]!) {
  recordCommitmentEvents(input: $input) {
    accepted
    duplicates
    rejected {
      index
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixCommitmentEventsMutation, MatrixCommitmentEventsMutationVariables>;
export const MatrixCommitmentDocument = new TypedDocumentString(`
    query MatrixCommitment($id: ID!) {
  commitment(id: $id) {
    id
    code
    touchpointId
    unit {
      ...MatrixUnit
    }
    ownerUnit {
      id
    }
    promise {
      id
      code
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixCommitmentQuery, MatrixCommitmentQueryVariables>;
export const MatrixCommitmentAlertsDocument = new TypedDocumentString(`
    query MatrixCommitmentAlerts($u: ID!) {
  commitmentAlerts(unitId: $u) {
    id
    type
    touchpointId
    customerId
    unit {
      id
    }
    ownerUnit {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixCommitmentAlertsQuery, MatrixCommitmentAlertsQueryVariables>;
export const MatrixFollowUpsDocument = new TypedDocumentString(`
    query MatrixFollowUps($u: ID!) {
  followUps(unitId: $u) {
    totalCount
    edges {
      node {
        id
        reason
        state
        customerId
        unit {
          ...MatrixUnit
        }
      }
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixFollowUpsQuery, MatrixFollowUpsQueryVariables>;
export const MatrixOpenFollowUpDocument = new TypedDocumentString(`
    mutation MatrixOpenFollowUp($id: ID!) {
  openFollowUp(touchpointId: $id, note: "call back") {
    id
    reason
    state
    unit {
      ...MatrixUnit
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixOpenFollowUpMutation, MatrixOpenFollowUpMutationVariables>;
export const MatrixAssignFollowUpDocument = new TypedDocumentString(`
    mutation MatrixAssignFollowUp($id: ID!, $assignee: String!) {
  assignFollowUp(id: $id, assignee: $assignee) {
    id
    assignee
    unit {
      ...MatrixUnit
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixAssignFollowUpMutation, MatrixAssignFollowUpMutationVariables>;
export const MatrixCloseFollowUpDocument = new TypedDocumentString(`
    mutation MatrixCloseFollowUp($id: ID!) {
  closeFollowUp(id: $id, outcome: "called back, solved") {
    id
    state
    outcome
    unit {
      ...MatrixUnit
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixCloseFollowUpMutation, MatrixCloseFollowUpMutationVariables>;
export const MatrixCustomerDocument = new TypedDocumentString(`
    query MatrixCustomer($c: String!) {
  customer(customerId: $c) {
    customerId
    touchpoints
    engagement {
      type
      score
    }
    units {
      unit {
        ...MatrixUnit
      }
      touchpoints
      lastContactAt
    }
    risk {
      probability
    }
    openCommitments {
      id
      unit {
        ...MatrixUnit
      }
    }
    followUps {
      id
      unit {
        ...MatrixUnit
      }
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixCustomerQuery, MatrixCustomerQueryVariables>;
export const MatrixAtRiskDocument = new TypedDocumentString(`
    query MatrixAtRisk($u: ID!) {
  atRiskCustomers(unitId: $u) {
    customerId
    probability
    drivers {
      feature
      contribution
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixAtRiskQuery, MatrixAtRiskQueryVariables>;
export const MatrixRiskModelDocument = new TypedDocumentString(`
    query MatrixRiskModel {
  riskModel {
    modelVersion
    auc
    precisionAt50
    baselinePrecisionAt50
  }
}
    `) as unknown as TypedDocumentString<MatrixRiskModelQuery, MatrixRiskModelQueryVariables>;
export const MatrixCustomerTimelineDocument = new TypedDocumentString(`
    query MatrixCustomerTimeline($c: String!) {
  customerTimeline(customerId: $c, first: 100) {
    edges {
      node {
        id
        customerId
        unit {
          ...MatrixUnit
        }
      }
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixCustomerTimelineQuery, MatrixCustomerTimelineQueryVariables>;
export const MatrixCustomerInUnitDocument = new TypedDocumentString(`
    query MatrixCustomerInUnit($c: String!, $u: ID!) {
  customerInUnit: customer(customerId: $c, unitId: $u) {
    customerId
    units {
      unit {
        ...MatrixUnit
      }
    }
    risk {
      probability
    }
    openCommitments {
      id
      unit {
        ...MatrixUnit
      }
    }
    followUps {
      id
      unit {
        ...MatrixUnit
      }
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixCustomerInUnitQuery, MatrixCustomerInUnitQueryVariables>;
export const MatrixCustomerTimelineInUnitDocument = new TypedDocumentString(`
    query MatrixCustomerTimelineInUnit($c: String!, $u: ID!) {
  customerTimelineInUnit: customerTimeline(customerId: $c, first: 500, unitId: $u) {
    totalCount
    edges {
      node {
        id
        customerId
        unit {
          ...MatrixUnit
        }
      }
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixCustomerTimelineInUnitQuery, MatrixCustomerTimelineInUnitQueryVariables>;
export const MatrixIndicatorsDocument = new TypedDocumentString(`
    query MatrixIndicators($u: ID!, $from: DateTime!, $to: DateTime!) {
  indicators(unitId: $u, from: $from, to: $to) {
    key
    class
    value
    numerator
    denominator
    target
    status
    previous
  }
}
    `) as unknown as TypedDocumentString<MatrixIndicatorsQuery, MatrixIndicatorsQueryVariables>;
export const MatrixEngagementTypesDocument = new TypedDocumentString(`
    query MatrixEngagementTypes($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementTypes(unitId: $u, from: $from, to: $to) {
    type
    score
    measures {
      key
      value
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixEngagementTypesQuery, MatrixEngagementTypesQueryVariables>;
export const MatrixPerceptionPointsDocument = new TypedDocumentString(`
    query MatrixPerceptionPoints($u: ID!, $from: DateTime!, $to: DateTime!) {
  perceptionPoints(unitId: $u, from: $from, to: $to) {
    point {
      code
    }
    touchpoints
    rated
    csat
    impact
    shortBoard
  }
}
    `) as unknown as TypedDocumentString<MatrixPerceptionPointsQuery, MatrixPerceptionPointsQueryVariables>;
export const MatrixPerceptionCatalogueDocument = new TypedDocumentString(`
    query MatrixPerceptionCatalogue {
  perceptionPointCatalogue {
    code
    name
    nameZh
    needCategories
    target
  }
}
    `) as unknown as TypedDocumentString<MatrixPerceptionCatalogueQuery, MatrixPerceptionCatalogueQueryVariables>;
export const MatrixTargetsDocument = new TypedDocumentString(`
    query MatrixTargets($u: ID!) {
  targets(unitId: $u) {
    key
    target
    amberBand
    source
    unit {
      ...MatrixUnit
    }
    inheritedFrom {
      ...MatrixUnit
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixTargetsQuery, MatrixTargetsQueryVariables>;
export const MatrixSetTargetDocument = new TypedDocumentString(`
    mutation MatrixSetTarget($input: TargetInput!) {
  setTarget(input: $input) {
    key
    target
    source
    unit {
      ...MatrixUnit
    }
    inheritedFrom {
      ...MatrixUnit
    }
  }
}
    fragment MatrixUnit on OrgUnit {
  __typename
  id
  parent {
    __typename
    id
  }
  children {
    __typename
    id
  }
}`) as unknown as TypedDocumentString<MatrixSetTargetMutation, MatrixSetTargetMutationVariables>;
export const MatrixNodeOfDocument = new TypedDocumentString(`
    query MatrixNodeOf($u: ID!, $from: DateTime!, $to: DateTime!) {
  commitments(unitId: $u, from: $from, to: $to, level: 1, first: 500) {
    edges {
      node {
        id
        touchpointId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MatrixNodeOfQuery, MatrixNodeOfQueryVariables>;
export const MatrixAlertsOfDocument = new TypedDocumentString(`
    query MatrixAlertsOf {
  commitmentAlerts(unitId: "group", first: 200) {
    touchpointId
    code
  }
}
    `) as unknown as TypedDocumentString<MatrixAlertsOfQuery, MatrixAlertsOfQueryVariables>;
export const SiteTestResendEventsDocument = new TypedDocumentString(`
    mutation SiteTestResendEvents($i: [CommitmentEventInput!]!) {
  recordCommitmentEvents(input: $i) {
    accepted
    duplicates
  }
}
    `) as unknown as TypedDocumentString<SiteTestResendEventsMutation, SiteTestResendEventsMutationVariables>;
export const SiteTestGatewayFollowUpsDocument = new TypedDocumentString(`
    query SiteTestGatewayFollowUps($unitId: ID!) {
  followUps(unitId: $unitId, first: 500) {
    edges {
      node {
        id
        state
        outcome
        customerId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SiteTestGatewayFollowUpsQuery, SiteTestGatewayFollowUpsQueryVariables>;
export const GatewayPerceptionCatalogueDocument = new TypedDocumentString(`
    query GatewayPerceptionCatalogue {
  perceptionPointCatalogue {
    code
    name
    nameZh
    needCategories
    target
  }
}
    `) as unknown as TypedDocumentString<GatewayPerceptionCatalogueQuery, GatewayPerceptionCatalogueQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RevokeDocument = new TypedDocumentString(`
    mutation Revoke($u: String!) {
  revokeTokens(username: $u)
}
    `) as unknown as TypedDocumentString<RevokeMutation, RevokeMutationVariables>;
export const RecordDocument = new TypedDocumentString(`
    mutation Record($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    duplicates
    rejected {
      index
      id
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RecordMutation, RecordMutationVariables>;
export const RateDocument = new TypedDocumentString(`
    mutation Rate($id: ID!, $s: SatisfactionInput!) {
  recordSatisfaction(touchpointId: $id, satisfaction: $s) {
    id
    satisfaction {
      score
      comment
    }
  }
}
    `) as unknown as TypedDocumentString<RateMutation, RateMutationVariables>;
export const ScoreDocument = new TypedDocumentString(`
    query Score($unitId: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScore(unitId: $unitId, from: $from, to: $to) {
    touchpoints
    overall
    modelVersion
    chains {
      chain
      score
      measures {
        key
        numerator
        denominator
        value
        normalized
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScoreQuery, ScoreQueryVariables>;
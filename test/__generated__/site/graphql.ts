/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Channel =
  | 'APP'
  | 'EMAIL'
  | 'ONSITE'
  | 'OTHER'
  | 'PHONE'
  | 'SOCIAL'
  | 'WEB';

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

export type ForwardState =
  | 'DEAD'
  | 'FORWARDED'
  | 'PENDING';

export type LifecycleStage =
  | 'AFTER_SALE'
  | 'IN_SALE'
  | 'PRE_SALE';

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

export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'EXECUTIVE'
  | 'UNIT_HEAD';

export type SatisfactionInput = {
  comment?: string | null | undefined;
  score: number;
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

export type SiteCommitmentEventInput = {
  code: string;
  completedAt?: string | null | undefined;
  id: string;
  touchpointId: string;
};

export type SiteTouchpointInput = {
  channel: Channel;
  contractId?: string | null | undefined;
  customerId: string;
  id?: string | null | undefined;
  industry?: string | null | undefined;
  kind: TouchpointKind;
  need: NeedInput;
  occurredAt?: string | null | undefined;
  perceptionPoint?: string | null | undefined;
  productId?: string | null | undefined;
  region?: string | null | undefined;
  satisfaction?: SatisfactionInput | null | undefined;
  service?: ServiceInput | null | undefined;
  stage: LifecycleStage;
  teamId?: string | null | undefined;
  unitId?: string | null | undefined;
};

export type TouchpointKind =
  | 'COLLABORATION'
  | 'SERVICE'
  | 'SOCIAL';

export type FaultsBacklogQueryVariables = Exact<{ [key: string]: never; }>;


export type FaultsBacklogQuery = { siteStatus: { backlog: number } };

export type FaultsDeadLettersQueryVariables = Exact<{ [key: string]: never; }>;


export type FaultsDeadLettersQuery = { deadLetters: Array<{ touchpointId: string, code: string, message: string, kind: string }> };

export type AgentLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type AgentLoginMutation = { login: { token: string, username: string, role: Role, unitId: string, siteId: string } };

export type AgentMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentMeQuery = { me: { username: string, role: Role, unitId: string, siteId: string, token: string } | null };

export type EventFieldsFragment = { id: string, touchpointId: string, code: string, completedAt: string, agentId: string | null, acceptedAt: string, state: ForwardState, forwardedAt: string | null, error: string | null };

export type SiteRecordEventMutationVariables = Exact<{
  input: SiteCommitmentEventInput;
}>;


export type SiteRecordEventMutation = { recordCommitmentEvent: { id: string, touchpointId: string, code: string, completedAt: string, agentId: string | null, acceptedAt: string, state: ForwardState, forwardedAt: string | null, error: string | null } };

export type SiteRecordEventsMutationVariables = Exact<{
  input: Array<SiteCommitmentEventInput> | SiteCommitmentEventInput;
}>;


export type SiteRecordEventsMutation = { recordCommitmentEvents: Array<{ id: string, touchpointId: string, code: string, completedAt: string, agentId: string | null, acceptedAt: string, state: ForwardState, forwardedAt: string | null, error: string | null }> };

export type SiteTouchpointCommitmentQueryVariables = Exact<{
  id: string;
}>;


export type SiteTouchpointCommitmentQuery = { touchpoint: { id: string, state: ForwardState, commitment: { code: string, name: string, startedAt: string, nodes: Array<{ code: string, level: number, parentCode: string | null, ownerUnitId: string, dueAt: string, completedAt: string | null, state: CommitmentState, completedBy: { id: string, state: ForwardState } | null }> } | null } | null };

export type SiteCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type SiteCatalogueQuery = { commitmentCatalogue: Array<{ code: string, level: number, parentCode: string | null, targetMinutes: number, ownerUnitId: string | null }> };

export type SiteCustomerQueryVariables = Exact<{
  c: string;
}>;


export type SiteCustomerQuery = { customer: { customerId: string, scopeUnitId: string, asOf: string | null, stale: boolean, profile: { touchpoints: number, firstContactAt: string, lastContactAt: string, units: Array<{ unitId: string, unitName: string, touchpoints: number, lastContactAt: string }>, engagement: Array<{ type: EngagementType, score: number | null }>, risk: { probability: number, drivers: Array<{ feature: string, value: number, contribution: number }> } | null, openCommitments: Array<{ id: string, unitId: string }>, followUps: Array<{ id: string, reason: FollowUpReason, state: FollowUpState, unitId: string }>, timeline: Array<{ id: string, unitId: string, unitName: string, occurredAt: string, channel: Channel, needCategory: NeedCategory, resolved: boolean | null, satisfaction: number | null }> } | null } };

export type SiteFollowUpsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type SiteFollowUpsQuery = { followUps: { asOf: string | null, stale: boolean, totalCount: number, items: Array<{ id: string, reason: FollowUpReason, unitId: string, unitName: string | null, customerId: string, touchpointId: string | null, createdAt: string, dueAt: string, close: { outcome: string, closedBy: string, state: ForwardState, error: string | null } | null }> } };

export type SiteCloseFollowUpMutationVariables = Exact<{
  id: string;
  outcome: string;
}>;


export type SiteCloseFollowUpMutation = { closeFollowUp: { id: string, close: { outcome: string, closedBy: string, acceptedAt: string, state: ForwardState, forwardedAt: string | null, error: string | null } | null } };

export type SitePerceptionPointsQueryVariables = Exact<{ [key: string]: never; }>;


export type SitePerceptionPointsQuery = { perceptionPointCatalogue: Array<{ code: string, name: string, nameZh: string | null, needCategories: Array<NeedCategory>, target: number }> };

export type SiteLoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type SiteLoginMutation = { login: { token: string } };

export type SiteStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type SiteStatusQuery = { siteStatus: { siteId: string, unitId: string, gatewayUrl: string, gatewayReachable: boolean, backlog: number, oldestPendingAgeSeconds: number | null, lastSuccessAt: string | null, lastError: string | null, lastErrorAt: string | null, deadLetters: number, forwarded: number } };

export type LocalFieldsFragment = { id: string, unitId: string, agentId: string | null, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null };

export type LogOneMutationVariables = Exact<{
  input: SiteTouchpointInput;
}>;


export type LogOneMutation = { logTouchpoint: { id: string, unitId: string, agentId: string | null, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null } };

export type LogManyMutationVariables = Exact<{
  input: Array<SiteTouchpointInput> | SiteTouchpointInput;
}>;


export type LogManyMutation = { logTouchpoints: Array<{ id: string, unitId: string, agentId: string | null, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null }> };

export type RateLocalMutationVariables = Exact<{
  id: string;
  s: SatisfactionInput;
}>;


export type RateLocalMutation = { rateTouchpoint: { id: string, unitId: string, agentId: string | null, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null } };

export type LocalTouchpointQueryVariables = Exact<{
  id: string;
}>;


export type LocalTouchpointQuery = { touchpoint: { id: string, unitId: string, agentId: string | null, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null } | null };

export type MineQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type MineQuery = { myTouchpoints: Array<{ id: string, unitId: string, agentId: string | null, customerId: string, channel: Channel, kind: TouchpointKind, stage: LifecycleStage, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null }> };

export type DeadLettersQueryVariables = Exact<{ [key: string]: never; }>;


export type DeadLettersQuery = { deadLetters: Array<{ id: string, kind: string, touchpointId: string, code: string, message: string, payload: string, at: string }> };

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
export const EventFieldsFragmentDoc = new TypedDocumentString(`
    fragment EventFields on LocalCommitmentEvent {
  id
  touchpointId
  code
  completedAt
  agentId
  acceptedAt
  state
  forwardedAt
  error
}
    `, {"fragmentName":"EventFields"}) as unknown as TypedDocumentString<EventFieldsFragment, unknown>;
export const LocalFieldsFragmentDoc = new TypedDocumentString(`
    fragment LocalFields on LocalTouchpoint {
  id
  unitId
  agentId
  customerId
  channel
  kind
  stage
  occurredAt
  acceptedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
    state
  }
  state
  forwardedAt
  error
}
    `, {"fragmentName":"LocalFields"}) as unknown as TypedDocumentString<LocalFieldsFragment, unknown>;
export const FaultsBacklogDocument = new TypedDocumentString(`
    query FaultsBacklog {
  siteStatus {
    backlog
  }
}
    `) as unknown as TypedDocumentString<FaultsBacklogQuery, FaultsBacklogQueryVariables>;
export const FaultsDeadLettersDocument = new TypedDocumentString(`
    query FaultsDeadLetters {
  deadLetters(first: 500) {
    touchpointId
    code
    message
    kind
  }
}
    `) as unknown as TypedDocumentString<FaultsDeadLettersQuery, FaultsDeadLettersQueryVariables>;
export const AgentLoginDocument = new TypedDocumentString(`
    mutation AgentLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
    username
    role
    unitId
    siteId
  }
}
    `) as unknown as TypedDocumentString<AgentLoginMutation, AgentLoginMutationVariables>;
export const AgentMeDocument = new TypedDocumentString(`
    query AgentMe {
  me {
    username
    role
    unitId
    siteId
    token
  }
}
    `) as unknown as TypedDocumentString<AgentMeQuery, AgentMeQueryVariables>;
export const SiteRecordEventDocument = new TypedDocumentString(`
    mutation SiteRecordEvent($input: SiteCommitmentEventInput!) {
  recordCommitmentEvent(input: $input) {
    ...EventFields
  }
}
    fragment EventFields on LocalCommitmentEvent {
  id
  touchpointId
  code
  completedAt
  agentId
  acceptedAt
  state
  forwardedAt
  error
}`) as unknown as TypedDocumentString<SiteRecordEventMutation, SiteRecordEventMutationVariables>;
export const SiteRecordEventsDocument = new TypedDocumentString(`
    mutation SiteRecordEvents($input: [SiteCommitmentEventInput!]!) {
  recordCommitmentEvents(input: $input) {
    ...EventFields
  }
}
    fragment EventFields on LocalCommitmentEvent {
  id
  touchpointId
  code
  completedAt
  agentId
  acceptedAt
  state
  forwardedAt
  error
}`) as unknown as TypedDocumentString<SiteRecordEventsMutation, SiteRecordEventsMutationVariables>;
export const SiteTouchpointCommitmentDocument = new TypedDocumentString(`
    query SiteTouchpointCommitment($id: ID!) {
  touchpoint(id: $id) {
    id
    state
    commitment {
      code
      name
      startedAt
      nodes {
        code
        level
        parentCode
        ownerUnitId
        dueAt
        completedAt
        state
        completedBy {
          id
          state
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SiteTouchpointCommitmentQuery, SiteTouchpointCommitmentQueryVariables>;
export const SiteCatalogueDocument = new TypedDocumentString(`
    query SiteCatalogue {
  commitmentCatalogue {
    code
    level
    parentCode
    targetMinutes
    ownerUnitId
  }
}
    `) as unknown as TypedDocumentString<SiteCatalogueQuery, SiteCatalogueQueryVariables>;
export const SiteCustomerDocument = new TypedDocumentString(`
    query SiteCustomer($c: String!) {
  customer(customerId: $c) {
    customerId
    scopeUnitId
    asOf
    stale
    profile {
      touchpoints
      firstContactAt
      lastContactAt
      units {
        unitId
        unitName
        touchpoints
        lastContactAt
      }
      engagement {
        type
        score
      }
      risk {
        probability
        drivers {
          feature
          value
          contribution
        }
      }
      openCommitments {
        id
        unitId
      }
      followUps {
        id
        reason
        state
        unitId
      }
      timeline {
        id
        unitId
        unitName
        occurredAt
        channel
        needCategory
        resolved
        satisfaction
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SiteCustomerQuery, SiteCustomerQueryVariables>;
export const SiteFollowUpsDocument = new TypedDocumentString(`
    query SiteFollowUps($first: Int) {
  followUps(first: $first) {
    asOf
    stale
    totalCount
    items {
      id
      reason
      unitId
      unitName
      customerId
      touchpointId
      createdAt
      dueAt
      close {
        outcome
        closedBy
        state
        error
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SiteFollowUpsQuery, SiteFollowUpsQueryVariables>;
export const SiteCloseFollowUpDocument = new TypedDocumentString(`
    mutation SiteCloseFollowUp($id: ID!, $outcome: String!) {
  closeFollowUp(id: $id, outcome: $outcome) {
    id
    close {
      outcome
      closedBy
      acceptedAt
      state
      forwardedAt
      error
    }
  }
}
    `) as unknown as TypedDocumentString<SiteCloseFollowUpMutation, SiteCloseFollowUpMutationVariables>;
export const SitePerceptionPointsDocument = new TypedDocumentString(`
    query SitePerceptionPoints {
  perceptionPointCatalogue {
    code
    name
    nameZh
    needCategories
    target
  }
}
    `) as unknown as TypedDocumentString<SitePerceptionPointsQuery, SitePerceptionPointsQueryVariables>;
export const SiteLoginDocument = new TypedDocumentString(`
    mutation SiteLogin($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<SiteLoginMutation, SiteLoginMutationVariables>;
export const SiteStatusDocument = new TypedDocumentString(`
    query SiteStatus {
  siteStatus {
    siteId
    unitId
    gatewayUrl
    gatewayReachable
    backlog
    oldestPendingAgeSeconds
    lastSuccessAt
    lastError
    lastErrorAt
    deadLetters
    forwarded
  }
}
    `) as unknown as TypedDocumentString<SiteStatusQuery, SiteStatusQueryVariables>;
export const LogOneDocument = new TypedDocumentString(`
    mutation LogOne($input: SiteTouchpointInput!) {
  logTouchpoint(input: $input) {
    ...LocalFields
  }
}
    fragment LocalFields on LocalTouchpoint {
  id
  unitId
  agentId
  customerId
  channel
  kind
  stage
  occurredAt
  acceptedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
    state
  }
  state
  forwardedAt
  error
}`) as unknown as TypedDocumentString<LogOneMutation, LogOneMutationVariables>;
export const LogManyDocument = new TypedDocumentString(`
    mutation LogMany($input: [SiteTouchpointInput!]!) {
  logTouchpoints(input: $input) {
    ...LocalFields
  }
}
    fragment LocalFields on LocalTouchpoint {
  id
  unitId
  agentId
  customerId
  channel
  kind
  stage
  occurredAt
  acceptedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
    state
  }
  state
  forwardedAt
  error
}`) as unknown as TypedDocumentString<LogManyMutation, LogManyMutationVariables>;
export const RateLocalDocument = new TypedDocumentString(`
    mutation RateLocal($id: ID!, $s: SatisfactionInput!) {
  rateTouchpoint(touchpointId: $id, satisfaction: $s) {
    ...LocalFields
  }
}
    fragment LocalFields on LocalTouchpoint {
  id
  unitId
  agentId
  customerId
  channel
  kind
  stage
  occurredAt
  acceptedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
    state
  }
  state
  forwardedAt
  error
}`) as unknown as TypedDocumentString<RateLocalMutation, RateLocalMutationVariables>;
export const LocalTouchpointDocument = new TypedDocumentString(`
    query LocalTouchpoint($id: ID!) {
  touchpoint(id: $id) {
    ...LocalFields
  }
}
    fragment LocalFields on LocalTouchpoint {
  id
  unitId
  agentId
  customerId
  channel
  kind
  stage
  occurredAt
  acceptedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
    state
  }
  state
  forwardedAt
  error
}`) as unknown as TypedDocumentString<LocalTouchpointQuery, LocalTouchpointQueryVariables>;
export const MineDocument = new TypedDocumentString(`
    query Mine($first: Int) {
  myTouchpoints(first: $first) {
    ...LocalFields
  }
}
    fragment LocalFields on LocalTouchpoint {
  id
  unitId
  agentId
  customerId
  channel
  kind
  stage
  occurredAt
  acceptedAt
  needCategory
  needDescription
  serviceAction
  resolved
  satisfaction {
    score
    comment
    state
  }
  state
  forwardedAt
  error
}`) as unknown as TypedDocumentString<MineQuery, MineQueryVariables>;
export const DeadLettersDocument = new TypedDocumentString(`
    query DeadLetters {
  deadLetters {
    id
    kind
    touchpointId
    code
    message
    payload
    at
  }
}
    `) as unknown as TypedDocumentString<DeadLettersQuery, DeadLettersQueryVariables>;
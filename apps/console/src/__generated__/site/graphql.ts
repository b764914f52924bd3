/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type AgentCustomerQueryVariables = Exact<{
  customerId: string;
}>;


export type AgentCustomerQuery = { customer: { customerId: string, scopeUnitId: string, asOf: string | null, stale: boolean, profile: { touchpoints: number, lastContactAt: string, units: Array<{ unitId: string, unitName: string, touchpoints: number, lastContactAt: string }>, engagement: Array<{ type: EngagementType, score: number | null }>, risk: { probability: number, asOf: string, drivers: Array<{ feature: string, value: number, contribution: number }> } | null, openCommitments: Array<{ id: string, name: string, state: CommitmentState, dueAt: string, unitName: string }>, followUps: Array<{ id: string, reason: FollowUpReason, state: FollowUpState, unitName: string }>, timeline: Array<{ id: string, unitId: string, unitName: string, occurredAt: string, channel: Channel, needCategory: NeedCategory, serviceAction: string | null, resolved: boolean | null, satisfaction: number | null }> } | null } };

export type LocalTouchpointRowFragment = { id: string, unitId: string, customerId: string, channel: Channel, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null, commitment: { code: string, name: string, startedAt: string, nodes: Array<{ code: string, name: string, level: number, parentCode: string | null, ownerUnitId: string, warnAt: string, dueAt: string, completedAt: string | null, state: CommitmentState, completedBy: { id: string, state: ForwardState, error: string | null } | null }> } | null };

export type MyTouchpointsQueryVariables = Exact<{
  first: number;
}>;


export type MyTouchpointsQuery = { myTouchpoints: Array<{ id: string, unitId: string, customerId: string, channel: Channel, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null, commitment: { code: string, name: string, startedAt: string, nodes: Array<{ code: string, name: string, level: number, parentCode: string | null, ownerUnitId: string, warnAt: string, dueAt: string, completedAt: string | null, state: CommitmentState, completedBy: { id: string, state: ForwardState, error: string | null } | null }> } | null }> };

export type SiteStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type SiteStatusQuery = { siteStatus: { siteId: string, unitId: string, gatewayReachable: boolean, backlog: number, oldestPendingAgeSeconds: number | null, lastSuccessAt: string | null, lastError: string | null, deadLetters: number, forwarded: number } };

export type LogTouchpointMutationVariables = Exact<{
  input: SiteTouchpointInput;
}>;


export type LogTouchpointMutation = { logTouchpoint: { id: string, unitId: string, customerId: string, channel: Channel, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null, commitment: { code: string, name: string, startedAt: string, nodes: Array<{ code: string, name: string, level: number, parentCode: string | null, ownerUnitId: string, warnAt: string, dueAt: string, completedAt: string | null, state: CommitmentState, completedBy: { id: string, state: ForwardState, error: string | null } | null }> } | null } };

export type RateTouchpointMutationVariables = Exact<{
  touchpointId: string;
  satisfaction: SatisfactionInput;
}>;


export type RateTouchpointMutation = { rateTouchpoint: { id: string, unitId: string, customerId: string, channel: Channel, occurredAt: string, acceptedAt: string, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, state: ForwardState, forwardedAt: string | null, error: string | null, satisfaction: { score: number, comment: string | null, state: ForwardState } | null, commitment: { code: string, name: string, startedAt: string, nodes: Array<{ code: string, name: string, level: number, parentCode: string | null, ownerUnitId: string, warnAt: string, dueAt: string, completedAt: string | null, state: CommitmentState, completedBy: { id: string, state: ForwardState, error: string | null } | null }> } | null } };

export type RecordCommitmentEventMutationVariables = Exact<{
  input: SiteCommitmentEventInput;
}>;


export type RecordCommitmentEventMutation = { recordCommitmentEvent: { id: string, state: ForwardState } };

export type AgentCommitmentCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentCommitmentCatalogueQuery = { commitmentCatalogue: Array<{ code: string, name: string, level: number }> };

export type AgentPerceptionPointsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgentPerceptionPointsQuery = { perceptionPointCatalogue: Array<{ code: string, name: string, nameZh: string | null, needCategories: Array<NeedCategory> }> };

export type AgentFollowUpsQueryVariables = Exact<{
  first: number;
}>;


export type AgentFollowUpsQuery = { followUps: { asOf: string | null, stale: boolean, totalCount: number, items: Array<{ id: string, reason: FollowUpReason, unitId: string, unitName: string | null, customerId: string, touchpointId: string | null, createdAt: string, dueAt: string, assignee: string | null, note: string | null, close: { outcome: string, closedBy: string, state: ForwardState, error: string | null } | null }> } };

export type AgentCloseFollowUpMutationVariables = Exact<{
  id: string;
  outcome: string;
}>;


export type AgentCloseFollowUpMutation = { closeFollowUp: { id: string, close: { outcome: string, state: ForwardState, error: string | null } | null } };

export type ProbeQueryVariables = Exact<{ [key: string]: never; }>;


export type ProbeQuery = { siteStatus: { siteId: string } };

export type LoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type LoginMutation = { login: { token: string, username: string, role: Role, unitId: string, siteId: string } };

export const LocalTouchpointRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LocalTouchpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocalTouchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"needCategory"}},{"kind":"Field","name":{"kind":"Name","value":"needDescription"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAction"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"warnAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LocalTouchpointRowFragment, unknown>;
export const AgentCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"scopeUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"touchpoints"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"touchpoints"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"risk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"drivers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"openCommitments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"needCategory"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAction"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgentCustomerQuery, AgentCustomerQueryVariables>;
export const MyTouchpointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTouchpoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTouchpoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LocalTouchpointRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LocalTouchpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocalTouchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"needCategory"}},{"kind":"Field","name":{"kind":"Name","value":"needDescription"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAction"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"warnAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyTouchpointsQuery, MyTouchpointsQueryVariables>;
export const SiteStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteId"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"gatewayReachable"}},{"kind":"Field","name":{"kind":"Name","value":"backlog"}},{"kind":"Field","name":{"kind":"Name","value":"oldestPendingAgeSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"deadLetters"}},{"kind":"Field","name":{"kind":"Name","value":"forwarded"}}]}}]}}]} as unknown as DocumentNode<SiteStatusQuery, SiteStatusQueryVariables>;
export const LogTouchpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogTouchpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SiteTouchpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logTouchpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LocalTouchpointRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LocalTouchpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocalTouchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"needCategory"}},{"kind":"Field","name":{"kind":"Name","value":"needDescription"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAction"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"warnAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LogTouchpointMutation, LogTouchpointMutationVariables>;
export const RateTouchpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RateTouchpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"touchpointId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"satisfaction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SatisfactionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateTouchpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"touchpointId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"touchpointId"}}},{"kind":"Argument","name":{"kind":"Name","value":"satisfaction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"satisfaction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LocalTouchpointRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LocalTouchpointRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LocalTouchpoint"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"needCategory"}},{"kind":"Field","name":{"kind":"Name","value":"needDescription"}},{"kind":"Field","name":{"kind":"Name","value":"serviceAction"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"forwardedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}},{"kind":"Field","name":{"kind":"Name","value":"ownerUnitId"}},{"kind":"Field","name":{"kind":"Name","value":"warnAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"completedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RateTouchpointMutation, RateTouchpointMutationVariables>;
export const RecordCommitmentEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCommitmentEvent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SiteCommitmentEventInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCommitmentEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<RecordCommitmentEventMutation, RecordCommitmentEventMutationVariables>;
export const AgentCommitmentCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentCommitmentCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitmentCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]} as unknown as DocumentNode<AgentCommitmentCatalogueQuery, AgentCommitmentCatalogueQueryVariables>;
export const AgentPerceptionPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentPerceptionPoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"perceptionPointCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"needCategories"}}]}}]}}]} as unknown as DocumentNode<AgentPerceptionPointsQuery, AgentPerceptionPointsQueryVariables>;
export const AgentFollowUpsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgentFollowUps"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUps"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"touchpointId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"close"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"closedBy"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgentFollowUpsQuery, AgentFollowUpsQueryVariables>;
export const AgentCloseFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AgentCloseFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"close"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<AgentCloseFollowUpMutation, AgentCloseFollowUpMutationVariables>;
export const ProbeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Probe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteId"}}]}}]}}]} as unknown as DocumentNode<ProbeQuery, ProbeQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"u"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"u"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"unitId"}},{"kind":"Field","name":{"kind":"Name","value":"siteId"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
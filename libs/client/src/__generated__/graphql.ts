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

export type RecordTouchpointsMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
  sentAt?: string | null | undefined;
}>;


export type RecordTouchpointsMutation = { recordTouchpoints: { accepted: number, duplicates: number, rejected: Array<{ index: number, id: string | null, code: string, message: string }> } };

export type RecordSatisfactionMutationVariables = Exact<{
  touchpointId: string;
  satisfaction: SatisfactionInput;
}>;


export type RecordSatisfactionMutation = { recordSatisfaction: { id: string, occurredAt: string, receivedAt: string, resolved: boolean | null, unit: { id: string }, satisfaction: { score: number, comment: string | null } | null } };

export type RecordSatisfactionsMutationVariables = Exact<{
  input: Array<SatisfactionRatingInput> | SatisfactionRatingInput;
}>;


export type RecordSatisfactionsMutation = { recordSatisfactions: { rated: number, unchanged: number, rejected: Array<{ index: number, id: string | null, code: string, message: string }> } };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, role: Role, unitId: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { token: string, role: Role, unitId: string } | null };

export type SiteUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type SiteUnitsQuery = { orgUnits: Array<{ id: string, parent: { id: string } | null }> };

export type CommitmentCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type CommitmentCatalogueQuery = { commitmentCatalogue: Array<{ code: string, name: string, level: number, parentCode: string | null, targetMinutes: number, warnAtPercent: number, ownerUnit: { id: string } | null }> };

export type PerceptionPointCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type PerceptionPointCatalogueQuery = { perceptionPointCatalogue: Array<{ code: string, name: string, nameZh: string | null, needCategories: Array<NeedCategory>, target: number }> };

export type RecordCommitmentEventsMutationVariables = Exact<{
  input: Array<CommitmentEventInput> | CommitmentEventInput;
}>;


export type RecordCommitmentEventsMutation = { recordCommitmentEvents: { accepted: number, duplicates: number, rejected: Array<{ index: number, id: string | null, code: string, message: string }> } };

export type FollowUpsQueryVariables = Exact<{
  unitId: string;
  states?: Array<FollowUpState> | FollowUpState | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FollowUpsQuery = { followUps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, reason: FollowUpReason, customerId: string, touchpointId: string | null, commitmentId: string | null, createdAt: string, dueAt: string, state: FollowUpState, assignee: string | null, outcome: string | null, closedAt: string | null, note: string | null, unit: { id: string, name: string } } }> } };

export type CloseFollowUpMutationVariables = Exact<{
  id: string;
  outcome: string;
}>;


export type CloseFollowUpMutation = { closeFollowUp: { id: string, state: FollowUpState, outcome: string | null, closedAt: string | null } };

export type CustomerLookupQueryVariables = Exact<{
  customerId: string;
  unitId: string;
  first: number;
}>;


export type CustomerLookupQuery = { customer: { customerId: string, touchpoints: number, firstContactAt: string, lastContactAt: string, units: Array<{ touchpoints: number, lastContactAt: string, unit: { id: string, name: string } }>, engagement: Array<{ type: EngagementType, score: number | null }>, risk: { probability: number, asOf: string, modelVersion: string, drivers: Array<{ feature: string, value: number, contribution: number }> } | null, openCommitments: Array<{ id: string, code: string, name: string, state: CommitmentState, dueAt: string, unit: { id: string, name: string } }>, followUps: Array<{ id: string, reason: FollowUpReason, state: FollowUpState, createdAt: string, unit: { id: string, name: string } }> } | null, customerTimeline: { totalCount: number, edges: Array<{ node: { id: string, occurredAt: string, channel: Channel, kind: TouchpointKind, needCategory: NeedCategory, needDescription: string | null, serviceAction: string | null, resolved: boolean | null, unit: { id: string, name: string }, satisfaction: { score: number } | null } }> } };

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

export const RecordTouchpointsDocument = new TypedDocumentString(`
    mutation RecordTouchpoints($input: [TouchpointInput!]!, $sentAt: DateTime) {
  recordTouchpoints(input: $input, sentAt: $sentAt) {
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
    `) as unknown as TypedDocumentString<RecordTouchpointsMutation, RecordTouchpointsMutationVariables>;
export const RecordSatisfactionDocument = new TypedDocumentString(`
    mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {
  recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {
    id
    unit {
      id
    }
    occurredAt
    receivedAt
    resolved
    satisfaction {
      score
      comment
    }
  }
}
    `) as unknown as TypedDocumentString<RecordSatisfactionMutation, RecordSatisfactionMutationVariables>;
export const RecordSatisfactionsDocument = new TypedDocumentString(`
    mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {
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
    `) as unknown as TypedDocumentString<RecordSatisfactionsMutation, RecordSatisfactionsMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    token
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    token
    role
    unitId
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SiteUnitsDocument = new TypedDocumentString(`
    query SiteUnits {
  orgUnits {
    id
    parent {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SiteUnitsQuery, SiteUnitsQueryVariables>;
export const CommitmentCatalogueDocument = new TypedDocumentString(`
    query CommitmentCatalogue {
  commitmentCatalogue {
    code
    name
    level
    parentCode
    targetMinutes
    warnAtPercent
    ownerUnit {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CommitmentCatalogueQuery, CommitmentCatalogueQueryVariables>;
export const PerceptionPointCatalogueDocument = new TypedDocumentString(`
    query PerceptionPointCatalogue {
  perceptionPointCatalogue {
    code
    name
    nameZh
    needCategories
    target
  }
}
    `) as unknown as TypedDocumentString<PerceptionPointCatalogueQuery, PerceptionPointCatalogueQueryVariables>;
export const RecordCommitmentEventsDocument = new TypedDocumentString(`
    mutation RecordCommitmentEvents($input: [CommitmentEventInput!]!) {
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
    `) as unknown as TypedDocumentString<RecordCommitmentEventsMutation, RecordCommitmentEventsMutationVariables>;
export const FollowUpsDocument = new TypedDocumentString(`
    query FollowUps($unitId: ID!, $states: [FollowUpState!], $first: Int, $after: String) {
  followUps(unitId: $unitId, states: $states, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        reason
        unit {
          id
          name
        }
        customerId
        touchpointId
        commitmentId
        createdAt
        dueAt
        state
        assignee
        outcome
        closedAt
        note
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FollowUpsQuery, FollowUpsQueryVariables>;
export const CloseFollowUpDocument = new TypedDocumentString(`
    mutation CloseFollowUp($id: ID!, $outcome: String!) {
  closeFollowUp(id: $id, outcome: $outcome) {
    id
    state
    outcome
    closedAt
  }
}
    `) as unknown as TypedDocumentString<CloseFollowUpMutation, CloseFollowUpMutationVariables>;
export const CustomerLookupDocument = new TypedDocumentString(`
    query CustomerLookup($customerId: String!, $unitId: ID!, $first: Int!) {
  customer(customerId: $customerId, unitId: $unitId) {
    customerId
    touchpoints
    firstContactAt
    lastContactAt
    units {
      unit {
        id
        name
      }
      touchpoints
      lastContactAt
    }
    engagement {
      type
      score
    }
    risk {
      probability
      asOf
      modelVersion
      drivers {
        feature
        value
        contribution
      }
    }
    openCommitments {
      id
      code
      name
      state
      dueAt
      unit {
        id
        name
      }
    }
    followUps {
      id
      reason
      state
      createdAt
      unit {
        id
        name
      }
    }
  }
  customerTimeline(customerId: $customerId, unitId: $unitId, first: $first) {
    totalCount
    edges {
      node {
        id
        unit {
          id
          name
        }
        occurredAt
        channel
        kind
        needCategory
        needDescription
        serviceAction
        resolved
        satisfaction {
          score
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerLookupQuery, CustomerLookupQueryVariables>;
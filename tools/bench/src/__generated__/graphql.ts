/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type Status =
  | 'AMBER'
  | 'GREEN'
  | 'RED';

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

export type BenchCommitmentsQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
  states?: Array<CommitmentState> | CommitmentState | null | undefined;
  owned?: boolean | null | undefined;
  level?: number | null | undefined;
}>;


export type BenchCommitmentsQuery = { commitments: { totalCount: number, edges: Array<{ node: { id: string, code: string, state: CommitmentState, dueAt: string, breachedBy: Array<{ id: string, code: string, ownerUnit: { id: string } }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BenchCommitmentPerformanceQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
  owned?: boolean | null | undefined;
}>;


export type BenchCommitmentPerformanceQuery = { commitmentPerformance: Array<{ code: string, started: number, met: number, breached: number, open: number, atRisk: number, keptRate: number | null, causedBreaches: number }> };

export type BenchCustomerQueryVariables = Exact<{
  c: string;
}>;


export type BenchCustomerQuery = { customer: { customerId: string, touchpoints: number, firstContactAt: string, lastContactAt: string, units: Array<{ touchpoints: number, lastContactAt: string, unit: { id: string } }>, engagement: Array<{ type: EngagementType, score: number | null }>, risk: { probability: number, drivers: Array<{ feature: string, value: number, contribution: number }> } | null, openCommitments: Array<{ id: string }>, followUps: Array<{ id: string }> } | null };

export type BenchCustomerTimelineQueryVariables = Exact<{
  c: string;
}>;


export type BenchCustomerTimelineQuery = { customerTimeline: { edges: Array<{ node: { id: string, occurredAt: string, unit: { id: string }, satisfaction: { score: number } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BenchCustomerRecordMutationVariables = Exact<{
  input: Array<TouchpointInput> | TouchpointInput;
}>;


export type BenchCustomerRecordMutation = { recordTouchpoints: { accepted: number, rejected: Array<{ code: string, message: string }> } };

export type BenchRiskModelQueryVariables = Exact<{ [key: string]: never; }>;


export type BenchRiskModelQuery = { riskModel: { modelVersion: string, trainedAt: string, trainingRatings: number, holdoutRatings: number, auc: number | null, precisionAt50: number | null, baselinePrecisionAt50: number | null } | null };

export type BenchScoreFragment = { from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null }> };

export type ScoreQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type ScoreQuery = { engagementScore: { from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null }> } };

export type ChildScoresQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type ChildScoresQuery = { engagementScores: Array<{ from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null }> }> };

export type BreakdownQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type BreakdownQuery = { engagementBreakdown: Array<{ value: string, score: { from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null }> } }> };

export type TrendQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type TrendQuery = { engagementTrend: Array<{ from: string, to: string, touchpoints: number, overall: number | null, modelVersion: string, unit: { id: string }, chains: Array<{ chain: Chain, score: number | null }> }> };

export type DrillQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
  filter?: TouchpointFilter | null | undefined;
}>;


export type DrillQuery = { touchpoints: { totalCount: number, edges: Array<{ node: { id: string, occurredAt: string, agentId: string | null, satisfaction: { score: number } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BreakdownByAgentQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type BreakdownByAgentQuery = { engagementBreakdown: Array<{ value: string, score: { touchpoints: number, overall: number | null } }> };

export type BenchIndicatorsQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type BenchIndicatorsQuery = { indicators: Array<{ key: string, class: IndicatorClass, value: number | null, numerator: number, denominator: number, target: number | null, status: Status | null, previous: number | null }> };

export type BenchEngagementTypesQueryVariables = Exact<{
  u: string;
  f: string;
  t: string;
}>;


export type BenchEngagementTypesQuery = { engagementTypes: Array<{ type: EngagementType, score: number | null, measures: Array<{ key: string, value: number | null }> }> };

export type LoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type LoginMutation = { login: { token: string } };

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
export const BenchScoreFragmentDoc = new TypedDocumentString(`
    fragment BenchScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
  modelVersion
}
    `, {"fragmentName":"BenchScore"}) as unknown as TypedDocumentString<BenchScoreFragment, unknown>;
export const BenchCommitmentsDocument = new TypedDocumentString(`
    query BenchCommitments($u: ID!, $f: DateTime!, $t: DateTime!, $states: [CommitmentState!], $owned: Boolean, $level: Int) {
  commitments(
    unitId: $u
    from: $f
    to: $t
    states: $states
    owned: $owned
    level: $level
    first: 50
  ) {
    totalCount
    edges {
      node {
        id
        code
        state
        dueAt
        breachedBy {
          id
          code
          ownerUnit {
            id
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<BenchCommitmentsQuery, BenchCommitmentsQueryVariables>;
export const BenchCommitmentPerformanceDocument = new TypedDocumentString(`
    query BenchCommitmentPerformance($u: ID!, $f: DateTime!, $t: DateTime!, $owned: Boolean) {
  commitmentPerformance(unitId: $u, from: $f, to: $t, owned: $owned) {
    code
    started
    met
    breached
    open
    atRisk
    keptRate
    causedBreaches
  }
}
    `) as unknown as TypedDocumentString<BenchCommitmentPerformanceQuery, BenchCommitmentPerformanceQueryVariables>;
export const BenchCustomerDocument = new TypedDocumentString(`
    query BenchCustomer($c: String!) {
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
    }
    followUps {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<BenchCustomerQuery, BenchCustomerQueryVariables>;
export const BenchCustomerTimelineDocument = new TypedDocumentString(`
    query BenchCustomerTimeline($c: String!) {
  customerTimeline(customerId: $c, first: 50) {
    edges {
      node {
        id
        occurredAt
        unit {
          id
        }
        satisfaction {
          score
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<BenchCustomerTimelineQuery, BenchCustomerTimelineQueryVariables>;
export const BenchCustomerRecordDocument = new TypedDocumentString(`
    mutation BenchCustomerRecord($input: [TouchpointInput!]!) {
  recordTouchpoints(input: $input) {
    accepted
    rejected {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<BenchCustomerRecordMutation, BenchCustomerRecordMutationVariables>;
export const BenchRiskModelDocument = new TypedDocumentString(`
    query BenchRiskModel {
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
    `) as unknown as TypedDocumentString<BenchRiskModelQuery, BenchRiskModelQueryVariables>;
export const ScoreDocument = new TypedDocumentString(`
    query Score($u: ID!, $f: DateTime!, $t: DateTime!) {
  engagementScore(unitId: $u, from: $f, to: $t) {
    ...BenchScore
  }
}
    fragment BenchScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
  modelVersion
}`) as unknown as TypedDocumentString<ScoreQuery, ScoreQueryVariables>;
export const ChildScoresDocument = new TypedDocumentString(`
    query ChildScores($u: ID!, $f: DateTime!, $t: DateTime!) {
  engagementScores(parentId: $u, from: $f, to: $t) {
    ...BenchScore
  }
}
    fragment BenchScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
  modelVersion
}`) as unknown as TypedDocumentString<ChildScoresQuery, ChildScoresQueryVariables>;
export const BreakdownDocument = new TypedDocumentString(`
    query Breakdown($u: ID!, $f: DateTime!, $t: DateTime!) {
  engagementBreakdown(unitId: $u, from: $f, to: $t, by: REGION) {
    value
    score {
      ...BenchScore
    }
  }
}
    fragment BenchScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
  modelVersion
}`) as unknown as TypedDocumentString<BreakdownQuery, BreakdownQueryVariables>;
export const TrendDocument = new TypedDocumentString(`
    query Trend($u: ID!, $f: DateTime!, $t: DateTime!) {
  engagementTrend(unitId: $u, from: $f, to: $t, interval: DAY) {
    ...BenchScore
  }
}
    fragment BenchScore on EngagementScore {
  unit {
    id
  }
  from
  to
  touchpoints
  overall
  chains {
    chain
    score
  }
  modelVersion
}`) as unknown as TypedDocumentString<TrendQuery, TrendQueryVariables>;
export const DrillDocument = new TypedDocumentString(`
    query Drill($u: ID!, $f: DateTime!, $t: DateTime!, $filter: TouchpointFilter) {
  touchpoints(unitId: $u, from: $f, to: $t, first: 50, filter: $filter) {
    totalCount
    edges {
      node {
        id
        occurredAt
        agentId
        satisfaction {
          score
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<DrillQuery, DrillQueryVariables>;
export const BreakdownByAgentDocument = new TypedDocumentString(`
    query BreakdownByAgent($u: ID!, $f: DateTime!, $t: DateTime!) {
  engagementBreakdown(unitId: $u, from: $f, to: $t, by: AGENT) {
    value
    score {
      touchpoints
      overall
    }
  }
}
    `) as unknown as TypedDocumentString<BreakdownByAgentQuery, BreakdownByAgentQueryVariables>;
export const BenchIndicatorsDocument = new TypedDocumentString(`
    query BenchIndicators($u: ID!, $f: DateTime!, $t: DateTime!) {
  indicators(unitId: $u, from: $f, to: $t) {
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
    `) as unknown as TypedDocumentString<BenchIndicatorsQuery, BenchIndicatorsQueryVariables>;
export const BenchEngagementTypesDocument = new TypedDocumentString(`
    query BenchEngagementTypes($u: ID!, $f: DateTime!, $t: DateTime!) {
  engagementTypes(unitId: $u, from: $f, to: $t) {
    type
    score
    measures {
      key
      value
    }
  }
}
    `) as unknown as TypedDocumentString<BenchEngagementTypesQuery, BenchEngagementTypesQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
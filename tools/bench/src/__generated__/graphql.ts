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
export const LoginDocument = new TypedDocumentString(`
    mutation Login($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
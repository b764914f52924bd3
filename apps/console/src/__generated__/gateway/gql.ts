/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      role\n      unitId\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment MeasureRow on Measure {\n    key\n    chain\n    numerator\n    denominator\n    value\n    normalized\n    weight\n  }\n": typeof types.MeasureRowFragmentDoc,
    "\n  fragment ScoreSummary on EngagementScore {\n    unit {\n      id\n      name\n    }\n    from\n    to\n    touchpoints\n    overall\n    chains {\n      chain\n      score\n    }\n  }\n": typeof types.ScoreSummaryFragmentDoc,
    "\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      level\n      region\n      industry\n      parent {\n        id\n      }\n    }\n  }\n": typeof types.OrgUnitsDocument,
    "\n  query UnitScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n      modelVersion\n      chains {\n        measures {\n          ...MeasureRow\n        }\n      }\n    }\n    engagementScores(parentId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n": typeof types.UnitScoresDocument,
    "\n  query ChildScores($parentId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScores(parentId: $parentId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n": typeof types.ChildScoresDocument,
    "\n  query Breakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {\n      value\n      score {\n        ...ScoreSummary\n      }\n    }\n  }\n": typeof types.BreakdownDocument,
    "\n  query Trend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) {\n      ...ScoreSummary\n    }\n  }\n": typeof types.TrendDocument,
    "\n  query Touchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          unit {\n            id\n            name\n          }\n          customerId\n          channel\n          kind\n          stage\n          occurredAt\n          receivedAt\n          needCategory\n          needDescription\n          serviceAction\n          resolved\n          satisfaction {\n            score\n            comment\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TouchpointsDocument,
};
const documents: Documents = {
    "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      role\n      unitId\n    }\n  }\n": types.LoginDocument,
    "\n  fragment MeasureRow on Measure {\n    key\n    chain\n    numerator\n    denominator\n    value\n    normalized\n    weight\n  }\n": types.MeasureRowFragmentDoc,
    "\n  fragment ScoreSummary on EngagementScore {\n    unit {\n      id\n      name\n    }\n    from\n    to\n    touchpoints\n    overall\n    chains {\n      chain\n      score\n    }\n  }\n": types.ScoreSummaryFragmentDoc,
    "\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      level\n      region\n      industry\n      parent {\n        id\n      }\n    }\n  }\n": types.OrgUnitsDocument,
    "\n  query UnitScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n      modelVersion\n      chains {\n        measures {\n          ...MeasureRow\n        }\n      }\n    }\n    engagementScores(parentId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n": types.UnitScoresDocument,
    "\n  query ChildScores($parentId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScores(parentId: $parentId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n": types.ChildScoresDocument,
    "\n  query Breakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {\n      value\n      score {\n        ...ScoreSummary\n      }\n    }\n  }\n": types.BreakdownDocument,
    "\n  query Trend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) {\n      ...ScoreSummary\n    }\n  }\n": types.TrendDocument,
    "\n  query Touchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          unit {\n            id\n            name\n          }\n          customerId\n          channel\n          kind\n          stage\n          occurredAt\n          receivedAt\n          needCategory\n          needDescription\n          serviceAction\n          resolved\n          satisfaction {\n            score\n            comment\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TouchpointsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      role\n      unitId\n    }\n  }\n"): (typeof documents)["\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      role\n      unitId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeasureRow on Measure {\n    key\n    chain\n    numerator\n    denominator\n    value\n    normalized\n    weight\n  }\n"): (typeof documents)["\n  fragment MeasureRow on Measure {\n    key\n    chain\n    numerator\n    denominator\n    value\n    normalized\n    weight\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScoreSummary on EngagementScore {\n    unit {\n      id\n      name\n    }\n    from\n    to\n    touchpoints\n    overall\n    chains {\n      chain\n      score\n    }\n  }\n"): (typeof documents)["\n  fragment ScoreSummary on EngagementScore {\n    unit {\n      id\n      name\n    }\n    from\n    to\n    touchpoints\n    overall\n    chains {\n      chain\n      score\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      level\n      region\n      industry\n      parent {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgUnits {\n    orgUnits {\n      id\n      name\n      level\n      region\n      industry\n      parent {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n      modelVersion\n      chains {\n        measures {\n          ...MeasureRow\n        }\n      }\n    }\n    engagementScores(parentId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n      modelVersion\n      chains {\n        measures {\n          ...MeasureRow\n        }\n      }\n    }\n    engagementScores(parentId: $unitId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildScores($parentId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScores(parentId: $parentId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChildScores($parentId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScores(parentId: $parentId, from: $from, to: $to) {\n      ...ScoreSummary\n      unit {\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Breakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {\n      value\n      score {\n        ...ScoreSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  query Breakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {\n      value\n      score {\n        ...ScoreSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) {\n      ...ScoreSummary\n    }\n  }\n"): (typeof documents)["\n  query Trend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) {\n      ...ScoreSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Touchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          unit {\n            id\n            name\n          }\n          customerId\n          channel\n          kind\n          stage\n          occurredAt\n          receivedAt\n          needCategory\n          needDescription\n          serviceAction\n          resolved\n          satisfaction {\n            score\n            comment\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Touchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          unit {\n            id\n            name\n          }\n          customerId\n          channel\n          kind\n          stage\n          occurredAt\n          receivedAt\n          needCategory\n          needDescription\n          serviceAction\n          resolved\n          satisfaction {\n            score\n            comment\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
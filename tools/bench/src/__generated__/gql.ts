/* eslint-disable */
import * as types from './graphql';



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
    "\n  query BenchCommitments($u: ID!, $f: DateTime!, $t: DateTime!, $states: [CommitmentState!], $owned: Boolean, $level: Int) {\n    commitments(unitId: $u, from: $f, to: $t, states: $states, owned: $owned, level: $level, first: 50) {\n      totalCount edges { node { id code state dueAt breachedBy { id code ownerUnit { id } } } } pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.BenchCommitmentsDocument,
    "\n  query BenchCommitmentPerformance($u: ID!, $f: DateTime!, $t: DateTime!, $owned: Boolean) {\n    commitmentPerformance(unitId: $u, from: $f, to: $t, owned: $owned) { code started met breached open atRisk keptRate causedBreaches }\n  }\n": typeof types.BenchCommitmentPerformanceDocument,
    "\n  query BenchCustomer($c: String!) {\n    customer(customerId: $c) { customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }\n      engagement { type score } risk { probability drivers { feature value contribution } } openCommitments { id } followUps { id } }\n  }\n": typeof types.BenchCustomerDocument,
    "\n  query BenchCustomerTimeline($c: String!) {\n    customerTimeline(customerId: $c, first: 50) { edges { node { id occurredAt unit { id } satisfaction { score } } } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.BenchCustomerTimelineDocument,
    "\n    mutation BenchCustomerRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }\n  ": typeof types.BenchCustomerRecordDocument,
    "\n  query BenchRiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }\n": typeof types.BenchRiskModelDocument,
    "\n  fragment BenchScore on EngagementScore { unit { id } from to touchpoints overall chains { chain score } modelVersion }\n": typeof types.BenchScoreFragmentDoc,
    "\n  query Score($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...BenchScore } }\n": typeof types.ScoreDocument,
    "\n  query ChildScores($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScores(parentId: $u, from: $f, to: $t) { ...BenchScore } }\n": typeof types.ChildScoresDocument,
    "\n  query Breakdown($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: REGION) { value score { ...BenchScore } } }\n": typeof types.BreakdownDocument,
    "\n  query Trend($u: ID!, $f: DateTime!, $t: DateTime!) { engagementTrend(unitId: $u, from: $f, to: $t, interval: DAY) { ...BenchScore } }\n": typeof types.TrendDocument,
    "\n  query Drill($u: ID!, $f: DateTime!, $t: DateTime!, $filter: TouchpointFilter) {\n    touchpoints(unitId: $u, from: $f, to: $t, first: 50, filter: $filter) { totalCount edges { node { id occurredAt agentId satisfaction { score } } } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.DrillDocument,
    "\n  query BreakdownByAgent($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: AGENT) { value score { touchpoints overall } } }\n": typeof types.BreakdownByAgentDocument,
    "\n  query BenchIndicators($u: ID!, $f: DateTime!, $t: DateTime!) {\n    indicators(unitId: $u, from: $f, to: $t) { key class value numerator denominator target status previous }\n  }\n": typeof types.BenchIndicatorsDocument,
    "\n  query BenchEngagementTypes($u: ID!, $f: DateTime!, $t: DateTime!) {\n    engagementTypes(unitId: $u, from: $f, to: $t) { type score measures { key value } }\n  }\n": typeof types.BenchEngagementTypesDocument,
    "\n  mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }\n": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  query BenchCommitments($u: ID!, $f: DateTime!, $t: DateTime!, $states: [CommitmentState!], $owned: Boolean, $level: Int) {\n    commitments(unitId: $u, from: $f, to: $t, states: $states, owned: $owned, level: $level, first: 50) {\n      totalCount edges { node { id code state dueAt breachedBy { id code ownerUnit { id } } } } pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.BenchCommitmentsDocument,
    "\n  query BenchCommitmentPerformance($u: ID!, $f: DateTime!, $t: DateTime!, $owned: Boolean) {\n    commitmentPerformance(unitId: $u, from: $f, to: $t, owned: $owned) { code started met breached open atRisk keptRate causedBreaches }\n  }\n": types.BenchCommitmentPerformanceDocument,
    "\n  query BenchCustomer($c: String!) {\n    customer(customerId: $c) { customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }\n      engagement { type score } risk { probability drivers { feature value contribution } } openCommitments { id } followUps { id } }\n  }\n": types.BenchCustomerDocument,
    "\n  query BenchCustomerTimeline($c: String!) {\n    customerTimeline(customerId: $c, first: 50) { edges { node { id occurredAt unit { id } satisfaction { score } } } pageInfo { hasNextPage endCursor } }\n  }\n": types.BenchCustomerTimelineDocument,
    "\n    mutation BenchCustomerRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }\n  ": types.BenchCustomerRecordDocument,
    "\n  query BenchRiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }\n": types.BenchRiskModelDocument,
    "\n  fragment BenchScore on EngagementScore { unit { id } from to touchpoints overall chains { chain score } modelVersion }\n": types.BenchScoreFragmentDoc,
    "\n  query Score($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...BenchScore } }\n": types.ScoreDocument,
    "\n  query ChildScores($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScores(parentId: $u, from: $f, to: $t) { ...BenchScore } }\n": types.ChildScoresDocument,
    "\n  query Breakdown($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: REGION) { value score { ...BenchScore } } }\n": types.BreakdownDocument,
    "\n  query Trend($u: ID!, $f: DateTime!, $t: DateTime!) { engagementTrend(unitId: $u, from: $f, to: $t, interval: DAY) { ...BenchScore } }\n": types.TrendDocument,
    "\n  query Drill($u: ID!, $f: DateTime!, $t: DateTime!, $filter: TouchpointFilter) {\n    touchpoints(unitId: $u, from: $f, to: $t, first: 50, filter: $filter) { totalCount edges { node { id occurredAt agentId satisfaction { score } } } pageInfo { hasNextPage endCursor } }\n  }\n": types.DrillDocument,
    "\n  query BreakdownByAgent($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: AGENT) { value score { touchpoints overall } } }\n": types.BreakdownByAgentDocument,
    "\n  query BenchIndicators($u: ID!, $f: DateTime!, $t: DateTime!) {\n    indicators(unitId: $u, from: $f, to: $t) { key class value numerator denominator target status previous }\n  }\n": types.BenchIndicatorsDocument,
    "\n  query BenchEngagementTypes($u: ID!, $f: DateTime!, $t: DateTime!) {\n    engagementTypes(unitId: $u, from: $f, to: $t) { type score measures { key value } }\n  }\n": types.BenchEngagementTypesDocument,
    "\n  mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }\n": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchCommitments($u: ID!, $f: DateTime!, $t: DateTime!, $states: [CommitmentState!], $owned: Boolean, $level: Int) {\n    commitments(unitId: $u, from: $f, to: $t, states: $states, owned: $owned, level: $level, first: 50) {\n      totalCount edges { node { id code state dueAt breachedBy { id code ownerUnit { id } } } } pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').BenchCommitmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchCommitmentPerformance($u: ID!, $f: DateTime!, $t: DateTime!, $owned: Boolean) {\n    commitmentPerformance(unitId: $u, from: $f, to: $t, owned: $owned) { code started met breached open atRisk keptRate causedBreaches }\n  }\n"): typeof import('./graphql').BenchCommitmentPerformanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchCustomer($c: String!) {\n    customer(customerId: $c) { customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }\n      engagement { type score } risk { probability drivers { feature value contribution } } openCommitments { id } followUps { id } }\n  }\n"): typeof import('./graphql').BenchCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchCustomerTimeline($c: String!) {\n    customerTimeline(customerId: $c, first: 50) { edges { node { id occurredAt unit { id } satisfaction { score } } } pageInfo { hasNextPage endCursor } }\n  }\n"): typeof import('./graphql').BenchCustomerTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BenchCustomerRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }\n  "): typeof import('./graphql').BenchCustomerRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchRiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }\n"): typeof import('./graphql').BenchRiskModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BenchScore on EngagementScore { unit { id } from to touchpoints overall chains { chain score } modelVersion }\n"): typeof import('./graphql').BenchScoreFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Score($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...BenchScore } }\n"): typeof import('./graphql').ScoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildScores($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScores(parentId: $u, from: $f, to: $t) { ...BenchScore } }\n"): typeof import('./graphql').ChildScoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Breakdown($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: REGION) { value score { ...BenchScore } } }\n"): typeof import('./graphql').BreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trend($u: ID!, $f: DateTime!, $t: DateTime!) { engagementTrend(unitId: $u, from: $f, to: $t, interval: DAY) { ...BenchScore } }\n"): typeof import('./graphql').TrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Drill($u: ID!, $f: DateTime!, $t: DateTime!, $filter: TouchpointFilter) {\n    touchpoints(unitId: $u, from: $f, to: $t, first: 50, filter: $filter) { totalCount edges { node { id occurredAt agentId satisfaction { score } } } pageInfo { hasNextPage endCursor } }\n  }\n"): typeof import('./graphql').DrillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BreakdownByAgent($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: AGENT) { value score { touchpoints overall } } }\n"): typeof import('./graphql').BreakdownByAgentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchIndicators($u: ID!, $f: DateTime!, $t: DateTime!) {\n    indicators(unitId: $u, from: $f, to: $t) { key class value numerator denominator target status previous }\n  }\n"): typeof import('./graphql').BenchIndicatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchEngagementTypes($u: ID!, $f: DateTime!, $t: DateTime!) {\n    engagementTypes(unitId: $u, from: $f, to: $t) { type score measures { key value } }\n  }\n"): typeof import('./graphql').BenchEngagementTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }\n"): typeof import('./graphql').LoginDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

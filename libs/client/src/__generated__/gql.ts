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
    "\n  mutation RecordTouchpoints($input: [TouchpointInput!]!, $sentAt: DateTime) {\n    recordTouchpoints(input: $input, sentAt: $sentAt) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n": typeof types.RecordTouchpointsDocument,
    "\n  mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      id\n      unit { id }\n      occurredAt\n      receivedAt\n      resolved\n      satisfaction { score comment }\n    }\n  }\n": typeof types.RecordSatisfactionDocument,
    "\n  mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) {\n      rated\n      unchanged\n      rejected { index id code message }\n    }\n  }\n": typeof types.RecordSatisfactionsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token role unitId }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me { token role unitId }\n  }\n": typeof types.MeDocument,
    "\n  query SiteUnits {\n    orgUnits { id parent { id } }\n  }\n": typeof types.SiteUnitsDocument,
    "\n  query CommitmentCatalogue {\n    commitmentCatalogue { code name level parentCode targetMinutes warnAtPercent ownerUnit { id } }\n  }\n": typeof types.CommitmentCatalogueDocument,
    "\n  query PerceptionPointCatalogue {\n    perceptionPointCatalogue { code name nameZh needCategories target }\n  }\n": typeof types.PerceptionPointCatalogueDocument,
    "\n  mutation RecordCommitmentEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n": typeof types.RecordCommitmentEventsDocument,
    "\n  query FollowUps($unitId: ID!, $states: [FollowUpState!], $first: Int, $after: String) {\n    followUps(unitId: $unitId, states: $states, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node { id reason unit { id name } customerId touchpointId commitmentId createdAt dueAt state assignee outcome closedAt note }\n      }\n    }\n  }\n": typeof types.FollowUpsDocument,
    "\n  mutation CloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) { id state outcome closedAt }\n  }\n": typeof types.CloseFollowUpDocument,
    "\n  query CustomerLookup($customerId: String!, $unitId: ID!, $first: Int!) {\n    customer(customerId: $customerId, unitId: $unitId) {\n      customerId\n      touchpoints\n      firstContactAt\n      lastContactAt\n      units { unit { id name } touchpoints lastContactAt }\n      engagement { type score }\n      risk { probability asOf modelVersion drivers { feature value contribution } }\n      openCommitments { id code name state dueAt unit { id name } }\n      followUps { id reason state createdAt unit { id name } }\n    }\n    customerTimeline(customerId: $customerId, unitId: $unitId, first: $first) {\n      totalCount\n      edges {\n        node { id unit { id name } occurredAt channel kind needCategory needDescription serviceAction resolved satisfaction { score } }\n      }\n    }\n  }\n": typeof types.CustomerLookupDocument,
};
const documents: Documents = {
    "\n  mutation RecordTouchpoints($input: [TouchpointInput!]!, $sentAt: DateTime) {\n    recordTouchpoints(input: $input, sentAt: $sentAt) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n": types.RecordTouchpointsDocument,
    "\n  mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      id\n      unit { id }\n      occurredAt\n      receivedAt\n      resolved\n      satisfaction { score comment }\n    }\n  }\n": types.RecordSatisfactionDocument,
    "\n  mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) {\n      rated\n      unchanged\n      rejected { index id code message }\n    }\n  }\n": types.RecordSatisfactionsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token role unitId }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me { token role unitId }\n  }\n": types.MeDocument,
    "\n  query SiteUnits {\n    orgUnits { id parent { id } }\n  }\n": types.SiteUnitsDocument,
    "\n  query CommitmentCatalogue {\n    commitmentCatalogue { code name level parentCode targetMinutes warnAtPercent ownerUnit { id } }\n  }\n": types.CommitmentCatalogueDocument,
    "\n  query PerceptionPointCatalogue {\n    perceptionPointCatalogue { code name nameZh needCategories target }\n  }\n": types.PerceptionPointCatalogueDocument,
    "\n  mutation RecordCommitmentEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n": types.RecordCommitmentEventsDocument,
    "\n  query FollowUps($unitId: ID!, $states: [FollowUpState!], $first: Int, $after: String) {\n    followUps(unitId: $unitId, states: $states, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node { id reason unit { id name } customerId touchpointId commitmentId createdAt dueAt state assignee outcome closedAt note }\n      }\n    }\n  }\n": types.FollowUpsDocument,
    "\n  mutation CloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) { id state outcome closedAt }\n  }\n": types.CloseFollowUpDocument,
    "\n  query CustomerLookup($customerId: String!, $unitId: ID!, $first: Int!) {\n    customer(customerId: $customerId, unitId: $unitId) {\n      customerId\n      touchpoints\n      firstContactAt\n      lastContactAt\n      units { unit { id name } touchpoints lastContactAt }\n      engagement { type score }\n      risk { probability asOf modelVersion drivers { feature value contribution } }\n      openCommitments { id code name state dueAt unit { id name } }\n      followUps { id reason state createdAt unit { id name } }\n    }\n    customerTimeline(customerId: $customerId, unitId: $unitId, first: $first) {\n      totalCount\n      edges {\n        node { id unit { id name } occurredAt channel kind needCategory needDescription serviceAction resolved satisfaction { score } }\n      }\n    }\n  }\n": types.CustomerLookupDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTouchpoints($input: [TouchpointInput!]!, $sentAt: DateTime) {\n    recordTouchpoints(input: $input, sentAt: $sentAt) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n"): typeof import('./graphql').RecordTouchpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      id\n      unit { id }\n      occurredAt\n      receivedAt\n      resolved\n      satisfaction { score comment }\n    }\n  }\n"): typeof import('./graphql').RecordSatisfactionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) {\n      rated\n      unchanged\n      rejected { index id code message }\n    }\n  }\n"): typeof import('./graphql').RecordSatisfactionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token role unitId }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { token role unitId }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteUnits {\n    orgUnits { id parent { id } }\n  }\n"): typeof import('./graphql').SiteUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitmentCatalogue {\n    commitmentCatalogue { code name level parentCode targetMinutes warnAtPercent ownerUnit { id } }\n  }\n"): typeof import('./graphql').CommitmentCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PerceptionPointCatalogue {\n    perceptionPointCatalogue { code name nameZh needCategories target }\n  }\n"): typeof import('./graphql').PerceptionPointCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordCommitmentEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n"): typeof import('./graphql').RecordCommitmentEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUps($unitId: ID!, $states: [FollowUpState!], $first: Int, $after: String) {\n    followUps(unitId: $unitId, states: $states, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node { id reason unit { id name } customerId touchpointId commitmentId createdAt dueAt state assignee outcome closedAt note }\n      }\n    }\n  }\n"): typeof import('./graphql').FollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) { id state outcome closedAt }\n  }\n"): typeof import('./graphql').CloseFollowUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerLookup($customerId: String!, $unitId: ID!, $first: Int!) {\n    customer(customerId: $customerId, unitId: $unitId) {\n      customerId\n      touchpoints\n      firstContactAt\n      lastContactAt\n      units { unit { id name } touchpoints lastContactAt }\n      engagement { type score }\n      risk { probability asOf modelVersion drivers { feature value contribution } }\n      openCommitments { id code name state dueAt unit { id name } }\n      followUps { id reason state createdAt unit { id name } }\n    }\n    customerTimeline(customerId: $customerId, unitId: $unitId, first: $first) {\n      totalCount\n      edges {\n        node { id unit { id name } occurredAt channel kind needCategory needDescription serviceAction resolved satisfaction { score } }\n      }\n    }\n  }\n"): typeof import('./graphql').CustomerLookupDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

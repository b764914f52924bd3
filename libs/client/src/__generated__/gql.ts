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
    "\n  mutation RecordTouchpoints($input: [TouchpointInput!]!) {\n    recordTouchpoints(input: $input) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n": typeof types.RecordTouchpointsDocument,
    "\n  mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      id\n      unit { id }\n      occurredAt\n      receivedAt\n      resolved\n      satisfaction { score comment }\n    }\n  }\n": typeof types.RecordSatisfactionDocument,
    "\n  mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) {\n      rated\n      unchanged\n      rejected { index id code message }\n    }\n  }\n": typeof types.RecordSatisfactionsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token role unitId }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me { token role unitId }\n  }\n": typeof types.MeDocument,
    "\n  query SiteUnits {\n    orgUnits { id parent { id } }\n  }\n": typeof types.SiteUnitsDocument,
};
const documents: Documents = {
    "\n  mutation RecordTouchpoints($input: [TouchpointInput!]!) {\n    recordTouchpoints(input: $input) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n": types.RecordTouchpointsDocument,
    "\n  mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      id\n      unit { id }\n      occurredAt\n      receivedAt\n      resolved\n      satisfaction { score comment }\n    }\n  }\n": types.RecordSatisfactionDocument,
    "\n  mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) {\n      rated\n      unchanged\n      rejected { index id code message }\n    }\n  }\n": types.RecordSatisfactionsDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token role unitId }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me { token role unitId }\n  }\n": types.MeDocument,
    "\n  query SiteUnits {\n    orgUnits { id parent { id } }\n  }\n": types.SiteUnitsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTouchpoints($input: [TouchpointInput!]!) {\n    recordTouchpoints(input: $input) {\n      accepted\n      duplicates\n      rejected { index id code message }\n    }\n  }\n"): typeof import('./graphql').RecordTouchpointsDocument;
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

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
    "mutation Log($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { id } }": typeof types.LogDocument,
    "mutation Rate($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { id } }": typeof types.RateDocument,
    "mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.LoginDocument,
};
const documents: Documents = {
    "mutation Log($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { id } }": types.LogDocument,
    "mutation Rate($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { id } }": types.RateDocument,
    "mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.LoginDocument,
};

/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation Log($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { id } }"): typeof import('./graphql').LogDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation Rate($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { id } }"): typeof import('./graphql').RateDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').LoginDocument;


export function siteGraphql(source: string) {
  return (documents as any)[source] ?? {};
}

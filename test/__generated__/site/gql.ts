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
    "query FaultsBacklog { siteStatus { backlog } }": typeof types.FaultsBacklogDocument,
    "query FaultsDeadLetters { deadLetters(first: 500) { touchpointId code message kind } }": typeof types.FaultsDeadLettersDocument,
    "mutation AgentLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token username role unitId siteId } }": typeof types.AgentLoginDocument,
    "query AgentMe { me { username role unitId siteId token } }": typeof types.AgentMeDocument,
    "\n  fragment EventFields on LocalCommitmentEvent { id touchpointId code completedAt agentId acceptedAt state forwardedAt error }\n": typeof types.EventFieldsFragmentDoc,
    "mutation SiteRecordEvent($input: SiteCommitmentEventInput!) { recordCommitmentEvent(input: $input) { ...EventFields } }": typeof types.SiteRecordEventDocument,
    "mutation SiteRecordEvents($input: [SiteCommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { ...EventFields } }": typeof types.SiteRecordEventsDocument,
    "\n  query SiteTouchpointCommitment($id: ID!) {\n    touchpoint(id: $id) {\n      id state\n      commitment { code name startedAt nodes { code level parentCode ownerUnitId dueAt completedAt state completedBy { id state } } }\n    }\n  }\n": typeof types.SiteTouchpointCommitmentDocument,
    "query SiteCatalogue { commitmentCatalogue { code level parentCode targetMinutes ownerUnitId } }": typeof types.SiteCatalogueDocument,
    "\n  query SiteCustomer($c: String!) {\n    customer(customerId: $c) {\n      customerId scopeUnitId asOf stale\n      profile {\n        touchpoints firstContactAt lastContactAt\n        units { unitId unitName touchpoints lastContactAt }\n        engagement { type score }\n        risk { probability drivers { feature value contribution } }\n        openCommitments { id unitId }\n        followUps { id reason state unitId }\n        timeline { id unitId unitName occurredAt channel needCategory resolved satisfaction }\n      }\n    }\n  }\n": typeof types.SiteCustomerDocument,
    "\n  query SiteFollowUps($first: Int) {\n    followUps(first: $first) {\n      asOf stale totalCount\n      items { id reason unitId unitName customerId touchpointId createdAt dueAt close { outcome closedBy state error } }\n    }\n  }\n": typeof types.SiteFollowUpsDocument,
    "\n  mutation SiteCloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) { id close { outcome closedBy acceptedAt state forwardedAt error } }\n  }\n": typeof types.SiteCloseFollowUpDocument,
    "query SitePerceptionPoints { perceptionPointCatalogue { code name nameZh needCategories target } }": typeof types.SitePerceptionPointsDocument,
    "mutation SiteLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.SiteLoginDocument,
    "\n  query SiteStatus {\n    siteStatus { siteId unitId gatewayUrl gatewayReachable backlog oldestPendingAgeSeconds lastSuccessAt lastError lastErrorAt deadLetters forwarded }\n  }\n": typeof types.SiteStatusDocument,
    "\n  fragment LocalFields on LocalTouchpoint {\n    id unitId agentId customerId channel kind stage occurredAt acceptedAt needCategory needDescription serviceAction resolved\n    satisfaction { score comment state } state forwardedAt error\n  }\n": typeof types.LocalFieldsFragmentDoc,
    "mutation LogOne($input: SiteTouchpointInput!) { logTouchpoint(input: $input) { ...LocalFields } }": typeof types.LogOneDocument,
    "mutation LogMany($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { ...LocalFields } }": typeof types.LogManyDocument,
    "mutation RateLocal($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { ...LocalFields } }": typeof types.RateLocalDocument,
    "query LocalTouchpoint($id: ID!) { touchpoint(id: $id) { ...LocalFields } }": typeof types.LocalTouchpointDocument,
    "query Mine($first: Int) { myTouchpoints(first: $first) { ...LocalFields } }": typeof types.MineDocument,
    "query DeadLetters { deadLetters { id kind touchpointId code message payload at } }": typeof types.DeadLettersDocument,
};
const documents: Documents = {
    "query FaultsBacklog { siteStatus { backlog } }": types.FaultsBacklogDocument,
    "query FaultsDeadLetters { deadLetters(first: 500) { touchpointId code message kind } }": types.FaultsDeadLettersDocument,
    "mutation AgentLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token username role unitId siteId } }": types.AgentLoginDocument,
    "query AgentMe { me { username role unitId siteId token } }": types.AgentMeDocument,
    "\n  fragment EventFields on LocalCommitmentEvent { id touchpointId code completedAt agentId acceptedAt state forwardedAt error }\n": types.EventFieldsFragmentDoc,
    "mutation SiteRecordEvent($input: SiteCommitmentEventInput!) { recordCommitmentEvent(input: $input) { ...EventFields } }": types.SiteRecordEventDocument,
    "mutation SiteRecordEvents($input: [SiteCommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { ...EventFields } }": types.SiteRecordEventsDocument,
    "\n  query SiteTouchpointCommitment($id: ID!) {\n    touchpoint(id: $id) {\n      id state\n      commitment { code name startedAt nodes { code level parentCode ownerUnitId dueAt completedAt state completedBy { id state } } }\n    }\n  }\n": types.SiteTouchpointCommitmentDocument,
    "query SiteCatalogue { commitmentCatalogue { code level parentCode targetMinutes ownerUnitId } }": types.SiteCatalogueDocument,
    "\n  query SiteCustomer($c: String!) {\n    customer(customerId: $c) {\n      customerId scopeUnitId asOf stale\n      profile {\n        touchpoints firstContactAt lastContactAt\n        units { unitId unitName touchpoints lastContactAt }\n        engagement { type score }\n        risk { probability drivers { feature value contribution } }\n        openCommitments { id unitId }\n        followUps { id reason state unitId }\n        timeline { id unitId unitName occurredAt channel needCategory resolved satisfaction }\n      }\n    }\n  }\n": types.SiteCustomerDocument,
    "\n  query SiteFollowUps($first: Int) {\n    followUps(first: $first) {\n      asOf stale totalCount\n      items { id reason unitId unitName customerId touchpointId createdAt dueAt close { outcome closedBy state error } }\n    }\n  }\n": types.SiteFollowUpsDocument,
    "\n  mutation SiteCloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) { id close { outcome closedBy acceptedAt state forwardedAt error } }\n  }\n": types.SiteCloseFollowUpDocument,
    "query SitePerceptionPoints { perceptionPointCatalogue { code name nameZh needCategories target } }": types.SitePerceptionPointsDocument,
    "mutation SiteLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.SiteLoginDocument,
    "\n  query SiteStatus {\n    siteStatus { siteId unitId gatewayUrl gatewayReachable backlog oldestPendingAgeSeconds lastSuccessAt lastError lastErrorAt deadLetters forwarded }\n  }\n": types.SiteStatusDocument,
    "\n  fragment LocalFields on LocalTouchpoint {\n    id unitId agentId customerId channel kind stage occurredAt acceptedAt needCategory needDescription serviceAction resolved\n    satisfaction { score comment state } state forwardedAt error\n  }\n": types.LocalFieldsFragmentDoc,
    "mutation LogOne($input: SiteTouchpointInput!) { logTouchpoint(input: $input) { ...LocalFields } }": types.LogOneDocument,
    "mutation LogMany($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { ...LocalFields } }": types.LogManyDocument,
    "mutation RateLocal($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { ...LocalFields } }": types.RateLocalDocument,
    "query LocalTouchpoint($id: ID!) { touchpoint(id: $id) { ...LocalFields } }": types.LocalTouchpointDocument,
    "query Mine($first: Int) { myTouchpoints(first: $first) { ...LocalFields } }": types.MineDocument,
    "query DeadLetters { deadLetters { id kind touchpointId code message payload at } }": types.DeadLettersDocument,
};

/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query FaultsBacklog { siteStatus { backlog } }"): typeof import('./graphql').FaultsBacklogDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query FaultsDeadLetters { deadLetters(first: 500) { touchpointId code message kind } }"): typeof import('./graphql').FaultsDeadLettersDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation AgentLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token username role unitId siteId } }"): typeof import('./graphql').AgentLoginDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query AgentMe { me { username role unitId siteId token } }"): typeof import('./graphql').AgentMeDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  fragment EventFields on LocalCommitmentEvent { id touchpointId code completedAt agentId acceptedAt state forwardedAt error }\n"): typeof import('./graphql').EventFieldsFragmentDoc;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation SiteRecordEvent($input: SiteCommitmentEventInput!) { recordCommitmentEvent(input: $input) { ...EventFields } }"): typeof import('./graphql').SiteRecordEventDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation SiteRecordEvents($input: [SiteCommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { ...EventFields } }"): typeof import('./graphql').SiteRecordEventsDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query SiteTouchpointCommitment($id: ID!) {\n    touchpoint(id: $id) {\n      id state\n      commitment { code name startedAt nodes { code level parentCode ownerUnitId dueAt completedAt state completedBy { id state } } }\n    }\n  }\n"): typeof import('./graphql').SiteTouchpointCommitmentDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query SiteCatalogue { commitmentCatalogue { code level parentCode targetMinutes ownerUnitId } }"): typeof import('./graphql').SiteCatalogueDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query SiteCustomer($c: String!) {\n    customer(customerId: $c) {\n      customerId scopeUnitId asOf stale\n      profile {\n        touchpoints firstContactAt lastContactAt\n        units { unitId unitName touchpoints lastContactAt }\n        engagement { type score }\n        risk { probability drivers { feature value contribution } }\n        openCommitments { id unitId }\n        followUps { id reason state unitId }\n        timeline { id unitId unitName occurredAt channel needCategory resolved satisfaction }\n      }\n    }\n  }\n"): typeof import('./graphql').SiteCustomerDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query SiteFollowUps($first: Int) {\n    followUps(first: $first) {\n      asOf stale totalCount\n      items { id reason unitId unitName customerId touchpointId createdAt dueAt close { outcome closedBy state error } }\n    }\n  }\n"): typeof import('./graphql').SiteFollowUpsDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  mutation SiteCloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) { id close { outcome closedBy acceptedAt state forwardedAt error } }\n  }\n"): typeof import('./graphql').SiteCloseFollowUpDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query SitePerceptionPoints { perceptionPointCatalogue { code name nameZh needCategories target } }"): typeof import('./graphql').SitePerceptionPointsDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation SiteLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').SiteLoginDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query SiteStatus {\n    siteStatus { siteId unitId gatewayUrl gatewayReachable backlog oldestPendingAgeSeconds lastSuccessAt lastError lastErrorAt deadLetters forwarded }\n  }\n"): typeof import('./graphql').SiteStatusDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  fragment LocalFields on LocalTouchpoint {\n    id unitId agentId customerId channel kind stage occurredAt acceptedAt needCategory needDescription serviceAction resolved\n    satisfaction { score comment state } state forwardedAt error\n  }\n"): typeof import('./graphql').LocalFieldsFragmentDoc;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation LogOne($input: SiteTouchpointInput!) { logTouchpoint(input: $input) { ...LocalFields } }"): typeof import('./graphql').LogOneDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation LogMany($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { ...LocalFields } }"): typeof import('./graphql').LogManyDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "mutation RateLocal($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { ...LocalFields } }"): typeof import('./graphql').RateLocalDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query LocalTouchpoint($id: ID!) { touchpoint(id: $id) { ...LocalFields } }"): typeof import('./graphql').LocalTouchpointDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query Mine($first: Int) { myTouchpoints(first: $first) { ...LocalFields } }"): typeof import('./graphql').MineDocument;
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "query DeadLetters { deadLetters { id kind touchpointId code message payload at } }"): typeof import('./graphql').DeadLettersDocument;


export function siteGraphql(source: string) {
  return (documents as any)[source] ?? {};
}

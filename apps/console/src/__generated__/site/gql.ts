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
    "\n  query AgentCustomer($customerId: String!) {\n    customer(customerId: $customerId) {\n      customerId\n      scopeUnitId\n      asOf\n      stale\n      profile {\n        touchpoints\n        lastContactAt\n        units { unitId unitName touchpoints lastContactAt }\n        engagement { type score }\n        risk { probability asOf drivers { feature value contribution } }\n        openCommitments { id name state dueAt unitName }\n        followUps { id reason state unitName }\n        timeline { id unitId unitName occurredAt channel needCategory serviceAction resolved satisfaction }\n      }\n    }\n  }\n": typeof types.AgentCustomerDocument,
    "\n  fragment LocalTouchpointRow on LocalTouchpoint {\n    id\n    unitId\n    customerId\n    channel\n    occurredAt\n    acceptedAt\n    needCategory\n    needDescription\n    serviceAction\n    resolved\n    satisfaction {\n      score\n      comment\n      state\n    }\n    state\n    forwardedAt\n    error\n    commitment {\n      code\n      name\n      startedAt\n      nodes {\n        code\n        name\n        level\n        parentCode\n        ownerUnitId\n        warnAt\n        dueAt\n        completedAt\n        state\n        completedBy {\n          id\n          state\n          error\n        }\n      }\n    }\n  }\n": typeof types.LocalTouchpointRowFragmentDoc,
    "\n  query MyTouchpoints($first: Int!) {\n    myTouchpoints(first: $first) {\n      ...LocalTouchpointRow\n    }\n  }\n": typeof types.MyTouchpointsDocument,
    "\n  query SiteStatus {\n    siteStatus {\n      siteId\n      unitId\n      gatewayReachable\n      backlog\n      oldestPendingAgeSeconds\n      lastSuccessAt\n      lastError\n      deadLetters\n      forwarded\n    }\n  }\n": typeof types.SiteStatusDocument,
    "\n  mutation LogTouchpoint($input: SiteTouchpointInput!) {\n    logTouchpoint(input: $input) {\n      ...LocalTouchpointRow\n    }\n  }\n": typeof types.LogTouchpointDocument,
    "\n  mutation RateTouchpoint($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    rateTouchpoint(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      ...LocalTouchpointRow\n    }\n  }\n": typeof types.RateTouchpointDocument,
    "\n  mutation RecordCommitmentEvent($input: SiteCommitmentEventInput!) {\n    recordCommitmentEvent(input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.RecordCommitmentEventDocument,
    "\n  query AgentCommitmentCatalogue {\n    commitmentCatalogue {\n      code\n      name\n      level\n    }\n  }\n": typeof types.AgentCommitmentCatalogueDocument,
    "\n  query AgentPerceptionPoints {\n    perceptionPointCatalogue {\n      code\n      name\n      nameZh\n      needCategories\n    }\n  }\n": typeof types.AgentPerceptionPointsDocument,
    "\n  query AgentFollowUps($first: Int!) {\n    followUps(first: $first) {\n      asOf\n      stale\n      totalCount\n      items {\n        id\n        reason\n        unitId\n        unitName\n        customerId\n        touchpointId\n        createdAt\n        dueAt\n        assignee\n        note\n        close {\n          outcome\n          closedBy\n          state\n          error\n        }\n      }\n    }\n  }\n": typeof types.AgentFollowUpsDocument,
    "\n  mutation AgentCloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) {\n      id\n      close {\n        outcome\n        state\n        error\n      }\n    }\n  }\n": typeof types.AgentCloseFollowUpDocument,
    "\n  query Probe {\n    siteStatus {\n      siteId\n    }\n  }\n": typeof types.ProbeDocument,
    "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      username\n      role\n      unitId\n      siteId\n    }\n  }\n": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  query AgentCustomer($customerId: String!) {\n    customer(customerId: $customerId) {\n      customerId\n      scopeUnitId\n      asOf\n      stale\n      profile {\n        touchpoints\n        lastContactAt\n        units { unitId unitName touchpoints lastContactAt }\n        engagement { type score }\n        risk { probability asOf drivers { feature value contribution } }\n        openCommitments { id name state dueAt unitName }\n        followUps { id reason state unitName }\n        timeline { id unitId unitName occurredAt channel needCategory serviceAction resolved satisfaction }\n      }\n    }\n  }\n": types.AgentCustomerDocument,
    "\n  fragment LocalTouchpointRow on LocalTouchpoint {\n    id\n    unitId\n    customerId\n    channel\n    occurredAt\n    acceptedAt\n    needCategory\n    needDescription\n    serviceAction\n    resolved\n    satisfaction {\n      score\n      comment\n      state\n    }\n    state\n    forwardedAt\n    error\n    commitment {\n      code\n      name\n      startedAt\n      nodes {\n        code\n        name\n        level\n        parentCode\n        ownerUnitId\n        warnAt\n        dueAt\n        completedAt\n        state\n        completedBy {\n          id\n          state\n          error\n        }\n      }\n    }\n  }\n": types.LocalTouchpointRowFragmentDoc,
    "\n  query MyTouchpoints($first: Int!) {\n    myTouchpoints(first: $first) {\n      ...LocalTouchpointRow\n    }\n  }\n": types.MyTouchpointsDocument,
    "\n  query SiteStatus {\n    siteStatus {\n      siteId\n      unitId\n      gatewayReachable\n      backlog\n      oldestPendingAgeSeconds\n      lastSuccessAt\n      lastError\n      deadLetters\n      forwarded\n    }\n  }\n": types.SiteStatusDocument,
    "\n  mutation LogTouchpoint($input: SiteTouchpointInput!) {\n    logTouchpoint(input: $input) {\n      ...LocalTouchpointRow\n    }\n  }\n": types.LogTouchpointDocument,
    "\n  mutation RateTouchpoint($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    rateTouchpoint(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      ...LocalTouchpointRow\n    }\n  }\n": types.RateTouchpointDocument,
    "\n  mutation RecordCommitmentEvent($input: SiteCommitmentEventInput!) {\n    recordCommitmentEvent(input: $input) {\n      id\n      state\n    }\n  }\n": types.RecordCommitmentEventDocument,
    "\n  query AgentCommitmentCatalogue {\n    commitmentCatalogue {\n      code\n      name\n      level\n    }\n  }\n": types.AgentCommitmentCatalogueDocument,
    "\n  query AgentPerceptionPoints {\n    perceptionPointCatalogue {\n      code\n      name\n      nameZh\n      needCategories\n    }\n  }\n": types.AgentPerceptionPointsDocument,
    "\n  query AgentFollowUps($first: Int!) {\n    followUps(first: $first) {\n      asOf\n      stale\n      totalCount\n      items {\n        id\n        reason\n        unitId\n        unitName\n        customerId\n        touchpointId\n        createdAt\n        dueAt\n        assignee\n        note\n        close {\n          outcome\n          closedBy\n          state\n          error\n        }\n      }\n    }\n  }\n": types.AgentFollowUpsDocument,
    "\n  mutation AgentCloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) {\n      id\n      close {\n        outcome\n        state\n        error\n      }\n    }\n  }\n": types.AgentCloseFollowUpDocument,
    "\n  query Probe {\n    siteStatus {\n      siteId\n    }\n  }\n": types.ProbeDocument,
    "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      username\n      role\n      unitId\n      siteId\n    }\n  }\n": types.LoginDocument,
};

/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = siteGraphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function siteGraphql(source: string): unknown;

/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query AgentCustomer($customerId: String!) {\n    customer(customerId: $customerId) {\n      customerId\n      scopeUnitId\n      asOf\n      stale\n      profile {\n        touchpoints\n        lastContactAt\n        units { unitId unitName touchpoints lastContactAt }\n        engagement { type score }\n        risk { probability asOf drivers { feature value contribution } }\n        openCommitments { id name state dueAt unitName }\n        followUps { id reason state unitName }\n        timeline { id unitId unitName occurredAt channel needCategory serviceAction resolved satisfaction }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgentCustomer($customerId: String!) {\n    customer(customerId: $customerId) {\n      customerId\n      scopeUnitId\n      asOf\n      stale\n      profile {\n        touchpoints\n        lastContactAt\n        units { unitId unitName touchpoints lastContactAt }\n        engagement { type score }\n        risk { probability asOf drivers { feature value contribution } }\n        openCommitments { id name state dueAt unitName }\n        followUps { id reason state unitName }\n        timeline { id unitId unitName occurredAt channel needCategory serviceAction resolved satisfaction }\n      }\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  fragment LocalTouchpointRow on LocalTouchpoint {\n    id\n    unitId\n    customerId\n    channel\n    occurredAt\n    acceptedAt\n    needCategory\n    needDescription\n    serviceAction\n    resolved\n    satisfaction {\n      score\n      comment\n      state\n    }\n    state\n    forwardedAt\n    error\n    commitment {\n      code\n      name\n      startedAt\n      nodes {\n        code\n        name\n        level\n        parentCode\n        ownerUnitId\n        warnAt\n        dueAt\n        completedAt\n        state\n        completedBy {\n          id\n          state\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment LocalTouchpointRow on LocalTouchpoint {\n    id\n    unitId\n    customerId\n    channel\n    occurredAt\n    acceptedAt\n    needCategory\n    needDescription\n    serviceAction\n    resolved\n    satisfaction {\n      score\n      comment\n      state\n    }\n    state\n    forwardedAt\n    error\n    commitment {\n      code\n      name\n      startedAt\n      nodes {\n        code\n        name\n        level\n        parentCode\n        ownerUnitId\n        warnAt\n        dueAt\n        completedAt\n        state\n        completedBy {\n          id\n          state\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query MyTouchpoints($first: Int!) {\n    myTouchpoints(first: $first) {\n      ...LocalTouchpointRow\n    }\n  }\n"): (typeof documents)["\n  query MyTouchpoints($first: Int!) {\n    myTouchpoints(first: $first) {\n      ...LocalTouchpointRow\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query SiteStatus {\n    siteStatus {\n      siteId\n      unitId\n      gatewayReachable\n      backlog\n      oldestPendingAgeSeconds\n      lastSuccessAt\n      lastError\n      deadLetters\n      forwarded\n    }\n  }\n"): (typeof documents)["\n  query SiteStatus {\n    siteStatus {\n      siteId\n      unitId\n      gatewayReachable\n      backlog\n      oldestPendingAgeSeconds\n      lastSuccessAt\n      lastError\n      deadLetters\n      forwarded\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  mutation LogTouchpoint($input: SiteTouchpointInput!) {\n    logTouchpoint(input: $input) {\n      ...LocalTouchpointRow\n    }\n  }\n"): (typeof documents)["\n  mutation LogTouchpoint($input: SiteTouchpointInput!) {\n    logTouchpoint(input: $input) {\n      ...LocalTouchpointRow\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  mutation RateTouchpoint($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    rateTouchpoint(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      ...LocalTouchpointRow\n    }\n  }\n"): (typeof documents)["\n  mutation RateTouchpoint($touchpointId: ID!, $satisfaction: SatisfactionInput!) {\n    rateTouchpoint(touchpointId: $touchpointId, satisfaction: $satisfaction) {\n      ...LocalTouchpointRow\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  mutation RecordCommitmentEvent($input: SiteCommitmentEventInput!) {\n    recordCommitmentEvent(input: $input) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RecordCommitmentEvent($input: SiteCommitmentEventInput!) {\n    recordCommitmentEvent(input: $input) {\n      id\n      state\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query AgentCommitmentCatalogue {\n    commitmentCatalogue {\n      code\n      name\n      level\n    }\n  }\n"): (typeof documents)["\n  query AgentCommitmentCatalogue {\n    commitmentCatalogue {\n      code\n      name\n      level\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query AgentPerceptionPoints {\n    perceptionPointCatalogue {\n      code\n      name\n      nameZh\n      needCategories\n    }\n  }\n"): (typeof documents)["\n  query AgentPerceptionPoints {\n    perceptionPointCatalogue {\n      code\n      name\n      nameZh\n      needCategories\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query AgentFollowUps($first: Int!) {\n    followUps(first: $first) {\n      asOf\n      stale\n      totalCount\n      items {\n        id\n        reason\n        unitId\n        unitName\n        customerId\n        touchpointId\n        createdAt\n        dueAt\n        assignee\n        note\n        close {\n          outcome\n          closedBy\n          state\n          error\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgentFollowUps($first: Int!) {\n    followUps(first: $first) {\n      asOf\n      stale\n      totalCount\n      items {\n        id\n        reason\n        unitId\n        unitName\n        customerId\n        touchpointId\n        createdAt\n        dueAt\n        assignee\n        note\n        close {\n          outcome\n          closedBy\n          state\n          error\n        }\n      }\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  mutation AgentCloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) {\n      id\n      close {\n        outcome\n        state\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AgentCloseFollowUp($id: ID!, $outcome: String!) {\n    closeFollowUp(id: $id, outcome: $outcome) {\n      id\n      close {\n        outcome\n        state\n        error\n      }\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  query Probe {\n    siteStatus {\n      siteId\n    }\n  }\n"): (typeof documents)["\n  query Probe {\n    siteStatus {\n      siteId\n    }\n  }\n"];
/**
 * The siteGraphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function siteGraphql(source: "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      username\n      role\n      unitId\n      siteId\n    }\n  }\n"): (typeof documents)["\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) {\n      token\n      username\n      role\n      unitId\n      siteId\n    }\n  }\n"];

export function siteGraphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
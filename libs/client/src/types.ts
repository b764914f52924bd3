import type {
  CommitmentCatalogueQuery,
  CustomerLookupQuery,
  FollowUpsQuery,
  LoginMutation,
  PerceptionPointCatalogueQuery,
  RecordSatisfactionMutation,
  RecordSatisfactionsMutation,
  RecordTouchpointsMutation,
} from './__generated__/graphql';

// The client's wire types, generated from libs/contracts/src/gateway-api.graphql
// and the documents in documents.ts (npm run codegen): no hand-written copy of
// the contract. DateTime travels as an ISO-8601 string.

export type {
  CommitmentEventInput,
  CommitmentInput,
  NeedInput,
  SatisfactionInput,
  SatisfactionRatingInput,
  ServiceInput,
  TouchpointInput,
} from './__generated__/graphql';
/** One late rating of recordSatisfactions. */
export type { SatisfactionRatingInput as SatisfactionRating } from './__generated__/graphql';

export type IngestResult = RecordTouchpointsMutation['recordTouchpoints'];
/** `index` is the position in the input list (the caller's list, once the client merged its batches). */
export type IngestError = IngestResult['rejected'][number];
/** rated: newly counted; unchanged: equal to the rating already stored (a retry, for one); rejected: by position in the input. */
export type RatingResult = RecordSatisfactionsMutation['recordSatisfactions'];
export type Session = LoginMutation['login'];
/** The part of a Touchpoint the client asks back after recording a rating. */
export type RatedTouchpoint = RecordSatisfactionMutation['recordSatisfaction'];
export type Satisfaction = NonNullable<RatedTouchpoint['satisfaction']>;

/** The gateway's commitment catalogue as a site copies it. */
export type CatalogueEntry = CommitmentCatalogueQuery['commitmentCatalogue'][number];
/** One point of the gateway's perception-point catalogue, as a site copies it. */
export type PerceptionPointEntry = PerceptionPointCatalogueQuery['perceptionPointCatalogue'][number];
/** A customer's profile (null: none of their touchpoints in scope) and latest touchpoints, as a site asks for them. */
export type CustomerLookup = CustomerLookupQuery;
/** One follow-up of a followUps page. */
export type GatewayFollowUp = FollowUpsQuery['followUps']['edges'][number]['node'];

export const INGEST_ERROR_CODES = ['INVALID', 'UNKNOWN_UNIT', 'FORBIDDEN_UNIT', 'CONFLICT', 'NOT_FOUND'] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export const GATEWAY_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** Codes the client itself assigns when no GraphQL error code is available. */
export type TransportErrorCode = 'NETWORK' | 'TIMEOUT' | 'HTTP_ERROR' | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED' | 'BAD_RESPONSE';

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorPayload[];
}

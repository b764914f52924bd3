import type { Channel, LifecycleStage, NeedCategory, Role, TouchpointKind } from '@qihe/domain';

// Wire types mirroring shared/contract/schema.graphql one-to-one. Optional input
// fields accept null as GraphQL does; DateTime travels as an ISO-8601 string.

export interface NeedInput {
  category: NeedCategory;
  description?: string | null;
}

export interface CommitmentInput {
  code: string;
  met: boolean;
}

export interface ServiceInput {
  action: string;
  handleSeconds: number;
  resolved: boolean;
  firstContact: boolean;
  knowledgeRefs?: string[] | null;
  knowledgeCreated?: boolean | null;
  handoffUnitId?: string | null;
  commitment?: CommitmentInput | null;
  servedAt?: string | null;
}

export interface SatisfactionInput {
  score: number;
  comment?: string | null;
}

export interface TouchpointInput {
  /** UUID chosen by the sender: the idempotency key. */
  id: string;
  unitId: string;
  customerId: string;
  industry?: string | null;
  region?: string | null;
  contractId?: string | null;
  productId?: string | null;
  teamId?: string | null;
  agentId?: string | null;
  channel: Channel;
  kind: TouchpointKind;
  stage: LifecycleStage;
  occurredAt: string;
  need: NeedInput;
  service?: ServiceInput | null;
  satisfaction?: SatisfactionInput | null;
}

export const INGEST_ERROR_CODES = ['INVALID', 'UNKNOWN_UNIT', 'FORBIDDEN_UNIT', 'CONFLICT', 'NOT_FOUND'] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export interface IngestError {
  /** Position in the input list (the caller's list, once the client merged its batches). */
  index: number;
  id: string | null;
  /** One of INGEST_ERROR_CODES; kept open so a newer gateway's code does not break a build. */
  code: IngestErrorCode | (string & {});
  message: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: IngestError[];
}

/** One late rating of recordSatisfactions. */
export interface SatisfactionRating {
  touchpointId: string;
  satisfaction: SatisfactionInput;
}

export interface RatingResult {
  /** Newly counted. */
  rated: number;
  /** Equal to the rating already stored: nothing to do (a retry, for one). */
  unchanged: number;
  /** NOT_FOUND, FORBIDDEN_UNIT, CONFLICT (rated otherwise before) or INVALID, by position in the input. */
  rejected: IngestError[];
}

export interface Session {
  token: string;
  role: Role;
  unitId: string;
}

export interface Satisfaction {
  score: number;
  comment: string | null;
}

/** The part of a Touchpoint the client asks back after recording a rating. */
export interface RatedTouchpoint {
  id: string;
  unit: { id: string };
  occurredAt: string;
  receivedAt: string;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
}

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

// The GraphQL documents the client sends.

export const RECORD_TOUCHPOINTS_MUTATION = /* GraphQL */ `
  mutation RecordTouchpoints($input: [TouchpointInput!]!) {
    recordTouchpoints(input: $input) {
      accepted
      duplicates
      rejected { index id code message }
    }
  }
`;

export const RECORD_SATISFACTION_MUTATION = /* GraphQL */ `
  mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {
    recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {
      id
      unit { id }
      occurredAt
      receivedAt
      resolved
      satisfaction { score comment }
    }
  }
`;

export const RECORD_SATISFACTIONS_MUTATION = /* GraphQL */ `
  mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {
    recordSatisfactions(input: $input) {
      rated
      unchanged
      rejected { index id code message }
    }
  }
`;

export const LOGIN_MUTATION = /* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { token role unitId }
  }
`;

export const ME_QUERY = /* GraphQL */ `
  query Me {
    me { token role unitId }
  }
`;

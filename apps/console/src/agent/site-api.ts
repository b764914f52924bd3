import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Channel, LifecycleStage, NeedCategory, TouchpointKind } from '@qihe/domain';

// Operations of a site's agent API (libs/contracts/src/site-api.graphql).

export type ForwardState = 'PENDING' | 'FORWARDED' | 'DEAD';

export interface SiteTouchpointInput {
  unitId?: string;
  customerId: string;
  channel: Channel;
  kind: TouchpointKind;
  stage: LifecycleStage;
  need: { category: NeedCategory; description?: string | null };
  service?: {
    action: string;
    handleSeconds: number;
    resolved: boolean;
    firstContact: boolean;
    knowledgeRefs?: string[] | null;
    knowledgeCreated?: boolean | null;
    handoffUnitId?: string | null;
    commitment?: { code: string; met: boolean } | null;
  } | null;
  satisfaction?: { score: number; comment?: string | null } | null;
}

export interface LocalTouchpoint {
  id: string;
  unitId: string;
  customerId: string;
  channel: Channel;
  occurredAt: string;
  acceptedAt: string;
  needCategory: NeedCategory;
  needDescription: string | null;
  serviceAction: string | null;
  resolved: boolean | null;
  satisfaction: { score: number; comment: string | null; state: ForwardState } | null;
  state: ForwardState;
  forwardedAt: string | null;
  error: string | null;
}

export interface SiteStatus {
  siteId: string;
  unitId: string;
  gatewayReachable: boolean;
  backlog: number;
  oldestPendingAgeSeconds: number | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  deadLetters: number;
  forwarded: number;
}

const LOCAL_TOUCHPOINT = gql`
  fragment LocalTouchpointRow on LocalTouchpoint {
    id
    unitId
    customerId
    channel
    occurredAt
    acceptedAt
    needCategory
    needDescription
    serviceAction
    resolved
    satisfaction {
      score
      comment
      state
    }
    state
    forwardedAt
    error
  }
`;

export const MY_TOUCHPOINTS: TypedDocumentNode<{ myTouchpoints: LocalTouchpoint[] }, { first: number }> = gql`
  query MyTouchpoints($first: Int!) {
    myTouchpoints(first: $first) {
      ...LocalTouchpointRow
    }
  }
  ${LOCAL_TOUCHPOINT}
`;

export const SITE_STATUS: TypedDocumentNode<{ siteStatus: SiteStatus }, Record<string, never>> = gql`
  query SiteStatus {
    siteStatus {
      siteId
      unitId
      gatewayReachable
      backlog
      oldestPendingAgeSeconds
      lastSuccessAt
      lastError
      deadLetters
      forwarded
    }
  }
`;

export const LOG_TOUCHPOINT: TypedDocumentNode<{ logTouchpoint: LocalTouchpoint }, { input: SiteTouchpointInput }> = gql`
  mutation LogTouchpoint($input: SiteTouchpointInput!) {
    logTouchpoint(input: $input) {
      ...LocalTouchpointRow
    }
  }
  ${LOCAL_TOUCHPOINT}
`;

export const RATE_TOUCHPOINT: TypedDocumentNode<
  { rateTouchpoint: LocalTouchpoint },
  { touchpointId: string; satisfaction: { score: number; comment?: string | null } }
> = gql`
  mutation RateTouchpoint($touchpointId: ID!, $satisfaction: SatisfactionInput!) {
    rateTouchpoint(touchpointId: $touchpointId, satisfaction: $satisfaction) {
      ...LocalTouchpointRow
    }
  }
  ${LOCAL_TOUCHPOINT}
`;

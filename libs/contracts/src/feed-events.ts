import type { Chain } from '@qihe/domain';

// The live feed's wire contract (shared/contract/feed.md): one definition for
// the gateway that sends it and the console that listens.

export const FEED_NAMESPACE = '/feed';

export const FeedEvent = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  touchpoint: 'touchpoint',
  scores: 'scores',
  alert: 'alert',
} as const;

/** A newly committed touchpoint (never sent for duplicates). */
export interface TouchpointEvent {
  id: string;
  unitId: string;
  channel: string;
  kind: string;
  stage: string;
  needCategory: string;
  resolved: boolean | null;
  satisfaction: number | null;
  occurredAt: string;
  receivedAt: string;
}

/** A subscribed unit's rolling last-60-minute score, sent when it changed, at most once a second. */
export interface ScoresEvent {
  unitId: string;
  from: string;
  to: string;
  touchpoints: number;
  overall: number | null;
  chains: Record<Chain, number | null>;
  modelVersion?: string;
}

export type AlertType = 'COMMITMENT_BROKEN' | 'SATISFACTION_DROP';

export interface AlertEvent {
  type: AlertType | string;
  unitId: string;
  message: string;
  at: string;
  [more: string]: unknown;
}

export type SubscribeAck = { ok: true } | { ok: false; code: 'FORBIDDEN_UNIT' | 'UNKNOWN_UNIT' | string };

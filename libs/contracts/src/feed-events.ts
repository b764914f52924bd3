import type { Chain, FeedRead } from '@qihe/domain';

// The live feed's wire contract (docs/feed.md): event names and
// payloads, written once for the gateway that sends them, the console that
// listens and the test clients. A new event is one entry in FeedServerEvents
// (and, for an alert, one member of AlertEvent); the compiler then asks for
// its name in FeedEvent and the read it stands for in FEED_READS/ALERT_READS.

export const FEED_NAMESPACE = '/feed';

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
  modelVersion: string;
}

/** A touchpoint committed with a service commitment it did not meet. */
export interface CommitmentBrokenAlert {
  type: 'COMMITMENT_BROKEN';
  unitId: string;
  message: string;
  at: string;
  touchpointId: string;
  /** The commitment's code, e.g. REPAIR_48H. */
  commitment: string;
}

/** The value chain of a unit's rolling hour fell by at least 10 points between two scores. */
export interface SatisfactionDropAlert {
  type: 'SATISFACTION_DROP';
  unitId: string;
  message: string;
  at: string;
  from: number;
  to: number;
}

/**
 * A tracked commitment node turned AT_RISK or BREACHED (contract/feed.md, stage 2):
 * raised by the commitment monitor once per node and type. `id` is stable
 * (type:node), so a client can drop the rare repeat after a crash.
 */
export interface CommitmentNodeAlert {
  type: 'COMMITMENT_AT_RISK' | 'COMMITMENT_BROKEN';
  id: string;
  unitId: string;
  ownerUnitId: string;
  commitmentId: string;
  code: string;
  name: string;
  touchpointId: string;
  customerId: string;
  dueAt: string;
  at: string;
  message: string;
}

/** A follow-up was opened (a low rating, a broken promise, a person's request). */
export interface FollowUpOpenedAlert {
  type: 'FOLLOW_UP_OPENED';
  id: string;
  unitId: string;
  followUpId: string;
  reason: string;
  customerId: string;
  touchpointId: string | null;
  commitmentId: string | null;
  at: string;
  message: string;
}

export type AlertEvent = CommitmentBrokenAlert | CommitmentNodeAlert | SatisfactionDropAlert | FollowUpOpenedAlert;
export type AlertType = AlertEvent['type'];

export interface SubscribeRequest {
  unitId: string;
}

export type SubscribeAck = { ok: true } | { ok: false; code: 'FORBIDDEN_UNIT' | 'UNKNOWN_UNIT' | 'UNAUTHENTICATED' };

/** Server → client: event name → listener. */
export interface FeedServerEvents {
  touchpoint: (e: TouchpointEvent) => void;
  scores: (e: ScoresEvent) => void;
  alert: (e: AlertEvent) => void;
}

/** Client → server: event name → emitter, acknowledged. */
export interface FeedClientEvents {
  subscribe: (req: SubscribeRequest, ack: (a: SubscribeAck) => void) => void;
  unsubscribe: (req: SubscribeRequest, ack: (a: { ok: true }) => void) => void;
}

type FeedEventName = keyof FeedServerEvents | keyof FeedClientEvents;

export const FeedEvent = {
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  touchpoint: 'touchpoint',
  scores: 'scores',
  alert: 'alert',
} as const satisfies { [E in FeedEventName]: E };

/**
 * Which GraphQL read each event stands for: a client receives it only for
 * units where that read is allowed to it (libs/domain feed-policy), so the feed
 * never shows what the API would refuse.
 */
export const FEED_READS = {
  touchpoint: 'touchpoints',
  scores: 'scores',
} as const satisfies { [E in Exclude<keyof FeedServerEvents, 'alert'>]: FeedRead };

export const ALERT_READS: { readonly [T in AlertType]: FeedRead } = {
  COMMITMENT_BROKEN: 'touchpoints', // about one touchpoint: who may read it
  COMMITMENT_AT_RISK: 'touchpoints',
  FOLLOW_UP_OPENED: 'touchpoints', // about a customer's touchpoint, for the unit that owns the follow-up
  SATISFACTION_DROP: 'scores', // a change of the value chain's score
};

/** connect_error messages: no valid token, or a caller that may read nothing on the feed (a site key). */
export const FeedRefusal = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
} as const;

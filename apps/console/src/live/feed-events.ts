import type { Chain } from '@qihe/domain';

// Payloads of the live feed (shared/contract/feed.md).

export interface ScoresEvent {
  unitId: string;
  from: string;
  to: string;
  touchpoints: number;
  overall: number | null;
  chains: Record<Chain, number | null>;
}

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

export interface AlertEvent {
  type: string;
  unitId: string;
  message: string;
  at: string;
  [more: string]: unknown;
}

export type SubscribeAck = { ok: true } | { ok: false; code: string };

/** What a tile shows: either a live rolling hour or the snapshot fetched over GraphQL. */
export interface TileScore {
  source: 'live' | 'snapshot';
  from: string;
  to: string;
  touchpoints: number;
  overall: number | null;
  chains: Record<Chain, number | null>;
  /** When this value arrived (ms), to mark moving scores. */
  at: number;
}

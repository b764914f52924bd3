import type { Chain } from '@qihe/domain';

// Payloads of the live feed come from @qihe/contracts; this adds what the view keeps.

export type { AlertEvent, ScoresEvent, SubscribeAck, TouchpointEvent } from '@qihe/contracts';

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

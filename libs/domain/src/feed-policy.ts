import { inScope, mayCall, SCORE_READERS, TOUCHPOINT_READERS, type Caller, type CallerKind } from './access-policy';
import type { OrgTree } from './org-tree';

// What the live feed may carry to whom. Each feed event stands for a GraphQL
// read (libs/contracts feed-events: FEED_READS), and the feed gives a caller
// only what the API would let it read for the same unit.

/** A GraphQL read the feed can stand for: raw touchpoints, or engagement scores. */
export const FEED_READ_KINDS = ['touchpoints', 'scores'] as const;
export type FeedRead = (typeof FEED_READ_KINDS)[number];

const READERS: { readonly [R in FeedRead]: readonly CallerKind[] } = { touchpoints: TOUCHPOINT_READERS, scores: SCORE_READERS };

/** Opening the feed at all: whoever may read something on it (site keys write and never read). */
export const canOpenFeed = (caller: Caller): boolean => FEED_READ_KINDS.some((r) => mayCall(caller, READERS[r]));

/** The reads the feed carries to `caller` for `unitId` (empty: nothing to watch there). */
export function feedReads(caller: Caller, tree: OrgTree, unitId: string): FeedRead[] {
  if (!inScope(caller, tree, unitId)) return [];
  return FEED_READ_KINDS.filter((r) => mayCall(caller, READERS[r]));
}

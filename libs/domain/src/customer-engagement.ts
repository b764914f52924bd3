import { addCounters, countTouchpoint, zeroCounters, type Counters } from './counters';
import type { Channel, NeedCategory } from './vocabulary';

// A customer's four engagement types (MANAGEMENT-MODEL.md §6) are the unit
// lens's arithmetic over the customer's own touchpoints: each one counted by
// countTouchpoint exactly as ingest counts it into the rollups, the sum
// scored by scoreEngagementTypes.

/** One stored touchpoint as the counters see it. */
export interface CustomerTouchpointFacts {
  occurredAt: number;
  receivedAt: number;
  channel: string;
  needCategory: string;
  served: boolean;
  handleSeconds: number | null;
  resolved: boolean | null;
  firstContact: boolean | null;
  knowledgeRefs: number;
  knowledgeCreated: boolean | null;
  handoff: boolean;
  commitmentMet: boolean | null;
  linked: boolean;
  repeat: boolean;
  score: number | null;
}

export const CUSTOMER_WINDOW_MS = 365 * 86_400_000;

/** The counters of the touchpoints that occurred from `since` on. */
export function customerCounters(rows: readonly CustomerTouchpointFacts[], since: number): Counters {
  const total = zeroCounters();
  for (const r of rows) {
    if (r.occurredAt < since) continue;
    addCounters(
      total,
      countTouchpoint({
        needCategory: r.needCategory as NeedCategory,
        channel: r.channel as Channel,
        service: r.served
          ? {
              handleSeconds: r.handleSeconds ?? 0,
              resolved: r.resolved === true,
              firstContact: r.firstContact === true,
              knowledgeRefs: r.knowledgeRefs,
              knowledgeCreated: r.knowledgeCreated === true,
              handoff: r.handoff,
              commitmentMet: r.commitmentMet,
            }
          : null,
        score: r.score,
        linked: r.linked,
        repeat: r.repeat,
        occurredAt: r.occurredAt,
        receivedAt: r.receivedAt,
      }),
    );
  }
  return total;
}

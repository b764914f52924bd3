import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayError } from '@qihe/client';
import type { Database } from '@qihe/data';
import { RefusalCode } from '@qihe/domain';
import { GatewayLink } from '../core/gateway-link';
import { SiteMetrics } from '../core/site-metrics';
import { DATABASE } from '../core/tokens';
import { markCommitmentEvents, pendingCommitmentEvents, type DeadEvent, type PendingCommitmentEvent } from '../storage/commitments.repository';
import { isolate } from './isolate';

const EVENTS_PER_CYCLE = 1000;
/**
 * NOT_FOUND for an event whose touchpoint the gateway stored means its tree or
 * step is not there (a catalogue that changed, a gateway restored from an
 * older backup): tried again with backoff (1, 2, 4 … 60 s), then given up on.
 */
export const EVENT_NOT_FOUND_TRIES = 10;

interface EventOutcome {
  forwarded: string[];
  dead: DeadEvent[];
  later: string[];
}

const payload = (e: PendingCommitmentEvent) => ({ id: e.id, touchpointId: e.touchpointId, code: e.code, completedAt: e.completedAt.toISOString() });
const dead = (e: PendingCommitmentEvent, code: string, message: string): DeadEvent => ({ id: e.id, touchpointId: e.touchpointId, code, message, payload: payload(e) });

/**
 * Sends pending commitment events with recordCommitmentEvents, each behind its
 * touchpoint (only once the gateway answered for the touchpoint), judged one by
 * one; a culprit that sinks a whole call is isolated (isolate.ts) and
 * dead-lettered; while the gateway cannot take work everything waits.
 */
@Injectable()
export class CommitmentEventsForwarder {
  private readonly log = new Logger('Forwarder');

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly link: GatewayLink,
    private readonly metrics: SiteMetrics,
  ) {}

  /** One batch; how many events were settled. Throws (after recording what was settled) when the line failed. */
  async forward(gatewayWorks: () => Promise<boolean>): Promise<number> {
    const events = await pendingCommitmentEvents(this.db, EVENTS_PER_CYCLE);
    if (events.length === 0) return 0;
    const settled: EventOutcome = { forwarded: [], dead: [], later: [] };
    const live: PendingCommitmentEvent[] = [];
    for (const e of events) {
      if (e.touchpointState !== 'DEAD') live.push(e);
      else settled.dead.push(dead(e, RefusalCode.TOUCHPOINT_DEAD, `its touchpoint was rejected by the gateway (${e.touchpointError})`));
    }
    let failure: unknown = null;
    try {
      const sent = await this.send(live, gatewayWorks);
      settled.forwarded.push(...sent.forwarded);
      settled.dead.push(...sent.dead);
      settled.later.push(...sent.later);
    } catch (err) {
      failure = err;
    }
    await this.db.transaction((tx) => markCommitmentEvents(tx, settled.forwarded, settled.dead, settled.later));
    for (const d of settled.dead) this.log.warn(`commitment event ${d.id} (${d.code}) rejected: ${d.message}; kept as a dead letter`);
    if (failure !== null) throw failure;
    return settled.forwarded.length + settled.dead.length;
  }

  private send(batch: PendingCommitmentEvent[], gatewayWorks: () => Promise<boolean>): Promise<EventOutcome> {
    if (batch.length === 0) return Promise.resolve({ forwarded: [], dead: [], later: [] });
    return isolate<PendingCommitmentEvent, EventOutcome>(batch, {
      call: async (items) => {
        const result = await this.metrics.forward('commitment_events', () => this.link.client.recordCommitmentEvents(items.map(payload)));
        this.link.answered();
        const out: EventOutcome = { forwarded: [], dead: [], later: [] };
        const refused = new Map(result.rejected.map((x) => [x.index, x]));
        items.forEach((e, i) => {
          const x = refused.get(i);
          if (!x) out.forwarded.push(e.id);
          else if (x.code === RefusalCode.NOT_FOUND && e.attempts + 1 < EVENT_NOT_FOUND_TRIES) out.later.push(e.id);
          else out.dead.push(dead(e, x.code, x.message));
        });
        return out;
      },
      dead: (e, err) => {
        this.link.answered();
        return { forwarded: [], dead: [dead(e, err.code, err.message)], later: [] };
      },
      merge: (a, b) => ({ forwarded: [...a.forwarded, ...b.forwarded], dead: [...a.dead, ...b.dead], later: [...a.later, ...b.later] }),
      gatewayWorks,
      // A gateway older than recordCommitmentEvents: keep the events pending (retried with backoff) rather than dead.
      blame: (err) => (err instanceof GatewayError && err.message.includes('recordCommitmentEvents') ? 'line' : undefined),
    });
  }
}

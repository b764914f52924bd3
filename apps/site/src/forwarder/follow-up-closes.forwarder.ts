import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayError } from '@qihe/client';
import type { Database } from '@qihe/data';
import { GatewayLink } from '../core/gateway-link';
import { SiteMetrics } from '../core/site-metrics';
import { DATABASE } from '../core/tokens';
import { markClose, pendingCloses, type PendingClose } from '../storage/follow-ups.repository';
import { isolate } from './isolate';

const CLOSES_PER_CYCLE = 100;
/** Closed follow-ups read back to tell our own earlier close from someone else's. */
const CLOSED_READ_BACK = 1000;

type CloseOutcome = { forwarded: string[]; dead: { id: string; error: string }[] };

/** The gateway says the follow-up is already closed (closing twice is refused). */
const alreadyClosed = (err: unknown): boolean => err instanceof GatewayError && err.code === 'BAD_USER_INPUT' && /already closed/.test(err.message);

/**
 * Sends queued follow-up closes with closeFollowUp, one call each. Closing is
 * not idempotent at the gateway (a second close is BAD_USER_INPUT), so a close
 * whose answer was lost and that is refused as "already closed" on the resend
 * is read back: the same outcome there means it went through.
 */
@Injectable()
export class FollowUpClosesForwarder {
  private readonly log = new Logger('Forwarder');

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly link: GatewayLink,
    private readonly metrics: SiteMetrics,
  ) {}

  async forward(gatewayWorks: () => Promise<boolean>): Promise<number> {
    const closes = await pendingCloses(this.db, CLOSES_PER_CYCLE);
    let settled = 0;
    for (const c of closes) {
      const out = await isolate<PendingClose, CloseOutcome>([c], {
        call: (items) => this.send(items[0]),
        dead: (item, err) => {
          this.link.answered();
          return { forwarded: [], dead: [{ id: item.followUpId, error: `${err.code}: ${err.message}` }] };
        },
        merge: (a, b) => ({ forwarded: [...a.forwarded, ...b.forwarded], dead: [...a.dead, ...b.dead] }),
        gatewayWorks,
        // The follow-up's own refusals (unknown, outside the site's scope, bad outcome) are the item's, not the line's.
        blame: (err) => (err instanceof GatewayError && ['NOT_FOUND', 'BAD_USER_INPUT'].includes(err.code) ? 'items' : err instanceof GatewayError && err.code === 'FORBIDDEN' && err.message.startsWith('id:') ? 'items' : undefined),
      });
      await this.db.transaction(async (tx) => {
        for (const id of out.forwarded) await markClose(tx, id, { forwarded: true });
        for (const d of out.dead) await markClose(tx, d.id, { forwarded: false, error: d.error });
      });
      for (const d of out.dead) this.log.warn(`close of follow-up ${d.id} refused by the gateway (${d.error})`);
      settled++;
    }
    return settled;
  }

  private async send(c: PendingClose): Promise<CloseOutcome> {
    try {
      await this.metrics.forward('follow_up_closes', () => this.link.client.closeFollowUp(c.followUpId, c.outcome));
      this.link.answered();
      return { forwarded: [c.followUpId], dead: [] };
    } catch (err) {
      if (!alreadyClosed(err)) throw err;
      this.link.answered();
      const { items } = await this.link.client.followUps(c.unitId, ['DONE'], CLOSED_READ_BACK);
      const there = items.find((f) => f.id === c.followUpId);
      if (there && there.outcome === c.outcome) return { forwarded: [c.followUpId], dead: [] };
      const by = there ? ` with the outcome "${(there.outcome ?? '').slice(0, 200)}"` : '';
      return { forwarded: [], dead: [{ id: c.followUpId, error: `BAD_USER_INPUT: the follow-up was already closed at the gateway by someone else${by}` }] };
    }
  }
}

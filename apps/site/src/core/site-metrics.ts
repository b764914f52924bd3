import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { LATENCY_BUCKETS, Metrics } from '@qihe/server';
import type { Histogram } from 'prom-client';
import { outboxNumbers, type OutboxNumbers } from '../storage/outbox.repository';
import { GatewayLink } from './gateway-link';
import { DATABASE } from './tokens';

/**
 * The site's metrics: the outbox as the database has it (read once per scrape,
 * shared by its gauges) and how long each call to the gateway takes.
 */
@Injectable()
export class SiteMetrics {
  private readonly forwardSeconds: Histogram<'kind' | 'outcome'>;
  private reading?: Promise<OutboxNumbers>;

  constructor(
    metrics: Metrics,
    @Inject(DATABASE) private readonly db: Database,
    link: GatewayLink,
  ) {
    this.forwardSeconds = metrics.histogram('qihe_site_forward_seconds', 'Calls forwarding the outbox to the gateway, by kind (touchpoints, ratings, commitment_events, follow_up_closes) and outcome (ok, error).', ['kind', 'outcome'], LATENCY_BUCKETS);
    metrics.gauge('qihe_site_backlog', 'Outbox rows not yet forwarded, by kind (touchpoints, ratings, commitment_events, follow_up_closes).', ['kind'], async (g) => {
      const n = await this.outbox();
      g.set({ kind: 'touchpoints' }, n.pendingTouchpoints);
      g.set({ kind: 'ratings' }, n.pendingRatings);
      g.set({ kind: 'commitment_events' }, n.pendingCommitmentEvents);
      g.set({ kind: 'follow_up_closes' }, n.pendingFollowUpCloses);
    });
    metrics.gauge('qihe_site_oldest_pending_seconds', 'Age of the oldest row not yet forwarded (0 without a backlog).', [], async (g) => g.set((await this.outbox()).oldestPendingAgeSeconds ?? 0));
    metrics.gauge('qihe_site_dead_letters', 'Rows the gateway refused, kept as dead letters.', [], async (g) => g.set((await this.outbox()).deadLetters));
    metrics.gauge('qihe_site_forwarded', 'Rows forwarded since the site was created.', [], async (g) => g.set((await this.outbox()).forwarded));
    metrics.gauge('qihe_site_gateway_reachable', '1 while the gateway answers the site, else 0.', [], (g) => g.set(link.reachable ? 1 : 0));
  }

  /** Times one call to the gateway. */
  async forward<T>(kind: 'touchpoints' | 'ratings' | 'commitment_events' | 'follow_up_closes', call: () => Promise<T>): Promise<T> {
    const end = this.forwardSeconds.startTimer({ kind });
    try {
      const result = await call();
      end({ outcome: 'ok' });
      return result;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  }

  // One query per scrape: a scrape asks every gauge at once, before the first answer comes back.
  private outbox(): Promise<OutboxNumbers> {
    this.reading ??= outboxNumbers(this.db).finally(() => (this.reading = undefined));
    return this.reading;
  }
}

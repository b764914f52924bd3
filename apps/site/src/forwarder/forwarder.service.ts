import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { backoffDelay, GatewayError, type TouchpointInput as TouchpointPayload } from '@qihe/client';
import type { Database } from '@qihe/data';
import { RefusalCode } from '@qihe/domain';
import type { SiteConfig } from '../config/site-config';
import { GatewayLink } from '../core/gateway-link';
import { SiteMetrics } from '../core/site-metrics';
import { CONFIG, DATABASE } from '../core/tokens';
import { UnitsService } from '../core/units.service';
import { CatalogueService } from '../core/catalogue.service';
import { PerceptionCatalogueService } from '../core/perception-catalogue.service';
import { FollowUpCopy } from '../core/follow-up-copy.service';
import { gatewayDown } from '../core/gateway-link';
import { CommitmentEventsForwarder } from './commitment-events.forwarder';
import { FollowUpClosesForwarder } from './follow-up-closes.forwarder';
import { isolate } from './isolate';
import { backlogOf, lastForwardedPayload, markRatings, markTouchpoints, outboxNumbers, pendingRatings, pendingTouchpoints, type DeadItem, type PendingRating, type PendingTouchpoint } from '../storage/outbox.repository';

const RATINGS_PER_CYCLE = 1000;

interface Outcome {
  forwarded: string[];
  dead: DeadItem[];
}
interface RatingOutcome extends Outcome {
  /** The gateway does not know the touchpoint (yet): tried again later, backing off. */
  later: string[];
}

const ratingPayload = (r: PendingRating) => ({ touchpointId: r.touchpointId, satisfaction: { score: r.score, comment: r.comment } });

/**
 * Sends the outbox to the gateway. All of its state is in the database: a row
 * leaves PENDING only in the transaction that records the gateway's answer, so
 * a crash anywhere means a resend, which the gateway's idempotent ingestion
 * turns into "duplicate" — at-least-once sending, exactly-once storing.
 */
@Injectable()
export class ForwarderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Forwarder');
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private woken = false;
  private interruptSleep: (() => void) | null = null;
  private failures = 0;
  private nextHeartbeatAt = 0;
  private nextBacklogLogAt = 0;
  private readonly copyWarned = new Set<string>();
  /** A touchpoint the gateway has stored: sent again, it shows whether the gateway takes work. */
  private control: TouchpointPayload | null = null;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SiteConfig,
    private readonly link: GatewayLink,
    private readonly units: UnitsService,
    private readonly metrics: SiteMetrics,
    private readonly events: CommitmentEventsForwarder,
    private readonly closes: FollowUpClosesForwarder,
    private readonly catalogue: CatalogueService,
    private readonly followUps: FollowUpCopy,
    private readonly perception: PerceptionCatalogueService,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Graceful stop: the batch in flight finishes and its answer is recorded; nothing new starts. */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.interruptSleep?.();
    await this.loop;
  }

  /** New work: send now, unless backing off from a failure (then it waits its turn with the rest). */
  wake(): void {
    if (this.failures > 0) return;
    this.woken = true;
    this.interruptSleep?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delay = this.config.pollMs;
      try {
        const handled = await this.cycle();
        this.failures = 0;
        if (handled > 0) delay = 0;
      } catch (err) {
        this.failures++;
        this.link.failed(err);
        // Capped exponential backoff with full jitter, never below half the base (no hot loop).
        const { backoffBaseMs: baseMs, backoffMaxMs: maxMs } = this.config;
        delay = Math.min(maxMs, Math.floor(baseMs / 2) + backoffDelay(this.failures - 1, { baseMs, maxMs }));
      }
      await this.logBacklog();
      if (delay > 0 && this.running) await this.sleep(delay);
    }
  }

  /**
   * One pass: a batch of touchpoints, then the ratings, commitment events and
   * follow-up closes that may go; how many items were settled.
   */
  private async cycle(): Promise<number> {
    const works = (): Promise<boolean> => this.gatewayWorks();
    const handled = (await this.forwardTouchpoints()) + (await this.forwardRatings()) + (await this.events.forward(works)) + (await this.closes.forward(works));
    if (handled === 0 && Date.now() >= this.nextHeartbeatAt) {
      // Idle: check the line and refresh the site's subtree and its copies at the same time.
      this.nextHeartbeatAt = Date.now() + this.config.heartbeatMs;
      await this.units.refresh();
      await this.refreshCopies();
    }
    return handled;
  }

  /** The catalogue and the open follow-ups; a gateway that cannot serve them (an older one) does not stop forwarding. */
  private async refreshCopies(): Promise<void> {
    for (const [what, refresh] of [
      ['commitment catalogue', () => this.catalogue.refresh()],
      ['open follow-ups', () => this.followUps.refresh()],
      ['perception-point catalogue', () => this.perception.refresh()],
    ] as const) {
      try {
        await refresh();
      } catch (err) {
        if (gatewayDown(err)) throw err;
        if (this.copyWarned.has(what)) continue;
        this.copyWarned.add(what);
        const why = err instanceof GatewayError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
        this.log.warn(`the gateway does not serve the ${what} to this site (${why}); agents see the last copy`);
      }
    }
  }

  private async forwardTouchpoints(): Promise<number> {
    const batch = await pendingTouchpoints(this.db, this.config.batchSize);
    if (batch.length === 0) return 0;
    const outcome = await this.send(batch);
    await this.db.transaction((tx) => markTouchpoints(tx, outcome.forwarded, outcome.dead));
    for (const d of outcome.dead) this.log.warn(`touchpoint ${d.id} rejected by the gateway (${d.code}: ${d.message}); kept as a dead letter`);
    return batch.length;
  }

  /** Sends a batch; a culprit refused by the gateway is isolated and dead-lettered (see isolate.ts). */
  private send(batch: PendingTouchpoint[]): Promise<Outcome> {
    return isolate(batch, {
      call: async (items) => {
        const result = await this.metrics.forward('touchpoints', () => this.link.client.recordTouchpoints(items.map((r) => r.payload)));
        this.link.answered();
        const rejected = new Map(result.rejected.map((r) => [r.index, r]));
        for (let i = items.length - 1; i >= 0; i--) if (!rejected.has(i)) this.control = items[i].payload;
        return {
          forwarded: items.filter((_, i) => !rejected.has(i)).map((r) => r.id),
          dead: [...rejected].map(([i, r]) => ({ id: items[i].id, code: r.code, message: r.message, payload: items[i].payload })),
        };
      },
      dead: (r, err) => {
        this.link.answered();
        return { forwarded: [], dead: [{ id: r.id, code: err.code, message: err.message, payload: r.payload }] };
      },
      merge: (a, b) => ({ forwarded: [...a.forwarded, ...b.forwarded], dead: [...a.dead, ...b.dead] }),
      gatewayWorks: () => this.gatewayWorks(),
    });
  }

  /**
   * A fresh sign that the gateway takes work, after it failed a call without
   * saying why: a touchpoint it already stored, sent again (a duplicate, so
   * harmless), or — before anything was forwarded — its /health.
   */
  private async gatewayWorks(): Promise<boolean> {
    try {
      this.control ??= await lastForwardedPayload(this.db);
      if (!this.control) return await this.link.healthy();
      await this.link.client.recordTouchpoints([this.control]);
      this.link.answered();
      return true;
    } catch {
      return false;
    }
  }

  private async forwardRatings(): Promise<number> {
    const ratings = await pendingRatings(this.db, RATINGS_PER_CYCLE);
    if (ratings.length === 0) return 0;
    const settled: RatingOutcome = { forwarded: [], dead: [], later: [] };
    const live: PendingRating[] = [];
    for (const r of ratings) {
      if (r.touchpointState !== 'DEAD') live.push(r);
      else settled.dead.push({ id: r.touchpointId, code: RefusalCode.TOUCHPOINT_DEAD, message: `its touchpoint was rejected by the gateway (${r.touchpointError})`, payload: ratingPayload(r) });
    }
    let failure: unknown = null;
    try {
      const sent = await this.sendRatings(live);
      settled.forwarded.push(...sent.forwarded);
      settled.dead.push(...sent.dead);
      settled.later.push(...sent.later);
    } catch (err) {
      failure = err;
    }
    await this.db.transaction((tx) => markRatings(tx, settled.forwarded, settled.dead, settled.later));
    for (const d of settled.dead) this.log.warn(`rating of ${d.id} rejected (${d.code}: ${d.message}); kept as a dead letter`);
    if (failure !== null) throw failure;
    return settled.forwarded.length + settled.dead.length;
  }

  /**
   * Sends ratings in one recordSatisfactions call, each judged on its own: one
   * whose touchpoint the gateway does not know yet is tried again later; a
   * culprit refused by the gateway is isolated and dead-lettered (see isolate.ts).
   */
  private async sendRatings(batch: PendingRating[]): Promise<RatingOutcome> {
    if (batch.length === 0) return { forwarded: [], dead: [], later: [] };
    return isolate<PendingRating, RatingOutcome>(batch, {
      call: async (items) => {
        const result = await this.metrics.forward('ratings', () => this.link.client.recordSatisfactions(items.map(ratingPayload)));
        this.link.answered();
        const out: RatingOutcome = { forwarded: [], dead: [], later: [] };
        const refused = new Map(result.rejected.map((x) => [x.index, x]));
        items.forEach((r, i) => {
          const x = refused.get(i);
          if (!x) out.forwarded.push(r.touchpointId);
          else if (x.code === RefusalCode.NOT_FOUND) out.later.push(r.touchpointId);
          else out.dead.push({ id: r.touchpointId, code: x.code, message: x.message, payload: ratingPayload(r) });
        });
        return out;
      },
      dead: (r, err) => {
        this.link.answered();
        return { forwarded: [], dead: [{ id: r.touchpointId, code: err.code, message: err.message, payload: ratingPayload(r) }], later: [] };
      },
      merge: (a, b) => ({ forwarded: [...a.forwarded, ...b.forwarded], dead: [...a.dead, ...b.dead], later: [...a.later, ...b.later] }),
      gatewayWorks: () => this.gatewayWorks(),
      // A gateway older than recordSatisfactions: keep the ratings pending (retried with backoff) rather than dead.
      blame: (err) => (err instanceof GatewayError && err.message.includes('recordSatisfactions') ? 'line' : undefined),
    });
  }

  /** A periodic line while there is a backlog: how much, how old, and why it is not moving. */
  private async logBacklog(): Promise<void> {
    if (Date.now() < this.nextBacklogLogAt) return;
    this.nextBacklogLogAt = Date.now() + this.config.backlogLogMs;
    try {
      const n = await outboxNumbers(this.db);
      const backlog = backlogOf(n);
      if (backlog === 0) return;
      const age = n.oldestPendingAgeSeconds === null ? '' : `, oldest ${Math.round(n.oldestPendingAgeSeconds)} s`;
      const line = this.link.reachable ? 'gateway reachable' : `gateway unreachable${this.link.lastError ? ` (last error: ${this.link.lastError})` : ''}`;
      this.log.log(
        `backlog ${backlog} (${n.pendingTouchpoints} touchpoints, ${n.pendingRatings} ratings, ${n.pendingCommitmentEvents} commitment events, ${n.pendingFollowUpCloses} follow-up closes${age}); ${line}; dead letters ${n.deadLetters}`,
      );
    } catch (err) {
      this.log.error(`cannot read the outbox: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken && this.failures === 0) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.interruptSleep = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptSleep = done;
    });
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { claimOutbox, markOutboxSent, pruneOutbox, type Database } from '@qihe/data';
import type { AlertEvent } from '@qihe/contracts';
import { PeriodicJob, type GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE } from './tokens';
import { writeSync } from 'node:fs';
import { FeedBus, FeedClusterUnreachable } from './feed-bus';

const INTERVAL_MS = 500;
const BATCH = 200;
const KEEP_SENT_MS = 7 * 24 * 3_600_000;

/**
 * Sends feed events written to the outbox (alerts, follow-ups opened) by the
 * transactions that decided them. Any replica may send; each claims rows with
 * FOR UPDATE SKIP LOCKED, hands them to the feed, marks them sent and commits.
 *
 * Why this is exactly once in practice, and where it is only at least once:
 * an event exists iff the transaction that decided it committed (it is written
 * in that transaction, under a unique key: deciding twice writes it once); a
 * claimed row is invisible to other senders until its sender commits or dies.
 * If a sender dies before it emits, the row is still unsent and the next
 * sender (another replica, or this one restarted) sends it: nothing is lost.
 * With replicas joined through Redis, "emitted" means "in the Redis stream":
 * the sender marks rows sent only once Redis has confirmed the append (an
 * emit queued for a Redis that is down would die with a killed sender, and
 * every other replica's clients would miss it), and while Redis is
 * unreachable it sends and marks nothing: alerts wait in the outbox, not in memory.
 * If it dies in the few milliseconds between the emit and the commit of
 * "sent", the row is sent again: a repeat, never a loss. No sender can do
 * better without the receiver's help (the emit and the commit are two
 * systems), so every alert carries a stable `id` (type:node) by which a client
 * drops a repeat. Marking sent before emitting would turn that repeat into a
 * possible loss, which is worse for an alert.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('OutboxRelay');
  private readonly job = new PeriodicJob({
    everyMs: INTERVAL_MS,
    run: () => this.drain(),
    onError: (err) => this.log.warn(`sending feed events failed (kept for the next pass): ${err.message}`),
  });
  private lastPrune = 0;
  private waitingForRedis = false;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly bus: FeedBus,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    const faults = this.config.faultPoints;
    if (faults.has('no-outbox-relay') || faults.has('kill-after-monitor-commit')) {
      // Test-only: this replica sends nothing, so what it decides leaves it only through another replica or a restart.
      void this.job.stop();
      return void this.log.warn(`fault point ${[...faults].join(', ')}: this replica sends nothing from the feed outbox`);
    }
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** Sends what is waiting now (called after a transaction wrote to the outbox). */
  poke(): void {
    this.job.poke();
  }

  private async drain(): Promise<void> {
    for (let sent = BATCH; sent === BATCH && !this.job.stopping; ) {
      sent = await this.db.transaction(async (tx) => {
        const rows = await claimOutbox(tx, BATCH);
        if (rows.length === 0) return 0;
        // Written by this gateway's own code (commitment-writes, follow-up-writes): an AlertEvent each.
        const sending = this.bus.alerts(rows.map((r) => ({ units: r.rooms, alert: r.payload as unknown as AlertEvent })));
        if (!(await this.handedOn(sending))) return 0; // rolled back: the rows stay unsent
        if (this.config.faultPoints.has('kill-after-outbox-publish')) this.die('kill-after-outbox-publish', `${rows.length} feed events published, not yet marked sent`);
        await markOutboxSent(tx, rows.map((r) => r.id));
        return rows.length;
      });
      if (sent && this.config.faultPoints.has('kill-after-outbox-commit')) this.die('kill-after-outbox-commit', `${sent} feed events committed as sent`);
    }
    if (Date.now() - this.lastPrune > 3_600_000) {
      this.lastPrune = Date.now();
      await pruneOutbox(this.db, Date.now() - KEEP_SENT_MS);
    }
  }

  /** True once the feed holds them for every replica; false (said once per outage) while Redis is unreachable. */
  private async handedOn(sending: Promise<void>): Promise<boolean> {
    try {
      await sending;
    } catch (err) {
      if (!(err instanceof FeedClusterUnreachable)) throw err;
      if (!this.waitingForRedis) this.log.warn('Redis unreachable: feed events wait in the outbox until it is back');
      this.waitingForRedis = true;
      return false;
    }
    this.waitingForRedis = false;
    return true;
  }

  /** Test-only (QIHE_FAULT_POINTS): die as a crash would, at the fault point. */
  private die(point: string, what: string): never {
    writeSync(2, `fault point ${point}: SIGKILL with ${what}\n`);
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable: SIGKILL was sent');
  }
}

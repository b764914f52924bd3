import { writeSync } from 'node:fs';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  applyRollupDeltas,
  applyStatDeltas,
  claimDueTrees,
  insertOutbox,
  RollupDeltas,
  StatDeltas,
  touchpointBuckets,
  updateNodes,
  type Database,
  type OutboxEvent,
} from '@qihe/data';
import { settleTree, type CommitmentNode } from '@qihe/domain';
import { PeriodicJob, type GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE } from '../core/tokens';
import { FeedBus } from '../core/feed-bus';
import { OrgService } from '../core/org.service';
import { OutboxRelay } from '../core/outbox-relay.service';
import { openFollowUps, type FollowUpCause } from '../follow-ups/follow-up-writes';
import { alertEvent, countKept, countSettled } from './commitment-writes';

/** How often each replica looks for nodes whose moment has come (alerts go out within about this, far under 30 s). */
export const MONITOR_INTERVAL_MS = 1_000;
const TREES_PER_PASS = 200;

/**
 * The commitment monitor: with no request and no traffic, nodes turn AT_RISK
 * and BREACHED at their moments. Every replica runs it; a pass claims due
 * trees in PostgreSQL (their level-1 rows FOR UPDATE SKIP LOCKED, so two
 * replicas never take the same tree) and, in one transaction, records what
 * was announced (alert stage), counts what resolved (per-code counters,
 * commitmentKept in the touchpoint's bucket), opens COMMITMENT_BREACHED
 * follow-ups and writes the alerts to the feed outbox. A replica killed
 * before commit leaves the tree due, so another pass takes it; after commit,
 * the outbox holds the alerts until one is sent (see OutboxRelay).
 */
@Injectable()
export class CommitmentMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('CommitmentMonitor');
  private readonly job = new PeriodicJob({
    everyMs: MONITOR_INTERVAL_MS,
    run: () => this.drain(),
    onError: (err) => this.log.warn(`monitor pass failed (retried next tick): ${err.message}`),
  });

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
    private readonly bus: FeedBus,
    private readonly relay: OutboxRelay,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.commitmentMonitor) return void this.log.log('commitment monitor off on this replica (QIHE_COMMITMENT_MONITOR=off)');
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** Passes until fewer trees than a full pass were due. */
  async drain(): Promise<void> {
    for (let n = TREES_PER_PASS; n === TREES_PER_PASS && !this.job.stopping; ) {
      const { trees, alerts, touched } = await this.pass();
      n = trees;
      if (alerts && this.config.faultPoints.has('kill-after-monitor-commit')) this.dieAfterCommit(trees, alerts);
      if (alerts) this.relay.poke();
      if (touched.length) this.bus.committed([], touched);
    }
  }

  /** Test-only (QIHE_FAULT_POINTS): the pass committed and nothing of it was sent; die as a crash would. */
  private dieAfterCommit(trees: number, alerts: number): never {
    writeSync(2, `fault point kill-after-monitor-commit: SIGKILL after a committed pass of ${trees} trees with ${alerts} feed events, none sent\n`);
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable: SIGKILL was sent');
  }

  private pass(): Promise<{ trees: number; alerts: number; touched: string[] }> {
    const tree = this.org.tree;
    return this.db.transaction(async (tx) => {
      const { now, trees } = await claimDueTrees(tx, TREES_PER_PASS);
      if (trees.size === 0) return { trees: 0, alerts: 0, touched: [] };
      const stats = new StatDeltas();
      const updates: CommitmentNode[] = [];
      const outbox: OutboxEvent[] = [];
      const causes: FollowUpCause[] = [];
      const kept = new Map<string, { present: number; met: number }>();
      for (const [touchpointId, nodes] of trees) {
        const settled = settleTree(nodes, nodes, now, true);
        const k = countSettled(settled, stats);
        if (k.present || k.met) kept.set(touchpointId, k);
        for (const s of settled) {
          updates.push(s.after);
          if (!s.alert) continue;
          const n = s.after;
          outbox.push(alertEvent(n, s.alert, now, tree.get(n.ownerUnitId)?.name ?? n.ownerUnitId));
          if (s.alert === 'COMMITMENT_BROKEN' && n.level === 1) {
            causes.push({ reason: 'COMMITMENT_BREACHED', unitId: n.unitId, customerId: n.customerId, touchpointId: n.touchpointId, commitmentId: n.id });
          }
        }
      }
      const deltas = new RollupDeltas();
      const touched = new Set<string>();
      const buckets = await touchpointBuckets(tx, [...kept.keys()]);
      for (const [id, k] of kept) {
        const b = buckets.get(id);
        if (!b) continue;
        countKept(deltas, tree, b, k);
        tree.lineage(b.unitId).forEach((u) => touched.add(u));
      }
      await updateNodes(tx, updates);
      await applyStatDeltas(tx, stats);
      await applyRollupDeltas(tx, deltas);
      await insertOutbox(tx, outbox);
      const opened = await openFollowUps(tx, causes);
      return { trees: trees.size, alerts: outbox.length + opened.length, touched: [...touched] };
    });
  }
}

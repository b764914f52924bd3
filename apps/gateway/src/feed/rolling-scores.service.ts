import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { FEED_READS, type ScoresEvent } from '@qihe/contracts';
import { sumMinutesByUnit, type ReadSql } from '@qihe/data';
import { floorToMinute, HOUR_MS, satisfactionDrop, scoreCounters, zeroCounters, type Chain, type EngagementModel } from '@qihe/domain';
import type { GatewayConfig } from '@qihe/server';
import { FeedBus } from '../core/feed-bus';
import { CONFIG, READ_DATABASE, ENGAGEMENT_MODEL } from '../core/tokens';
import { FeedPublisher } from './feed-publisher.service';
import { roomOf, unitsWatched, type FeedNamespace } from './feed-socket';

/**
 * Each watched unit's rolling 60-minute score: recomputed once a second for
 * the units a commit touched (all of them when the minute rolls over), sent
 * only when it changed, with the satisfaction-drop rule applied to each change.
 */
@Injectable()
export class RollingScores implements OnModuleDestroy {
  private readonly log = new Logger('Feed');
  private readonly dirty = new Set<string>();
  private readonly lastSent = new Map<string, ScoresEvent>();
  private readonly off: (() => void)[] = [];
  private ns?: FeedNamespace;
  private timer?: NodeJS.Timeout;
  private lastMinute = 0;
  private ticking = false;

  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadSql,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly bus: FeedBus,
    private readonly publisher: FeedPublisher,
  ) {}

  start(ns: FeedNamespace): void {
    this.ns = ns;
    this.off.push(
      this.bus.onTouched((units) => {
        units.forEach((u) => this.dirty.add(u));
        // Other replicas recompute the rolling scores of their own subscribers too.
        if (this.config.redisUrl) ns.serverSideEmit('touched', units);
      }),
    );
    ns.on('touched', (units: unknown) => {
      if (Array.isArray(units)) units.forEach((u) => typeof u === 'string' && this.dirty.add(u));
    });
    this.timer = setInterval(() => void this.tick(), 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.off.forEach((off) => off());
  }

  /** The current rolling hour of one unit: what a fresh subscriber gets at once, not at the next change. */
  async snapshot(unitId: string): Promise<ScoresEvent> {
    const [payload] = await this.score([unitId], Date.now());
    return payload;
  }

  private async tick(): Promise<void> {
    const ns = this.ns;
    if (this.ticking || !ns) return;
    this.ticking = true;
    try {
      const now = Date.now();
      const minute = floorToMinute(now);
      const watched = unitsWatched(ns, FEED_READS.scores);
      const due = minute !== this.lastMinute ? watched : watched.filter((u) => this.dirty.has(u));
      this.lastMinute = minute;
      this.dirty.clear();
      if (due.length === 0) return;
      for (const payload of await this.score(due, now)) {
        const before = this.lastSent.get(payload.unitId);
        if (before && sameScores(before, payload)) continue;
        this.lastSent.set(payload.unitId, payload);
        // Every replica scores its own subscribers: local emit, or clients would hear each replica.
        ns.local.to(roomOf(FEED_READS.scores, payload.unitId)).emit('scores', payload);
        const drop = satisfactionDrop(before, payload);
        if (drop) {
          const alert = { type: 'SATISFACTION_DROP', unitId: payload.unitId, message: drop.message, at: new Date().toISOString(), from: drop.from, to: drop.to } as const;
          this.publisher.alert(alert, { ancestors: false, local: true });
        }
      }
    } catch (err) {
      this.log.warn(`rolling scores failed: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async score(unitIds: string[], now: number): Promise<ScoresEvent[]> {
    const to = floorToMinute(now) + 60_000; // the current minute included, so a new touchpoint shows within a second
    const from = to - HOUR_MS;
    const sums = await sumMinutesByUnit(this.db, unitIds, from, to);
    return unitIds.map((unitId) => {
      const r = scoreCounters(sums.get(unitId) ?? zeroCounters(), this.model);
      return {
        unitId,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        touchpoints: r.touchpoints,
        overall: r.overall,
        chains: Object.fromEntries(r.chains.map((c) => [c.chain, c.score])) as Record<Chain, number | null>,
        modelVersion: r.modelVersion,
      };
    });
  }
}

const sameScores = (a: ScoresEvent, b: ScoresEvent): boolean =>
  a.touchpoints === b.touchpoints && a.overall === b.overall && a.from === b.from && JSON.stringify(a.chains) === JSON.stringify(b.chains);

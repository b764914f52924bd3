import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ALERT_READS, FEED_READS, type AlertEvent } from '@qihe/contracts';
import { brokenCommitment } from '@qihe/domain';
import type { GatewayConfig } from '@qihe/server';
import { FeedBus, type TouchpointEvent } from '../core/feed-bus';
import { OrgService } from '../core/org.service';
import { CONFIG } from '../core/tokens';
import { confirmedPublish } from './feed-io.adapter';
import { roomOf, type FeedNamespace } from './feed-socket';

/** Sends committed touchpoints and alerts to the rooms of their unit's lineage. */
@Injectable()
export class FeedPublisher implements OnModuleDestroy {
  private ns?: FeedNamespace;
  private off?: () => void;
  private offAlerts?: () => void;
  // Without Redis every subscriber is a socket of this process, so a room this
  // adapter does not know has no one to hear an event (socket.io would still encode it).
  private readonly localOnly: boolean;

  constructor(
    private readonly org: OrgService,
    private readonly bus: FeedBus,
    @Inject(CONFIG) config: GatewayConfig,
  ) {
    this.localOnly = !config.redisUrl;
  }

  start(ns: FeedNamespace): void {
    this.ns = ns;
    this.off = this.bus.onTouchpoints((events) => this.touchpoints(events));
    // Alerts decided in a transaction and claimed from the feed outbox by this replica (OutboxRelay).
    // The relay marks them sent once this resolves: with Redis, once every replica's stream holds them.
    this.offAlerts = this.bus.onAlerts((list) => confirmedPublish(ns.adapter, () => list.forEach((a) => this.alert(a.alert, { units: a.units }))));
  }

  onModuleDestroy(): void {
    this.off?.();
    this.offAlerts?.();
  }

  /**
   * An alert to the subscribers of `units` (by default the alert's own) and of
   * their ancestors, who may read what it is about; `local`: this process's
   * sockets only (each replica raises it for its own subscribers).
   */
  alert(alert: AlertEvent, { units = [alert.unitId], ancestors = true, local = false }: { units?: string[]; ancestors?: boolean; local?: boolean } = {}): void {
    const tree = this.org.tree;
    const audience = ancestors ? [...new Set(units.flatMap((u) => tree.lineage(u)))] : units;
    const rooms = audience.map((u) => roomOf(ALERT_READS[alert.type], u));
    if (!this.ns || !this.heard(rooms, local)) return;
    (local ? this.ns.local : this.ns).to(rooms).emit('alert', alert);
  }

  private touchpoints(events: TouchpointEvent[]): void {
    const ns = this.ns;
    if (!ns) return;
    for (const e of events) {
      // One emit to every room of the lineage: socket.io delivers it once per socket.
      const lineage = this.org.tree.lineage(e.unitId);
      const rooms = lineage.map((u) => roomOf(FEED_READS.touchpoint, u));
      if (!this.heard(rooms, false)) continue;
      const { commitment, ...payload } = e;
      ns.to(rooms).emit('touchpoint', payload);
      const broken = brokenCommitment({ id: e.id, commitment });
      if (broken) {
        this.alert({ type: 'COMMITMENT_BROKEN', unitId: e.unitId, message: broken.message, at: e.receivedAt, touchpointId: e.id, commitment: broken.code });
      }
    }
  }

  private heard(rooms: string[], local: boolean): boolean {
    if (!this.localOnly && !local) return true;
    const known = this.ns?.adapter.rooms;
    return !!known && rooms.some((r) => known.has(r));
  }
}

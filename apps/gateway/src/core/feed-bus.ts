import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { AlertEvent, TouchpointEvent as FeedTouchpoint } from '@qihe/contracts';

/** A committed touchpoint as the write path hands it to the feed: the wire event plus what alerts need. */
export interface TouchpointEvent extends FeedTouchpoint {
  commitment?: { code: string; met: boolean } | null;
}

/** The feed's replicas are joined through Redis and Redis is unreachable: nothing was sent. */
export class FeedClusterUnreachable extends Error {
  constructor() {
    super('Redis is unreachable: feed events for other replicas cannot be confirmed');
  }
}

type AlertsListener = (list: { units: string[]; alert: AlertEvent }[]) => Promise<void> | void;

/**
 * In-process hand-off from the write path to the feed, fired only after commit.
 * `touched` lists units whose rolling scores may have changed.
 */
@Injectable()
export class FeedBus {
  private readonly emitter = new EventEmitter().setMaxListeners(50);
  private readonly alertListeners = new Set<AlertsListener>();

  committed(events: TouchpointEvent[], touchedUnits: string[]): void {
    if (events.length) this.emitter.emit('touchpoints', events);
    if (touchedUnits.length) this.emitter.emit('touched', touchedUnits);
  }

  onTouchpoints(fn: (events: TouchpointEvent[]) => void): () => void {
    this.emitter.on('touchpoints', fn);
    return () => this.emitter.off('touchpoints', fn);
  }

  /**
   * Alerts claimed from the feed outbox: each to the subscribers of `units` and
   * their ancestors. Resolves once every listener has handed them on for good
   * (with Redis: once the stream holds them); rejects if one could not.
   */
  async alerts(list: { units: string[]; alert: AlertEvent }[]): Promise<void> {
    if (list.length) await Promise.all([...this.alertListeners].map((fn) => fn(list)));
  }

  onAlerts(fn: AlertsListener): () => void {
    this.alertListeners.add(fn);
    return () => this.alertListeners.delete(fn);
  }

  onTouched(fn: (units: string[]) => void): () => void {
    this.emitter.on('touched', fn);
    return () => this.emitter.off('touched', fn);
  }
}

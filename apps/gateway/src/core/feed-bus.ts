import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { AlertEvent, TouchpointEvent as FeedTouchpoint } from '@qihe/contracts';

/** A committed touchpoint as the write path hands it to the feed: the wire event plus what alerts need. */
export interface TouchpointEvent extends FeedTouchpoint {
  commitment?: { code: string; met: boolean } | null;
}

/**
 * In-process hand-off from the write path to the feed, fired only after commit.
 * `touched` lists units whose rolling scores may have changed.
 */
@Injectable()
export class FeedBus {
  private readonly emitter = new EventEmitter().setMaxListeners(50);

  committed(events: TouchpointEvent[], touchedUnits: string[]): void {
    if (events.length) this.emitter.emit('touchpoints', events);
    if (touchedUnits.length) this.emitter.emit('touched', touchedUnits);
  }

  onTouchpoints(fn: (events: TouchpointEvent[]) => void): () => void {
    this.emitter.on('touchpoints', fn);
    return () => this.emitter.off('touchpoints', fn);
  }

  /** Alerts claimed from the feed outbox: each to the subscribers of `units` and their ancestors. */
  alerts(list: { units: string[]; alert: AlertEvent }[]): void {
    if (list.length) this.emitter.emit('alerts', list);
  }

  onAlerts(fn: (list: { units: string[]; alert: AlertEvent }[]) => void): () => void {
    this.emitter.on('alerts', fn);
    return () => this.emitter.off('alerts', fn);
  }

  onTouched(fn: (units: string[]) => void): () => void {
    this.emitter.on('touched', fn);
    return () => this.emitter.off('touched', fn);
  }
}

import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { sumMinutesByUnit, type Database } from '@qihe/data';
import { canWatch, floorToMinute, scoreCounters, zeroCounters, type Caller, type EngagementModel } from '@qihe/domain';
import { AuthService } from '../auth/auth.service';
import { FeedBus, type TouchpointEvent } from '../core/feed-bus';
import { OrgService } from '../core/org.service';
import { CONFIG, DATABASE, ENGAGEMENT_MODEL } from '../core/tokens';
import type { GatewayConfig } from '@qihe/server';

const room = (unitId: string): string => `unit:${unitId}`;
const HOUR = 3_600_000;
const SATISFACTION_DROP_POINTS = 10;

interface ScoresPayload {
  unitId: string;
  from: string;
  to: string;
  touchpoints: number;
  overall: number | null;
  chains: Record<string, number | null>;
  modelVersion: string;
}

/**
 * The live feed (shared/contract/feed.md): touchpoints as they are committed,
 * and each subscribed unit's rolling 60-minute score at most once a second.
 */
@WebSocketGateway({
  namespace: '/feed',
  cors: { origin: true, credentials: true },
  // Clients only send `subscribe`/`unsubscribe` and a token; engine.io's default accepts 1 MB messages.
  maxHttpBufferSize: 16 * 1024,
  // No zlib context per connection (engine.io's default too; said here so it stays off).
  perMessageDeflate: false,
})
export class FeedGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer() private ns!: Namespace;
  private readonly log = new Logger('Feed');
  private readonly dirty = new Set<string>();
  private readonly lastSent = new Map<string, ScoresPayload>();
  private readonly unsubscribe: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private lastMinute = 0;
  private ticking = false;
  // Without Redis every subscriber is a socket of this process, so a room this
  // adapter does not know has no one to hear an event (socket.io would still encode it).
  private localOnly = true;

  constructor(
    private readonly auth: AuthService,
    private readonly org: OrgService,
    private readonly bus: FeedBus,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  afterInit(ns: Namespace): void {
    this.localOnly = !this.config.redisUrl;
    ns.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || token === '') return next(new Error('UNAUTHENTICATED'));
      this.auth.callerOf(token).then(
        (caller) => {
          if (!caller) return next(new Error('UNAUTHENTICATED'));
          socket.data.caller = caller;
          next();
        },
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    this.unsubscribe.push(
      this.bus.onTouchpoints((events) => this.publishTouchpoints(events)),
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
    this.unsubscribe.forEach((off) => off());
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean; code?: string }> {
    const unitId = unitIdOf(body);
    const caller = socket.data.caller as Caller;
    if (!unitId || !this.org.tree.has(unitId)) return { ok: false, code: 'UNKNOWN_UNIT' };
    if (!canWatch(caller, this.org.tree, unitId)) return { ok: false, code: 'FORBIDDEN_UNIT' };
    await socket.join(room(unitId));
    // A fresh subscriber gets the current rolling score at once, not at the next change.
    const now = Date.now();
    const [payload] = await this.rollingScores([unitId], now);
    socket.emit('scores', payload);
    return { ok: true };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribeUnit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: boolean }> {
    const unitId = unitIdOf(body);
    if (unitId) await socket.leave(room(unitId));
    return { ok: true };
  }

  private publishTouchpoints(events: TouchpointEvent[]): void {
    const tree = this.org.tree;
    const local = this.ns.adapter.rooms;
    for (const e of events) {
      // One emit to every room of the lineage: socket.io delivers it once per socket.
      const rooms = tree.lineage(e.unitId).map(room);
      if (this.localOnly && !rooms.some((r) => local.has(r))) continue;
      const { commitment, ...payload } = e;
      this.ns.to(rooms).emit('touchpoint', payload);
      if (commitment && !commitment.met) {
        this.ns.to(rooms).emit('alert', {
          type: 'COMMITMENT_BROKEN',
          unitId: e.unitId,
          message: `service commitment ${commitment.code} was not met (touchpoint ${e.id})`,
          at: e.receivedAt,
          touchpointId: e.id,
          commitment: commitment.code,
        });
      }
    }
  }

  /** Recomputes the rolling hour of subscribed units that changed (all of them when the minute rolls over). */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = Date.now();
      const minute = floorToMinute(now);
      const subscribed = [...this.ns.adapter.rooms.keys()].filter((r) => r.startsWith('unit:')).map((r) => r.slice(5));
      const due = minute !== this.lastMinute ? subscribed : subscribed.filter((u) => this.dirty.has(u));
      this.lastMinute = minute;
      this.dirty.clear();
      if (due.length === 0) return;
      for (const payload of await this.rollingScores(due, now)) {
        const before = this.lastSent.get(payload.unitId);
        if (before && sameScores(before, payload)) continue;
        this.lastSent.set(payload.unitId, payload);
        // Every replica scores its own subscribers: local emit, or clients would hear each replica.
        this.ns.local.to(room(payload.unitId)).emit('scores', payload);
        this.checkSatisfactionDrop(before, payload);
      }
    } catch (err) {
      this.log.warn(`rolling scores failed: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async rollingScores(unitIds: string[], now: number): Promise<ScoresPayload[]> {
    const to = floorToMinute(now) + 60_000; // the current minute included, so a new touchpoint shows within a second
    const from = to - HOUR;
    const sums = await sumMinutesByUnit(this.db, unitIds, from, to);
    return unitIds.map((unitId) => {
      const r = scoreCounters(sums.get(unitId) ?? zeroCounters(), this.model);
      return {
        unitId,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        touchpoints: r.touchpoints,
        overall: r.overall,
        chains: Object.fromEntries(r.chains.map((c) => [c.chain, c.score])),
        modelVersion: r.modelVersion,
      };
    });
  }

  private checkSatisfactionDrop(before: ScoresPayload | undefined, now: ScoresPayload): void {
    const was = before?.chains.VALUE;
    const is = now.chains.VALUE;
    if (was == null || is == null || now.touchpoints < 20) return;
    if (was - is >= SATISFACTION_DROP_POINTS) {
      this.ns.local.to(room(now.unitId)).emit('alert', {
        type: 'SATISFACTION_DROP',
        unitId: now.unitId,
        message: `value chain fell from ${was.toFixed(1)} to ${is.toFixed(1)} in the last hour`,
        at: new Date().toISOString(),
        from: was,
        to: is,
      });
    }
  }
}

function unitIdOf(body: unknown): string | null {
  const id = (body as { unitId?: unknown } | null)?.unitId;
  return typeof id === 'string' && id !== '' ? id : null;
}

const sameScores = (a: ScoresPayload, b: ScoresPayload): boolean =>
  a.touchpoints === b.touchpoints && a.overall === b.overall && a.from === b.from && JSON.stringify(a.chains) === JSON.stringify(b.chains);

import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import { FEED_NAMESPACE, FeedEvent, type SubscribeAck } from '@qihe/contracts';
import { FEED_READ_KINDS, feedReads } from '@qihe/domain';
import { OrgService } from '../core/org.service';
import { FeedPublisher } from './feed-publisher.service';
import { FeedSessions } from './feed-sessions.service';
import { roomOf, type FeedNamespace, type FeedSocket } from './feed-socket';
import { RollingScores } from './rolling-scores.service';

/**
 * The live feed (libs/contracts feed-events): connections, who they are, and
 * which rooms they join. Sessions (auth), the publisher (touchpoints, alerts)
 * and the rolling scores do the work.
 */
@WebSocketGateway({
  namespace: FEED_NAMESPACE,
  cors: { origin: true, credentials: true },
  // Clients only send `subscribe`/`unsubscribe` and a token; engine.io's default accepts 1 MB messages.
  maxHttpBufferSize: 16 * 1024,
  // No zlib context per connection (engine.io's default too; said here so it stays off).
  perMessageDeflate: false,
})
export class FeedGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly sessions: FeedSessions,
    private readonly org: OrgService,
    private readonly publisher: FeedPublisher,
    private readonly scores: RollingScores,
  ) {}

  afterInit(ns: FeedNamespace): void {
    this.sessions.start(ns);
    this.publisher.start(ns);
    this.scores.start(ns);
  }

  handleConnection(socket: FeedSocket): void {
    this.sessions.track(socket);
  }

  handleDisconnect(socket: FeedSocket): void {
    this.sessions.forget(socket);
  }

  @SubscribeMessage(FeedEvent.subscribe)
  async subscribe(@ConnectedSocket() socket: FeedSocket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    const caller = await this.sessions.current(socket);
    if (!caller) return { ok: false, code: 'UNAUTHENTICATED' };
    const unitId = unitIdOf(body);
    if (!unitId || !this.org.tree.has(unitId)) return { ok: false, code: 'UNKNOWN_UNIT' };
    // Only what GraphQL would let this caller read there: an agent gets touchpoints, not scores.
    const reads = feedReads(caller, this.org.tree, unitId);
    if (reads.length === 0) return { ok: false, code: 'FORBIDDEN_UNIT' };
    await socket.join(reads.map((r) => roomOf(r, unitId)));
    if (reads.includes('scores')) socket.emit(FeedEvent.scores, await this.scores.snapshot(unitId));
    return { ok: true };
  }

  @SubscribeMessage(FeedEvent.unsubscribe)
  async unsubscribe(@ConnectedSocket() socket: FeedSocket, @MessageBody() body: unknown): Promise<{ ok: true }> {
    const unitId = unitIdOf(body);
    if (unitId) await Promise.all(FEED_READ_KINDS.map((r) => socket.leave(roomOf(r, unitId))));
    return { ok: true };
  }
}

function unitIdOf(body: unknown): string | null {
  const id = (body as { unitId?: unknown } | null)?.unitId;
  return typeof id === 'string' && id !== '' ? id : null;
}

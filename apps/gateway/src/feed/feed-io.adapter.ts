import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Metrics } from '@qihe/server';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Counter } from 'prom-client';
import { createClient } from 'redis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { Adapter, MessageType, type BroadcastOptions } from 'socket.io-adapter';
import { FeedClusterUnreachable } from '../core/feed-bus';

export interface FeedRedisOptions {
  url: string;
  /** Entries the stream keeps (approximate trimming): how far a replica's reader may fall behind. */
  streamMaxLen: number;
  /** Commands held while Redis is unreachable and sent when it is back; beyond it they fail at once. */
  queueMax: number;
}

/** How long the start waits for Redis before serving without it (it keeps reconnecting). */
const CONNECT_WAIT_MS = 5_000;
/** How long `confirmedPublish` waits for Redis to acknowledge: a sender holds its claim (and transaction) meanwhile. */
const CONFIRM_WAIT_MS = 5_000;
/** Alert ids a replica remembers to drop a repeat by (≈ 100 B each): hours of alerts at any plausible rate. */
const ALERTS_REMEMBERED = 50_000;

/** What the feed's cluster adapter adds to socket.io's: see `confirmedPublish`. */
interface ConfirmingAdapter {
  confirmPublishes(emit: () => void): Promise<void>;
}

/**
 * Runs `emit` (broadcasts on `adapter`'s namespace) and resolves once every
 * broadcast it made is in the Redis stream, so every replica will deliver it
 * even if this process dies now. It rejects (FeedClusterUnreachable) without
 * emitting while Redis is unreachable, and rejects if Redis does not confirm in
 * time: the caller keeps what it sent as unsent and sends it again later (a
 * repeat, never a loss). Without Redis it emits and resolves at once.
 */
export function confirmedPublish(adapter: Adapter, emit: () => void): Promise<void> {
  const confirming = (adapter as Adapter & Partial<ConfirmingAdapter>).confirmPublishes;
  if (!confirming) {
    emit();
    return Promise.resolve();
  }
  return confirming(emit);
}

type RedisClient = ReturnType<typeof createClient>;
/** A message between replicas as socket.io's cluster adapter hands it on (a broadcast carries its packet). */
type ClusterMessage = { type: MessageType; data?: { packet?: { data?: unknown[] } } };

/**
 * socket.io for the feed. Thousands of clients stay connected for hours, so
 * what each connection keeps matters: message handlers are plain listeners
 * instead of Nest's default rxjs pipeline per socket and message (≈ 60
 * closures and 8 subscribers a socket, ≈ 10 KB of its ≈ 25 KB of heap).
 *
 * With REDIS_URL (`connect`), feed events fan out across gateway replicas
 * through a Redis stream: an event waits in the stream until every replica
 * has read it, and while Redis is unreachable each replica keeps its events in
 * node-redis's (capped) offline queue and appends them once Redis is back. A
 * replica's own clients never wait for Redis.
 */
export class FeedIoAdapter extends IoAdapter {
  private readonly log = new Logger('FeedIoAdapter');
  private adapterConstructor?: (nsp: unknown) => Adapter;
  private client?: RedisClient;
  private reachable = false;
  private server?: Server;
  private readonly emitted: (event: string) => void;
  /** Feed events that did not reach Redis (in flight when it died, or the queue was full): only this replica's clients got them. */
  private readonly lost: Counter;
  /** Ids of the alerts this replica's sockets were sent, oldest first (see `repeatAlert`). */
  private readonly alertsSent = new Set<string>();

  constructor(app: INestApplicationContext, metrics: Metrics) {
    super(app);
    this.emitted = metrics.tally('qihe_feed_emits_total', 'Feed events emitted to rooms by this replica, by event (each reaches every subscribed socket once).', 'event');
    this.lost = metrics.counter('qihe_feed_cluster_publish_failures_total', 'Feed messages that never reached Redis (in flight when it died, or the offline queue full): only this replica\'s clients got them.');
    metrics.gauge('qihe_feed_clients', 'socket.io connections open on this replica.', [], (g) => g.set(this.server?.engine?.clientsCount ?? 0));
    metrics.gauge('qihe_redis_up', '1 while the link to Redis is up (REDIS_URL set), else 0.', [], (g) => g.set(this.redisUp ? 1 : 0));
  }

  /** True while the link to Redis is up (false without REDIS_URL). */
  get redisUp(): boolean {
    return this.client?.isReady ?? false;
  }

  /** Joins the replicas' feeds through Redis; serves on alone (and says so) when Redis does not answer within a few seconds. */
  async connect(opts: FeedRedisOptions): Promise<void> {
    const client = createClient({
      url: opts.url,
      commandsQueueMaxLength: opts.queueMax,
      socket: {
        connectTimeout: 5_000,
        // Never give up (node-redis's default stops after a socket timeout): 0.1 s doubling to 5 s, with jitter.
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000) + Math.floor(Math.random() * 250),
      },
    });
    client.on('error', (err: Error) => {
      if (!this.reachable) return; // said once per outage
      this.reachable = false;
      this.log.warn(`Redis unreachable (${err.message}): feed events stay on this replica and are queued for the others (up to ${opts.queueMax}); reconnecting`);
    });
    client.on('ready', () => {
      if (this.reachable) return;
      this.reachable = true;
      this.log.log('Redis reachable: the replicas\' feeds are joined');
    });
    this.guardPublishes(client);
    this.client = client;
    const connected = client.connect().then(
      () => true,
      () => false,
    );
    const inTime = await Promise.race([connected, new Promise<false>((r) => setTimeout(() => r(false), CONNECT_WAIT_MS).unref())]);
    if (!inTime) this.log.warn(`Redis at REDIS_URL did not answer within ${CONNECT_WAIT_MS / 1000} s: serving this replica's feed alone until it does`);
    const streams = createAdapter(client, { maxLen: opts.streamMaxLen, onlyPlaintext: true });
    const localFirst = (adapter: Adapter): Adapter => this.localFirst(adapter);
    // socket.io calls it with `new`: a function, not an arrow.
    this.adapterConstructor = function feedAdapter(nsp: unknown): Adapter {
      return localFirst(streams(nsp));
    };
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    const emitted = this.emitted;
    // Without Redis: socket.io's in-memory adapter, counting what it emits.
    server.adapter((this.adapterConstructor ?? class CountingAdapter extends Adapter {
      override broadcast(packet: { data?: unknown[] }, opts: BroadcastOptions): void {
        emitted(eventOf(packet));
        super.broadcast(packet, opts);
      }
    }) as never);
    this.server = server;
    return server;
  }

  /** What Nest's IoAdapter does (payload, ack or `{ event, data }` reply), with one listener per message and socket. */
  override bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        transform(callback(data, ack)).subscribe({
          next: (response) => {
            if (response == null || !socket.connected) return;
            const reply = response as { event?: string; data?: unknown };
            if (reply.event) socket.emit(reply.event, reply.data);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (err: unknown) => this.log.warn(`"${String(message)}" handler failed: ${(err as Error)?.message ?? String(err)}`),
        });
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // A graceful QUIT would wait in the offline queue for a Redis that is down.
    if (this.client?.isReady) await this.client.close().catch(() => undefined);
    else this.client?.destroy();
  }

  /**
   * The cluster adapter appends an event to the stream and delivers it to this
   * replica's sockets only once Redis has answered: during an outage local
   * clients would hear nothing until Redis returns. Here the event goes to the
   * stream (queued while Redis is down) and to local sockets at once.
   */
  private localFirst(adapter: Adapter): Adapter {
    const cluster = adapter as Adapter & { publishAndReturnOffset(message: unknown): Promise<string>; onMessage(message: ClusterMessage, offset?: string): void };
    // Set while `confirmPublishes` runs its (synchronous) emit: the appends to wait for.
    let appends: Promise<string>[] | null = null;
    adapter.broadcast = (packet: { data?: unknown[] }, opts: BroadcastOptions): void => {
      const again = this.repeatAlert(packet);
      if (!opts.flags?.local) {
        // The message is encoded now (synchronously), before the local delivery below touches the packet.
        const appended = cluster.publishAndReturnOffset({
          type: MessageType.BROADCAST,
          data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } },
        });
        appended.catch(() => this.lost.inc());
        appends?.push(appended);
      }
      // A repeat still goes to the stream (the first append may not have reached it), not to these sockets again.
      if (again) return;
      this.emitted(eventOf(packet));
      Adapter.prototype.broadcast.call(adapter, packet, opts);
    };
    // Another replica's broadcast, read from the stream: its sockets here already heard a repeated alert.
    const onMessage = cluster.onMessage.bind(cluster);
    cluster.onMessage = (message: ClusterMessage, offset?: string): void => {
      if (message.type === MessageType.BROADCAST && this.repeatAlert(message.data?.packet ?? {})) return;
      onMessage(message, offset);
    };
    const confirming: ConfirmingAdapter = {
      confirmPublishes: async (emit) => {
        // While Redis is down an append would wait in the offline queue: say so before emitting anything.
        if (!this.client?.isReady) throw new FeedClusterUnreachable();
        const mine: Promise<string>[] = (appends = []);
        try {
          emit();
        } finally {
          appends = null;
        }
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not confirm ${mine.length} feed messages within ${CONFIRM_WAIT_MS / 1000} s`)), CONFIRM_WAIT_MS);
        });
        try {
          await Promise.race([Promise.all(mine), late]);
        } finally {
          clearTimeout(timer);
        }
      },
    };
    return Object.assign(adapter, confirming);
  }

  /**
   * True for an alert whose `id` this replica's sockets were already sent
   * (remembering it otherwise). The outbox is at least once: a sender that dies
   * between its append to Redis and its commit of "sent" leaves the batch to
   * be sent again, and a sender whose append Redis did not confirm in time
   * sends it again. Every replica that delivered the first copy drops the
   * second here, so a client hears it twice only if its replica restarted in
   * between (it then drops it by id itself, as the feed contract says).
   */
  private repeatAlert(packet: { data?: unknown[] }): boolean {
    const [event, payload] = packet.data ?? [];
    const id = event === 'alert' ? (payload as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id !== 'string') return false; // alerts raised by each replica for its own sockets carry none
    if (this.alertsSent.has(id)) return true;
    this.alertsSent.add(id);
    if (this.alertsSent.size > ALERTS_REMEMBERED) this.alertsSent.delete(this.alertsSent.values().next().value as string);
    return false;
  }

  /**
   * The streams adapter sends server-side emits with PUBLISH and drops the
   * promise: while Redis is down those reject with no handler. Counted here
   * instead (the process-level handler would log each one).
   */
  private guardPublishes(client: RedisClient): void {
    const publish = client.publish.bind(client);
    const guarded = (...args: Parameters<RedisClient['publish']>): ReturnType<RedisClient['publish']> => {
      const sent = publish(...args);
      sent.catch(() => this.lost.inc());
      return sent;
    };
    Object.assign(client, { publish: guarded });
  }
}

/** The event name of an emitted packet (`['touchpoint', payload]`). */
function eventOf(packet: { data?: unknown[] }): string {
  const name = packet.data?.[0];
  return typeof name === 'string' ? name : 'other';
}

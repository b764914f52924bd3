import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';

/**
 * socket.io for the feed. Thousands of clients stay connected for hours, so
 * what each connection keeps matters: message handlers are plain listeners
 * instead of Nest's default rxjs pipeline per socket and message (≈ 60
 * closures and 8 subscribers a socket, ≈ 10 KB of its ≈ 25 KB of heap).
 * With REDIS_URL (`connect`), feed events fan out across gateway replicas.
 */
export class FeedIoAdapter extends IoAdapter {
  private readonly log = new Logger('FeedIoAdapter');
  private adapterConstructor?: ReturnType<typeof createAdapter>;
  private clients: ReturnType<typeof createClient>[] = [];

  constructor(app: INestApplicationContext) {
    super(app);
  }

  /** Joins the replicas' feeds through Redis. */
  async connect(url: string): Promise<void> {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', () => undefined); // reconnects on its own; errors are not fatal
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.adapterConstructor = createAdapter(pub, sub);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.adapterConstructor) server.adapter(this.adapterConstructor);
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
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
  }
}

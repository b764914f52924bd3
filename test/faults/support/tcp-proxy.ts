import { createServer, Socket, type Server } from 'node:net';

/**
 * A TCP proxy between sites and the gateway that can cut the link: `down()`
 * destroys every open connection and refuses new ones until `up()`.
 */
export class TcpProxy {
  private server?: Server;
  private readonly open = new Set<Socket>();
  private healthy = true;
  port = 0;

  constructor(
    private targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(port = 0): Promise<number> {
    this.server = createServer((client) => {
      if (!this.healthy) return void client.destroy();
      const upstream = new Socket();
      this.open.add(client).add(upstream);
      const close = (): void => {
        client.destroy();
        upstream.destroy();
        this.open.delete(client);
        this.open.delete(upstream);
      };
      upstream.connect(this.targetPort, this.targetHost, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((res) => this.server!.listen(port, '127.0.0.1', () => res()));
    const addr = this.server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : port;
    return this.port;
  }

  /** Cuts every connection and refuses new ones. */
  down(): void {
    this.healthy = false;
    for (const s of this.open) s.destroy();
    this.open.clear();
  }

  up(): void {
    this.healthy = true;
  }

  /** Points the proxy at another port (e.g. a restarted gateway). */
  retarget(port: number): void {
    this.targetPort = port;
  }

  async stop(): Promise<void> {
    this.down();
    await new Promise<void>((res) => (this.server ? this.server.close(() => res()) : res()));
  }
}

import { FEED_NAMESPACE, FeedEvent, type FeedClientEvents, type FeedServerEvents } from '@qihe/contracts';
import { io, type Socket } from 'socket.io-client';
import { GatewayClient } from '@qihe/client';
import type { PlannedBatch } from './workload';

// N socket.io clients subscribed to units across the tree while touchpoints
// arrive at a steady rate. Latency of a `touchpoint` event: client receive
// time − the event's receivedAt (the gateway's transaction time, same machine
// clock); of scores: the next `scores` event for the client's unit after it.

export interface FeedRun {
  clients: number;
  subscriptions: Record<string, number>;
  sentTouchpoints: number;
  sendErrors: number;
  targetRate: number;
  achievedRate: number;
  touchpointEvents: number;
  touchpointMs: number[];
  scoresMs: number[];
  scoresEvents: number;
  connectMs: number;
}

interface Watcher {
  socket: Socket<FeedServerEvents, FeedClientEvents>;
  pending: number[]; // receivedAt (ms) of touchpoints seen since the last scores event
}

export async function connectWatchers(url: string, token: string, units: string[], onConnected?: (n: number) => void): Promise<Watcher[]> {
  const watchers: Watcher[] = [];
  // Connect in small waves: a thousand handshakes at once would only measure the accept queue.
  for (let i = 0; i < units.length; i += 50) {
    const wave = units.slice(i, i + 50).map(async (unitId) => {
      const socket: Socket<FeedServerEvents, FeedClientEvents> = io(`${url}${FEED_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
      await new Promise<void>((res, rej) => {
        socket.once('connect', () => res());
        socket.once('connect_error', (e) => rej(e));
      });
      const ack = await socket.timeout(20_000).emitWithAck(FeedEvent.subscribe, { unitId });
      if (!ack.ok) throw new Error(`subscribe ${unitId}: ${ack.code}`);
      return { socket, pending: [] };
    });
    watchers.push(...(await Promise.all(wave)));
    onConnected?.(watchers.length);
  }
  return watchers;
}

/** Which unit each client watches: a few on the group, some on business units, most on projects. */
export function watchedUnits(n: number, group: string, businessUnits: string[], projects: string[]): string[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 200 === 0) return group;
    if (i % 20 === 0) return businessUnits[(i / 20) % businessUnits.length];
    return projects[i % projects.length];
  });
}

export async function runFeed(
  url: string,
  watchers: Watcher[],
  batches: readonly PlannedBatch[],
  opts: { rate: number; concurrency: number; warmupMs: number; onTick?: (sent: number) => void },
): Promise<Omit<FeedRun, 'clients' | 'subscriptions' | 'connectMs'>> {
  const touchpointMs: number[] = [];
  const scoresMs: number[] = [];
  let touchpointEvents = 0;
  let scoresEvents = 0;
  let measuring = false;
  for (const w of watchers) {
    w.socket.on(FeedEvent.touchpoint, (e) => {
      const now = Date.now();
      touchpointEvents++;
      if (!measuring) return;
      const at = Date.parse(e.receivedAt);
      touchpointMs.push(now - at);
      w.pending.push(at);
    });
    w.socket.on(FeedEvent.scores, () => {
      const now = Date.now();
      scoresEvents++;
      if (measuring) for (const at of w.pending) scoresMs.push(now - at);
      w.pending.length = 0;
    });
  }
  const clients = new Map<string, GatewayClient>();
  const client = (key: string): GatewayClient => {
    let c = clients.get(key);
    if (!c) clients.set(key, (c = new GatewayClient({ url, token: key, timeoutMs: 60_000, retries: 0 })));
    return c;
  };
  const start = Date.now();
  const warmTimer = setTimeout(() => (measuring = true), opts.warmupMs);
  let sent = 0;
  let sendErrors = 0;
  const inflight = new Set<Promise<void>>();
  for (const b of batches) {
    // The k-th touchpoint is due k/rate seconds after the start.
    const wait = start + (sent / opts.rate) * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inflight.size >= opts.concurrency) await Promise.race(inflight);
    const p: Promise<void> = client(b.siteKey)
      .recordTouchpoints(b.items)
      .then(
        () => undefined,
        () => void (sendErrors += b.items.length),
      )
      .finally(() => inflight.delete(p));
    inflight.add(p);
    sent += b.items.length;
    opts.onTick?.(sent);
  }
  await Promise.all(inflight);
  const elapsed = (Date.now() - start) / 1000;
  await new Promise((r) => setTimeout(r, 2500)); // the last scores tick
  clearTimeout(warmTimer);
  return { sentTouchpoints: sent, sendErrors, targetRate: opts.rate, achievedRate: sent / elapsed, touchpointEvents, touchpointMs, scoresMs, scoresEvents };
}

export function closeWatchers(watchers: Watcher[]): void {
  for (const w of watchers) w.socket.close();
}

import { io, type Socket } from 'socket.io-client';
import type { FeedTouchpoint } from './wire-types';

// A socket.io client of the `/feed` namespace (shared/contract/feed.md) that
// records every `touchpoint` event it receives.

export interface SubscribeAck {
  ok: boolean;
  code?: string;
}

export interface FeedClient {
  socket: Socket;
  touchpoints: FeedTouchpoint[];
  subscribe(unitId: string): Promise<SubscribeAck>;
  close(): void;
}

const TIMEOUT_MS = 5000;

/** Connects with `auth: { token }`; rejects with the connect_error message when refused. */
export function connectFeed(url: string, token: string | undefined): Promise<FeedClient> {
  const socket = io(`${url}/feed`, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: TIMEOUT_MS,
  });
  const touchpoints: FeedTouchpoint[] = [];
  socket.on('touchpoint', (e: FeedTouchpoint) => touchpoints.push(e));
  const client: FeedClient = {
    socket,
    touchpoints,
    subscribe: (unitId) => socket.timeout(TIMEOUT_MS).emitWithAck('subscribe', { unitId }) as Promise<SubscribeAck>,
    close: () => void socket.close(),
  };
  return new Promise((res, rej) => {
    socket.once('connect', () => res(client));
    socket.once('connect_error', (err: Error) => {
      socket.close();
      rej(err);
    });
  });
}

/** The connect_error message of a refused connection (or 'CONNECTED' if it was not refused). */
export async function connectError(url: string, token: string | undefined): Promise<string> {
  try {
    const c = await connectFeed(url, token);
    c.close();
    return 'CONNECTED';
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Waits until `count()` reaches `expected` and then stays put for `quietMs`
 * (so extra, late events are seen too), or until `timeoutMs`.
 */
export async function settle(count: () => number, expected: number, timeoutMs = 10_000, quietMs = 600): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (count() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, quietMs));
}

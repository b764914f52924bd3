import { FEED_NAMESPACE, FeedEvent, type FeedClientEvents, type FeedServerEvents, type SubscribeAck } from '@qihe/contracts';
import { io, type Socket } from 'socket.io-client';

// A real socket.io client of the feed, typed by the wire contract (libs/contracts).

export type FeedClient = Socket<FeedServerEvents, FeedClientEvents>;
type Payload<E extends keyof FeedServerEvents> = Parameters<FeedServerEvents[E]>[0];

/** A new connection (never reconnecting by itself), handshake auth as given. */
export const openFeed = (url: string, auth: Record<string, unknown>): FeedClient =>
  io(`${url}${FEED_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });

/** Resolves on connect, rejects with the connect_error (its message is the refusal code). */
export const connected = (s: FeedClient): Promise<void> =>
  new Promise((res, rej) => {
    if (s.connected) return res();
    s.once('connect', () => res());
    s.once('connect_error', (e) => rej(e));
  });

/** The connect_error message of a refused connection, or 'CONNECTED'. */
export async function refusalOf(s: FeedClient): Promise<string> {
  try {
    await connected(s);
    return 'CONNECTED';
  } catch (err) {
    return (err as Error).message;
  } finally {
    s.disconnect();
  }
}

export const subscribe = (s: FeedClient, unitId: string, ms = 5000): Promise<SubscribeAck> => s.timeout(ms).emitWithAck(FeedEvent.subscribe, { unitId });

/** Resolves with the first `event` matching `pred`, rejects after `ms`. */
export function waitFor<E extends keyof FeedServerEvents>(s: FeedClient, event: E, pred: (p: Payload<E>) => boolean, ms = 5000): Promise<Payload<E>> {
  const raw = s as unknown as Socket; // generic over the event name: socket.io's types can't follow E
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      raw.off(event as string, on);
      rej(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    const on = (p: Payload<E>): void => {
      if (!pred(p)) return;
      clearTimeout(timer);
      raw.off(event as string, on);
      res(p);
    };
    raw.on(event as string, on);
  });
}

/** Every `event` the client receives from now on. */
export function record<E extends keyof FeedServerEvents>(s: FeedClient, event: E): Payload<E>[] {
  const seen: Payload<E>[] = [];
  (s as unknown as Socket).on(event as string, (p: Payload<E>) => seen.push(p));
  return seen;
}

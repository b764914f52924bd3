import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { FeedEvent, FeedRefusal, type FeedClientEvents, type FeedServerEvents } from '@qihe/contracts';
import type { AlertEvent, ScoresEvent, TouchpointEvent } from './feed-events';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'refused';

export interface FeedHandlers {
  /** Every (re)connection, after the subscriptions were sent: time to re-fetch a snapshot. */
  onConnect: () => void;
  onScores: (e: ScoresEvent) => void;
  onTouchpoint: (e: TouchpointEvent) => void;
  onAlert: (e: AlertEvent) => void;
}

export interface FeedState {
  status: FeedStatus;
  error: string | null;
  /** Subscriptions the server refused, by unit: FORBIDDEN_UNIT, UNKNOWN_UNIT, TIMEOUT. */
  refused: Record<string, string>;
  reconnects: number;
  retry: () => void;
}

/**
 * One socket.io connection to the gateway's /feed, subscribed to `unitIds`.
 * socket.io reconnects by itself; on every connect the subscriptions are sent
 * again (a new server-side socket has none) and onConnect fires.
 */
export function useFeed(url: string, token: string, unitIds: string[], handlers: FeedHandlers): FeedState {
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [reconnects, setReconnects] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const h = useRef(handlers);
  h.current = handlers;
  const key = unitIds.join(',');

  useEffect(() => {
    if (!key) return;
    const units = key.split(',');
    const socket: Socket<FeedServerEvents, FeedClientEvents> = io(url, { auth: { token }, reconnectionDelayMax: 5000, timeout: 8000 });
    let connectedBefore = false;
    setStatus('connecting');

    socket.on('connect', () => {
      setStatus('live');
      setError(null);
      if (connectedBefore) setReconnects((n) => n + 1);
      connectedBefore = true;
      setRefused({});
      for (const unitId of units) {
        socket.timeout(8000).emit(FeedEvent.subscribe, { unitId }, (err, ack) => {
          const code = err ? 'TIMEOUT' : ack && !ack.ok ? ack.code : null;
          if (code) setRefused((r) => ({ ...r, [unitId]: code }));
        });
      }
      h.current.onConnect();
    });
    socket.on('disconnect', (reason) => {
      // The server closed us on purpose (e.g. shutting down): socket.io will not retry by itself.
      if (reason === 'io server disconnect') socket.connect();
      setStatus('reconnecting');
      setError(reason);
    });
    socket.on('connect_error', (err) => {
      setError(err.message);
      const refused = err.message === FeedRefusal.unauthenticated || err.message === FeedRefusal.forbidden;
      setStatus(socket.active ? 'reconnecting' : refused ? 'refused' : 'offline');
    });
    socket.on(FeedEvent.scores, (e) => h.current.onScores(e));
    socket.on(FeedEvent.touchpoint, (e) => h.current.onTouchpoint(e));
    socket.on(FeedEvent.alert, (e) => h.current.onAlert(e));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [url, token, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, error, refused, reconnects, retry };
}

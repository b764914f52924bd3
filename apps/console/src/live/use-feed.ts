import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AlertEvent, ScoresEvent, SubscribeAck, TouchpointEvent } from './feed-events';

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
    const socket: Socket = io(url, { auth: { token }, reconnectionDelayMax: 5000, timeout: 8000 });
    let connectedBefore = false;
    setStatus('connecting');

    socket.on('connect', () => {
      setStatus('live');
      setError(null);
      if (connectedBefore) setReconnects((n) => n + 1);
      connectedBefore = true;
      setRefused({});
      for (const unitId of units) {
        socket.timeout(8000).emit('subscribe', { unitId }, (err: Error | null, ack?: SubscribeAck) => {
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
      setStatus(socket.active ? 'reconnecting' : err.message === 'UNAUTHENTICATED' ? 'refused' : 'offline');
    });
    socket.on('scores', (e: ScoresEvent) => h.current.onScores(e));
    socket.on('touchpoint', (e: TouchpointEvent) => h.current.onTouchpoint(e));
    socket.on('alert', (e: AlertEvent) => h.current.onAlert(e));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [url, token, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, error, refused, reconnects, retry };
}

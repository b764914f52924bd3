import type { FeedClientEvents, FeedServerEvents } from '@qihe/contracts';
import type { Caller, FeedRead } from '@qihe/domain';
import type { Namespace, Socket } from 'socket.io';

// The feed's socket.io types, checked against the wire contract (libs/contracts).

/** Between gateway replicas (through the Redis adapter): units whose rolling scores may have changed. */
export interface FeedReplicaEvents {
  touched: (units: string[]) => void;
}

/** What a connection keeps: who it is and the token it proved it with (re-checked while it lives). */
export interface FeedSocketData {
  caller: Caller;
  token: string;
  expiry?: NodeJS.Timeout;
}

export type FeedNamespace = Namespace<FeedClientEvents, FeedServerEvents, FeedReplicaEvents, FeedSocketData>;
export type FeedSocket = Socket<FeedClientEvents, FeedServerEvents, FeedReplicaEvents, FeedSocketData>;

/** One room per unit and read: a socket joins only the reads its caller has there. */
export const roomOf = (read: FeedRead, unitId: string): string => `${read}:${unitId}`;

/** The units with at least one socket of this process in their `read` room. */
export function unitsWatched(ns: FeedNamespace, read: FeedRead): string[] {
  const prefix = `${read}:`;
  return [...ns.adapter.rooms.keys()].filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length));
}

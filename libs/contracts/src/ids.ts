import { v7 } from 'uuid';

// Ids are made by whoever records a touchpoint (sites, clients, tools), never
// by the gateway, so a re-send carries the same id. They are UUIDv7 (RFC 9562):
// the first 48 bits are the creation time in ms, so later ids sort later and
// each insert lands at the right edge of the primary key's index instead of on
// a random page. The gateway accepts any UUID version; old v4 senders still work.

/** A new UUIDv7; within one process the ids sort in creation order, also inside one millisecond. */
export function newId(): string {
  return v7();
}

/**
 * A reproducible UUIDv7 for seeded generators: `msecs` as its time, the other
 * bits from `random` (16 bytes, of which the last 10 are used).
 */
export function idAt(msecs: number, random: Uint8Array): string {
  return v7({ msecs, random });
}

/** The creation time (ms since the epoch) a UUIDv7 carries. */
export function idTime(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

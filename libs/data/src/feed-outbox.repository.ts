import type { Sql } from './database';
import { textArray } from './pg-array';

// Feed events decided inside a transaction (an alert, a follow-up opened) are
// written to feed_outbox in that same transaction, so they exist exactly when
// what they announce does; a replica then claims and sends them. Their ids
// wait in feed_unsent until sent: outbox rows are written once and never
// updated (migration 1765240000000).

export interface OutboxEvent {
  unitId: string;
  /** One event per key and unit, ever: writing it again is a no-op. */
  dedupeKey: string;
  event: string;
  /** The units whose subscribers hear it (each with its ancestors, resolved when sent). */
  rooms: string[];
  payload: Record<string, unknown>;
}

export interface OutboxRow extends OutboxEvent {
  id: number;
}

export async function insertOutbox(sql: Sql, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await sql.query(
    `WITH written AS (
       INSERT INTO feed_outbox (unit_id, dedupe_key, event, rooms, payload)
       SELECT u.unit_id, u.dedupe_key, u.event, string_to_array(u.rooms, ','), u.payload::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(unit_id, dedupe_key, event, rooms, payload)
       ON CONFLICT (unit_id, dedupe_key) DO NOTHING
       RETURNING id)
     INSERT INTO feed_unsent (id) SELECT id FROM written`,
    [
      textArray(events.map((e) => e.unitId)),
      textArray(events.map((e) => e.dedupeKey)),
      textArray(events.map((e) => e.event)),
      textArray(events.map((e) => e.rooms.join(','))),
      textArray(events.map((e) => JSON.stringify(e.payload))),
    ],
  );
}

/**
 * Claims unsent events, oldest first; rows another transaction holds are
 * skipped, so concurrent senders never take the same event. The caller sends
 * them and marks them sent before it commits.
 */
export async function claimOutbox(sql: Sql, limit: number): Promise<OutboxRow[]> {
  const rows = await sql.query<{ id: string | number; unit_id: string; dedupe_key: string; event: string; rooms: string[] | string; payload: Record<string, unknown> | string }>(
    `SELECT f.id, f.unit_id, f.dedupe_key, f.event, f.rooms, f.payload
       FROM feed_unsent u JOIN feed_outbox f USING (id) ORDER BY u.id LIMIT $1 FOR UPDATE OF u SKIP LOCKED`,
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    unitId: r.unit_id,
    dedupeKey: r.dedupe_key,
    event: r.event,
    rooms: Array.isArray(r.rooms) ? r.rooms : String(r.rooms).replace(/^\{|\}$/g, '').split(',').filter(Boolean),
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
  }));
}

/** Takes claimed events off the queue, in the transaction that claimed them. */
export async function markOutboxSent(sql: Sql, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(`DELETE FROM feed_unsent WHERE id = ANY($1::bigint[])`, [`{${ids.join(',')}}`]);
}

/**
 * Alerts of the last hours heard in the subtree under `unitId`, newest first
 * (an alert list survives a reload): those of touchpoints in it, and those
 * whose owner unit (payload.ownerUnitId) is in it, i.e. what a subscriber of
 * its units was sent or will be. Read as the newest `limit` per unit and path,
 * each an index range (feed_outbox_recent_idx, feed_outbox_owner_idx), merged:
 * the cost follows the number of units, not how many alerts the week held.
 */
export async function recentOutbox(sql: Sql, unitId: string, types: readonly string[], since: number, limit: number): Promise<OutboxRow[]> {
  const rows = await sql.query<{ id: string | number; unit_id: string; dedupe_key: string; event: string; rooms: string[] | string; payload: Record<string, unknown> | string }>(
    `WITH s(u) AS (SELECT unit_id FROM org_unit_subtree WHERE ancestor_id = $1),
     heard AS (
       SELECT o.id FROM s CROSS JOIN LATERAL (
         SELECT id FROM feed_outbox
          WHERE unit_id = s.u AND created_at >= $3 AND event = 'alert' AND payload->>'type' = ANY($2::text[])
          ORDER BY created_at DESC LIMIT $4) o
       UNION -- an alert heard through both its units counts once
       SELECT o.id FROM s CROSS JOIN LATERAL (
         SELECT id FROM feed_outbox
          WHERE payload->>'ownerUnitId' = s.u AND payload->>'ownerUnitId' <> unit_id AND created_at >= $3
          ORDER BY created_at DESC LIMIT $4) o)
     SELECT f.id, f.unit_id, f.dedupe_key, f.event, f.rooms, f.payload FROM feed_outbox f JOIN heard USING (id)
      -- only node alerts name an owner; their type is checked here, where the planner cannot misjudge how many rows it keeps
      WHERE f.event = 'alert' AND f.payload->>'type' = ANY($2::text[])
      ORDER BY f.created_at DESC, f.id DESC LIMIT $4`,
    [unitId, textArray([...types]), new Date(since).toISOString(), limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    unitId: r.unit_id,
    dedupeKey: r.dedupe_key,
    event: r.event,
    rooms: Array.isArray(r.rooms) ? r.rooms : String(r.rooms).replace(/^\{|\}$/g, '').split(',').filter(Boolean),
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
  }));
}

/** Sent events older than `before` are of no more use to anyone. */
export async function pruneOutbox(sql: Sql, before: number): Promise<void> {
  await sql.query(`DELETE FROM feed_outbox f WHERE f.created_at < $1 AND NOT EXISTS (SELECT 1 FROM feed_unsent u WHERE u.id = f.id)`, [
    new Date(before).toISOString(),
  ]);
}

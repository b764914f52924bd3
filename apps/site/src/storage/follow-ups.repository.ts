import type { Sql } from '@qihe/data';
import { markCopied } from './commitments.repository';
import type { ForwardState } from './outbox.repository';

// The copy of the site's open follow-ups, and the agents' closes in the outbox.

type Timestamp = Date | string;
const date = (v: Timestamp): Date => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Timestamp | null | undefined): Date | null => (v === null || v === undefined ? null : date(v));

export interface CachedFollowUp {
  id: string;
  unitId: string;
  unitName: string | null;
  reason: string;
  customerId: string;
  touchpointId: string | null;
  commitmentId: string | null;
  createdAt: Date;
  dueAt: Date;
  assignee: string | null;
  note: string | null;
}

export interface FollowUpCloseRow {
  followUpId: string;
  unitId: string;
  outcome: string;
  closedBy: string;
  acceptedAt: Date;
  state: ForwardState;
  forwardedAt: Date | null;
  error: string | null;
}

interface FollowUpRecord {
  id: string;
  unit_id: string;
  unit_name: string | null;
  reason: string;
  customer_id: string;
  touchpoint_id: string | null;
  commitment_id: string | null;
  created_at: Timestamp;
  due_at: Timestamp;
  assignee: string | null;
  note: string | null;
}

interface CloseRecord {
  follow_up_id: string;
  unit_id: string;
  outcome: string;
  closed_by: string;
  accepted_at: Timestamp;
  state: ForwardState;
  forwarded_at: Timestamp | null;
  error: string | null;
}

const toFollowUp = (r: FollowUpRecord): CachedFollowUp => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name ?? null,
  reason: r.reason,
  customerId: r.customer_id,
  touchpointId: r.touchpoint_id ?? null,
  commitmentId: r.commitment_id ?? null,
  createdAt: date(r.created_at),
  dueAt: date(r.due_at),
  assignee: r.assignee ?? null,
  note: r.note ?? null,
});

const toClose = (r: CloseRecord): FollowUpCloseRow => ({
  followUpId: r.follow_up_id,
  unitId: r.unit_id,
  outcome: r.outcome,
  closedBy: r.closed_by,
  acceptedAt: date(r.accepted_at),
  state: r.state,
  forwardedAt: dateOrNull(r.forwarded_at),
  error: r.error ?? null,
});

const CLOSE_COLUMNS = 'follow_up_id, unit_id, outcome, closed_by, accepted_at, state, forwarded_at, error';

/** Replaces the copy with the gateway's list of open follow-ups (in the caller's transaction). */
export async function replaceFollowUps(sql: Sql, rows: CachedFollowUp[]): Promise<void> {
  await sql.query(`DELETE FROM site_follow_up`);
  if (rows.length > 0) {
    await sql.query(
      `INSERT INTO site_follow_up (id, unit_id, unit_name, reason, customer_id, touchpoint_id, commitment_id, created_at, due_at, assignee, note)
       SELECT id, unit_id, unit_name, reason, customer_id, touchpoint_id, commitment_id, created_at, due_at, assignee, note
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, unit_id text, unit_name text, reason text, customer_id text, touchpoint_id uuid,
              commitment_id uuid, created_at timestamptz, due_at timestamptz, assignee text, note text)
       ON CONFLICT (id) DO NOTHING`,
      [
        JSON.stringify(
          rows.map((f) => ({
            id: f.id,
            unit_id: f.unitId,
            unit_name: f.unitName,
            reason: f.reason,
            customer_id: f.customerId,
            touchpoint_id: f.touchpointId,
            commitment_id: f.commitmentId,
            created_at: f.createdAt.toISOString(),
            due_at: f.dueAt.toISOString(),
            assignee: f.assignee,
            note: f.note,
          })),
        ),
      ],
    );
  }
  await markCopied(sql, 'FOLLOW_UPS');
}

/** The copied open follow-ups of these units, oldest due first. */
export async function cachedFollowUps(sql: Sql, unitIds: string[], limit: number): Promise<CachedFollowUp[]> {
  if (unitIds.length === 0) return [];
  const rows = await sql.query<FollowUpRecord>(
    `SELECT id, unit_id, unit_name, reason, customer_id, touchpoint_id, commitment_id, created_at, due_at, assignee, note
       FROM site_follow_up WHERE unit_id = ANY($1::text[]) ORDER BY due_at, id LIMIT $2`,
    [unitIds, limit],
  );
  return rows.map(toFollowUp);
}

export async function cachedFollowUp(sql: Sql, id: string): Promise<CachedFollowUp | null> {
  const [row] = await sql.query<FollowUpRecord>(
    `SELECT id, unit_id, unit_name, reason, customer_id, touchpoint_id, commitment_id, created_at, due_at, assignee, note FROM site_follow_up WHERE id = $1`,
    [id],
  );
  return row ? toFollowUp(row) : null;
}

export async function findCloses(sql: Sql, ids: string[]): Promise<Map<string, FollowUpCloseRow>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<CloseRecord>(`SELECT ${CLOSE_COLUMNS} FROM site_follow_up_close WHERE follow_up_id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.follow_up_id, toClose(r)]));
}

/** Locks the close of a follow-up, if there is one (serialises two agents closing it). */
export async function lockClose(sql: Sql, id: string): Promise<FollowUpCloseRow | null> {
  const [row] = await sql.query<CloseRecord>(`SELECT ${CLOSE_COLUMNS} FROM site_follow_up_close WHERE follow_up_id = $1 FOR UPDATE`, [id]);
  return row ? toClose(row) : null;
}

/** A new close, PENDING; a refused (DEAD) one is replaced by it. */
export async function upsertClose(sql: Sql, c: { followUpId: string; unitId: string; outcome: string; closedBy: string }): Promise<void> {
  await sql.query(
    `INSERT INTO site_follow_up_close (follow_up_id, unit_id, outcome, closed_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (follow_up_id) DO UPDATE
       SET outcome = EXCLUDED.outcome, closed_by = EXCLUDED.closed_by, unit_id = EXCLUDED.unit_id, accepted_at = now(),
           seq = nextval(pg_get_serial_sequence('site_follow_up_close', 'seq')), state = 'PENDING', forwarded_at = NULL, error = NULL,
           attempts = 0, next_attempt_at = now()
       WHERE site_follow_up_close.state = 'DEAD'`,
    [c.followUpId, c.unitId, c.outcome, c.closedBy],
  );
}

export interface PendingClose {
  followUpId: string;
  unitId: string;
  outcome: string;
  attempts: number;
}

export async function pendingCloses(sql: Sql, limit: number): Promise<PendingClose[]> {
  const rows = await sql.query<{ follow_up_id: string; unit_id: string; outcome: string; attempts: number }>(
    `SELECT follow_up_id, unit_id, outcome, attempts FROM site_follow_up_close WHERE state = 'PENDING' AND next_attempt_at <= now() ORDER BY seq LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ followUpId: r.follow_up_id, unitId: r.unit_id, outcome: r.outcome, attempts: Number(r.attempts) }));
}

/** The gateway's answer for a close: forwarded (the copy drops it at its next fetch), or refused with its code and message. */
export async function markClose(sql: Sql, id: string, outcome: { forwarded: true } | { forwarded: false; error: string }): Promise<void> {
  if (outcome.forwarded) {
    await sql.query(`UPDATE site_follow_up_close SET state = 'FORWARDED', forwarded_at = now(), error = NULL WHERE follow_up_id = $1 AND state = 'PENDING'`, [id]);
    await sql.query(`UPDATE site_progress SET last_success_at = now() WHERE id = 1`);
  } else {
    await sql.query(`UPDATE site_follow_up_close SET state = 'DEAD', error = $2 WHERE follow_up_id = $1 AND state = 'PENDING'`, [id, outcome.error]);
  }
}

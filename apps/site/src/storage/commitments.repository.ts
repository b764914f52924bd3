import type { Sql } from '@qihe/data';
import type { CommitmentDefinition } from '@qihe/domain';
import type { ForwardState } from './outbox.repository';

// Commitment events in the outbox, and the catalogue copy that tells what a
// touchpoint's commitment tree is here. Every function takes the `Sql` it runs on.

type Timestamp = Date | string;
const date = (v: Timestamp): Date => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Timestamp | null | undefined): Date | null => (v === null || v === undefined ? null : date(v));

export interface NewCommitmentEvent {
  id: string;
  touchpointId: string;
  code: string;
  completedAt: string;
  agentId: string | null;
  contentHash: string;
}

export interface CommitmentEventRow {
  id: string;
  touchpointId: string;
  code: string;
  completedAt: Date;
  agentId: string | null;
  contentHash: string;
  acceptedAt: Date;
  state: ForwardState;
  forwardedAt: Date | null;
  error: string | null;
}

interface EventRecord {
  id: string;
  touchpoint_id: string;
  code: string;
  completed_at: Timestamp;
  agent_id: string | null;
  content_hash: string;
  accepted_at: Timestamp;
  state: ForwardState;
  forwarded_at: Timestamp | null;
  error: string | null;
}

const EVENT_COLUMNS = 'id, touchpoint_id, code, completed_at, agent_id, content_hash, accepted_at, state, forwarded_at, error';

const toEvent = (r: EventRecord): CommitmentEventRow => ({
  id: r.id,
  touchpointId: r.touchpoint_id,
  code: r.code,
  completedAt: date(r.completed_at),
  agentId: r.agent_id ?? null,
  contentHash: r.content_hash,
  acceptedAt: date(r.accepted_at),
  state: r.state,
  forwardedAt: dateOrNull(r.forwarded_at),
  error: r.error ?? null,
});

/** Inserts the events that are new; returns the ids it inserted. */
export async function insertCommitmentEvents(sql: Sql, rows: NewCommitmentEvent[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map((r, ord) => ({ ord, id: r.id, touchpoint_id: r.touchpointId, code: r.code, completed_at: r.completedAt, agent_id: r.agentId, content_hash: r.contentHash }));
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO site_commitment_event (id, touchpoint_id, code, completed_at, agent_id, content_hash)
     SELECT id, touchpoint_id, code, completed_at, agent_id, content_hash
       FROM jsonb_to_recordset($1::jsonb) AS x(ord int, id uuid, touchpoint_id uuid, code text, completed_at timestamptz, agent_id text, content_hash text)
      ORDER BY ord
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [JSON.stringify(records)],
  );
  return new Set(inserted.map((r) => r.id));
}

export async function findCommitmentEvents(sql: Sql, ids: string[]): Promise<Map<string, CommitmentEventRow>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<EventRecord>(`SELECT ${EVENT_COLUMNS} FROM site_commitment_event WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, toEvent(r)]));
}

/** The events of these touchpoints, in the order they were accepted here. */
export async function eventsOfTouchpoints(sql: Sql, touchpointIds: string[]): Promise<CommitmentEventRow[]> {
  if (touchpointIds.length === 0) return [];
  const rows = await sql.query<EventRecord>(`SELECT ${EVENT_COLUMNS} FROM site_commitment_event WHERE touchpoint_id = ANY($1::uuid[]) ORDER BY seq`, [touchpointIds]);
  return rows.map(toEvent);
}

export interface PendingCommitmentEvent {
  id: string;
  touchpointId: string;
  code: string;
  completedAt: Date;
  touchpointState: ForwardState;
  touchpointError: string | null;
  attempts: number;
}

/** Pending events whose touchpoint the gateway has answered for: an event never overtakes its touchpoint. */
export async function pendingCommitmentEvents(sql: Sql, limit: number): Promise<PendingCommitmentEvent[]> {
  const rows = await sql.query<{ id: string; touchpoint_id: string; code: string; completed_at: Timestamp; touchpoint_state: ForwardState; touchpoint_error: string | null; attempts: number }>(
    `SELECT e.id, e.touchpoint_id, e.code, e.completed_at, t.state AS touchpoint_state, t.error AS touchpoint_error, e.attempts
       FROM site_commitment_event e JOIN site_touchpoint t ON t.id = e.touchpoint_id
      WHERE e.state = 'PENDING' AND t.state <> 'PENDING' AND e.next_attempt_at <= now()
      ORDER BY e.seq LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    touchpointId: r.touchpoint_id,
    code: r.code,
    completedAt: date(r.completed_at),
    touchpointState: r.touchpoint_state,
    touchpointError: r.touchpoint_error ?? null,
    attempts: Number(r.attempts),
  }));
}

export interface DeadEvent {
  id: string;
  touchpointId: string;
  code: string;
  message: string;
  payload: unknown;
}

/** Forwarded events, dead ones (kept as dead letters), and ones tried again later (backing off up to a minute). */
export async function markCommitmentEvents(sql: Sql, forwarded: string[], dead: DeadEvent[], later: string[]): Promise<void> {
  if (forwarded.length > 0) {
    await sql.query(`UPDATE site_commitment_event SET state = 'FORWARDED', forwarded_at = now(), error = NULL WHERE id = ANY($1::uuid[]) AND state = 'PENDING'`, [forwarded]);
    await sql.query(`UPDATE site_progress SET last_success_at = now() WHERE id = 1`);
  }
  for (const d of dead) {
    const rows = await sql.query(`UPDATE site_commitment_event SET state = 'DEAD', error = $2 WHERE id = $1 AND state = 'PENDING' RETURNING id`, [d.id, `${d.code}: ${d.message}`]);
    if (rows.length > 0) {
      await sql.query(`INSERT INTO site_dead_letter (kind, touchpoint_id, code, message, payload) VALUES ('COMMITMENT_EVENT', $1, $2, $3, $4)`, [
        d.touchpointId,
        d.code,
        d.message,
        JSON.stringify(d.payload),
      ]);
    }
  }
  if (later.length > 0) {
    await sql.query(
      `UPDATE site_commitment_event SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => LEAST(60, power(2, attempts)))
        WHERE id = ANY($1::uuid[]) AND state = 'PENDING'`,
      [later],
    );
  }
}

// The catalogue copy.

export async function loadCatalogue(sql: Sql): Promise<CommitmentDefinition[]> {
  const rows = await sql.query<{ code: string; name: string; level: number; parent_code: string | null; target_minutes: number; warn_at_percent: number; owner_unit_id: string | null }>(
    `SELECT code, name, level, parent_code, target_minutes, warn_at_percent, owner_unit_id FROM site_commitment_definition ORDER BY code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: Number(r.level),
    parentCode: r.parent_code ?? null,
    targetMinutes: Number(r.target_minutes),
    warnAtPercent: Number(r.warn_at_percent),
    ownerUnitId: r.owner_unit_id ?? null,
  }));
}

/** Replaces the copy with the gateway's catalogue (in the caller's transaction). */
export async function replaceCatalogue(sql: Sql, defs: CommitmentDefinition[]): Promise<void> {
  await sql.query(`DELETE FROM site_commitment_definition`);
  if (defs.length > 0) {
    await sql.query(
      `INSERT INTO site_commitment_definition (code, name, level, parent_code, target_minutes, warn_at_percent, owner_unit_id)
       SELECT code, name, level, parent_code, target_minutes, warn_at_percent, owner_unit_id
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, level smallint, parent_code text, target_minutes int, warn_at_percent smallint, owner_unit_id text)`,
      [
        JSON.stringify(
          defs.map((d) => ({ code: d.code, name: d.name, level: d.level, parent_code: d.parentCode, target_minutes: d.targetMinutes, warn_at_percent: d.warnAtPercent, owner_unit_id: d.ownerUnitId })),
        ),
      ],
    );
  }
  await markCopied(sql, 'CATALOGUE');
}

export type CopyKind = 'CATALOGUE' | 'FOLLOW_UPS' | 'PERCEPTION_POINTS';

export async function markCopied(sql: Sql, what: CopyKind): Promise<void> {
  await sql.query(`INSERT INTO site_copy (what, fetched_at) VALUES ($1, now()) ON CONFLICT (what) DO UPDATE SET fetched_at = now()`, [what]);
}

/** When the copy was last taken; null: never. */
export async function copiedAt(sql: Sql, what: CopyKind): Promise<Date | null> {
  const [row] = await sql.query<{ fetched_at: Timestamp }>(`SELECT fetched_at FROM site_copy WHERE what = $1`, [what]);
  return row ? date(row.fetched_at) : null;
}

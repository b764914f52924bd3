import type { TouchpointInput as TouchpointPayload } from '@qihe/client';
import type { Sql } from '@qihe/data';
import type { Rating } from '@qihe/domain';

// The outbox in SQL. Every function takes the `Sql` it runs on, so callers put
// several of them in one transaction; each query names the type of its rows
// (timestamps come back as Date from PostgreSQL, as text from PGlite's JSON paths).

export type ForwardState = 'PENDING' | 'FORWARDED' | 'DEAD';

export interface NewLocalTouchpoint {
  id: string;
  unitId: string;
  agentId: string | null;
  customerId: string;
  channel: string;
  kind: string;
  stage: string;
  occurredAt: string;
  needCategory: string;
  needDescription: string | null;
  serviceAction: string | null;
  resolved: boolean | null;
  satisfactionScore: number | null;
  satisfactionComment: string | null;
  contentHash: string;
  /** Exactly what the gateway receives, on every resend. */
  payload: TouchpointPayload;
}

export interface LocalTouchpointRow {
  id: string;
  unitId: string;
  agentId: string | null;
  customerId: string;
  channel: string;
  kind: string;
  stage: string;
  occurredAt: Date;
  acceptedAt: Date;
  needCategory: string;
  needDescription: string | null;
  serviceAction: string | null;
  resolved: boolean | null;
  satisfaction: { score: number; comment: string | null; state: ForwardState } | null;
  state: ForwardState;
  forwardedAt: Date | null;
  error: string | null;
  /** What its payload names (service.commitment), and when it was served: what starts a tracked commitment. */
  capturedCommitment: { code: string; met: boolean } | null;
  servedAt: Date | null;
}

export interface PendingTouchpoint {
  id: string;
  payload: TouchpointPayload;
}

export interface DeadItem {
  id: string;
  code: string;
  message: string;
  payload: unknown;
}

export interface DeadLetterRow {
  id: string;
  kind: string;
  touchpointId: string;
  code: string;
  message: string;
  payload: string;
  at: Date;
}

type Timestamp = Date | string;
const date = (v: Timestamp): Date => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Timestamp | null | undefined): Date | null => (v === null || v === undefined ? null : date(v));

/** Inserts the rows that are new; returns the ids it inserted (the others were there already). */
export async function insertTouchpoints(sql: Sql, rows: NewLocalTouchpoint[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map((r, ord) => ({
    ord,
    id: r.id,
    unit_id: r.unitId,
    agent_id: r.agentId,
    customer_id: r.customerId,
    channel: r.channel,
    kind: r.kind,
    stage: r.stage,
    occurred_at: r.occurredAt,
    need_category: r.needCategory,
    need_description: r.needDescription,
    service_action: r.serviceAction,
    resolved: r.resolved,
    satisfaction_score: r.satisfactionScore,
    satisfaction_comment: r.satisfactionComment,
    content_hash: r.contentHash,
    payload: r.payload,
  }));
  const cols =
    'id, unit_id, agent_id, customer_id, channel, kind, stage, occurred_at, need_category, need_description, service_action, resolved, satisfaction_score, satisfaction_comment, content_hash, payload';
  // One JSON parameter for the whole batch: no parameter-count limit, one round trip.
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO site_touchpoint (${cols})
     SELECT ${cols} FROM jsonb_to_recordset($1::jsonb) AS x(
       ord int, id uuid, unit_id text, agent_id text, customer_id text, channel text, kind text, stage text,
       occurred_at timestamptz, need_category text, need_description text, service_action text, resolved boolean,
       satisfaction_score smallint, satisfaction_comment text, content_hash text, payload jsonb)
     ORDER BY ord
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [JSON.stringify(records)],
  );
  return new Set(inserted.map((r) => r.id));
}

export async function contentHashes(sql: Sql, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM site_touchpoint WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

/** A row of SELECT_LOCAL: a touchpoint with its late rating, if any. */
interface LocalRow {
  id: string;
  unit_id: string;
  agent_id: string | null;
  customer_id: string;
  channel: string;
  kind: string;
  stage: string;
  occurred_at: Timestamp;
  accepted_at: Timestamp;
  need_category: string;
  need_description: string | null;
  service_action: string | null;
  resolved: boolean | null;
  satisfaction_score: number | null;
  satisfaction_comment: string | null;
  state: ForwardState;
  forwarded_at: Timestamp | null;
  error: string | null;
  rating_score: number | null;
  rating_comment: string | null;
  rating_state: ForwardState | null;
  commitment: { code: string; met: boolean } | string | null;
  served_at: string | null;
}

const SELECT_LOCAL = `
  SELECT t.id, t.unit_id, t.agent_id, t.customer_id, t.channel, t.kind, t.stage, t.occurred_at, t.accepted_at,
         t.need_category, t.need_description, t.service_action, t.resolved, t.satisfaction_score, t.satisfaction_comment,
         t.state, t.forwarded_at, t.error, r.score AS rating_score, r.comment AS rating_comment, r.state AS rating_state,
         t.payload->'service'->'commitment' AS commitment, t.payload->'service'->>'servedAt' AS served_at
    FROM site_touchpoint t LEFT JOIN site_rating r ON r.touchpoint_id = t.id`;

function toLocal(r: LocalRow): LocalTouchpointRow {
  const state = r.state;
  // A rating given with the touchpoint travels with it; a late one has its own state.
  const satisfaction =
    r.satisfaction_score !== null
      ? { score: Number(r.satisfaction_score), comment: r.satisfaction_comment ?? null, state }
      : r.rating_score !== null
        ? { score: Number(r.rating_score), comment: r.rating_comment ?? null, state: r.rating_state as ForwardState }
        : null;
  return {
    id: r.id,
    unitId: r.unit_id,
    agentId: r.agent_id ?? null,
    customerId: r.customer_id,
    channel: r.channel,
    kind: r.kind,
    stage: r.stage,
    occurredAt: date(r.occurred_at),
    acceptedAt: date(r.accepted_at),
    needCategory: r.need_category,
    needDescription: r.need_description ?? null,
    serviceAction: r.service_action ?? null,
    resolved: r.resolved ?? null,
    satisfaction,
    state,
    forwardedAt: dateOrNull(r.forwarded_at),
    error: r.error ?? null,
    capturedCommitment: typeof r.commitment === 'string' ? (JSON.parse(r.commitment) as { code: string; met: boolean } | null) : (r.commitment ?? null),
    servedAt: dateOrNull(r.served_at),
  };
}

export async function findLocal(sql: Sql, ids: string[]): Promise<Map<string, LocalTouchpointRow>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<LocalRow>(`${SELECT_LOCAL} WHERE t.id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, toLocal(r)]));
}

/** An agent's own touchpoints, newest accepted first. */
export async function agentTouchpoints(sql: Sql, agentId: string, limit: number): Promise<LocalTouchpointRow[]> {
  const rows = await sql.query<LocalRow>(`${SELECT_LOCAL} WHERE t.agent_id = $1 ORDER BY t.seq DESC LIMIT $2`, [agentId, limit]);
  return rows.map(toLocal);
}

/** The oldest pending touchpoints: the forwarder's next batch. */
export async function pendingTouchpoints(sql: Sql, limit: number): Promise<PendingTouchpoint[]> {
  const rows = await sql.query<{ id: string; payload: TouchpointPayload | string }>(
    `SELECT id, payload FROM site_touchpoint WHERE state = 'PENDING' ORDER BY seq LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as TouchpointPayload) : r.payload }));
}

/** The payload of the touchpoint forwarded last, or null when none was. */
export async function lastForwardedPayload(sql: Sql): Promise<TouchpointPayload | null> {
  const [row] = await sql.query<{ payload: TouchpointPayload | string }>(`SELECT payload FROM site_touchpoint WHERE state = 'FORWARDED' ORDER BY seq DESC LIMIT 1`);
  if (!row) return null;
  return typeof row.payload === 'string' ? (JSON.parse(row.payload) as TouchpointPayload) : row.payload;
}

/** Records the gateway's answer for a batch: forwarded rows, and dead letters for the rejected ones. */
export async function markTouchpoints(sql: Sql, forwarded: string[], dead: DeadItem[]): Promise<number> {
  let marked = 0;
  if (forwarded.length > 0) {
    const rows = await sql.query<{ id: string }>(
      `UPDATE site_touchpoint SET state = 'FORWARDED', forwarded_at = now(), error = NULL
        WHERE id = ANY($1::uuid[]) AND state = 'PENDING' RETURNING id`,
      [forwarded],
    );
    marked = rows.length;
    await sql.query(`UPDATE site_progress SET forwarded = forwarded + $1, last_success_at = now() WHERE id = 1`, [marked]);
  }
  for (const d of dead) {
    const rows = await sql.query(`UPDATE site_touchpoint SET state = 'DEAD', error = $2 WHERE id = $1 AND state = 'PENDING' RETURNING id`, [
      d.id,
      `${d.code}: ${d.message}`,
    ]);
    if (rows.length > 0) await insertDeadLetter(sql, 'TOUCHPOINT', d);
  }
  return marked;
}

async function insertDeadLetter(sql: Sql, kind: 'TOUCHPOINT' | 'RATING', d: DeadItem): Promise<void> {
  await sql.query(`INSERT INTO site_dead_letter (kind, touchpoint_id, code, message, payload) VALUES ($1, $2, $3, $4, $5)`, [
    kind,
    d.id,
    d.code,
    d.message,
    JSON.stringify(d.payload),
  ]);
}

export interface RatingTarget {
  agentId: string | null;
  state: ForwardState;
  error: string | null;
  /** The rating it holds here: a late one, else the one it was logged with; null when none. */
  rating: Rating | null;
}

/**
 * Locks a touchpoint for a late rating (the row lock serialises two ratings
 * of it, until the caller's transaction ends); null when it is not here.
 */
export async function lockForRating(sql: Sql, id: string): Promise<RatingTarget | null> {
  const [tp] = await sql.query<{ agent_id: string | null; state: ForwardState; error: string | null; satisfaction_score: number | null; satisfaction_comment: string | null }>(
    `SELECT agent_id, state, error, satisfaction_score, satisfaction_comment FROM site_touchpoint WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!tp) return null;
  const [late] = await sql.query<{ score: number; comment: string | null }>(`SELECT score, comment FROM site_rating WHERE touchpoint_id = $1`, [id]);
  const held = late ?? (tp.satisfaction_score !== null ? { score: tp.satisfaction_score, comment: tp.satisfaction_comment } : null);
  return { agentId: tp.agent_id, state: tp.state, error: tp.error, rating: held && { score: Number(held.score), comment: held.comment ?? null } };
}

/** A late rating, PENDING until the forwarder sends it. */
export async function insertLateRating(sql: Sql, id: string, rating: Rating): Promise<void> {
  await sql.query(`INSERT INTO site_rating (touchpoint_id, score, comment) VALUES ($1, $2, $3)`, [id, rating.score, rating.comment]);
}

export interface PendingRating {
  touchpointId: string;
  score: number;
  comment: string | null;
  touchpointState: ForwardState;
  touchpointError: string | null;
}

/** Pending ratings whose touchpoint the gateway has answered for (a rating never overtakes its touchpoint). */
export async function pendingRatings(sql: Sql, limit: number): Promise<PendingRating[]> {
  const rows = await sql.query<{ touchpoint_id: string; score: number; comment: string | null; touchpoint_state: ForwardState; touchpoint_error: string | null }>(
    `SELECT r.touchpoint_id, r.score, r.comment, t.state AS touchpoint_state, t.error AS touchpoint_error
       FROM site_rating r JOIN site_touchpoint t ON t.id = r.touchpoint_id
      WHERE r.state = 'PENDING' AND t.state <> 'PENDING' AND r.next_attempt_at <= now()
      ORDER BY r.seq LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    touchpointId: r.touchpoint_id,
    score: Number(r.score),
    comment: r.comment ?? null,
    touchpointState: r.touchpoint_state,
    touchpointError: r.touchpoint_error ?? null,
  }));
}

/** Forwarded ratings, dead ones, and ones the gateway cannot match yet (tried again later, backing off up to a minute). */
export async function markRatings(sql: Sql, forwarded: string[], dead: DeadItem[], later: string[]): Promise<void> {
  if (forwarded.length > 0) {
    await sql.query(`UPDATE site_rating SET state = 'FORWARDED', forwarded_at = now(), error = NULL WHERE touchpoint_id = ANY($1::uuid[]) AND state = 'PENDING'`, [
      forwarded,
    ]);
    await sql.query(`UPDATE site_progress SET last_success_at = now() WHERE id = 1`);
  }
  for (const d of dead) {
    const rows = await sql.query(`UPDATE site_rating SET state = 'DEAD', error = $2 WHERE touchpoint_id = $1 AND state = 'PENDING' RETURNING touchpoint_id`, [
      d.id,
      `${d.code}: ${d.message}`,
    ]);
    if (rows.length > 0) await insertDeadLetter(sql, 'RATING', d);
  }
  if (later.length > 0) {
    await sql.query(
      `UPDATE site_rating SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => LEAST(60, power(2, attempts)))
        WHERE touchpoint_id = ANY($1::uuid[]) AND state = 'PENDING'`,
      [later],
    );
  }
}

export async function deadLetters(sql: Sql, limit: number, agentId: string | null): Promise<DeadLetterRow[]> {
  const own = agentId === null ? '' : 'WHERE EXISTS (SELECT 1 FROM site_touchpoint t WHERE t.id = d.touchpoint_id AND t.agent_id = $2)';
  const rows = await sql.query<{ id: string | number; kind: string; touchpoint_id: string; code: string; message: string; payload: string; at: Timestamp }>(
    `SELECT d.id, d.kind, d.touchpoint_id, d.code, d.message, d.payload, d.at FROM site_dead_letter d ${own} ORDER BY d.id DESC LIMIT $1`,
    agentId === null ? [limit] : [limit, agentId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind,
    touchpointId: r.touchpoint_id,
    code: r.code,
    message: r.message,
    payload: r.payload,
    at: date(r.at),
  }));
}

export interface OutboxNumbers {
  pendingTouchpoints: number;
  pendingRatings: number;
  pendingCommitmentEvents: number;
  pendingFollowUpCloses: number;
  oldestPendingAgeSeconds: number | null;
  deadLetters: number;
  forwarded: number;
  lastSuccessAt: Date | null;
}

/** Everything not yet forwarded: touchpoints, ratings, commitment events and follow-up closes. */
export const backlogOf = (n: OutboxNumbers): number => n.pendingTouchpoints + n.pendingRatings + n.pendingCommitmentEvents + n.pendingFollowUpCloses;

/** What the status shows; ages are measured by the database's clock. */
export async function outboxNumbers(sql: Sql): Promise<OutboxNumbers> {
  const [r] = await sql.query<{ tp: number; rt: number; ev: number; cl: number; oldest: number | null; dead: number; forwarded: string | number; last_success_at: Timestamp | null }>(`
    SELECT (SELECT count(*) FROM site_touchpoint WHERE state = 'PENDING')::int AS tp,
           (SELECT count(*) FROM site_rating WHERE state = 'PENDING')::int AS rt,
           (SELECT count(*) FROM site_commitment_event WHERE state = 'PENDING')::int AS ev,
           (SELECT count(*) FROM site_follow_up_close WHERE state = 'PENDING')::int AS cl,
           EXTRACT(EPOCH FROM now() - LEAST(
             (SELECT accepted_at FROM site_touchpoint WHERE state = 'PENDING' ORDER BY seq LIMIT 1),
             (SELECT accepted_at FROM site_rating WHERE state = 'PENDING' ORDER BY seq LIMIT 1),
             (SELECT accepted_at FROM site_commitment_event WHERE state = 'PENDING' ORDER BY seq LIMIT 1),
             (SELECT accepted_at FROM site_follow_up_close WHERE state = 'PENDING' ORDER BY seq LIMIT 1)))::float8 AS oldest,
           (SELECT count(*) FROM site_dead_letter)::int AS dead,
           p.forwarded, p.last_success_at
      FROM site_progress p WHERE p.id = 1`);
  return {
    pendingTouchpoints: Number(r.tp),
    pendingRatings: Number(r.rt),
    pendingCommitmentEvents: Number(r.ev),
    pendingFollowUpCloses: Number(r.cl),
    oldestPendingAgeSeconds: r.oldest === null ? null : Math.max(0, Number(r.oldest)),
    deadLetters: Number(r.dead),
    forwarded: Number(r.forwarded),
    lastSuccessAt: dateOrNull(r.last_success_at),
  };
}

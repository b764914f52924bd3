import type { FollowUpReason, FollowUpState } from '@qihe/domain';
import type { Sql } from './database';
import { numberArray, textArray } from './pg-array';
import { inSubtree } from './unit-scope';

// Follow-ups: at most one per cause (unique (unit_id, cause_key)), and the
// customer's next rating after one was opened, kept up to date as ratings arrive.

export interface FollowUpRow {
  id: string;
  unitId: string;
  reason: FollowUpReason;
  customerId: string;
  touchpointId: string | null;
  commitmentId: string | null;
  note: string | null;
  createdAt: number;
  dueAt: number;
  state: FollowUpState;
  assignee: string | null;
  outcome: string | null;
  closedAt: number | null;
  recoveredScore: number | null;
}

export interface NewFollowUp {
  id: string;
  unitId: string;
  reason: FollowUpReason;
  causeKey: string | null;
  customerId: string;
  touchpointId: string | null;
  commitmentId: string | null;
  note: string | null;
  /** Hours until due, counted from the database's now. */
  dueHours: number;
}

const ms = (col: string, as: string): string => `floor(extract(epoch FROM ${col}) * 1000)::float8 AS "${as}"`;
const COLUMNS = `id, unit_id AS "unitId", reason, customer_id AS "customerId", touchpoint_id AS "touchpointId",
  commitment_id AS "commitmentId", note, ${ms('created_at', 'createdAt')}, ${ms('due_at', 'dueAt')}, state, assignee, outcome,
  ${ms('closed_at', 'closedAt')}, recovered_score AS "recoveredScore"`;

const toRow = (r: FollowUpRow): FollowUpRow => ({
  ...r,
  createdAt: Number(r.createdAt),
  dueAt: Number(r.dueAt),
  closedAt: r.closedAt === null ? null : Number(r.closedAt),
  recoveredScore: r.recoveredScore === null ? null : Number(r.recoveredScore),
});

/**
 * Opens follow-ups; one whose cause already has a follow-up is skipped.
 * Returns those created. (Ratings answer it as they arrive: answerFollowUps.)
 */
export async function insertFollowUps(sql: Sql, items: readonly NewFollowUp[]): Promise<FollowUpRow[]> {
  if (items.length === 0) return [];
  const rows = await sql.query<FollowUpRow>(
    `INSERT INTO follow_up (id, unit_id, reason, cause_key, customer_id, touchpoint_id, commitment_id, note, due_at)
     SELECT u.id, u.unit_id, u.reason, u.cause_key, u.customer_id, u.touchpoint_id, u.commitment_id, u.note,
            now() + make_interval(hours => u.due_hours)
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::int[])
         AS u(id, unit_id, reason, cause_key, customer_id, touchpoint_id, commitment_id, note, due_hours)
     ON CONFLICT (unit_id, cause_key) WHERE cause_key IS NOT NULL DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      textArray(items.map((i) => i.id)),
      textArray(items.map((i) => i.unitId)),
      textArray(items.map((i) => i.reason)),
      textArray(items.map((i) => i.causeKey)),
      textArray(items.map((i) => i.customerId)),
      textArray(items.map((i) => i.touchpointId)),
      textArray(items.map((i) => i.commitmentId)),
      textArray(items.map((i) => i.note)),
      numberArray(items.map((i) => i.dueHours)),
    ],
  );
  return rows.map(toRow);
}

export interface RatingSeen {
  touchpointId: string;
  customerId: string;
  occurredAt: number;
  score: number;
}

/**
 * Ratings just stored answer the customer's follow-ups opened before their
 * touchpoint occurred: each follow-up keeps the rating of the earliest such
 * touchpoint (then the smaller id), whatever order ratings arrive in.
 *
 * First the follow-ups the ratings answer, one range of follow_up_customer_idx
 * per rating (LATERAL, OFFSET 0: never a join planned from estimates, which
 * hashed all of follow_up for every batch — 35,437 rows, 18 ms for 500 ratings
 * at 200,000 touchpoints, and growing with the table); then, only when some
 * are answered, those rows by their key (`id = ANY`: primary-key probes). A rating earlier than the one a
 * follow-up holds replaces it, checked again on the row as locked.
 */
export async function answerFollowUps(sql: Sql, ratings: readonly RatingSeen[]): Promise<void> {
  if (ratings.length === 0) return;
  const answered = await sql.query<{ id: string; n: string | number }>(
    `SELECT DISTINCT ON (f.id) f.id, u.n
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS u(touchpoint_id, customer_id, occurred_at, n)
       CROSS JOIN LATERAL (SELECT id FROM follow_up WHERE customer_id = u.customer_id AND created_at < u.occurred_at OFFSET 0) f
      ORDER BY f.id, u.occurred_at, u.touchpoint_id`,
    [textArray(ratings.map((r) => r.touchpointId)), textArray(ratings.map((r) => r.customerId)), textArray(ratings.map((r) => new Date(r.occurredAt).toISOString()))],
  );
  if (answered.length === 0) return;
  const by = answered.map((a) => ratings[Number(a.n) - 1]);
  await sql.query(
    `UPDATE follow_up f SET recovered_touchpoint_id = r.touchpoint_id, recovered_occurred_at = r.occurred_at, recovered_score = r.score
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::smallint[]) AS r(follow_up_id, touchpoint_id, occurred_at, score)
      WHERE f.id = ANY($1::uuid[]) AND f.id = r.follow_up_id
        AND (f.recovered_occurred_at IS NULL OR (r.occurred_at, r.touchpoint_id) < (f.recovered_occurred_at, f.recovered_touchpoint_id))`,
    [
      textArray(answered.map((a) => a.id)),
      textArray(by.map((r) => r.touchpointId)),
      textArray(by.map((r) => new Date(r.occurredAt).toISOString())),
      numberArray(by.map((r) => r.score)),
    ],
  );
}

export async function findFollowUp(sql: Sql, id: string, forUpdate = false): Promise<FollowUpRow | null> {
  const rows = await sql.query<FollowUpRow>(`SELECT ${COLUMNS} FROM follow_up WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows.length ? toRow(rows[0]) : null;
}

/** The open MANUAL follow-up of a touchpoint, if there is one (openFollowUp returns it rather than a second). */
export async function findOpenManualFollowUp(sql: Sql, unitId: string, touchpointId: string): Promise<FollowUpRow | null> {
  const rows = await sql.query<FollowUpRow>(
    `SELECT ${COLUMNS} FROM follow_up WHERE touchpoint_id = $2 AND unit_id = $1 AND reason = 'MANUAL' AND state = 'OPEN' ORDER BY created_at, id LIMIT 1`,
    [unitId, touchpointId],
  );
  return rows.length ? toRow(rows[0]) : null;
}

export async function setFollowUpAssignee(sql: Sql, id: string, assignee: string): Promise<FollowUpRow> {
  const rows = await sql.query<FollowUpRow>(`UPDATE follow_up SET assignee = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, assignee]);
  return toRow(rows[0]);
}

export async function closeFollowUpRow(sql: Sql, id: string, outcome: string, by: string): Promise<FollowUpRow> {
  const rows = await sql.query<FollowUpRow>(
    `UPDATE follow_up SET state = 'DONE', outcome = $2, closed_by = $3, closed_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, outcome, by],
  );
  return toRow(rows[0]);
}

/** A page of the follow-ups of the subtree under `unitId`, newest first, and the size of the whole set. */
export async function pageFollowUps(
  sql: Sql,
  unitId: string,
  states: FollowUpState[] | null,
  limit: number,
  after: { createdAt: number; id: string } | null,
): Promise<{ rows: FollowUpRow[]; total: number }> {
  const params: unknown[] = [unitId, states ?? ['OPEN', 'DONE']];
  const base = `${inSubtree('unit_id', 1)} AND state = ANY($2::text[])`;
  const [{ total }] = await sql.query<{ total: string | number }>(`SELECT count(*) AS total FROM follow_up WHERE ${base}`, params);
  let cursor = '';
  if (after) {
    params.push(new Date(after.createdAt).toISOString(), after.id);
    cursor = ` AND (created_at, id) < ($3::timestamptz, $4::uuid)`;
  }
  params.push(limit);
  const rows = await sql.query<FollowUpRow>(
    `SELECT ${COLUMNS} FROM follow_up WHERE ${base}${cursor} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return { rows: rows.map(toRow), total: Number(total) };
}

/** A customer's follow-ups in these units, newest first (the customer profile). */
export async function customerFollowUps(sql: Sql, customerId: string, unitIds: readonly string[] | null, limit: number): Promise<FollowUpRow[]> {
  // null: every unit (no literal list of the customer's units to plan). The customer's rows first (by
  // follow_up_customer_idx), then the newest: with ORDER BY … LIMIT on the table itself, the planner may walk
  // everyone's follow-ups in time order (follow_up_created_idx) until it has found this customer's — at
  // 10 M, 2,321 rows for the bench customer's 50 (test/integration/customer-profile-plans.spec.ts).
  const params: unknown[] = [customerId, limit];
  if (unitIds) params.push(textArray(unitIds));
  const rows = await sql.query<FollowUpRow>(
    `WITH mine AS MATERIALIZED (SELECT * FROM follow_up WHERE customer_id = $1)
     SELECT ${COLUMNS} FROM mine${unitIds ? ' WHERE unit_id = ANY($3::text[])' : ''} ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
  return rows.map(toRow);
}

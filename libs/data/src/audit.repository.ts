import type { AuditAction, AuditActor, AuditActorKind, RequestOrigin, Role } from '@qihe/domain';
import type { Sql } from './database';

export interface NewAuditEntry {
  actor: AuditActor;
  action: AuditAction;
  target?: string | null;
  /** A JSON object; never a secret (passwords, keys, tokens). */
  details?: Record<string, unknown>;
  origin: RequestOrigin;
}

export interface AuditEntryRow {
  /** bigint, as text: it may outgrow a JavaScript number's exact range. */
  id: string;
  at: Date;
  actorKind: AuditActorKind;
  actor: string;
  actorRole: Role | null;
  action: AuditAction;
  target: string | null;
  details: Record<string, unknown>;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditFilter {
  action?: AuditAction | null;
  actor?: string | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

// details goes out as text and is parsed here: the same on pg and PGlite.
const SELECT = `SELECT id::text AS id, at, actor_kind AS "actorKind", actor, actor_role AS "actorRole", action, target,
  details::text AS details, client_address AS "clientAddress", user_agent AS "userAgent", request_id AS "requestId" FROM audit_log`;

type RawRow = Omit<AuditEntryRow, 'details'> & { details: string };
const toRow = (r: RawRow): AuditEntryRow => ({ ...r, at: new Date(r.at), details: JSON.parse(r.details) as Record<string, unknown> });

/** Appends one entry (inside the caller's transaction when `sql` is one) and returns it as stored. */
export async function insertAuditEntry(sql: Sql, e: NewAuditEntry): Promise<AuditEntryRow> {
  const rows = await sql.query<RawRow>(
    `WITH added AS (
       INSERT INTO audit_log (actor_kind, actor, actor_role, action, target, details, client_address, user_agent, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING *)
     ${SELECT.replace('FROM audit_log', 'FROM added')}`,
    [
      e.actor.kind,
      e.actor.id,
      e.actor.role,
      e.action,
      e.target ?? null,
      JSON.stringify(e.details ?? {}),
      e.origin.clientAddress,
      e.origin.userAgent,
      e.origin.requestId,
    ],
  );
  return toRow(rows[0]);
}

/** Entries matching `filter`, newest first (id descending), strictly older than `beforeId` when given. */
export async function pageAuditEntries(sql: Sql, filter: AuditFilter, limit: number, beforeId: string | null): Promise<AuditEntryRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (filter.action) add((p) => `action = ${p}`, filter.action);
  if (filter.actor) add((p) => `actor = ${p}`, filter.actor);
  if (filter.from) add((p) => `at >= ${p}::timestamptz`, filter.from.toISOString());
  if (filter.to) add((p) => `at < ${p}::timestamptz`, filter.to.toISOString());
  if (beforeId !== null) add((p) => `id < ${p}::bigint`, beforeId);
  params.push(limit);
  const rows = await sql.query<RawRow>(
    // audit_log.id: the bigint, not the text it is selected as ("10" < "9").
    `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toRow);
}

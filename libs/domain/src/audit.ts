import type { Caller } from './access-policy';
import type { Role } from './vocabulary';

// The audit trail's vocabulary. Codes are only ever added (the column is plain
// text, so a new code needs no migration); a code names what happened, never
// how it was asked for.
export const AUDIT_ACTIONS = [
  'ORG_UNIT_UPSERTED',
  'USER_UPSERTED',
  'SITE_KEY_ISSUED',
  'LOGIN',
  'LOGIN_FAILED',
  'TOKENS_REVOKED',
  'EXPORT',
  'TARGET_CHANGED',
  'COMMITMENT_UPSERTED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** USER and SITE are authenticated callers; ANONYMOUS is a claim nobody proved (a failed login); SYSTEM is the gateway itself. */
export const AUDIT_ACTOR_KINDS = ['USER', 'SITE', 'ANONYMOUS', 'SYSTEM'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export interface AuditActor {
  kind: AuditActorKind;
  /** A username, a site id, or the name claimed by an anonymous caller. */
  id: string;
  role: Role | null;
}

/** Where a request came from; every part may be unknown. */
export interface RequestOrigin {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const NO_ORIGIN: RequestOrigin = { clientAddress: null, userAgent: null, requestId: null };

export function actorOf(caller: Caller): AuditActor {
  return caller.kind === 'user' ? { kind: 'USER', id: caller.username, role: caller.role } : { kind: 'SITE', id: caller.siteId, role: null };
}

/** Someone who claimed a name without proving it (e.g. a failed login). */
export const anonymousActor = (claimed: string): AuditActor => ({ kind: 'ANONYMOUS', id: auditText(claimed, 200) ?? '', role: null });

/**
 * Text a caller chose (a username tried, a user agent) made fit to store:
 * NUL characters (PostgreSQL text cannot hold them) and other control
 * characters replaced, and the length bounded so a row stays small.
 */
export function auditText(value: string | null | undefined, max = 500): string | null {
  if (value === null || value === undefined) return null;
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

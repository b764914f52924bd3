import { forbidden, unauthenticated, type UserClaims } from '@qihe/server';

/** The signed-in user, or UNAUTHENTICATED. */
export function requireUser(user: UserClaims | null | undefined): UserClaims {
  if (!user) throw unauthenticated('sign in at this site first (login), then send Authorization: Bearer <token>');
  return user;
}

/** Agents see their own touchpoints; unit heads, executives and admins of the site see all of its touchpoints. */
export function seesAllOfSite(user: UserClaims): boolean {
  return user.role !== 'AGENT';
}

export function assertMaySee(user: UserClaims, agentId: string | null, touchpointId: string): void {
  if (!seesAllOfSite(user) && agentId !== user.username) throw forbidden(`touchpoint "${touchpointId}" was logged by another agent`);
}

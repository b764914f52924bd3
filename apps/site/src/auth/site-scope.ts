import { forbidden, type UserClaims } from '@qihe/server';

// What a signed-in user may see at this site (who may sign in at all is the
// resolvers' @Callers, checked by the guard).

/** Agents see their own touchpoints; unit heads, executives and admins of the site see all of its touchpoints. */
export function seesAllOfSite(user: UserClaims): boolean {
  return user.role !== 'AGENT';
}

export function assertMaySee(user: UserClaims, agentId: string | null, touchpointId: string): void {
  if (!seesAllOfSite(user) && agentId !== user.username) throw forbidden(`touchpoint "${touchpointId}" was logged by another agent`);
}

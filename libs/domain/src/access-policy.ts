import type { OrgTree } from './org-tree';
import { ROLES, type Role } from './vocabulary';

// Who may do what, on which part of the org tree. Two kinds of rule: which
// kinds of caller may use an operation at all (the lists below, stated on each
// resolver with @Callers and checked by one guard before it runs), and which
// units a caller may touch (inScope and friends, asked by the service that
// touches the data, once).

export type Caller =
  | { kind: 'user'; username: string; role: Role; unitId: string }
  | { kind: 'site'; siteId: string; unitId: string };
export type UserCaller = Extract<Caller, { kind: 'user' }>;

/** A caller for the role rules: a user's role, or `site` for a site key. */
export type CallerKind = Role | 'site';
export const callerKind = (caller: Caller): CallerKind => (caller.kind === 'site' ? 'site' : caller.role);
export const mayCall = (caller: Caller, kinds: readonly CallerKind[]): boolean => kinds.includes(callerKind(caller));

/** Any signed-in user (a site's agent API, reading raw touchpoints). */
export const ANY_USER: readonly CallerKind[] = ROLES;
/** Any user or site key (the org tree, late ratings). */
export const ANY_CALLER: readonly CallerKind[] = [...ROLES, 'site'];
/** Recording touchpoints: site keys and agents for their scope, executives and admins anywhere; unit heads read. */
export const RECORDERS: readonly CallerKind[] = ['site', 'AGENT', 'EXECUTIVE', 'ADMIN'];
/** Engagement scores: unit heads for their subtree, executives and admins anywhere. */
export const SCORE_READERS: readonly CallerKind[] = ['UNIT_HEAD', 'EXECUTIVE', 'ADMIN'];
/** Raw touchpoints: users within their scope; site keys only write. */
export const TOUCHPOINT_READERS: readonly CallerKind[] = ANY_USER;
/** The org tree, users and site keys. */
export const ADMINISTRATORS: readonly CallerKind[] = ['ADMIN'];

// DESIGN.md: "a user sees only their unit's subtree (executives and admins: everything)".
const sees = (caller: Caller): 'all' | 'subtree' => {
  if (caller.kind === 'site') return 'subtree';
  switch (caller.role) {
    case 'EXECUTIVE':
    case 'ADMIN':
      return 'all';
    case 'UNIT_HEAD':
    case 'AGENT':
      return 'subtree';
  }
};

/** Is `unitId` inside the caller's part of the tree (what it may see or touch at all)? */
export function inScope(caller: Caller, tree: OrgTree, unitId: string): boolean {
  switch (sees(caller)) {
    case 'all':
      return tree.has(unitId);
    case 'subtree':
      return tree.contains(caller.unitId, unitId);
  }
}

/** Late ratings: anyone whose scope holds the touchpoint's unit. */
export const canRate = (caller: Caller, tree: OrgTree, unitId: string): boolean => inScope(caller, tree, unitId);

// The live feed: feed-policy.ts (what each event stands for, from the readers above).

/** Revoking tokens (sign out everywhere): a user their own, an ADMIN anyone's. */
export const canRevokeTokensOf = (user: UserCaller, username: string): boolean => user.username === username || mayCall(user, ADMINISTRATORS);

/**
 * Completing a commitment step (recordCommitmentEvents, judged per event):
 * whoever may record the touchpoint's unit (site keys, agents, executives,
 * admins in their scope), and the users of the step's owner unit (the back
 * office that did the work).
 */
export const canCompleteCommitment = (caller: Caller, tree: OrgTree, touchpointUnitId: string, ownerUnitId: string): boolean =>
  (mayCall(caller, RECORDERS) && inScope(caller, tree, touchpointUnitId)) || (caller.kind === 'user' && inScope(caller, tree, ownerUnitId));

/** Follow-ups: anyone whose scope holds the follow-up's unit (an agent: its own unit's). */
export const canHandleFollowUp = (caller: Caller, tree: OrgTree, unitId: string): boolean => inScope(caller, tree, unitId);

/** The customer lens (customer, customerTimeline): every user and site key (for its agents), each within its scope. */
export const CUSTOMER_READERS: readonly CallerKind[] = ANY_CALLER;
/** At-risk customers and the risk model's quality: users (an agent: its own unit). */
export const RISK_READERS: readonly CallerKind[] = ANY_USER;

/** Does the caller's scope hold every unit (executives and admins)? */
export const seesEverything = (caller: Caller): boolean => sees(caller) === 'all';

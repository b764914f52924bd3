import type { OrgTree } from './org-tree';
import type { Role } from './vocabulary';

// Who may do what, on which part of the org tree. Every service asks this before
// it touches data, so the rules hold whatever door a request came in by.

export type Caller =
  | { kind: 'user'; username: string; role: Role; unitId: string }
  | { kind: 'site'; siteId: string; unitId: string };

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

/** Is `unitId` inside the caller's part of the tree (what it may see at all)? */
export function inScope(caller: Caller, tree: OrgTree, unitId: string): boolean {
  switch (sees(caller)) {
    case 'all':
      return tree.has(unitId);
    case 'subtree':
      return tree.contains(caller.unitId, unitId);
  }
}

/** Recording touchpoints: site keys and agents for their scope, executives and admins anywhere. */
export const canRecord = (caller: Caller): boolean => caller.kind === 'site' || caller.role !== 'UNIT_HEAD';

/** Late ratings: anyone whose scope holds the touchpoint's unit. */
export const canRate = (caller: Caller, tree: OrgTree, unitId: string): boolean => inScope(caller, tree, unitId);

/** Engagement scores: unit heads for their subtree, executives and admins anywhere. */
export const canReadScores = (caller: Caller, tree: OrgTree, unitId: string): boolean =>
  caller.kind === 'user' && caller.role !== 'AGENT' && inScope(caller, tree, unitId);

/** Raw touchpoints: users within their scope; site keys only write. */
export const canReadTouchpoints = (caller: Caller, tree: OrgTree, unitId: string): boolean =>
  caller.kind === 'user' && inScope(caller, tree, unitId);

/** The live feed follows the same scope as reading. */
export const canWatch = (caller: Caller, tree: OrgTree, unitId: string): boolean => inScope(caller, tree, unitId);

export const canAdminister = (caller: Caller): boolean => caller.kind === 'user' && caller.role === 'ADMIN';

import { ORG_LEVELS, ROLES, type OrgLevel, type Role } from './vocabulary';
import type { OrgUnitRecord } from './org-tree';
import { describeProblem, parseCatalogue, type CommitmentDefinition } from './commitment-catalogue';
import type { StoredTarget } from './indicators';
import { parsePerceptionPoints, type PerceptionPointDefinition } from './perception-points';
import { parseTargets } from './targets';
import type { EngagementModel } from './engagement-model';

// The bootstrap file (shared/contract/seed.md): validated as a whole before
// anything of it is applied, every problem named by its entry.

export interface SeedUser {
  username: string;
  password: string;
  role: Role;
  unitId: string;
}

export interface SeedSite {
  id: string;
  unitId: string;
  key: string;
}

export interface Seed {
  units: OrgUnitRecord[];
  users: SeedUser[];
  sites: SeedSite[];
  /** The file's commitment definitions (stage 2, optional), checked with the stored catalogue. */
  commitments: CommitmentDefinition[];
  /** The perception-point catalogue, in the file's order (stage 2, optional). */
  perceptionPoints: PerceptionPointDefinition[];
  /** Targets per unit and key (stage 2, optional). */
  targets: StoredTarget[];
}

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`the bootstrap file is invalid, nothing was applied:\n  - ${problems.join('\n  - ')}`);
  }
}

const PARENT_LEVEL: Record<OrgLevel, OrgLevel | null> = { GROUP: null, BUSINESS_UNIT: 'GROUP', PROJECT: 'BUSINESS_UNIT' };
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const str = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && !v.includes('\u0000');
const optStr = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Parses and checks a bootstrap file. `existing` are the units already stored:
 * a file may hang its units under them (a later file adding projects, say);
 * `storedCommitments` the stored catalogue, which the file's definitions join.
 */
export function parseSeed(
  raw: unknown,
  existing: readonly OrgUnitRecord[] = [],
  storedCommitments: readonly CommitmentDefinition[] = [],
  model?: EngagementModel,
): Seed {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SeedError(['the file must hold a JSON object']);
  const o = raw as Record<string, unknown>;
  const list = (name: string): Record<string, unknown>[] => {
    const v = o[name];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      problems.push(`"${name}" must be an array`);
      return [];
    }
    return v.map((e, i) => {
      if (typeof e !== 'object' || e === null || Array.isArray(e)) problems.push(`${name}[${i}] must be an object`);
      return (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    });
  };

  const units: OrgUnitRecord[] = [];
  const seen = new Set<string>();
  list('units').forEach((u, i) => {
    const at = `units[${i}]${str(u.id) ? ` ("${u.id}")` : ''}`;
    if (!str(u.id) || !ID_PATTERN.test(u.id)) problems.push(`${at}: "id" must be 1-64 letters, digits, ".", "_" or "-"`);
    else if (seen.has(u.id)) problems.push(`${at}: duplicate unit id "${u.id}"`);
    if (!str(u.name)) problems.push(`${at}: "name" is required`);
    if (!ORG_LEVELS.includes(u.level as OrgLevel)) problems.push(`${at}: "level" must be one of ${ORG_LEVELS.join(', ')}`);
    if (u.parentId !== undefined && u.parentId !== null && !str(u.parentId)) problems.push(`${at}: "parentId" must be a unit id`);
    if (str(u.id)) seen.add(u.id);
    units.push({
      id: String(u.id),
      name: String(u.name),
      level: u.level as OrgLevel,
      parentId: optStr(u.parentId),
      region: optStr(u.region),
      industry: optStr(u.industry),
    });
  });

  // The tree after applying: stored units overridden by the file's.
  const merged = new Map<string, OrgUnitRecord>(existing.map((u) => [u.id, u]));
  for (const u of units) merged.set(u.id, u);
  const groups = [...merged.values()].filter((u) => u.level === 'GROUP');
  if (groups.length > 1) problems.push(`there must be exactly one GROUP unit, found ${groups.map((g) => `"${g.id}"`).join(', ')}`);
  units.forEach((u, i) => {
    const at = `units[${i}] ("${u.id}")`;
    const want = PARENT_LEVEL[u.level];
    if (!ORG_LEVELS.includes(u.level)) return;
    if (want === null) {
      if (u.parentId !== null) problems.push(`${at}: a GROUP has no parent`);
      return;
    }
    if (u.parentId === null) return void problems.push(`${at}: a ${u.level} needs a "parentId"`);
    const parent = merged.get(u.parentId);
    if (!parent) return void problems.push(`${at}: unknown parent "${u.parentId}"`);
    if (parent.level !== want) problems.push(`${at}: a ${u.level} must sit under a ${want}, "${parent.id}" is a ${parent.level}`);
    // Strict levels already rule cycles out; this guards a file that mislabels them.
    let cur: OrgUnitRecord | undefined = parent;
    for (let hops = 0; cur && hops <= merged.size; hops++) {
      if (cur.id === u.id) return void problems.push(`${at}: its parents form a cycle`);
      cur = cur.parentId === null ? undefined : merged.get(cur.parentId);
    }
  });
  // A file that changes a stored unit's level must not leave that unit's stored
  // children under the wrong level.
  const inFile = new Set(units.map((u) => u.id));
  for (const u of existing) {
    if (inFile.has(u.id) || u.parentId === null || !inFile.has(u.parentId)) continue;
    const parent = merged.get(u.parentId) as OrgUnitRecord;
    const want = PARENT_LEVEL[u.level];
    if (ORG_LEVELS.includes(parent.level) && parent.level !== want) {
      problems.push(`stored unit "${u.id}": a ${u.level} must sit under a ${want}, the file makes "${parent.id}" a ${parent.level}`);
    }
  }

  const users: SeedUser[] = [];
  const usernames = new Set<string>();
  list('users').forEach((u, i) => {
    const at = `users[${i}]${str(u.username) ? ` ("${u.username}")` : ''}`;
    if (!str(u.username)) problems.push(`${at}: "username" is required`);
    else if (usernames.has(u.username)) problems.push(`${at}: duplicate username "${u.username}"`);
    else usernames.add(u.username);
    if (typeof u.password !== 'string' || u.password.length < 8) problems.push(`${at}: "password" must have at least 8 characters`);
    if (!ROLES.includes(u.role as Role)) problems.push(`${at}: "role" must be one of ${ROLES.join(', ')}`);
    if (!str(u.unitId)) problems.push(`${at}: "unitId" is required`);
    else if (!merged.has(u.unitId)) problems.push(`${at}: unknown unit "${u.unitId}"`);
    users.push({ username: String(u.username), password: String(u.password), role: u.role as Role, unitId: String(u.unitId) });
  });

  const sites: SeedSite[] = [];
  const siteIds = new Set<string>();
  const keys = new Set<string>();
  list('sites').forEach((s, i) => {
    const at = `sites[${i}]${str(s.id) ? ` ("${s.id}")` : ''}`;
    if (!str(s.id) || !ID_PATTERN.test(s.id)) problems.push(`${at}: "id" must be 1-64 letters, digits, ".", "_" or "-"`);
    else if (siteIds.has(s.id)) problems.push(`${at}: duplicate site id "${s.id}"`);
    else siteIds.add(s.id);
    if (!str(s.unitId)) problems.push(`${at}: "unitId" is required`);
    else if (!merged.has(s.unitId)) problems.push(`${at}: unknown unit "${s.unitId}"`);
    if (typeof s.key !== 'string' || s.key.length < 24) problems.push(`${at}: "key" must have at least 24 characters`);
    else if (keys.has(s.key)) problems.push(`${at}: the same key is given to two sites`);
    else keys.add(s.key);
    sites.push({ id: String(s.id), unitId: String(s.unitId), key: String(s.key) });
  });

  const catalogue = parseCatalogue(list('commitments'), storedCommitments, (id) => merged.has(id));
  problems.push(...catalogue.problems.map(describeProblem));

  const perception = parsePerceptionPoints(list('perceptionPoints'));
  problems.push(...perception.problems);
  const targets = parseTargets(list('targets'), (id) => merged.has(id), model);
  problems.push(...targets.problems);

  if (problems.length) throw new SeedError(problems);
  return { units, users, sites, commitments: catalogue.definitions, perceptionPoints: perception.points, targets: targets.targets };
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from './wire-types';

// A small org for e2e tests: one group, two business units with two projects
// each, a user of every role and site keys at every level. Units carry a
// region/industry on purpose: breakdowns must use the touchpoint's own values,
// never fall back to the unit's.

export interface FixtureUnit {
  id: string;
  name: string;
  level: 'GROUP' | 'BUSINESS_UNIT' | 'PROJECT';
  parentId?: string;
  region?: string;
  industry?: string;
}
export interface FixtureUser {
  username: string;
  password: string;
  role: Role;
  unitId: string;
}
export interface FixtureSite {
  id: string;
  unitId: string;
  key: string;
}

export const UNITS: readonly FixtureUnit[] = [
  { id: 'grp', name: 'E2E Group', level: 'GROUP' },
  { id: 'bu-a', name: 'Unit A', level: 'BUSINESS_UNIT', parentId: 'grp', region: 'East', industry: 'Energy' },
  { id: 'bu-b', name: 'Unit B', level: 'BUSINESS_UNIT', parentId: 'grp', region: 'West', industry: 'Telecom' },
  { id: 'prj-a1', name: 'Project A1', level: 'PROJECT', parentId: 'bu-a', region: 'East', industry: 'Energy' },
  { id: 'prj-a2', name: 'Project A2', level: 'PROJECT', parentId: 'bu-a', region: 'North', industry: 'Energy' },
  { id: 'prj-b1', name: 'Project B1', level: 'PROJECT', parentId: 'bu-b', region: 'West', industry: 'Telecom' },
  { id: 'prj-b2', name: 'Project B2', level: 'PROJECT', parentId: 'bu-b', region: 'South', industry: 'Finance' },
];

export const USERS = {
  admin: { username: 'e2e.admin', password: 'admin-pass-123', role: 'ADMIN', unitId: 'grp' },
  executive: { username: 'e2e.exec', password: 'exec-pass-123', role: 'EXECUTIVE', unitId: 'grp' },
  headA: { username: 'e2e.head.a', password: 'head-a-pass-123', role: 'UNIT_HEAD', unitId: 'bu-a' },
  headB: { username: 'e2e.head.b', password: 'head-b-pass-123', role: 'UNIT_HEAD', unitId: 'bu-b' },
  agentA: { username: 'e2e.agent.a', password: 'agent-a-pass-123', role: 'AGENT', unitId: 'bu-a' },
} as const satisfies Record<string, FixtureUser>;

export const SITES = {
  group: { id: 'site-grp', unitId: 'grp', key: 'e2e-site-key-group-0123456789abcdef' },
  buA: { id: 'site-a', unitId: 'bu-a', key: 'e2e-site-key-bu-a-0123456789abcdef' },
  buB: { id: 'site-b', unitId: 'bu-b', key: 'e2e-site-key-bu-b-0123456789abcdef' },
  prjA1: { id: 'site-a1', unitId: 'prj-a1', key: 'e2e-site-key-prj-a1-0123456789abcdef' },
} as const satisfies Record<string, FixtureSite>;

export const GROUP_ID = 'grp';
export const BUSINESS_UNIT_IDS = UNITS.filter((u) => u.level === 'BUSINESS_UNIT').map((u) => u.id);
export const PROJECT_IDS = UNITS.filter((u) => u.level === 'PROJECT').map((u) => u.id);

/** The unit and every unit below it. */
export function subtreeOf(unitId: string): Set<string> {
  const out = new Set<string>([unitId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of UNITS) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

export const childrenOf = (unitId: string): string[] => UNITS.filter((u) => u.parentId === unitId).map((u) => u.id);

/** Writes the bootstrap file (shared/contract/seed.md) into `dir` and returns its path. */
export function writeSeedFile(dir: string): string {
  const path = join(dir, 'org.json');
  const seed = { units: UNITS, users: Object.values(USERS), sites: Object.values(SITES) };
  writeFileSync(path, JSON.stringify(seed, null, 2));
  return path;
}

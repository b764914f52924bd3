import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrgUnitRecord, Seed } from '@qihe/domain';

// The benchmark's organisation: one group, 20 business units of 24 projects
// each (501 units), a site key per business unit and one at the group, and an
// executive who reads scores and watches the feed.

export const BENCH_GROUP = 'group';
export const EXEC = { username: 'bench.exec', password: 'bench-exec-password-2026', role: 'EXECUTIVE' as const, unitId: BENCH_GROUP };

const REGIONS = ['East', 'North', 'South', 'West', 'Central', 'Northeast', 'Northwest', 'Southwest'];
const INDUSTRIES = ['Energy', 'Transport', 'Utilities', 'Telecom'];

export interface BenchOrg {
  seed: Seed;
  file: string;
  businessUnits: string[];
  projects: string[];
}

export function benchOrg(dir: string, businessUnits = 20, projectsPerUnit = 24): BenchOrg {
  const units: OrgUnitRecord[] = [{ id: BENCH_GROUP, name: 'Bench Group', level: 'GROUP', parentId: null, region: null, industry: null }];
  const bus: string[] = [];
  const projects: string[] = [];
  for (let b = 0; b < businessUnits; b++) {
    const bu = `bu-${String(b + 1).padStart(2, '0')}`;
    const industry = INDUSTRIES[b % INDUSTRIES.length];
    const region = REGIONS[b % REGIONS.length];
    units.push({ id: bu, name: `Business Unit ${b + 1}`, level: 'BUSINESS_UNIT', parentId: BENCH_GROUP, region, industry });
    bus.push(bu);
    for (let p = 0; p < projectsPerUnit; p++) {
      const id = `prj-${String(b + 1).padStart(2, '0')}-${String(p + 1).padStart(2, '0')}`;
      // Most projects sit in their unit's region; some elsewhere.
      const pRegion = p % 5 === 4 ? REGIONS[(b + p) % REGIONS.length] : region;
      units.push({ id, name: `Project ${b + 1}.${p + 1}`, level: 'PROJECT', parentId: bu, region: pRegion, industry });
      projects.push(id);
    }
  }
  const sites = [
    { id: 'site-group', unitId: BENCH_GROUP, key: 'bench-site-key-group-0123456789abcdef' },
    ...bus.map((bu) => ({ id: `site-${bu}`, unitId: bu, key: `bench-site-key-${bu}-0123456789abcdef` })),
  ];
  const seed: Seed = { units, users: [EXEC], sites, commitments: [], perceptionPoints: [], targets: [] };
  const file = join(dir, 'bench-org.json');
  // The seed file format: parentId/region/industry only where present.
  const wire = {
    units: units.map((u) => ({ id: u.id, name: u.name, level: u.level, ...(u.parentId ? { parentId: u.parentId } : {}), ...(u.region ? { region: u.region } : {}), ...(u.industry ? { industry: u.industry } : {}) })),
    users: seed.users,
    sites,
  };
  writeFileSync(file, JSON.stringify(wire, null, 1));
  return { seed, file, businessUnits: bus, projects };
}

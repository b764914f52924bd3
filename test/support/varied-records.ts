import { randomUUID } from 'node:crypto';
import { CHANNELS, NEED_CATEGORIES, OrgTree, type OrgUnitRecord, type TouchpointRecord } from '@qihe/domain';

// A small org and deterministic, varied touchpoints for storage-level specs
// (rollups, recounts, day rows), which add records without the API.

export const UNITS: OrgUnitRecord[] = [
  { id: 'g', name: 'G', level: 'GROUP', parentId: null, region: null, industry: null },
  { id: 'b1', name: 'B1', level: 'BUSINESS_UNIT', parentId: 'g', region: 'East', industry: 'Energy' },
  { id: 'b2', name: 'B2', level: 'BUSINESS_UNIT', parentId: 'g', region: 'West', industry: 'Telecom' },
  { id: 'p1', name: 'P1', level: 'PROJECT', parentId: 'b1', region: 'East', industry: 'Energy' },
  { id: 'p2', name: 'P2', level: 'PROJECT', parentId: 'b1', region: 'North', industry: 'Energy' },
  { id: 'p3', name: 'P3', level: 'PROJECT', parentId: 'b2', region: 'West', industry: 'Telecom' },
];
export const TREE = new OrgTree(UNITS);

/** A varied, valid record `i` whose occurredAt is `at`, in one of `unitIds` (round robin); text with quotes, backslashes and commas. */
export function variedRecord(i: number, at: number, unitIds: readonly string[] = ['p1', 'p2', 'p3', 'b1', 'g']): TouchpointRecord {
  const served = i % 4 !== 0;
  return {
    id: randomUUID(),
    unitId: unitIds[i % unitIds.length],
    customerId: `c-${i % 7}`,
    industry: i % 6 === 0 ? null : ['Energy', 'Telecom'][i % 2],
    region: i % 9 === 0 ? null : ['East', 'West', 'North "quoted"', 'back\\slash, comma'][i % 4],
    contractId: i % 3 === 0 ? null : `ct-${i}`,
    productId: null,
    teamId: null,
    agentId: `a-${i % 3}`,
    channel: CHANNELS[i % CHANNELS.length],
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(at),
    needCategory: NEED_CATEGORIES[i % NEED_CATEGORIES.length],
    needDescription: i % 2 ? `need {${i}}` : null,
    service: served
      ? {
          action: 'act',
          handleSeconds: 60 + i,
          resolved: i % 3 !== 0,
          firstContact: i % 2 === 0,
          knowledgeRefs: i % 5 === 0 ? [] : [`kb-${i % 4}`],
          knowledgeCreated: i % 11 === 0,
          handoffUnitId: i % 13 === 0 ? 'p2' : null,
          commitment: i % 4 === 1 ? { code: 'CB', met: i % 8 === 1 } : null,
          servedAt: new Date(at + 60_000),
        }
      : null,
    satisfaction: i % 3 === 1 ? { score: 1 + (i % 5), comment: i % 2 ? 'ok' : null } : null,
    perceptionPoint: null,
  };
}

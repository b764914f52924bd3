import { createHash } from 'node:crypto';
import type { TouchpointRecord } from '@qihe/domain';
import { canonicalTouchpoint, touchpointContentHash } from './validate-touchpoint';

// The content hash is stored with every touchpoint and compared with every
// re-send's: however it is computed, its value must never change, or stored
// touchpoints would turn into CONFLICTs. Values pinned from the build before
// crypto.hash replaced createHash (main at 2cfa16d).

const BASE: TouchpointRecord = {
  id: '0192f1c2-3b4a-7c5d-8e6f-0123456789ab',
  unitId: 'p1',
  customerId: 'c-1',
  industry: 'Energy',
  region: 'North "quoted"',
  contractId: null,
  productId: 'prod',
  teamId: null,
  agentId: 'a-1',
  channel: 'PHONE',
  kind: 'SERVICE',
  stage: 'AFTER_SALE',
  occurredAt: new Date('2026-12-01T10:11:12.345Z'),
  needCategory: 'BILLING',
  needDescription: '契合 back\\slash, {x}',
  service: {
    action: 'act',
    handleSeconds: 61,
    resolved: true,
    firstContact: false,
    knowledgeRefs: ['kb-1', 'kb-2'],
    knowledgeCreated: false,
    handoffUnitId: null,
    commitment: { code: 'CALLBACK', met: null },
    servedAt: new Date('2026-12-01T10:12:00.000Z'),
  },
  satisfaction: { score: 4, comment: 'ok' },
  perceptionPoint: null,
} as unknown as TouchpointRecord;

describe('touchpointContentHash', () => {
  it.each([
    ['served and rated', BASE, 'a2XDVQMH/pooJOVDSJENM1gn5n71qT5nGykKrEilT7g='],
    ['unserved, with a perception point', { ...BASE, service: null, satisfaction: null, perceptionPoint: 'PP-1' }, 'kE8T4JZCDH3frYQ2lrGCRDTNv+zCeGLXrs9GwkvnoEY='],
  ])('keeps the stored value (%s)', (_, record, stored) => {
    expect(touchpointContentHash(record as TouchpointRecord)).toBe(stored);
    expect(touchpointContentHash(record as TouchpointRecord)).toBe(createHash('sha256').update(canonicalTouchpoint(record as TouchpointRecord)).digest('base64'));
  });
});

import { randomUUID } from 'node:crypto';
import type { RecordMutation } from '../__generated__/gateway/graphql';

/** A valid TouchpointInput for tests; override any field. */
export function touchpoint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    unitId: 'prj-a1',
    customerId: 'cust-1',
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 60_000).toISOString(),
    need: { category: 'FAULT', description: 'meter offline' },
    service: { action: 'remote reset', handleSeconds: 240, resolved: true, firstContact: true, knowledgeRefs: ['KB-1'] },
    ...overrides,
  };
}

export { RATE, RECORD, SCORE } from './documents';

export type IngestResult = RecordMutation['recordTouchpoints'];

export const hourWindow = (hoursBack = 48, hoursForward = 1): { from: string; to: string } => {
  const h = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  return { from: new Date(h - hoursBack * 3_600_000).toISOString(), to: new Date(h + hoursForward * 3_600_000).toISOString() };
};

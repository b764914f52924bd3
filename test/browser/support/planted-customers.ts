import { Rng } from '../../../tools/traffic/src/prng';
import { plantedTraffic } from '../../support/planted-customers';

/** Planted customers for the console's risk views: always at their home unit, the newest an hour ago. */
export function plantedCustomers(seed: string, units: readonly string[], customers: number, perCustomer: number, now = Date.now()): Record<string, unknown>[] {
  return plantedTraffic({ stream: 'browser-risk', idPrefix: '', startDaysAgo: 120, gapDays: 12, newestBeforeMs: 3_600_000, homeShare: 1 }, seed, units, customers, perCustomer, now);
}

/** `n` touchpoints of one customer in `unitId`, an hour apart, the newest `hoursAgo` hours ago. */
export function historyOf(customerId: string, unitId: string, n: number, hoursAgo: number, extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  const rng = Rng.for(customerId, unitId, hoursAgo);
  return Array.from({ length: n }, (_, i) => {
    const t = Date.now() - (hoursAgo + i) * 3_600_000;
    return {
      id: rng.uuid(t),
      unitId,
      customerId,
      channel: i % 3 === 0 ? 'WEB' : 'PHONE',
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: new Date(t).toISOString(),
      need: { category: i % 4 === 0 ? 'COMPLAINT' : 'FAULT', description: `call ${i + 1} at ${unitId}` },
      service: { action: `handled at ${unitId}`, handleSeconds: 200, resolved: i % 2 === 0, firstContact: i === n - 1 },
      satisfaction: { score: i % 2 === 0 ? 2 : 4 },
      ...extra,
    };
  });
}

import { Rng } from '../../../tools/traffic/src/prng';

const DAY = 86_400_000;

/**
 * Customers with a hidden state that shows in their touchpoints (as in the
 * gateway's risk spec): content ones are served and rate well, frustrated ones
 * leave unresolved contacts, complaints and low ratings. Enough ratings for the
 * gateway to fit its risk model, so the console has risks to show.
 */
export function plantedCustomers(seed: string, units: readonly string[], customers: number, perCustomer: number, now = Date.now()): Record<string, unknown>[] {
  const rng = Rng.for(seed, 'browser-risk');
  const out: Record<string, unknown>[] = [];
  for (let c = 0; c < customers; c++) {
    let frustrated = rng.next() < 0.3;
    const home = units[c % units.length];
    let t = now - 120 * DAY + rng.next() * 20 * DAY;
    for (let k = 0; k < perCustomer; k++) {
      if (frustrated ? rng.next() < 0.15 : rng.next() < 0.08) frustrated = !frustrated;
      t += (2 + rng.next() * 12) * DAY;
      if (t > now - 3_600_000) break;
      const resolved = frustrated ? rng.next() < 0.3 : rng.next() < 0.9;
      const complaint = frustrated ? rng.next() < 0.5 : rng.next() < 0.05;
      const rated = rng.next() < 0.7;
      const score = frustrated ? (rng.next() < 0.75 ? 1 + Math.floor(rng.next() * 2) : 3 + Math.floor(rng.next() * 2)) : rng.next() < 0.07 ? 2 : 4 + Math.floor(rng.next() * 2);
      out.push({
        id: rng.uuid(Math.round(t)),
        unitId: home,
        customerId: `${seed}-${c}`,
        channel: 'PHONE',
        kind: 'SERVICE',
        stage: 'AFTER_SALE',
        occurredAt: new Date(Math.round(t)).toISOString(),
        need: { category: complaint ? 'COMPLAINT' : 'FAULT' },
        service: { action: 'handled', handleSeconds: 120, resolved, firstContact: true },
        ...(rated ? { satisfaction: { score } } : {}),
      });
    }
  }
  return out;
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

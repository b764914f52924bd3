import { Rng } from '../../tools/traffic/src/prng';

const DAY = 86_400_000;

export interface PlantedShape {
  /** The generator's stream label (each suite keeps its own, so its seeds stay its own). */
  stream: string;
  /** Prefix of every customer id. */
  idPrefix: string;
  /** How far back a customer's first touchpoint starts, before up to 20 days of jitter. */
  startDaysAgo: number;
  /** Days between a customer's touchpoints: 2 plus up to this many more. */
  gapDays: number;
  /** Nothing is planted closer to `now` than this. */
  newestBeforeMs: number;
  /** Share of touchpoints at the customer's home unit (the rest anywhere); 1: always home. */
  homeShare: number;
}

/**
 * Customers with a hidden state that shows in their touchpoints: content ones
 * are served and rate well; frustrated ones leave unresolved contacts,
 * complaints and low ratings. States persist and change slowly — a structure
 * the risk model must find (the gateway's risk spec) and the console can show.
 */
export function plantedTraffic(shape: PlantedShape, seed: string, units: readonly string[], customers: number, perCustomer: number, now: number): Record<string, unknown>[] {
  const rng = Rng.for(seed, shape.stream);
  const out: Record<string, unknown>[] = [];
  for (let c = 0; c < customers; c++) {
    let frustrated = rng.next() < 0.3;
    const home = units[c % units.length];
    let t = now - shape.startDaysAgo * DAY + rng.next() * 20 * DAY;
    for (let k = 0; k < perCustomer; k++) {
      if (frustrated ? rng.next() < 0.15 : rng.next() < 0.08) frustrated = !frustrated;
      t += (2 + rng.next() * shape.gapDays) * DAY;
      if (t > now - shape.newestBeforeMs) break;
      const resolved = frustrated ? rng.next() < 0.3 : rng.next() < 0.9;
      const complaint = frustrated ? rng.next() < 0.5 : rng.next() < 0.05;
      const rated = rng.next() < 0.7;
      const score = frustrated ? (rng.next() < 0.75 ? 1 + Math.floor(rng.next() * 2) : 3 + Math.floor(rng.next() * 2)) : rng.next() < 0.07 ? 2 : 4 + Math.floor(rng.next() * 2);
      out.push({
        id: rng.uuid(Math.round(t)),
        // homeShare 1 draws nothing here, so a stream's sequence does not depend on the option.
        unitId: shape.homeShare >= 1 || rng.next() < shape.homeShare ? home : units[Math.floor(rng.next() * units.length)],
        customerId: `${shape.idPrefix}${seed}-${c}`,
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

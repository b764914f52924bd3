import type { NeedCategory } from '@qihe/domain';
import type { SatisfactionInput, ServiceInput } from '@qihe/client';
import { Rng } from './prng';

// Customers with a hidden state that changes as they come back (issue 14): a
// content customer is served as the unit's profile says; a frustrated one
// complains, calls again about the same thing, is less often resolved, sees
// promises broken and rates low; a recovering one is on the mend. Nothing
// says the state outright: it shows only in the touchpoints, which is what
// the risk model has to learn from. Moods draw from their own stream, so the
// rest of the generator's draws stay as they were.

export type Mood = 'CONTENT' | 'FRUSTRATED' | 'RECOVERING';

/** Per contact: the chance to move from a state to another. */
const TURN: Record<Mood, [Mood, number][]> = {
  CONTENT: [['FRUSTRATED', 0.08]],
  FRUSTRATED: [['RECOVERING', 0.25]],
  RECOVERING: [['CONTENT', 0.4], ['FRUSTRATED', 0.15]],
};

interface CustomerState {
  mood: Mood;
  lastNeed: NeedCategory | null;
}

export class CustomerMoods {
  private readonly rng: Rng;
  private readonly states = new Map<string, CustomerState>();

  constructor(seed: number | string) {
    this.rng = Rng.for(String(seed), 'moods');
  }

  /** The customer's state at this contact (the first contact: frustrated one time in ten). */
  step(customerId: string): Mood {
    let s = this.states.get(customerId);
    if (!s) {
      s = { mood: this.rng.chance(0.1) ? 'FRUSTRATED' : 'CONTENT', lastNeed: null };
      this.states.set(customerId, s);
      return s.mood;
    }
    let r = this.rng.next();
    for (const [to, p] of TURN[s.mood]) {
      if (r < p) {
        s.mood = to;
        break;
      }
      r -= p;
    }
    return s.mood;
  }

  /** What the customer needs: a frustrated one often complains or calls again about the last thing. */
  need(customerId: string, mood: Mood, drawn: NeedCategory): NeedCategory {
    const s = this.states.get(customerId);
    let need = drawn;
    if (mood === 'FRUSTRATED') {
      const r = this.rng.next();
      if (r < 0.35) need = 'COMPLAINT';
      else if (r < 0.75 && s?.lastNeed) need = s.lastNeed;
    }
    if (s) s.lastNeed = need;
    return need;
  }

  /** A frustrated customer's contact is less often resolved and its promise less often kept. */
  shape(mood: Mood, service: ServiceInput): void {
    if (mood !== 'FRUSTRATED') return;
    if (service.resolved && this.rng.chance(0.5)) {
      service.resolved = false;
      service.firstContact = false;
    }
    if (service.commitment?.met && this.rng.chance(0.5)) service.commitment = { ...service.commitment, met: false };
  }

  /** The rating the state gives: frustrated mostly 1..2, recovering 2..4, content as the service earned. */
  rating(mood: Mood, earned: SatisfactionInput): SatisfactionInput {
    if (mood === 'CONTENT') return earned;
    const r = this.rng.next();
    const score = mood === 'FRUSTRATED' ? (r < 0.7 ? 1 + this.rng.int(0, 1) : 3) : r < 0.2 ? 2 : 3 + this.rng.int(0, 1);
    return { ...earned, score };
  }

  /** Customers are the organisation's, not a unit's: now and then a unit serves a customer of another unit. */
  whoseCustomer(unitId: string, units: readonly string[]): string {
    if (units.length < 2 || !this.rng.chance(0.12)) return unitId;
    return this.rng.pick(units.filter((u) => u !== unitId));
  }
}

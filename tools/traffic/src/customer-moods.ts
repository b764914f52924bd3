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
//
// What moves the state is what happened to the customer last time, as with
// real customers: a contact left unresolved or a promise broken can turn a
// content customer frustrated, and a frustrated one stays so until a contact
// goes well. A frustrated customer left unresolved often calls back within days.

export type Mood = 'CONTENT' | 'FRUSTRATED' | 'RECOVERING';

/** Per contact: the chance to move from a state to another, after a bad last contact and after any other. */
const TURN: Record<Mood, { to: Mood; afterBad: number; otherwise: number }[]> = {
  CONTENT: [{ to: 'FRUSTRATED', afterBad: 0.2, otherwise: 0.02 }],
  FRUSTRATED: [{ to: 'RECOVERING', afterBad: 0.05, otherwise: 0.5 }],
  RECOVERING: [
    { to: 'CONTENT', afterBad: 0.1, otherwise: 0.4 },
    { to: 'FRUSTRATED', afterBad: 0.35, otherwise: 0.03 },
  ],
};

/** A frustrated customer left unresolved calls back about it: this often, after 1..6 days. */
const CALLBACK_CHANCE = 0.5;
const CALLBACK_DAYS: readonly [number, number] = [1, 6];
const DAY = 86_400_000;

interface CustomerState {
  mood: Mood;
  lastNeed: NeedCategory | null;
  /** The last served contact was left unresolved or broke its promise. */
  lastBad: boolean;
}

/** A contact the customer will make again (a frustrated one, left unresolved). */
export interface Callback<C> {
  customer: C;
  unitId: string;
  need: NeedCategory;
  dueMs: number;
}

export class CustomerMoods<C = unknown> {
  private readonly rng: Rng;
  private readonly states = new Map<string, CustomerState>();
  /** Callbacks by due time (appended in generation order; due times are close to sorted). */
  private callbacks: Callback<C>[] = [];
  /** The earliest due time among them: until then a contact looks at none (a batch generated at one clock would scan them all). */
  private nextDue = Infinity;

  constructor(seed: number | string) {
    this.rng = Rng.for(String(seed), 'moods');
  }

  /** The customer's state at this contact (the first contact: frustrated one time in ten). */
  step(customerId: string): Mood {
    let s = this.states.get(customerId);
    if (!s) {
      s = { mood: this.rng.chance(0.1) ? 'FRUSTRATED' : 'CONTENT', lastNeed: null, lastBad: false };
      this.states.set(customerId, s);
      return s.mood;
    }
    let r = this.rng.next();
    for (const turn of TURN[s.mood]) {
      const p = s.lastBad ? turn.afterBad : turn.otherwise;
      if (r < p) {
        s.mood = turn.to;
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

  /**
   * How the served contact went, which moves the customer's next state; a
   * frustrated customer left unresolved may call back about it.
   */
  served(customer: C, customerId: string, unitId: string, need: NeedCategory, mood: Mood, service: ServiceInput, nowMs: number): void {
    const s = this.states.get(customerId);
    if (!s) return;
    s.lastBad = !service.resolved || service.commitment?.met === false;
    if (mood === 'FRUSTRATED' && !service.resolved && this.rng.chance(CALLBACK_CHANCE)) {
      const dueMs = nowMs + this.rng.between(CALLBACK_DAYS[0], CALLBACK_DAYS[1]) * DAY;
      this.callbacks.push({ customer, unitId, need, dueMs });
      this.nextDue = Math.min(this.nextDue, dueMs);
    }
  }

  /** A callback due by now, taken one contact in two while any is due (null: none due, or not this time). */
  callback(nowMs: number): Callback<C> | null {
    if (nowMs < this.nextDue) return null;
    let k = -1;
    for (let i = 0; i < this.callbacks.length; i++) {
      if (this.callbacks[i].dueMs <= nowMs) {
        k = i;
        break;
      }
    }
    if (k < 0 || !this.rng.chance(0.5)) return null;
    const [due] = this.callbacks.splice(k, 1);
    // Callbacks the clock left far behind (a generator paused for days) are dropped, not replayed in a burst.
    this.callbacks = this.callbacks.filter((c) => c.dueMs > nowMs - 7 * DAY);
    this.nextDue = this.callbacks.reduce((m, c) => Math.min(m, c.dueMs), Infinity);
    return due;
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

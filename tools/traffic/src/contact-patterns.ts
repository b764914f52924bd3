import type { Channel, NeedCategory, PerceptionPointDefinition } from '@qihe/domain';
import { Rng } from './prng';

// What makes the management indicators (issue 13) meaningful: handle times
// that look like a real centre's (log-normal around a median per channel,
// stretched per need), customers who call again about the same need within
// the 7-day repeat window (sometimes reaching another unit), and the
// perception point of the catalogue each contact touches. Each draws from its
// own stream, so the generator's other draws stay as they were.

/** Median handle seconds per channel. */
export const HANDLE_MEDIAN_SECONDS: Record<Channel, number> = {
  PHONE: 330,
  EMAIL: 600,
  WEB: 240,
  APP: 210,
  ONSITE: 4_800,
  SOCIAL: 150,
  OTHER: 360,
};

/** Plausible bounds per channel: a draw outside is clamped to them. */
export const HANDLE_BOUNDS_SECONDS: Record<Channel, readonly [number, number]> = {
  PHONE: [30, 3_600],
  EMAIL: [60, 7_200],
  WEB: [30, 2_400],
  APP: [20, 2_400],
  ONSITE: [900, 28_800],
  SOCIAL: [15, 1_800],
  OTHER: [30, 3_600],
};

/** How a need stretches the channel's median: faults and complaints take longer than a question. */
export const HANDLE_NEED_FACTOR: Record<NeedCategory, number> = {
  CONSULTATION: 0.9,
  FAULT: 1.5,
  COMPLAINT: 1.4,
  PURCHASE: 1.1,
  RENEWAL: 1.0,
  INSTALLATION: 1.3,
  BILLING: 1.0,
  KNOWLEDGE: 0.8,
  SUGGESTION: 0.7,
  OTHER: 0.8,
};

/** Spread of the log-normal (σ of ln seconds). */
const HANDLE_SIGMA = 0.55;

/** Handle seconds for a contact: log-normal around the channel's median stretched by the need, within the channel's bounds. */
export function handleSecondsFor(rng: Rng, channel: Channel, need: NeedCategory): number {
  const median = HANDLE_MEDIAN_SECONDS[channel] * HANDLE_NEED_FACTOR[need];
  const [lo, hi] = HANDLE_BOUNDS_SECONDS[channel];
  return Math.round(Math.min(hi, Math.max(lo, median * Math.exp(rng.normal(0, HANDLE_SIGMA)))));
}

/** A contact a customer may call again about. */
export interface PastContact<C> {
  customer: C;
  customerId: string;
  unitId: string;
  need: NeedCategory;
  occurredMs: number;
}

export interface RepeatOptions {
  /** Share of contacts that are a customer calling again about an earlier need (default 0.15). */
  share?: number;
  /** Of the repeats, the share that reach another unit (default 0.2). */
  otherUnitShare?: number;
  /**
   * How long after its predecessor a repeat comes, [min, max] ms, log-uniform: a customer calls back hours
   * to days later, as in a centre. Absent: a repeat is of one of the latest 2,000 contacts (seconds to minutes
   * later at the traffic tool's rates), so a demo shows repeats within minutes of starting.
   */
  gapMs?: readonly [number, number];
}

const SEVEN_DAYS_MS = 7 * 86_400_000;
/** Share of contacts that are a customer calling again about an earlier need (repeat contact rates of 10–20 % are usual). */
export const REPEAT_SHARE = 0.15;
const REMEMBERED = 2_000;

/** Customers calling again about the same need within the 7-day window. */
export class RepeatContacts<C> {
  private readonly rng: Rng;
  private readonly recent: PastContact<C>[] = [];
  private readonly share: number;
  private readonly otherUnitShare: number;
  private readonly gapMs: readonly [number, number] | undefined;
  /** With a gap: the repeats to come, by due time (a binary heap). */
  private readonly due: { dueMs: number; past: PastContact<C> }[] = [];
  /** With a gap: each customer's latest contact per need (customer id, need → ms). */
  private readonly lastAbout = new Map<string, number>();
  /** With a gap: fresh contacts whose need was drawn again, as it would have made them a repeat. */
  redrawn = 0;

  constructor(seed: number | string, opts: RepeatOptions = {}) {
    this.rng = Rng.for(String(seed), 'repeats');
    this.share = opts.share ?? REPEAT_SHARE;
    this.otherUnitShare = opts.otherUnitShare ?? 0.2;
    this.gapMs = opts.gapMs;
    if (this.gapMs && !(this.gapMs[0] > 0 && this.gapMs[0] <= this.gapMs[1] && this.gapMs[1] <= SEVEN_DAYS_MS)) {
      throw new RangeError(`gapMs: [min, max] with 0 < min <= max <= 7 days, got [${this.gapMs.join(', ')}]`);
    }
  }

  /** An earlier contact to call again about (with the unit it now reaches), or null for a fresh contact. */
  draw(nowMs: number, unitIds: readonly string[]): { past: PastContact<C>; unitId: string } | null {
    const past = this.gapMs ? this.takeDue(nowMs) : this.pickRecent(nowMs);
    if (!past) return null;
    const others = unitIds.filter((u) => u !== past.unitId);
    const moved = others.length > 0 && (this.rng.chance(this.otherUnitShare) || !unitIds.includes(past.unitId));
    return { past, unitId: moved ? this.rng.pick(others) : past.unitId };
  }

  /** Remembers a contact: one of the latest few thousand, or with a gap, one the customer calls back about (`share` of them) once the gap has passed. */
  remember(contact: PastContact<C>): void {
    if (this.gapMs) {
      const key = `${contact.customerId}\u0000${contact.need}`;
      this.lastAbout.set(key, Math.max(contact.occurredMs, this.lastAbout.get(key) ?? -Infinity));
      if (this.rng.chance(this.share)) {
        const [lo, hi] = this.gapMs;
        this.push({ dueMs: contact.occurredMs + Math.round(lo * (hi / lo) ** this.rng.next()), past: contact });
      }
      return;
    }
    if (this.recent.length >= REMEMBERED) this.recent.splice(0, this.recent.length - REMEMBERED + 1);
    this.recent.push(contact);
  }

  /**
   * The need of a contact that is not a repeat: with a gap, a customer who contacted about `need` within the
   * 7 days would make it one seconds later (a small customer pool at a bench's rate), so another need of the
   * unit's mix is drawn, one the customer has not contacted about lately (when there is one). Without a gap, `need`.
   */
  freshNeed<N extends string>(customerId: string, need: N, nowMs: number, mix: Readonly<Record<N, number>>): N {
    if (!this.gapMs) return need;
    const recent = (n: N): boolean => nowMs - (this.lastAbout.get(`${customerId}\u0000${n}`) ?? -Infinity) <= SEVEN_DAYS_MS;
    if (!recent(need)) return need;
    const open: Partial<Record<N, number>> = {};
    let any = false;
    for (const n of Object.keys(mix) as N[]) {
      if (mix[n] > 0 && !recent(n)) {
        open[n] = mix[n];
        any = true;
      }
    }
    if (!any) return need;
    this.redrawn++;
    return this.rng.weighted(open);
  }

  private pickRecent(nowMs: number): PastContact<C> | null {
    if (this.recent.length === 0 || !this.rng.chance(this.share)) return null;
    const past = this.recent[this.rng.int(0, this.recent.length - 1)];
    return nowMs - past.occurredMs >= SEVEN_DAYS_MS ? null : past;
  }

  /** The repeat due earliest, once due (one a contact: a backlog of due ones is called in turn). */
  private takeDue(nowMs: number): PastContact<C> | null {
    const h = this.due;
    if (h.length === 0 || h[0].dueMs > nowMs) return null;
    const top = h[0];
    const last = h.pop() as (typeof h)[number];
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].dueMs < h[m].dueMs) m = l;
        if (r < h.length && h[r].dueMs < h[m].dueMs) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top.past;
  }

  private push(x: { dueMs: number; past: PastContact<C> }): void {
    const h = this.due;
    h.push(x);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p].dueMs <= h[i].dueMs) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
}

/** The perception point a contact touches: one of the catalogue's points for its need, none when the catalogue has none. */
export class PerceptionPointPicker {
  private readonly rng: Rng;
  private readonly byNeed = new Map<NeedCategory, string[]>();

  constructor(seed: number | string, points: readonly Pick<PerceptionPointDefinition, 'code' | 'needCategories'>[]) {
    this.rng = Rng.for(String(seed), 'perception-points');
    for (const p of points) {
      for (const need of p.needCategories) {
        const list = this.byNeed.get(need) ?? [];
        list.push(p.code);
        this.byNeed.set(need, list);
      }
    }
  }

  pick(need: NeedCategory): string | undefined {
    const codes = this.byNeed.get(need);
    return codes && codes.length > 0 ? this.rng.pick(codes) : undefined;
  }
}

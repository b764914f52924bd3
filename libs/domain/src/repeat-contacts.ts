import { zeroCounters, type Counters } from './counters';

// Repeat contacts (MANAGEMENT-MODEL.md §4): a touchpoint is a repeat when the
// same customer has another touchpoint, in any unit, with the same need
// category and occurredAt in [t.occurredAt − 7 d, t.occurredAt) — equal times:
// the greater id is the repeat. The rule depends on what has arrived, not on
// the order of arrival.
//
// Why one neighbour each way is enough: a touchpoint never stops being a
// repeat (nothing is deleted), and of the stored touchpoints after a new one
// `x` and within 7 days of it, only the first can still be a non-repeat —
// every later one has the first within 7 days before it. So storing `x` needs
// its nearest stored predecessor (is `x` a repeat?) and its nearest stored
// successor (does `x` turn that one into a repeat?): two short ranges of one
// index (the customer's rows by occurredAt, id) per touchpoint, never a scan.

export const REPEAT_CONTACT_WINDOW_MS = 7 * 24 * 3_600_000;

/** What the rule looks at: who, which need, when, and the id that breaks ties. */
export interface RepeatKey {
  id: string; // lower-case UUID: compares like PostgreSQL's uuid order
  customerId: string;
  needCategory: string;
  occurredAt: number; // epoch ms
}

/** (occurredAt, id) order: the order the rule reads "before" in. */
export const precedes = (a: RepeatKey, b: RepeatKey): boolean => a.occurredAt < b.occurredAt || (a.occurredAt === b.occurredAt && a.id < b.id);

/** Whether `earlier` makes `t` a repeat: same customer and need, before it, at most 7 days before. */
export const makesRepeat = (earlier: RepeatKey, t: RepeatKey): boolean =>
  earlier.customerId === t.customerId &&
  earlier.needCategory === t.needCategory &&
  precedes(earlier, t) &&
  t.occurredAt - earlier.occurredAt <= REPEAT_CONTACT_WINDOW_MS;

/** The reference: every repeat among `all`, by the rule's words (quadratic; for tests and recounts). */
export function repeatsAmong(all: readonly RepeatKey[]): Set<string> {
  const byKey = new Map<string, RepeatKey[]>();
  for (const t of all) {
    const k = `${t.customerId}\u0000${t.needCategory}`;
    const list = byKey.get(k) ?? [];
    list.push(t);
    byKey.set(k, list);
  }
  const out = new Set<string>();
  for (const list of byKey.values()) for (const t of list) if (list.some((u) => makesRepeat(u, t))) out.add(t.id);
  return out;
}

/**
 * Which of `fresh` (not stored yet) have another of them before them within
 * the window: the nearest earlier one of the same customer and need decides.
 */
export function repeatsWithin(fresh: readonly RepeatKey[]): Set<string> {
  const byKey = new Map<string, RepeatKey[]>();
  for (const t of fresh) {
    const k = `${t.customerId}\u0000${t.needCategory}`;
    const list = byKey.get(k);
    if (list) list.push(t);
    else byKey.set(k, [t]);
  }
  const out = new Set<string>();
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (precedes(a, b) ? -1 : precedes(b, a) ? 1 : 0));
    for (let i = 1; i < list.length; i++) if (makesRepeat(list[i - 1], list[i])) out.add(list[i].id);
  }
  return out;
}

/** What a stored touchpoint that turns into a repeat adds to its rollup rows. */
export function repeatDelta(): Counters {
  const c = zeroCounters();
  c.repeats = 1;
  return c;
}

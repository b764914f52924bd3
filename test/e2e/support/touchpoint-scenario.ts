import { SITES, UNITS, subtreeOf, type FixtureSite } from './org-fixture';
import { createRng, type Rng } from './prng';
import type { RefTouchpoint } from './reference-model';
import { CHANNELS, KINDS, NEED_CATEGORIES, STAGES, type TouchpointInput } from './wire-types';

// The ingestion scenario as data: rounds of concurrent batches, each item
// tagged with what the contract says must happen to it. The spec sends the
// batches and checks the gateway's IngestResult against these tags.

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export type Expectation =
  | { kind: 'new' } // first time this id is sent: accepted
  | { kind: 'race' } // the same item is also in a concurrent batch: exactly one copy is accepted, the other is a duplicate
  | { kind: 'duplicate' } // identical re-send of an item stored before (earlier round or earlier in this batch)
  | { kind: 'rejected'; code: 'INVALID' | 'CONFLICT' | 'FORBIDDEN_UNIT' | 'UNKNOWN_UNIT'; field?: string };

export interface PlannedItem {
  input: TouchpointInput;
  expect: Expectation;
}
export interface PlannedBatch {
  label: string;
  site: FixtureSite;
  items: PlannedItem[];
}
export interface ScenarioClock {
  now: number;
  from: number; // whole hour, 48 h before the current hour
  to: number; // whole hour after now (+ the 5 min of allowed clock skew)
}
export interface Scenario {
  clock: ScenarioClock;
  rounds: PlannedBatch[][];
  /** Every id the gateway must end up storing, with the content that wins. */
  stored: Map<string, TouchpointInput>;
}

const ROUNDS = 3;
// The four site keys in each round's concurrent batches; the pairs share items (races).
const ROUND_SITES: FixtureSite[] = [SITES.group, SITES.buA, SITES.buB, SITES.prjA1];
const RACE_PAIRS: Array<[number, number]> = [
  [0, 1],
  [0, 2],
  [1, 3],
];
const UNKNOWN_UNIT_ID = 'prj-nowhere';

const iso = (ms: number): string => new Date(ms).toISOString();
const text = (rng: Rng, len: number): string => Array.from({ length: len }, () => 'abcdefghij klmnopqrstuvwxyz'[rng.int(0, 26)]).join('');
const clone = (t: TouchpointInput): TouchpointInput => JSON.parse(JSON.stringify(t)) as TouchpointInput;

export function scenarioClock(now = Date.now()): ScenarioClock {
  const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
  return { now, from: hour - 48 * HOUR_MS, to: Math.floor((now + 5 * MINUTE_MS) / HOUR_MS) * HOUR_MS + HOUR_MS };
}

/** A random, valid touchpoint of one of `units`. */
export function freshTouchpoint(rng: Rng, clock: ScenarioClock, units: readonly string[]): TouchpointInput {
  const occurredAt = pickOccurredAt(rng, clock);
  const t: TouchpointInput = {
    id: rng.uuid(),
    unitId: rng.pick(units),
    customerId: `cust-${rng.int(1, 400)}`,
    channel: rng.pick(CHANNELS),
    kind: rng.pick(KINDS),
    stage: rng.pick(STAGES),
    occurredAt: iso(occurredAt),
    need: { category: rng.pick(NEED_CATEGORIES) },
  };
  if (rng.chance(0.7)) t.industry = rng.pick(['Energy', 'Telecom', 'Finance', 'Retail']);
  if (rng.chance(0.65)) t.region = rng.pick(['East', 'West', 'North', 'South']);
  if (rng.chance(0.4)) t.contractId = `ct-${rng.int(1, 300)}`;
  if (rng.chance(0.3)) t.productId = `pd-${rng.int(1, 50)}`;
  if (rng.chance(0.5)) t.teamId = `team-${rng.int(1, 9)}`;
  if (rng.chance(0.5)) t.agentId = `agent-${rng.int(1, 40)}`;
  if (rng.chance(0.6)) t.need.description = rng.chance(0.01) ? text(rng, 2000) : text(rng, rng.int(10, 200));
  if (rng.chance(0.75)) {
    t.service = {
      action: rng.chance(0.01) ? text(rng, 500) : text(rng, rng.int(5, 100)),
      handleSeconds: rng.chance(0.02) ? rng.pick([0, 86400]) : rng.int(0, 3600),
      resolved: rng.chance(0.7),
      firstContact: rng.chance(0.5),
    };
    const refs = rng.int(0, 2);
    if (refs === 1) t.service.knowledgeRefs = [];
    if (refs === 2) t.service.knowledgeRefs = Array.from({ length: rng.int(1, 3) }, () => `kb-${rng.int(1, 99)}`);
    const created = rng.int(0, 5);
    if (created === 1) t.service.knowledgeCreated = true;
    if (created >= 2) t.service.knowledgeCreated = false;
    if (rng.chance(0.2)) t.service.handoffUnitId = rng.pick(UNITS).id;
    if (rng.chance(0.4)) t.service.commitment = { code: rng.pick(['REPAIR_48H', 'CALLBACK_2H', 'VISIT_24H']), met: rng.chance(0.75) };
    if (rng.chance(0.5) && occurredAt < clock.now - 10 * MINUTE_MS) t.service.servedAt = iso(occurredAt + rng.int(0, 600_000));
  }
  if (rng.chance(0.35)) {
    t.satisfaction = { score: rng.int(1, 5) };
    if (rng.chance(0.5)) t.satisfaction.comment = text(rng, rng.int(3, 80));
  }
  return t;
}

// Mostly spread over the 48 h, with ties on whole hours, both sides of the
// 15-minute timeliness limit, the window's edges and the allowed 5 min of future.
function pickOccurredAt(rng: Rng, c: ScenarioClock): number {
  const r = rng.next();
  if (r < 0.05) return c.from + rng.int(0, 47) * HOUR_MS;
  if (r < 0.15) return c.now - rng.int(1_000, 30 * MINUTE_MS);
  if (r < 0.155) return c.from - 1; // stored, but outside every score window
  if (r < 0.16) return c.now + 2 * MINUTE_MS;
  return rng.int(c.from, c.now - 1_000);
}

interface InvalidCase {
  field: string;
  break: (t: TouchpointInput, c: ScenarioClock) => void;
}
const withService = (t: TouchpointInput): NonNullable<TouchpointInput['service']> =>
  (t.service ??= { action: 'checked', handleSeconds: 60, resolved: true, firstContact: true });
const INVALID_CASES: InvalidCase[] = [
  { field: 'id', break: (t) => void (t.id = 'not-a-uuid') },
  { field: 'description', break: (t) => void (t.need.description = 'x'.repeat(2001)) },
  { field: 'handleSeconds', break: (t) => void (withService(t).handleSeconds = -1) },
  { field: 'handleSeconds', break: (t) => void (withService(t).handleSeconds = 86401) },
  { field: 'score', break: (t) => void (t.satisfaction = { score: 7 }) },
  { field: 'score', break: (t) => void (t.satisfaction = { score: 0 }) },
  { field: 'occurredAt', break: (t, c) => void (t.occurredAt = iso(c.now + 10 * MINUTE_MS)) },
  { field: 'action', break: (t) => void (withService(t).action = 'y'.repeat(501)) },
  { field: 'comment', break: (t) => void (t.satisfaction = { score: 3, comment: 'z'.repeat(2001) }) },
];

// Same id, other content: each way a re-send can differ.
const CONFLICTS: Array<(t: TouchpointInput) => void> = [
  (t) => void (t.customerId = `${t.customerId}-other`),
  (t) => void (t.need.category = t.need.category === 'FAULT' ? 'BILLING' : 'FAULT'),
  (t) => void (t.occurredAt = iso(Date.parse(t.occurredAt) - 1000)),
  (t) => void (t.service ? (t.service.resolved = !t.service.resolved) : (t.service = { action: 'x', handleSeconds: 1, resolved: true, firstContact: true })),
];

/** Builds the whole ingestion scenario from a seed. */
export function buildScenario(seed: number, clock = scenarioClock()): Scenario {
  const rng = createRng(seed);
  const stored = new Map<string, TouchpointInput>();
  const rounds: PlannedBatch[][] = [];
  let invalidCursor = 0;
  let conflictCursor = 0;

  for (let r = 0; r < ROUNDS; r++) {
    const earlier = [...stored.values()];
    const batches: PlannedBatch[] = ROUND_SITES.map((site, b) => ({ label: `round ${r + 1} batch ${b + 1} (${site.id})`, site, items: [] }));
    for (const [b, batch] of batches.entries()) {
      const own = [...subtreeOf(batch.site.unitId)];
      const fresh = Array.from({ length: rng.int(90, 150) }, () => freshTouchpoint(rng, clock, own));
      batch.items.push(...fresh.map((input): PlannedItem => ({ input, expect: { kind: 'new' } })));
      fresh.forEach((t) => stored.set(t.id, t));
      // Re-sends inside the batch, after their original.
      for (let k = 0; k < 3; k++) {
        const original = rng.pick(fresh);
        insertAfter(rng, batch, original, { input: clone(original), expect: { kind: 'duplicate' } });
      }
      const victim = rng.pick(fresh);
      const changed = clone(victim);
      CONFLICTS[conflictCursor++ % CONFLICTS.length](changed);
      insertAfter(rng, batch, victim, { input: changed, expect: { kind: 'rejected', code: 'CONFLICT' } });
      // Re-sends of earlier rounds' items the site may send: identical and changed.
      const mine = earlier.filter((t) => own.includes(t.unitId));
      for (let k = 0; k < 8 && mine.length; k++) insertAnywhere(rng, batch, { input: clone(rng.pick(mine)), expect: { kind: 'duplicate' } });
      for (let k = 0; k < 3 && mine.length; k++) {
        const t = clone(rng.pick(mine));
        CONFLICTS[conflictCursor++ % CONFLICTS.length](t);
        insertAnywhere(rng, batch, { input: t, expect: { kind: 'rejected', code: 'CONFLICT' } });
      }
      // A changed re-send followed, later in the batch, by the original again (stored
      // content: a duplicate) or by the same changed copy again (still not what is stored).
      if (mine.length) {
        const original = rng.pick(mine);
        const changed = clone(original);
        CONFLICTS[conflictCursor++ % CONFLICTS.length](changed);
        insertAnywhere(rng, batch, { input: changed, expect: { kind: 'rejected', code: 'CONFLICT' } });
        const again: PlannedItem =
          b % 2 === 0 ? { input: clone(original), expect: { kind: 'duplicate' } } : { input: clone(changed), expect: { kind: 'rejected', code: 'CONFLICT' } };
        insertAfter(rng, batch, changed, again);
      }
      for (let k = 0; k < 3; k++) {
        const c = INVALID_CASES[invalidCursor++ % INVALID_CASES.length];
        const t = freshTouchpoint(rng, clock, own);
        c.break(t, clock);
        insertAnywhere(rng, batch, { input: t, expect: { kind: 'rejected', code: 'INVALID', field: c.field } });
      }
      const outside = UNITS.map((u) => u.id).filter((id) => !own.includes(id));
      for (let k = 0; k < 2 && outside.length; k++) {
        insertAnywhere(rng, batch, { input: freshTouchpoint(rng, clock, outside), expect: { kind: 'rejected', code: 'FORBIDDEN_UNIT', field: 'unitId' } });
      }
      if (batch.site === SITES.group) {
        for (let k = 0; k < 2; k++) {
          insertAnywhere(rng, batch, { input: freshTouchpoint(rng, clock, [UNKNOWN_UNIT_ID]), expect: { kind: 'rejected', code: 'UNKNOWN_UNIT', field: 'unitId' } });
        }
      }
    }
    // The same new items in two concurrent batches: they race for the insert.
    for (const [x, y] of RACE_PAIRS) {
      const shared = [...subtreeOf(batches[y].site.unitId)].filter((id) => subtreeOf(batches[x].site.unitId).has(id));
      for (let k = 0; k < 4; k++) {
        const t = freshTouchpoint(rng, clock, shared);
        stored.set(t.id, t);
        insertAnywhere(rng, batches[x], { input: t, expect: { kind: 'race' } });
        insertAnywhere(rng, batches[y], { input: clone(t), expect: { kind: 'race' } });
      }
    }
    rounds.push(batches);
  }
  return { clock, rounds, stored };
}

function insertAnywhere(rng: Rng, batch: PlannedBatch, item: PlannedItem): void {
  batch.items.splice(rng.int(0, batch.items.length), 0, item);
}

function insertAfter(rng: Rng, batch: PlannedBatch, original: TouchpointInput, item: PlannedItem): void {
  const at = batch.items.findIndex((i) => i.input === original);
  batch.items.splice(rng.int(at + 1, batch.items.length), 0, item);
}

/** The model's view of a stored touchpoint: what was sent, the server's receivedAt, the final rating. */
export function toReference(t: TouchpointInput, receivedAt: number, score: number | null): RefTouchpoint {
  const s = t.service;
  return {
    id: t.id,
    unitId: t.unitId,
    occurredAt: Date.parse(t.occurredAt),
    receivedAt,
    channel: t.channel,
    kind: t.kind,
    stage: t.stage,
    region: t.region ?? null,
    industry: t.industry ?? null,
    needCategory: t.need.category,
    contractId: t.contractId ?? null,
    productId: t.productId ?? null,
    service: s
      ? {
          resolved: s.resolved,
          firstContact: s.firstContact,
          knowledgeRefs: s.knowledgeRefs?.length ?? 0,
          knowledgeCreated: s.knowledgeCreated === true,
          handoffUnitId: s.handoffUnitId ?? null,
          commitment: s.commitment ? { met: s.commitment.met } : null,
        }
      : null,
    score,
  };
}

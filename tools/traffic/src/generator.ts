import type { NeedCategory, OrgUnitRecord, PerceptionPointDefinition, TouchpointKind } from '@qihe/domain';
import type { SatisfactionInput, ServiceInput, TouchpointInput } from '@qihe/client';
import { handleSecondsFor, PerceptionPointPicker, RepeatContacts } from './contact-patterns';
import { CustomerMoods, type Mood } from './customer-moods';
import { Rng } from './prng';
import { businessUnitOf, unitProfile, type UnitProfile } from './unit-profile';
import {
  ACTION_TEXT,
  COMMENT_TEXT,
  COMMITMENT_FOR,
  NEED_TEXT,
  OTHER_INDUSTRIES,
  RESOLUTION_SHIFT,
  STAGES_FOR,
  wordsFor,
} from './catalogue';

// Pure generation of short-flow touchpoints: need → service → satisfaction.
// Everything drawn comes from one seeded stream (plus stable per-unit and
// per-customer streams), and the clock is passed in, so a run is reproducible.

export interface GeneratorOptions {
  seed: number | string;
  /** The whole org tree (units of the seed file). */
  units: readonly OrgUnitRecord[];
  /** Units that produce traffic; all units when absent. */
  activeUnitIds?: readonly string[];
  /** Share of served touchpoints, not rated at once, that get a rating later. */
  lateRatingRatio?: number;
  /** How long after sending a late rating follows: [min, max] ms. */
  lateRatingDelayMs?: readonly [number, number];
  /** Level-1 catalogue codes: a promise naming one is made now and kept later (met: false, "not yet"). */
  trackedCodes?: Iterable<string>;
  /** The perception-point catalogue: each touchpoint names one of its points for the need, when there is one. */
  perceptionPoints?: readonly Pick<PerceptionPointDefinition, 'code' | 'needCategories'>[];
  /** Share of touchpoints that are a customer calling again about an earlier need within 7 days (default 0.15). */
  repeatShare?: number;
  /** How long after its predecessor a repeat comes, [min, max] ms (log-uniform); absent: one of the latest 2,000 contacts (RepeatContacts). */
  repeatGapMs?: readonly [number, number];
}

export interface LateRating {
  satisfaction: SatisfactionInput;
  delayMs: number;
}

export interface GeneratedTouchpoint {
  input: TouchpointInput;
  /** A rating to send with recordSatisfaction later, when the customer rates after the fact. */
  lateRating?: LateRating;
  /** The customer's hidden state at this contact (never sent: what the risk model has to infer, for measuring it). */
  mood?: Mood;
}

interface Customer {
  index: number;
  id: string;
  region: string | null;
  industry: string | null;
}

/** Lag of a timely touchpoint: exponential around 20 s, never above 10 min (the 15 min rule stays clear). */
const TIMELY_LAG_MEAN_MS = 20_000;
const TIMELY_LAG_MAX_MS = 10 * 60_000;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const iso = (ms: number): string => new Date(ms).toISOString();

export class TouchpointGenerator {
  private readonly rng: Rng;
  private readonly byId = new Map<string, OrgUnitRecord>();
  private readonly children = new Map<string, OrgUnitRecord[]>();
  private readonly profiles = new Map<string, UnitProfile>();
  private readonly regions: string[];
  private readonly active: readonly string[];
  private readonly lateRatingRatio: number;
  private readonly lateDelay: readonly [number, number];
  private readonly tracked: ReadonlySet<string>;
  private readonly weightCache = new WeakMap<readonly string[], Record<string, number>>();
  private readonly moods: CustomerMoods<Customer>;
  private readonly repeats: RepeatContacts<Customer>;
  private readonly points: PerceptionPointPicker;
  private readonly handleRng: Rng;

  constructor(opts: GeneratorOptions) {
    this.rng = new Rng(opts.seed);
    this.moods = new CustomerMoods<Customer>(opts.seed);
    this.repeats = new RepeatContacts(opts.seed, { share: opts.repeatShare, gapMs: opts.repeatGapMs });
    this.points = new PerceptionPointPicker(opts.seed, opts.perceptionPoints ?? []);
    this.handleRng = Rng.for(String(opts.seed), 'handle');
    for (const u of opts.units) this.byId.set(u.id, u);
    for (const u of opts.units) {
      if (u.parentId === null) continue;
      const list = this.children.get(u.parentId) ?? [];
      list.push(u);
      this.children.set(u.parentId, list);
    }
    for (const u of opts.units) this.profiles.set(u.id, unitProfile(u, this.byId));
    this.regions = [...new Set(opts.units.map((u) => u.region).filter((r): r is string => r !== null)), 'Overseas'].sort();
    this.active = opts.activeUnitIds ?? opts.units.map((u) => u.id);
    for (const id of this.active) if (!this.byId.has(id)) throw new RangeError(`unknown unit "${id}"`);
    if (this.active.length === 0) throw new RangeError('no unit to generate traffic for');
    this.lateRatingRatio = clamp(opts.lateRatingRatio ?? 0.25, 0, 1);
    this.lateDelay = opts.lateRatingDelayMs ?? [2_000, 20_000];
    this.tracked = new Set(opts.trackedCodes ?? []);
  }

  /** With a repeat gap: fresh contacts whose need was drawn again, as it would have made them a repeat (RepeatContacts.freshNeed). */
  get needsRedrawn(): number {
    return this.repeats.redrawn;
  }

  profile(unitId: string): UnitProfile {
    const p = this.profiles.get(unitId);
    if (!p) throw new RangeError(`unknown unit "${unitId}"`);
    return p;
  }

  /** The traffic share of a set of units: lets a caller weigh sites against each other. */
  volumeOf(unitIds: readonly string[]): number {
    return unitIds.reduce((sum, id) => sum + this.profile(id).volume, 0);
  }

  batch(count: number, nowMs: number, unitIds: readonly string[] = this.active): GeneratedTouchpoint[] {
    return Array.from({ length: count }, () => this.next(nowMs, unitIds));
  }

  /** One touchpoint that happened shortly before `nowMs` in one of `unitIds`, picked by volume. */
  next(nowMs: number, unitIds: readonly string[] = this.active): GeneratedTouchpoint {
    const rng = this.rng;
    const again = this.repeats.draw(nowMs, unitIds); // a customer calling again about an earlier need
    // A frustrated customer calling back (their own stream; the main stream draws as it would without).
    const back = again ? null : this.moods.callback(nowMs);
    const drawnUnit = again ? again.unitId : rng.weighted(this.weightsOf(unitIds));
    const unit = this.byId.get(back && unitIds.includes(back.unitId) ? back.unitId : drawnUnit) as OrgUnitRecord;
    const p = this.profile(unit.id);
    const bu = businessUnitOf(unit, this.byId);
    const words = wordsFor(unit.industry ?? bu?.industry);

    const home = this.byId.get(this.moods.whoseCustomer(unit.id, this.active)) as OrgUnitRecord; // whose customer this is
    const customerIndex = Math.floor(p.customerPool * rng.next() ** 2); // a few customers call often
    const past = again?.past ?? back;
    const customer = past ? past.customer : home === unit ? this.customer(unit, p, customerIndex) : this.customer(home, this.profile(home.id), customerIndex);
    const mood = this.moods.step(customer.id);
    const moodNeed = this.moods.need(customer.id, mood, rng.weighted(p.needMix));
    const category = past ? past.need : this.repeats.freshNeed(customer.id, moodNeed, nowMs, p.needMix);
    const stage = rng.weighted(STAGES_FOR[category]);
    const channel = rng.weighted(p.channelMix);
    const kind: TouchpointKind = channel === 'SOCIAL' && rng.chance(0.8) ? 'SOCIAL' : rng.chance(0.1) ? 'COLLABORATION' : 'SERVICE';
    const asset = rng.pick(words.assets);
    const fill = (t: string): string => t.replace('{asset}', asset);

    const lagMs = rng.chance(p.lateDataRate)
      ? rng.between(16, 120) * 60_000
      : Math.min(TIMELY_LAG_MAX_MS, -Math.log(1 - rng.next()) * TIMELY_LAG_MEAN_MS);
    const occurredMs = nowMs - Math.round(lagMs);

    const input: TouchpointInput = {
      id: rng.uuid(occurredMs), // made when it happened, as a site would
      unitId: unit.id,
      customerId: customer.id,
      channel,
      kind,
      stage,
      occurredAt: iso(occurredMs),
      need: rng.chance(0.75) ? { category, description: fill(rng.pick(NEED_TEXT[category])) } : { category },
    };
    const point = this.points.pick(category);
    if (point !== undefined) input.perceptionPoint = point;
    this.repeats.remember({ customer, customerId: customer.id, unitId: unit.id, need: category, occurredMs });
    if (customer.region !== null) input.region = customer.region;
    if (customer.industry !== null) input.industry = customer.industry;
    if (rng.chance(p.linkageRate)) input.contractId = `ct-${unit.id}-${String(customer.index).padStart(4, '0')}`;
    if (rng.chance(p.linkageRate * 0.8)) input.productId = rng.pick(words.products);

    const served = rng.chance(p.servedRate);
    if (served || rng.chance(0.5)) {
      const agent = rng.int(1, p.agents);
      input.agentId = `agt-${unit.id}-${String(agent).padStart(2, '0')}`;
      input.teamId = `team-${unit.id}-${'abc'[agent % p.teams]}`;
    }
    if (!served) return { input, mood };

    const service = this.service(unit, p, category, channel, occurredMs, nowMs, fill, bu);
    this.moods.shape(mood, service);
    this.moods.served(customer, customer.id, unit.id, category, mood, service, occurredMs);
    input.service = service;
    const satisfaction = this.moods.rating(mood, this.rating(p, service.resolved));
    if (rng.chance(p.immediateRatingRate)) {
      input.satisfaction = satisfaction;
      return { input, mood };
    }
    if (rng.chance(this.lateRatingRatio)) {
      return { input, mood, lateRating: { satisfaction, delayMs: rng.int(this.lateDelay[0], this.lateDelay[1]) } };
    }
    return { input, mood };
  }

  private service(
    unit: OrgUnitRecord,
    p: UnitProfile,
    category: NeedCategory,
    channel: TouchpointInput['channel'],
    occurredMs: number,
    nowMs: number,
    fill: (t: string) => string,
    bu: OrgUnitRecord | undefined,
  ): ServiceInput {
    const rng = this.rng;
    const handoffUnitId = rng.chance(p.handoffRate) ? this.handoffTarget(unit) : undefined;
    const pResolve = clamp(p.resolutionRate + (RESOLUTION_SHIFT[category] ?? 0) - (handoffUnitId ? 0.1 : 0), 0.02, 0.99);
    const resolved = rng.chance(pResolve);
    const handleSeconds = handleSecondsFor(this.handleRng, channel, category);
    const service: ServiceInput = {
      action: fill(rng.pick(ACTION_TEXT[category])),
      handleSeconds,
      resolved,
      firstContact: rng.chance(resolved ? p.firstContactRate : p.firstContactRate * 0.5),
      servedAt: iso(Math.min(nowMs, occurredMs + handleSeconds * 1000)),
    };
    if (rng.chance(p.knowledgeUseRate)) {
      // Articles live in the business unit's knowledge base, shared by its projects.
      const base = bu?.id ?? unit.id;
      const refs = new Set<string>();
      const n = rng.int(1, 3);
      for (let i = 0; i < n; i++) refs.add(`kb-${base}-${String(rng.int(1, 200)).padStart(3, '0')}`);
      service.knowledgeRefs = [...refs];
    }
    if (rng.chance(p.knowledgeCaptureRate)) service.knowledgeCreated = true;
    if (handoffUnitId) service.handoffUnitId = handoffUnitId;
    const codes = COMMITMENT_FOR[category];
    if (codes && rng.chance(p.commitmentRate)) {
      const code = rng.pick(codes);
      const met = rng.chance(resolved ? p.commitmentMetRate : p.commitmentMetRate * 0.5);
      service.commitment = { code, met: met && !this.tracked.has(code) };
    }
    return service;
  }

  private rating(p: UnitProfile, resolved: boolean): SatisfactionInput {
    const rng = this.rng;
    const score = clamp(Math.round(rng.normal((resolved ? 4.3 : 2.3) + 0.6 * p.satisfactionBias, 0.8)), 1, 5);
    if (!rng.chance(0.25)) return { score };
    return { score, comment: rng.pick(COMMENT_TEXT[score >= 4 ? 'good' : 'bad']) };
  }

  /** Who a unit collaborates with: mostly its neighbours, sometimes another business unit. */
  private handoffTarget(unit: OrgUnitRecord): string | undefined {
    const rng = this.rng;
    const others = [...this.byId.values()].filter((u) => u.id !== unit.id);
    if (others.length === 0) return undefined;
    const parent = unit.parentId === null ? undefined : this.byId.get(unit.parentId);
    const siblings = parent ? (this.children.get(parent.id) ?? []).filter((u) => u.id !== unit.id) : [];
    const own = this.children.get(unit.id) ?? [];
    const r = rng.next();
    if (unit.level === 'PROJECT') {
      if (r < 0.55 && siblings.length) return rng.pick(siblings).id;
      if (r < 0.8 && parent) return parent.id;
    } else if (unit.level === 'BUSINESS_UNIT' && r < 0.6 && own.length) {
      return rng.pick(own).id;
    }
    const bu = businessUnitOf(unit, this.byId);
    const far = others.filter((u) => {
      const ub = businessUnitOf(u, this.byId);
      return ub !== undefined && ub.id !== bu?.id;
    });
    return rng.pick(far.length ? far : others).id;
  }

  private customer(unit: OrgUnitRecord, p: UnitProfile, index: number): Customer {
    // A customer's attributes come from its own stream: the same customer always looks the same.
    const r = Rng.for('qihe-customer', unit.id, index);
    const region = r.chance(p.unknownCustomerRate)
      ? null
      : r.chance(p.foreignCustomerRate)
        ? r.pick(this.regions.filter((x) => x !== unit.region))
        : unit.region;
    const industry = r.chance(p.unknownCustomerRate)
      ? null
      : r.chance(p.foreignCustomerRate) || unit.industry === null
        ? r.pick(OTHER_INDUSTRIES)
        : unit.industry;
    return { index, id: `cust-${unit.id}-${String(index).padStart(4, '0')}`, region, industry };
  }

  private weightsOf(unitIds: readonly string[]): Record<string, number> {
    let w = this.weightCache.get(unitIds);
    if (!w) {
      w = {};
      for (const id of unitIds) w[id] = this.profile(id).volume;
      this.weightCache.set(unitIds, w);
    }
    return w;
  }
}

import type { Channel, NeedCategory, OrgUnitRecord } from '@qihe/domain';
import { Rng } from './prng';

// Every unit has its own tendencies, stable across runs: a business unit draws
// its character once, its projects vary around it. Profiles depend only on the
// unit id, so a demo looks the same whatever the run seed.

export interface UnitProfile {
  unitId: string;
  /** Relative share of the traffic this unit produces. */
  volume: number;
  channelMix: Record<Channel, number>;
  needMix: Record<NeedCategory, number>;
  servedRate: number;
  resolutionRate: number;
  firstContactRate: number;
  knowledgeUseRate: number;
  knowledgeCaptureRate: number;
  handoffRate: number;
  commitmentRate: number;
  commitmentMetRate: number;
  linkageRate: number;
  immediateRatingRate: number;
  /** −1 .. 1: how much kinder (or harsher) this unit's customers rate than the average. */
  satisfactionBias: number;
  /** Share of touchpoints that reach the gateway more than 15 minutes after they occurred. */
  lateDataRate: number;
  /** Share of customers from another region / industry than the unit's, and share without one. */
  foreignCustomerRate: number;
  unknownCustomerRate: number;
  customerPool: number;
  agents: number;
  teams: number;
}

type Rates = Omit<UnitProfile, 'unitId' | 'volume' | 'channelMix' | 'needMix' | 'customerPool' | 'agents' | 'teams'>;

const ch = (PHONE: number, EMAIL: number, WEB: number, APP: number, ONSITE: number, SOCIAL: number, OTHER: number): Record<Channel, number> => ({
  PHONE,
  EMAIL,
  WEB,
  APP,
  ONSITE,
  SOCIAL,
  OTHER,
});

const needs = (
  CONSULTATION: number,
  FAULT: number,
  COMPLAINT: number,
  PURCHASE: number,
  RENEWAL: number,
  INSTALLATION: number,
  BILLING: number,
  KNOWLEDGE: number,
  SUGGESTION: number,
  OTHER: number,
): Record<NeedCategory, number> => ({ CONSULTATION, FAULT, COMPLAINT, PURCHASE, RENEWAL, INSTALLATION, BILLING, KNOWLEDGE, SUGGESTION, OTHER });

interface IndustryPreset {
  channels: Record<Channel, number>;
  needs: Record<NeedCategory, number>;
}

const PRESETS: Record<string, IndustryPreset> = {
  //                 PHONE EMAIL WEB APP ONSITE SOCIAL OTHER
  Energy: { channels: ch(3, 2, 1, 1, 3, 0.3, 0.2), needs: needs(2, 4, 1, 1, 0.8, 2, 0.5, 1, 0.4, 0.3) },
  Transport: { channels: ch(3, 2, 1, 1, 2, 0.5, 0.3), needs: needs(2, 4, 1.5, 0.8, 1, 1, 0.4, 1.2, 0.5, 0.3) },
  Utilities: { channels: ch(4, 1, 2, 2, 1, 1, 0.3), needs: needs(2, 3, 2, 0.3, 0.5, 1, 4, 0.6, 0.6, 0.4) },
  Telecom: { channels: ch(3, 1, 3, 3, 1, 1.5, 0.2), needs: needs(2, 3, 1.5, 2, 2, 1.5, 2, 0.8, 0.5, 0.3) },
};
const DEFAULT_PRESET: IndustryPreset = { channels: ch(3, 2, 2, 2, 1, 1, 0.5), needs: needs(3, 2, 1, 1, 1, 1, 1, 1, 0.5, 0.5) };

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A business unit's character: wide ranges, so units are told apart on a dashboard. */
function drawRates(rng: Rng): Rates {
  return {
    servedRate: rng.between(0.62, 0.78), // about 70 % of touchpoints get a service part
    resolutionRate: rng.between(0.55, 0.93),
    firstContactRate: rng.between(0.4, 0.8),
    knowledgeUseRate: rng.between(0.2, 0.7),
    knowledgeCaptureRate: rng.between(0.02, 0.12),
    handoffRate: rng.between(0.04, 0.18),
    commitmentRate: rng.between(0.25, 0.6),
    commitmentMetRate: rng.between(0.65, 0.97),
    linkageRate: rng.between(0.5, 0.95),
    immediateRatingRate: rng.between(0.15, 0.4),
    satisfactionBias: rng.between(-0.6, 0.6),
    lateDataRate: rng.between(0.01, 0.06),
    foreignCustomerRate: rng.between(0.05, 0.2),
    unknownCustomerRate: rng.between(0.03, 0.12),
  };
}

/** A project around its business unit: small deviations, kept within sensible bounds. */
function jitterRates(base: Rates, rng: Rng): Rates {
  const out = { ...base };
  for (const key of Object.keys(out) as (keyof Rates)[]) {
    const spread = key === 'satisfactionBias' ? 0.3 : Math.max(0.01, base[key] * 0.15);
    const lo = key === 'satisfactionBias' ? -1 : 0;
    const hi = key === 'servedRate' ? 0.9 : 1;
    out[key] = clamp(base[key] + rng.between(-spread, spread), lo, hi);
  }
  return out;
}

function jitterMix<K extends string>(mix: Record<K, number>, rng: Rng): Record<K, number> {
  const out = { ...mix };
  for (const k of Object.keys(out) as K[]) out[k] = mix[k] * rng.between(0.5, 1.5);
  return out;
}

const LEVEL_VOLUME = { GROUP: 0.1, BUSINESS_UNIT: 0.35, PROJECT: 1 } as const;

/** The business unit a unit belongs to: itself, its parent, or none for the group. */
export function businessUnitOf(unit: OrgUnitRecord, byId: ReadonlyMap<string, OrgUnitRecord>): OrgUnitRecord | undefined {
  let cur: OrgUnitRecord | undefined = unit;
  for (let hops = 0; cur && hops < 8; hops++) {
    if (cur.level === 'BUSINESS_UNIT') return cur;
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return undefined;
}

export function unitProfile(unit: OrgUnitRecord, byId: ReadonlyMap<string, OrgUnitRecord>): UnitProfile {
  const own = Rng.for('qihe-profile', unit.id);
  const bu = businessUnitOf(unit, byId);
  const buRates = bu ? drawRates(Rng.for('qihe-profile-bu', bu.id)) : drawRates(Rng.for('qihe-profile-bu', '(none)'));
  const rates = unit.level === 'PROJECT' ? jitterRates(buRates, own) : buRates;
  const preset = PRESETS[unit.industry ?? bu?.industry ?? ''] ?? DEFAULT_PRESET;
  const volume = LEVEL_VOLUME[unit.level] * own.between(0.5, 1.6);
  return {
    unitId: unit.id,
    volume,
    channelMix: jitterMix(preset.channels, own),
    needMix: jitterMix(preset.needs, own),
    ...rates,
    customerPool: Math.round(60 + 240 * volume),
    agents: own.int(4, 12),
    teams: own.int(2, 3),
  };
}

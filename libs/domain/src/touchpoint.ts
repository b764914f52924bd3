import type { TouchpointFacts } from './counters';
import type { Channel, LifecycleStage, NeedCategory, SliceDimension, TouchpointKind } from './vocabulary';
import { UNKNOWN_SLICE } from './vocabulary';

/** One touchpoint's short flow as accepted: validated, optional fields as null. */
export interface TouchpointRecord {
  id: string;
  unitId: string;
  customerId: string;
  industry: string | null;
  region: string | null;
  contractId: string | null;
  productId: string | null;
  teamId: string | null;
  agentId: string | null;
  channel: Channel;
  kind: TouchpointKind;
  stage: LifecycleStage;
  occurredAt: Date;
  needCategory: NeedCategory;
  needDescription: string | null;
  service: ServiceRecord | null;
  satisfaction: { score: number; comment: string | null } | null;
  /** A perception-point code the sender names (MANAGEMENT-MODEL.md §5), checked against the catalogue at ingest. */
  perceptionPoint: string | null;
}

export interface ServiceRecord {
  action: string;
  handleSeconds: number;
  resolved: boolean;
  firstContact: boolean;
  knowledgeRefs: string[];
  knowledgeCreated: boolean;
  handoffUnitId: string | null;
  commitment: { code: string; met: boolean } | null;
  servedAt: Date | null;
}

/** The part of a record the engagement counters look at. */
export function factsOf(r: TouchpointRecord, receivedAt: number, repeat = false): TouchpointFacts {
  const s = r.service;
  return {
    needCategory: r.needCategory,
    channel: r.channel,
    service: s && {
      handleSeconds: s.handleSeconds,
      resolved: s.resolved,
      firstContact: s.firstContact,
      knowledgeRefs: s.knowledgeRefs.length,
      knowledgeCreated: s.knowledgeCreated,
      handoff: s.handoffUnitId !== null,
      commitmentMet: s.commitment ? s.commitment.met : null,
    },
    score: r.satisfaction ? r.satisfaction.score : null,
    linked: r.contractId !== null || r.productId !== null,
    repeat,
    occurredAt: r.occurredAt.getTime(),
    receivedAt,
  };
}

export type SliceValues = Record<SliceDimension, string>;

/** The fields of a touchpoint that decide its slices. */
export interface SliceFields {
  channel: string;
  kind: string;
  stage: string;
  region: string | null;
  industry: string | null;
  needCategory: string;
  agentId: string | null;
  teamId: string | null;
  productId: string | null;
  /** The perception point it belongs to, settled at ingest (null: none). */
  perceptionMember: string | null;
}

/** Which slice of each dimension a touchpoint falls in. */
export function sliceValuesOf(r: SliceFields): SliceValues {
  return sliceValuesWith(r, r.perceptionMember);
}

/** sliceValuesOf of a touchpoint whose perception member is settled apart from it (at ingest): no copy of the record to carry it. */
export function sliceValuesWith(r: Omit<SliceFields, 'perceptionMember'>, perceptionMember: string | null): SliceValues {
  return {
    CHANNEL: r.channel,
    KIND: r.kind,
    STAGE: r.stage,
    REGION: r.region ?? UNKNOWN_SLICE,
    INDUSTRY: r.industry ?? UNKNOWN_SLICE,
    NEED_CATEGORY: r.needCategory,
    AGENT: r.agentId ?? UNKNOWN_SLICE,
    TEAM: r.teamId ?? UNKNOWN_SLICE,
    PRODUCT: r.productId ?? UNKNOWN_SLICE,
    PERCEPTION_POINT: perceptionMember ?? UNKNOWN_SLICE,
  };
}

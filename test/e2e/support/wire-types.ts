// The public contract's wire shapes, written out again from
// shared/contract/schema.graphql and feed.md: the e2e tests talk to the gateway
// as an outside client would, so they share no types with its code.

export const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'APP', 'ONSITE', 'SOCIAL', 'OTHER'] as const;
export const KINDS = ['SERVICE', 'COLLABORATION', 'SOCIAL'] as const;
export const STAGES = ['PRE_SALE', 'IN_SALE', 'AFTER_SALE'] as const;
export const NEED_CATEGORIES = [
  'CONSULTATION',
  'FAULT',
  'COMPLAINT',
  'PURCHASE',
  'RENEWAL',
  'INSTALLATION',
  'BILLING',
  'KNOWLEDGE',
  'SUGGESTION',
  'OTHER',
] as const;
export const CHAINS = ['VALUE', 'BUSINESS', 'KNOWLEDGE', 'DATA'] as const;
export const SLICE_DIMENSIONS = ['CHANNEL', 'KIND', 'STAGE', 'REGION', 'INDUSTRY', 'NEED_CATEGORY'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Kind = (typeof KINDS)[number];
export type Stage = (typeof STAGES)[number];
export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export type Chain = (typeof CHAINS)[number];
export type SliceDimension = (typeof SLICE_DIMENSIONS)[number];
export type Role = 'AGENT' | 'UNIT_HEAD' | 'EXECUTIVE' | 'ADMIN';

export interface ServiceInput {
  action: string;
  handleSeconds: number;
  resolved: boolean;
  firstContact: boolean;
  knowledgeRefs?: string[];
  knowledgeCreated?: boolean;
  handoffUnitId?: string;
  commitment?: { code: string; met: boolean };
  servedAt?: string;
}

export interface SatisfactionInput {
  score: number;
  comment?: string;
}

export interface TouchpointInput {
  id: string;
  unitId: string;
  customerId: string;
  industry?: string;
  region?: string;
  contractId?: string;
  productId?: string;
  teamId?: string;
  agentId?: string;
  channel: Channel;
  kind: Kind;
  stage: Stage;
  occurredAt: string;
  need: { category: NeedCategory; description?: string };
  service?: ServiceInput;
  satisfaction?: SatisfactionInput;
}

export interface IngestError {
  index: number;
  id: string | null;
  code: string;
  message: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: IngestError[];
}

export interface Session {
  token: string;
  role: Role;
  unitId: string;
}

export interface TouchpointRow {
  id: string;
  unit: { id: string };
  customerId: string;
  channel: Channel;
  kind: Kind;
  stage: Stage;
  occurredAt: string;
  receivedAt: string;
  needCategory: NeedCategory;
  needDescription: string | null;
  serviceAction: string | null;
  resolved: boolean | null;
  satisfaction: { score: number; comment: string | null } | null;
}

export interface MeasureWire {
  key: string;
  chain: Chain;
  numerator: number;
  denominator: number;
  value: number | null;
  normalized: number | null;
  weight: number;
}

export interface ChainScoreWire {
  chain: Chain;
  score: number | null;
  measures: MeasureWire[];
}

export interface EngagementScoreWire {
  unit: { id: string };
  from: string;
  to: string;
  touchpoints: number;
  overall: number | null;
  chains: ChainScoreWire[];
  modelVersion: string;
}

export interface SliceScoreWire {
  value: string;
  score: EngagementScoreWire;
}

/** The feed's `touchpoint` event (feed.md). */
export interface FeedTouchpoint {
  id: string;
  unitId: string;
  channel: Channel;
  kind: Kind;
  stage: Stage;
  needCategory: NeedCategory;
  resolved: boolean | null;
  satisfaction: number | { score: number } | null;
  occurredAt: string;
  receivedAt: string;
}

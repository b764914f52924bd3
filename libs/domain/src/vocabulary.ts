// The fixed vocabulary of the short flow, shared by every layer and mirrored
// one-to-one by the GraphQL enums of the public contract.

export const ORG_LEVELS = ['GROUP', 'BUSINESS_UNIT', 'PROJECT'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'APP', 'ONSITE', 'SOCIAL', 'OTHER'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TOUCHPOINT_KINDS = ['SERVICE', 'COLLABORATION', 'SOCIAL'] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

export const LIFECYCLE_STAGES = ['PRE_SALE', 'IN_SALE', 'AFTER_SALE'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

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
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const CHAINS = ['VALUE', 'BUSINESS', 'KNOWLEDGE', 'DATA'] as const;
export type Chain = (typeof CHAINS)[number];

/** The four engagement types (四维契合), MANAGEMENT-MODEL.md §6. */
export const ENGAGEMENT_TYPES = ['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC'] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export const ROLES = ['AGENT', 'UNIT_HEAD', 'EXECUTIVE', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

// The order is the rollup dim code (index + 1): append, never reorder (a stored
// layout that differs is recounted at boot, see ensureRollupLayout).
export const SLICE_DIMENSIONS = ['CHANNEL', 'KIND', 'STAGE', 'REGION', 'INDUSTRY', 'NEED_CATEGORY', 'AGENT', 'TEAM', 'PRODUCT', 'PERCEPTION_POINT'] as const;
export type SliceDimension = (typeof SLICE_DIMENSIONS)[number];

export const TREND_INTERVALS = ['HOUR', 'DAY', 'WEEK'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** The slice value used when a touchpoint carries no region or industry. */
export const UNKNOWN_SLICE = 'UNKNOWN';

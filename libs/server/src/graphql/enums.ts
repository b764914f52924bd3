import { registerEnumType } from '@nestjs/graphql';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_KINDS,
  CHAINS,
  CHANNELS,
  COMMITMENT_STATES,
  FOLLOW_UP_REASONS,
  FOLLOW_UP_STATES,
  ENGAGEMENT_TYPES,
  INDICATOR_CLASSES,
  LIFECYCLE_STAGES,
  STATUSES,
  NEED_CATEGORIES,
  ORG_LEVELS,
  ROLES,
  SLICE_DIMENSIONS,
  TOUCHPOINT_KINDS,
  TREND_INTERVALS,
} from '@qihe/domain';

// GraphQL enums of the contract, built from the domain's vocabulary so the two never drift.
const asEnum = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const OrgLevelEnum = asEnum(ORG_LEVELS);
export const ChannelEnum = asEnum(CHANNELS);
export const TouchpointKindEnum = asEnum(TOUCHPOINT_KINDS);
export const LifecycleStageEnum = asEnum(LIFECYCLE_STAGES);
export const NeedCategoryEnum = asEnum(NEED_CATEGORIES);
export const ChainEnum = asEnum(CHAINS);
export const RoleEnum = asEnum(ROLES);
export const SliceDimensionEnum = asEnum(SLICE_DIMENSIONS);
export const TrendIntervalEnum = asEnum(TREND_INTERVALS);
export const AuditActionEnum = asEnum(AUDIT_ACTIONS);
export const AuditActorKindEnum = asEnum(AUDIT_ACTOR_KINDS);
// Shared by the gateway and a site's agent API: one registration each, as both may run in one process (tests).
export const CommitmentStateEnum = asEnum(COMMITMENT_STATES);
export const FollowUpReasonEnum = asEnum(FOLLOW_UP_REASONS);
export const FollowUpStateEnum = asEnum(FOLLOW_UP_STATES);
export const EngagementTypeEnum = asEnum(ENGAGEMENT_TYPES);
export const IndicatorClassEnum = asEnum(INDICATOR_CLASSES);
export const StatusEnum = asEnum(STATUSES);

registerEnumType(OrgLevelEnum, { name: 'OrgLevel' });
registerEnumType(ChannelEnum, { name: 'Channel' });
registerEnumType(TouchpointKindEnum, { name: 'TouchpointKind' });
registerEnumType(LifecycleStageEnum, { name: 'LifecycleStage' });
registerEnumType(NeedCategoryEnum, { name: 'NeedCategory' });
registerEnumType(ChainEnum, { name: 'Chain' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(SliceDimensionEnum, { name: 'SliceDimension' });
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });
registerEnumType(AuditActionEnum, { name: 'AuditAction', description: 'what an audit entry records' });
registerEnumType(AuditActorKindEnum, { name: 'AuditActorKind', description: 'USER or SITE (authenticated), ANONYMOUS (a name claimed, not proved), SYSTEM' });
registerEnumType(CommitmentStateEnum, { name: 'CommitmentState' });
registerEnumType(FollowUpReasonEnum, { name: 'FollowUpReason' });
registerEnumType(FollowUpStateEnum, { name: 'FollowUpState' });
registerEnumType(EngagementTypeEnum, { name: 'EngagementType' });
registerEnumType(IndicatorClassEnum, { name: 'IndicatorClass' });
registerEnumType(StatusEnum, { name: 'Status' });

import { registerEnumType } from '@nestjs/graphql';
import {
  CHAINS,
  CHANNELS,
  LIFECYCLE_STAGES,
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

registerEnumType(OrgLevelEnum, { name: 'OrgLevel' });
registerEnumType(ChannelEnum, { name: 'Channel' });
registerEnumType(TouchpointKindEnum, { name: 'TouchpointKind' });
registerEnumType(LifecycleStageEnum, { name: 'LifecycleStage' });
registerEnumType(NeedCategoryEnum, { name: 'NeedCategory' });
registerEnumType(ChainEnum, { name: 'Chain' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(SliceDimensionEnum, { name: 'SliceDimension' });
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });

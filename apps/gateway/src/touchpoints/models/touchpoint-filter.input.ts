import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { MEASURE_PARTS, type MeasurePart, type TouchpointFilter } from '@qihe/domain';
import { ChannelEnum, LifecycleStageEnum, NeedCategoryEnum, TouchpointKindEnum } from '@qihe/server';

export const MeasurePartEnum = Object.fromEntries(MEASURE_PARTS.map((p) => [p, p])) as Record<MeasurePart, MeasurePart>;
registerEnumType(MeasurePartEnum, { name: 'MeasurePart', description: 'MISSED = in the denominator, not in the numerator' });

/** Narrows touchpoints(…): every field given must hold (AND). Checked by checkTouchpointFilter. */
@InputType('TouchpointFilter')
export class TouchpointFilterInput implements TouchpointFilter {
  @Field(() => String, { nullable: true, description: 'a measure key of the active model' }) measure?: string | null;
  @Field(() => MeasurePartEnum, { nullable: true, description: 'with measure; default DENOMINATOR' }) part?: MeasurePart | null;
  @Field(() => ChannelEnum, { nullable: true }) channel?: string | null;
  @Field(() => TouchpointKindEnum, { nullable: true }) kind?: string | null;
  @Field(() => LifecycleStageEnum, { nullable: true }) stage?: string | null;
  @Field(() => NeedCategoryEnum, { nullable: true }) needCategory?: string | null;
  @Field(() => String, { nullable: true, description: '"UNKNOWN" matches touchpoints without one' }) region?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => String, { nullable: true }) agentId?: string | null;
  @Field(() => String, { nullable: true }) teamId?: string | null;
  @Field(() => String, { nullable: true }) productId?: string | null;
  @Field(() => String, { nullable: true }) customerId?: string | null;
  @Field(() => String, { nullable: true }) perceptionPoint?: string | null;
  @Field(() => Boolean, { nullable: true }) resolved?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'rated touchpoints with score <= this' }) maxSatisfaction?: number | null;
}

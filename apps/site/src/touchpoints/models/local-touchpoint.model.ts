import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChannelEnum, LifecycleStageEnum, NeedCategoryEnum, TouchpointKindEnum } from '@qihe/server';
import type { ForwardState } from '../../storage/outbox.repository';

export const ForwardStateEnum: Record<ForwardState, ForwardState> = { PENDING: 'PENDING', FORWARDED: 'FORWARDED', DEAD: 'DEAD' };
registerEnumType(ForwardStateEnum, {
  name: 'ForwardState',
  description: 'PENDING: committed at the site only; FORWARDED: stored by the gateway; DEAD: rejected by the gateway (see deadLetters)',
});

@ObjectType('LocalSatisfaction')
export class LocalSatisfactionModel {
  @Field(() => Int) score!: number;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => ForwardStateEnum) state!: ForwardState;
}

@ObjectType('LocalTouchpoint')
export class LocalTouchpointModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String, { nullable: true }) agentId!: string | null;
  @Field(() => String) customerId!: string;
  @Field(() => ChannelEnum) channel!: string;
  @Field(() => TouchpointKindEnum) kind!: string;
  @Field(() => LifecycleStageEnum) stage!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date, { description: 'committed at the site' }) acceptedAt!: Date;
  @Field(() => NeedCategoryEnum) needCategory!: string;
  @Field(() => String, { nullable: true }) needDescription!: string | null;
  @Field(() => String, { nullable: true }) serviceAction!: string | null;
  @Field(() => Boolean, { nullable: true }) resolved!: boolean | null;
  @Field(() => LocalSatisfactionModel, { nullable: true }) satisfaction!: LocalSatisfactionModel | null;
  @Field(() => ForwardStateEnum) state!: ForwardState;
  @Field(() => Date, { nullable: true }) forwardedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "the gateway's code and message when DEAD" }) error!: string | null;
}

@ObjectType('DeadLetter')
export class DeadLetterModel {
  @Field(() => ID, { description: "the dead letter's own id" }) id!: string;
  @Field(() => String, { description: 'TOUCHPOINT or RATING' }) kind!: string;
  @Field(() => ID) touchpointId!: string;
  @Field(() => String, { description: "the gateway's code: INVALID, UNKNOWN_UNIT, FORBIDDEN_UNIT, CONFLICT, BAD_USER_INPUT, …" }) code!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { description: 'the JSON that was sent' }) payload!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType('SiteStatus')
export class SiteStatusModel {
  @Field(() => ID) siteId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String) gatewayUrl!: string;
  @Field(() => Boolean, { description: 'the last attempt to reach the gateway succeeded' }) gatewayReachable!: boolean;
  @Field(() => Int, { description: 'touchpoints + ratings not yet forwarded' }) backlog!: number;
  @Field(() => Float, { nullable: true, description: 'null when the backlog is empty' }) oldestPendingAgeSeconds!: number | null;
  @Field(() => Date, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) lastErrorAt!: Date | null;
  @Field(() => Int) deadLetters!: number;
  @Field(() => Int, { description: "touchpoints forwarded since this site's database was created" }) forwarded!: number;
}

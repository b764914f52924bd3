import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { StoredTouchpoint } from '@qihe/data';
import { ChannelEnum, LifecycleStageEnum, NeedCategoryEnum, TouchpointKindEnum } from '@qihe/server';
import { OrgUnitModel } from '../../org/org-unit.model';

@ObjectType('Satisfaction')
export class SatisfactionModel {
  @Field(() => Int) score!: number;
  @Field(() => String, { nullable: true }) comment!: string | null;
}

@ObjectType('Touchpoint')
export class TouchpointModel {
  @Field(() => ID) id!: string;
  @Field(() => OrgUnitModel) unit!: OrgUnitModel;
  @Field(() => String) customerId!: string;
  @Field(() => ChannelEnum) channel!: string;
  @Field(() => TouchpointKindEnum) kind!: string;
  @Field(() => LifecycleStageEnum) stage!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => NeedCategoryEnum) needCategory!: string;
  @Field(() => String, { nullable: true }) needDescription!: string | null;
  @Field(() => String, { nullable: true }) serviceAction!: string | null;
  @Field(() => Boolean, { nullable: true }) resolved!: boolean | null;
  @Field(() => SatisfactionModel, { nullable: true }) satisfaction!: SatisfactionModel | null;
  @Field(() => String, { nullable: true }) agentId!: string | null;
  @Field(() => String, { nullable: true }) teamId!: string | null;
  @Field(() => String, { nullable: true }) productId!: string | null;
  @Field(() => String, { nullable: true }) contractId!: string | null;
  @Field(() => Int, { nullable: true, description: 'seconds spent serving it; null when not served' }) handleSeconds!: number | null;
  @Field(() => String, { nullable: true, description: 'the perception point it belongs to: the one it named, else the first of the catalogue for its need (settled when stored)' })
  perceptionPoint!: string | null;
}

export function toTouchpointModel(t: StoredTouchpoint, unit: OrgUnitModel): TouchpointModel {
  return {
    id: t.id,
    unit,
    customerId: t.customerId,
    channel: t.channel,
    kind: t.kind,
    stage: t.stage,
    occurredAt: t.occurredAt,
    receivedAt: t.receivedAt,
    needCategory: t.needCategory,
    needDescription: t.needDescription,
    serviceAction: t.serviceAction,
    resolved: t.served ? t.resolved : null,
    satisfaction: t.satisfactionScore === null ? null : { score: t.satisfactionScore, comment: t.satisfactionComment },
    agentId: t.agentId,
    teamId: t.teamId,
    productId: t.productId,
    contractId: t.contractId,
    handleSeconds: t.served ? t.handleSeconds : null,
    perceptionPoint: t.perceptionMember,
  };
}

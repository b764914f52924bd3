import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FollowUpReasonEnum } from '@qihe/server';
import type { ForwardState } from '../../storage/outbox.repository';
import { ForwardStateEnum } from '../../touchpoints/models/local-touchpoint.model';


@ObjectType('LocalFollowUpClose')
export class LocalFollowUpCloseModel {
  @Field(() => String) outcome!: string;
  @Field(() => String) closedBy!: string;
  @Field(() => Date) acceptedAt!: Date;
  @Field(() => ForwardStateEnum) state!: ForwardState;
  @Field(() => Date, { nullable: true }) forwardedAt!: Date | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('SiteFollowUp')
export class SiteFollowUpModel {
  @Field(() => ID) id!: string;
  @Field(() => FollowUpReasonEnum) reason!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field(() => String) customerId!: string;
  @Field(() => ID, { nullable: true }) touchpointId!: string | null;
  @Field(() => ID, { nullable: true }) commitmentId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => String, { nullable: true }) assignee!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => LocalFollowUpCloseModel, { nullable: true }) close!: LocalFollowUpCloseModel | null;
}

@ObjectType('SiteFollowUpList')
export class SiteFollowUpListModel {
  @Field(() => [SiteFollowUpModel]) items!: SiteFollowUpModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Date, { nullable: true, description: 'when this copy was fetched from the gateway; null: never' }) asOf!: Date | null;
  @Field(() => Boolean, { description: 'the gateway could not be asked just now: the copy is from asOf' }) stale!: boolean;
}

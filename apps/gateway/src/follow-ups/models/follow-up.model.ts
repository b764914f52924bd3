import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FollowUpReasonEnum, FollowUpStateEnum } from '@qihe/server';
import { OrgUnitModel } from '../../org/org-unit.model';
import { PageInfoModel } from '../../touchpoints/models/touchpoint-connection.model';

export { FollowUpReasonEnum, FollowUpStateEnum };

@ObjectType('FollowUp')
export class FollowUpModel {
  @Field(() => ID) id!: string;
  @Field(() => FollowUpReasonEnum) reason!: string;
  @Field(() => OrgUnitModel, { description: 'the unit that owns the follow-up' }) unit!: OrgUnitModel;
  @Field(() => String) customerId!: string;
  @Field(() => ID, { nullable: true }) touchpointId!: string | null;
  @Field(() => ID, { nullable: true }) commitmentId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => FollowUpStateEnum) state!: string;
  @Field(() => String, { nullable: true, description: 'a username' }) assignee!: string | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: "null until the customer's next rating after createdAt; then score >= 4" }) recovered!: boolean | null;
  @Field(() => String, { nullable: true, description: 'what the person who opened it wrote (MANUAL)' }) note!: string | null;
}

@ObjectType('FollowUpEdge')
export class FollowUpEdgeModel {
  @Field(() => String) cursor!: string;
  @Field(() => FollowUpModel) node!: FollowUpModel;
}

@ObjectType('FollowUpConnection')
export class FollowUpConnectionModel {
  @Field(() => [FollowUpEdgeModel]) edges!: FollowUpEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int) totalCount!: number;
}

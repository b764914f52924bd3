import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ChannelEnum, CommitmentStateEnum, EngagementTypeEnum, FollowUpReasonEnum, FollowUpStateEnum, NeedCategoryEnum, TouchpointKindEnum } from '@qihe/server';

// The customer lens at a site: the gateway's profile and latest touchpoints of
// a customer, narrowed to the caller's unit, as fetched now or last fetched.

@ObjectType('SiteCustomerUnit')
export class SiteCustomerUnitModel {
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
  @Field(() => Int) touchpoints!: number;
  @Field(() => Date) lastContactAt!: Date;
}

@ObjectType('SiteEngagementTypeScore')
export class SiteEngagementTypeScoreModel {
  @Field(() => EngagementTypeEnum) type!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType('SiteRiskDriver')
export class SiteRiskDriverModel {
  @Field(() => String) feature!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { description: 'contribution to the log-odds' }) contribution!: number;
}

@ObjectType('SiteCustomerRisk')
export class SiteCustomerRiskModel {
  @Field(() => Float, { description: "that the customer's next rating is 1 or 2" }) probability!: number;
  @Field(() => Date) asOf!: Date;
  @Field(() => String) modelVersion!: string;
  @Field(() => [SiteRiskDriverModel], { description: 'largest positive contributions first' }) drivers!: SiteRiskDriverModel[];
}

@ObjectType('SiteCustomerCommitment')
export class SiteCustomerCommitmentModel {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => CommitmentStateEnum) state!: string;
  @Field(() => Date) dueAt!: Date;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
}

@ObjectType('SiteCustomerFollowUp')
export class SiteCustomerFollowUpModel {
  @Field(() => ID) id!: string;
  @Field(() => FollowUpReasonEnum) reason!: string;
  @Field(() => FollowUpStateEnum) state!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
}

@ObjectType('SiteCustomerTouchpoint')
export class SiteCustomerTouchpointModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => ChannelEnum) channel!: string;
  @Field(() => TouchpointKindEnum) kind!: string;
  @Field(() => NeedCategoryEnum) needCategory!: string;
  @Field(() => String, { nullable: true }) needDescription!: string | null;
  @Field(() => String, { nullable: true }) serviceAction!: string | null;
  @Field(() => Boolean, { nullable: true }) resolved!: boolean | null;
  @Field(() => Int, { nullable: true }) satisfaction!: number | null;
}

@ObjectType('SiteCustomerProfile')
export class SiteCustomerProfileModel {
  @Field(() => Int) touchpoints!: number;
  @Field(() => Date) firstContactAt!: Date;
  @Field(() => Date) lastContactAt!: Date;
  @Field(() => [SiteCustomerUnitModel]) units!: SiteCustomerUnitModel[];
  @Field(() => [SiteEngagementTypeScoreModel]) engagement!: SiteEngagementTypeScoreModel[];
  @Field(() => SiteCustomerRiskModel, { nullable: true }) risk!: SiteCustomerRiskModel | null;
  @Field(() => [SiteCustomerCommitmentModel]) openCommitments!: SiteCustomerCommitmentModel[];
  @Field(() => [SiteCustomerFollowUpModel]) followUps!: SiteCustomerFollowUpModel[];
  @Field(() => [SiteCustomerTouchpointModel], { description: 'the latest touchpoints, newest first' }) timeline!: SiteCustomerTouchpointModel[];
}

@ObjectType('SiteCustomer')
export class SiteCustomerModel {
  @Field(() => String) customerId!: string;
  @Field(() => ID, { description: "the unit whose subtree was asked for: the caller's unit (executives and admins: the site's)" }) scopeUnitId!: string;
  @Field(() => SiteCustomerProfileModel, { nullable: true, description: 'null: no touchpoint of the customer in scope (or nothing known while the gateway is away)' })
  profile!: SiteCustomerProfileModel | null;
  @Field(() => Date, { nullable: true, description: 'when this answer was fetched from the gateway; null: never' }) asOf!: Date | null;
  @Field(() => Boolean, { description: 'the gateway could not be asked just now: the answer is the copy from asOf' }) stale!: boolean;
}

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CommitmentModel } from '../../commitments/models/commitment.model';
import { FollowUpModel } from '../../follow-ups/models/follow-up.model';
import { EngagementTypeScoreModel } from '../../indicators/models/engagement-type-score.model';
import { OrgUnitModel } from '../../org/org-unit.model';

@ObjectType('CustomerUnitActivity')
export class CustomerUnitActivityModel {
  @Field(() => OrgUnitModel) unit!: OrgUnitModel;
  @Field(() => Int) touchpoints!: number;
  @Field(() => Date) lastContactAt!: Date;
}

@ObjectType('RiskDriver')
export class RiskDriverModel {
  @Field(() => String) feature!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float, { description: 'contribution to the log-odds' }) contribution!: number;
}

@ObjectType('CustomerRisk')
export class CustomerRiskModel {
  @Field(() => String) customerId!: string;
  @Field(() => Float, { description: "that the customer's next rating is 1 or 2" }) probability!: number;
  @Field(() => Date) asOf!: Date;
  @Field(() => [RiskDriverModel], { description: 'largest positive contributions first' }) drivers!: RiskDriverModel[];
  @Field(() => String) modelVersion!: string;
}

@ObjectType('CustomerProfile')
export class CustomerProfileModel {
  @Field(() => String) customerId!: string;
  @Field(() => Int) touchpoints!: number;
  @Field(() => Date) firstContactAt!: Date;
  @Field(() => Date) lastContactAt!: Date;
  @Field(() => [CustomerUnitActivityModel]) units!: CustomerUnitActivityModel[];
  @Field(() => [EngagementTypeScoreModel], { description: 'always four, in the order of EngagementType: the in-scope touchpoints of the last 365 days' })
  engagement!: EngagementTypeScoreModel[];
  @Field(() => CustomerRiskModel, { nullable: true, description: 'null before the first fit' }) risk!: CustomerRiskModel | null;
  @Field(() => [CommitmentModel]) openCommitments!: CommitmentModel[];
  @Field(() => [FollowUpModel]) followUps!: FollowUpModel[];
}

@ObjectType('RiskModelQuality')
export class RiskModelQualityModel {
  @Field(() => String) modelVersion!: string;
  @Field(() => Date) trainedAt!: Date;
  @Field(() => Int) trainingRatings!: number;
  @Field(() => Int) holdoutRatings!: number;
  @Field(() => Float, { nullable: true }) auc!: number | null;
  @Field(() => Float, { nullable: true }) precisionAt50!: number | null;
  @Field(() => Float, { nullable: true, description: 'ranking customers by their last rating alone' }) baselinePrecisionAt50!: number | null;
}

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CommitmentModel } from '../../commitments/models/commitment.model';
import { FollowUpModel } from '../../follow-ups/models/follow-up.model';
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
  @Field(() => [CommitmentModel]) openCommitments!: CommitmentModel[];
  @Field(() => [FollowUpModel]) followUps!: FollowUpModel[];
}

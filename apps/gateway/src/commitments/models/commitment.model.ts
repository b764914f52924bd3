import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CommitmentStateEnum } from '@qihe/server';
import { OrgUnitModel } from '../../org/org-unit.model';
import { PageInfoModel } from '../../touchpoints/models/touchpoint-connection.model';

export { CommitmentStateEnum };

@ObjectType('CommitmentDefinition')
export class CommitmentDefinitionModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: '1 = promised to the customer; 2, 3 = internal steps that support it' }) level!: number;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Int, { description: 'measured from the start of the level-1 commitment' }) targetMinutes!: number;
  @Field(() => Int) warnAtPercent!: number;
  @Field(() => OrgUnitModel, { nullable: true, description: 'null = the unit where the touchpoint happened' }) ownerUnit!: OrgUnitModel | null;
}

@ObjectType('Commitment')
export class CommitmentModel {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) level!: number;
  @Field(() => ID) touchpointId!: string;
  @Field(() => String) customerId!: string;
  @Field(() => OrgUnitModel, { description: 'where the touchpoint happened' }) unit!: OrgUnitModel;
  @Field(() => OrgUnitModel, { description: 'who answers for this node' }) ownerUnit!: OrgUnitModel;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => CommitmentStateEnum, { description: 'at the moment it is read' }) state!: string;
  @Field(() => [CommitmentModel], { description: 'the level-2/3 nodes under this one' }) steps!: CommitmentModel[];
  @Field(() => [CommitmentModel], { description: "for a BREACHED node: its steps that were BREACHED at this node's dueAt" }) breachedBy!: CommitmentModel[];
  @Field(() => CommitmentModel, { description: 'the level-1 promise of this node’s tree (the node itself at level 1)' }) promise!: CommitmentModel;
}

@ObjectType('CommitmentEdge')
export class CommitmentEdgeModel {
  @Field(() => String) cursor!: string;
  @Field(() => CommitmentModel) node!: CommitmentModel;
}

@ObjectType('CommitmentConnection')
export class CommitmentConnectionModel {
  @Field(() => [CommitmentEdgeModel]) edges!: CommitmentEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('CommitmentPerformance')
export class CommitmentPerformanceModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) level!: number;
  @Field(() => Int) started!: number;
  @Field(() => Int) met!: number;
  @Field(() => Int) breached!: number;
  @Field(() => Int, { description: 'OPEN or AT_RISK now' }) open!: number;
  @Field(() => Int, { description: 'AT_RISK now (as of the monitor’s last pass, at most seconds ago)' }) atRisk!: number;
  @Field(() => Float, { nullable: true, description: 'met / (met + breached); null when both are 0' }) keptRate!: number | null;
  @Field(() => Int, { description: "nodes of this code that are in their parent's breachedBy" }) causedBreaches!: number;
}

@InputType('CommitmentDefinitionInput')
export class CommitmentDefinitionInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) level!: number;
  @Field(() => String, { nullable: true }) parentCode?: string | null;
  @Field(() => Int) targetMinutes!: number;
  @Field(() => Int, { nullable: true, defaultValue: 80 }) warnAtPercent?: number | null;
  @Field(() => ID, { nullable: true }) ownerUnitId?: string | null;
}

@InputType('CommitmentEventInput')
export class CommitmentEventInput {
  @Field(() => ID, { description: 'UUID chosen by the sender: the idempotency key' }) id!: string;
  @Field(() => ID) touchpointId!: string;
  @Field(() => String, { description: 'the node completed: the level-1 commitment or one of its steps' }) code!: string;
  @Field(() => Date, { description: 'not more than 5 minutes in the future' }) completedAt!: Date;
}

export const COMMITMENT_ALERT_TYPES = ['COMMITMENT_AT_RISK', 'COMMITMENT_BROKEN'] as const;
export const CommitmentAlertTypeEnum = Object.fromEntries(COMMITMENT_ALERT_TYPES.map((s) => [s, s])) as Record<(typeof COMMITMENT_ALERT_TYPES)[number], string>;
registerEnumType(CommitmentAlertTypeEnum, { name: 'CommitmentAlertType' });

@ObjectType('CommitmentAlert', { description: 'a feed alert of the commitment monitor, as it was sent (docs/feed.md)' })
export class CommitmentAlertModel {
  @Field(() => ID, { description: 'the feed alert’s id (type:commitmentId): the same alert live and here' }) id!: string;
  @Field(() => CommitmentAlertTypeEnum) type!: string;
  @Field(() => Date, { description: 'when the monitor raised it' }) at!: Date;
  @Field(() => ID) commitmentId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) touchpointId!: string;
  @Field(() => String) customerId!: string;
  @Field(() => Date) dueAt!: Date;
  @Field(() => OrgUnitModel, { description: 'where the touchpoint happened' }) unit!: OrgUnitModel;
  @Field(() => OrgUnitModel, { description: 'who answers for the node' }) ownerUnit!: OrgUnitModel;
  @Field(() => String) message!: string;
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { CommitmentState } from '@qihe/domain';
import { CommitmentStateEnum } from '@qihe/server';
import type { ForwardState } from '../../storage/outbox.repository';
import { ForwardStateEnum } from '../../touchpoints/models/local-touchpoint.model';


@InputType('SiteCommitmentEventInput')
export class CommitmentEventInput {
  @Field(() => ID, { description: 'a UUID chosen by the console: the idempotency key up to the gateway' }) id!: string;
  @Field(() => ID) touchpointId!: string;
  @Field(() => String, { description: 'the node completed: the promise or one of its steps' }) code!: string;
  @Field(() => Date, { nullable: true, description: 'default: now' }) completedAt?: Date | null;
}

@ObjectType('LocalCommitmentEvent')
export class LocalCommitmentEventModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) touchpointId!: string;
  @Field(() => String) code!: string;
  @Field(() => Date) completedAt!: Date;
  @Field(() => String, { nullable: true }) agentId!: string | null;
  @Field(() => Date) acceptedAt!: Date;
  @Field(() => ForwardStateEnum) state!: ForwardState;
  @Field(() => Date, { nullable: true }) forwardedAt!: Date | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('LocalCommitmentNode')
export class LocalCommitmentNodeModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) level!: number;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => ID) ownerUnitId!: string;
  @Field(() => Date) warnAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => CommitmentStateEnum, { description: 'at the moment it is read' }) state!: CommitmentState;
  @Field(() => LocalCommitmentEventModel, { nullable: true }) completedBy!: LocalCommitmentEventModel | null;
}

@ObjectType('LocalCommitment')
export class LocalCommitmentModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Date) startedAt!: Date;
  @Field(() => [LocalCommitmentNodeModel]) nodes!: LocalCommitmentNodeModel[];
}

@ObjectType('SiteCommitmentDefinition')
export class SiteCommitmentDefinitionModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) level!: number;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Int) targetMinutes!: number;
  @Field(() => Int) warnAtPercent!: number;
  @Field(() => ID, { nullable: true }) ownerUnitId!: string | null;
}

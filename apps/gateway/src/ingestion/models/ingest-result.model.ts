import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

export type IngestErrorCode = 'INVALID' | 'UNKNOWN_UNIT' | 'FORBIDDEN_UNIT' | 'CONFLICT';

@ObjectType('IngestError')
export class IngestErrorModel {
  @Field(() => Int) index!: number;
  @Field(() => ID, { nullable: true }) id!: string | null;
  @Field(() => String) code!: IngestErrorCode;
  @Field(() => String) message!: string;
}

@ObjectType('IngestResult')
export class IngestResultModel {
  @Field(() => Int) accepted!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => [IngestErrorModel]) rejected!: IngestErrorModel[];
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RefusalCode } from '@qihe/domain';

@ObjectType('IngestError')
export class IngestErrorModel {
  @Field(() => Int) index!: number;
  @Field(() => ID, { nullable: true }) id!: string | null;
  // recordTouchpoints refuses INVALID, UNKNOWN_UNIT, FORBIDDEN_UNIT, CONFLICT; recordSatisfactions also NOT_FOUND.
  @Field(() => String) code!: RefusalCode;
  @Field(() => String) message!: string;
}

@ObjectType('IngestResult')
export class IngestResultModel {
  @Field(() => Int) accepted!: number;
  @Field(() => Int) duplicates!: number;
  @Field(() => [IngestErrorModel]) rejected!: IngestErrorModel[];
}

@ObjectType('RatingResult', { description: 'What recordSatisfactions did with each rating; rejected indices point into its input.' })
export class RatingResultModel {
  @Field(() => Int, { description: 'ratings newly counted' }) rated!: number;
  @Field(() => Int, { description: 'ratings equal to the one already stored: nothing to do' }) unchanged!: number;
  @Field(() => [IngestErrorModel]) rejected!: IngestErrorModel[];
}

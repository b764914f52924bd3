import { Field, ID, InputType } from '@nestjs/graphql';
import { SatisfactionInput } from '@qihe/server';

/** One late rating of recordSatisfactions: the same arguments as recordSatisfaction. */
@InputType()
export class SatisfactionRatingInput {
  @Field(() => ID) touchpointId!: string;
  @Field(() => SatisfactionInput) satisfaction!: SatisfactionInput;
}

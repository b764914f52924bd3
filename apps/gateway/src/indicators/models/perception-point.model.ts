import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { NeedCategoryEnum } from '@qihe/server';

@ObjectType('PerceptionPoint')
export class PerceptionPointModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'the name in Chinese, when the catalogue gives one' }) nameZh!: string | null;
  @Field(() => [NeedCategoryEnum]) needCategories!: string[];
  @Field(() => Float) target!: number;
}

@ObjectType('PerceptionPointScore')
export class PerceptionPointScoreModel {
  @Field(() => PerceptionPointModel) point!: PerceptionPointModel;
  @Field(() => Int) touchpoints!: number;
  @Field(() => Int) rated!: number;
  @Field(() => Float, { nullable: true, description: "the csat measure's value over its touchpoints" }) csat!: number | null;
  @Field(() => Int, { description: 'scores 1..2' }) lowRatings!: number;
  @Field(() => Float, { description: 'max(0, target − csat) × rated' }) impact!: number;
  @Field(() => Boolean, { description: 'one of the short boards (短板) of this unit and window' }) shortBoard!: boolean;
}

import { Field, Float, ObjectType } from '@nestjs/graphql';
import { NeedCategoryEnum } from '@qihe/server';

@ObjectType('SitePerceptionPoint')
export class SitePerceptionPointModel {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) nameZh!: string | null;
  @Field(() => [NeedCategoryEnum]) needCategories!: string[];
  @Field(() => Float) target!: number;
}

import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ASSUMED_LIST_SIZE, EngagementTypeEnum, listCost } from '@qihe/server';
import { MeasureModel } from '../../scores/models/engagement-score.model';

@ObjectType('EngagementTypeScore')
export class EngagementTypeScoreModel {
  @Field(() => EngagementTypeEnum) type!: string;
  @Field(() => Float, { nullable: true, description: '0..100, null when none of its measures is present' }) score!: number | null;
  @Field(() => [MeasureModel], { complexity: listCost(ASSUMED_LIST_SIZE.measures) }) measures!: MeasureModel[];
}

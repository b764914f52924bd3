import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CHAINS } from '@qihe/domain';
import { ASSUMED_LIST_SIZE, ChainEnum, listCost } from '@qihe/server';
import { OrgUnitModel } from '../../org/org-unit.model';

@ObjectType('Measure')
export class MeasureModel {
  @Field(() => String) key!: string;
  @Field(() => ChainEnum) chain!: string;
  @Field(() => Float) numerator!: number;
  @Field(() => Float) denominator!: number;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) normalized!: number | null;
  @Field(() => Float) weight!: number;
}

@ObjectType('ChainScore')
export class ChainScoreModel {
  @Field(() => ChainEnum) chain!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => [MeasureModel], { complexity: listCost(ASSUMED_LIST_SIZE.measures) }) measures!: MeasureModel[];
}

@ObjectType('EngagementScore')
export class EngagementScoreModel {
  @Field(() => OrgUnitModel) unit!: OrgUnitModel;
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => Int) touchpoints!: number;
  @Field(() => Float, { nullable: true }) overall!: number | null;
  @Field(() => [ChainScoreModel], { description: 'always the four chains, in the order VALUE, BUSINESS, KNOWLEDGE, DATA', complexity: listCost(CHAINS.length) })
  chains!: ChainScoreModel[];
  @Field(() => String) modelVersion!: string;
}

@ObjectType('SliceScore')
export class SliceScoreModel {
  @Field(() => String) value!: string;
  @Field(() => EngagementScoreModel) score!: EngagementScoreModel;
}

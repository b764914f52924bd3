import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IndicatorClassEnum, StatusEnum } from '@qihe/server';
import { OrgUnitModel } from '../../org/org-unit.model';

@ObjectType('Indicator')
export class IndicatorModel {
  @Field(() => String, { description: 'see MANAGEMENT-MODEL.md §4, e.g. "aht", "repeatContactRate", "csat"' }) key!: string;
  @Field(() => IndicatorClassEnum) class!: string;
  @Field(() => Float, { nullable: true, description: 'null when its denominator is 0' }) value!: number | null;
  @Field(() => Float) numerator!: number;
  @Field(() => Float) denominator!: number;
  @Field(() => String, { description: '"ratio", "seconds", "score"' }) measureUnit!: string;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Boolean) higherIsBetter!: boolean;
  @Field(() => StatusEnum, { nullable: true, description: 'null when value or target is null' }) status!: string | null;
  @Field(() => Float, { nullable: true, description: 'the same indicator over the window of equal length just before `from`' }) previous!: number | null;
}

@InputType('TargetInput')
export class TargetInput {
  @Field(() => ID) unitId!: string;
  @Field(() => String, { description: 'an indicator key, a measure key, a chain (VALUE…) or "overall"' }) key!: string;
  @Field(() => Float) target!: number;
  @Field(() => Float, { nullable: true, description: 'default 10 % of the target' }) amberBand?: number | null;
}

@ObjectType('Target')
export class TargetModel {
  @Field(() => OrgUnitModel) unit!: OrgUnitModel;
  @Field(() => String) key!: string;
  @Field(() => Float) target!: number;
  @Field(() => Float) amberBand!: number;
  @Field(() => OrgUnitModel, { nullable: true, description: 'null when set on this unit (or a model default)' }) inheritedFrom!: OrgUnitModel | null;
  @Field(() => String, { description: 'UNIT (set here), INHERITED (from inheritedFrom) or MODEL (the model default)' }) source!: string;
}

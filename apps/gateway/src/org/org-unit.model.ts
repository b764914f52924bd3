import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrgLevelEnum } from '@qihe/server';

@ObjectType('OrgUnit')
export class OrgUnitModel {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => OrgLevelEnum) level!: string;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => String, { nullable: true }) industry!: string | null;
  // parent and children are resolved fields (org-unit.resolver.ts), filtered by scope.
  parentId!: string | null;
}

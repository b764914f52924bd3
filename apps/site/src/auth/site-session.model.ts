import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleEnum } from '@qihe/server';

@ObjectType('SiteSession')
export class SiteSessionModel {
  @Field(() => String) token!: string;
  @Field(() => String) username!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => ID) siteId!: string;
}

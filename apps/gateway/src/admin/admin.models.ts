import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { OrgLevelEnum, RoleEnum } from '@qihe/server';

@InputType()
export class OrgUnitInput {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => OrgLevelEnum) level!: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
}

@InputType()
export class UserInput {
  @Field(() => String) username!: string;
  @Field(() => String, { description: 'at least 8 characters; stored only as a hash' }) password!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => ID) unitId!: string;
}

@ObjectType('UserAccount')
export class UserAccountModel {
  @Field(() => String) username!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => ID) unitId!: string;
}

@ObjectType('SiteKey')
export class SiteKeyModel {
  @Field(() => ID) siteId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String, { description: 'shown once: only its hash is stored' }) key!: string;
}

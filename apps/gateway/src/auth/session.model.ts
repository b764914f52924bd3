import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleEnum } from '@qihe/server';

@ObjectType('Session')
export class SessionModel {
  @Field(() => String) token!: string;
  @Field(() => RoleEnum) role!: string;
  @Field(() => ID) unitId!: string;
}

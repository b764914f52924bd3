import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { UserClaims } from '@qihe/server';

export interface SiteContext {
  user: UserClaims | null;
  token: string | null;
}

/** The signed-in user of a GraphQL request (null when none). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserClaims | null => {
  return GqlExecutionContext.create(ctx).getContext<SiteContext>().user;
});

export const CurrentToken = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  return GqlExecutionContext.create(ctx).getContext<SiteContext>().token;
});

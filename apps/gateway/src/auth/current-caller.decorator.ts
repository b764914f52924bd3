import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Caller } from '@qihe/domain';

export interface GraphQLContext {
  caller: Caller | null;
  token: string | null;
}

/** The authenticated caller of a GraphQL request (null when none). */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller | null => {
  return GqlExecutionContext.create(ctx).getContext<GraphQLContext>().caller;
});

export const CurrentToken = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  return GqlExecutionContext.create(ctx).getContext<GraphQLContext>().token;
});

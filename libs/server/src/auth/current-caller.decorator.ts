import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Caller, UserCaller } from '@qihe/domain';
import { unauthenticated } from '../errors/qihe-error';

/** The GraphQL context of the gateway and of a site: who is calling, with which bearer token. */
export interface CallerContext {
  caller: Caller | null;
  token: string | null;
}

const contextOf = (ctx: ExecutionContext): CallerContext => GqlExecutionContext.create(ctx).getContext<CallerContext>();

/** The caller of a resolver guarded by @Callers (never null there). */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = contextOf(ctx).caller;
  if (!caller) throw unauthenticated();
  return caller;
});

/** The signed-in user of a resolver whose @Callers lists only roles. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserCaller => {
  const caller = contextOf(ctx).caller;
  if (caller?.kind !== 'user') throw unauthenticated();
  return caller;
});

/** The caller, or null when anonymous: for @Public resolvers and field resolvers. */
export const OptionalCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller | null => contextOf(ctx).caller);

export const CurrentToken = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => contextOf(ctx).token);

import { SetMetadata, type CanActivate, type CustomDecorator, type ExecutionContext, type Provider } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { callerKind, mayCall, type CallerKind } from '@qihe/domain';
import { forbidden, unauthenticated } from '../errors/qihe-error';
import type { CallerContext } from './current-caller.decorator';

// Who may call a resolver is stated on it, once: @Callers(...kinds) with the
// lists of libs/domain's access policy, or @Public(). One guard checks it
// before the resolver runs; what a caller may touch (its scope) is the
// service's to check. A resolver that states neither is refused: a new query
// cannot be left open by mistake.

const CALLERS = 'qihe:callers';
const PUBLIC = 'public';

/** Only these kinds of caller (user roles, `site` for a site key) may call this resolver. */
export const Callers = (...kinds: CallerKind[]): CustomDecorator => SetMetadata(CALLERS, kinds);

/** Anyone, signed in or not (login, me). */
export const Public = (): CustomDecorator => SetMetadata(CALLERS, PUBLIC);

const list = (kinds: readonly CallerKind[]): string => kinds.map((k) => (k === 'site' ? 'site keys' : k)).join(', ');

export class CallersGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    /** What an anonymous caller is told (the gateway and a site sign in differently). */
    private readonly signInHint?: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // HTTP (health) and the socket feed authenticate on their own.
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const stated = this.reflector.getAllAndOverride<CallerKind[] | typeof PUBLIC | undefined>(CALLERS, [context.getHandler(), context.getClass()]);
    const field = gql.getInfo<{ fieldName: string }>().fieldName;
    if (stated === undefined) throw new Error(`resolver "${field}" states neither @Callers(...) nor @Public()`);
    if (stated === PUBLIC) return true;
    const caller = gql.getContext<CallerContext>().caller;
    if (!caller) throw unauthenticated(this.signInHint);
    if (!mayCall(caller, stated)) throw forbidden(`${field} is for ${list(stated)}; this caller is ${caller.kind === 'site' ? 'a site key' : callerKind(caller)}`);
    return true;
  }
}

/** The app-wide CallersGuard, with the app's own sign-in hint for anonymous callers. */
export const callersGuard = (signInHint?: string): Provider => ({
  provide: APP_GUARD,
  useFactory: (reflector: Reflector) => new CallersGuard(reflector, signInHint),
  inject: [Reflector],
});

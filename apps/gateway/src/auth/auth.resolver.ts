import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ANY_USER, anonymousActor, type Caller, type RequestOrigin, type Role, type UserCaller } from '@qihe/domain';
import { Callers, CurrentToken, CurrentUser, OptionalCaller, Public, QiheError } from '@qihe/server';
import { AuditService } from '../audit/audit.service';
import { CurrentOrigin } from '../audit/request-origin';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { SessionModel } from './session.model';

@Resolver(() => SessionModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Every sign-in, good or bad, leaves one audit entry (attempts refused by the throttle never reach here). */
  @Mutation(() => SessionModel)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  async login(@Args('username') username: string, @Args('password') password: string, @CurrentOrigin() origin: RequestOrigin): Promise<SessionModel> {
    let session: SessionModel;
    try {
      session = await this.auth.login(username, password);
    } catch (err) {
      if (err instanceof QiheError && err.code === 'UNAUTHENTICATED') await this.audit.record({ actor: anonymousActor(username), action: 'LOGIN_FAILED', origin });
      throw err;
    }
    await this.audit.record({ actor: { kind: 'USER', id: username, role: session.role as Role }, action: 'LOGIN', details: { unitId: session.unitId }, origin });
    return session;
  }

  @Mutation(() => Boolean, {
    description: "Refuses every token the user holds now, on every gateway (sign out everywhere). ADMIN: anyone's; other users: their own.",
  })
  @Callers(...ANY_USER)
  async revokeTokens(@CurrentUser() user: UserCaller, @Args('username') username: string, @CurrentOrigin() origin: RequestOrigin): Promise<boolean> {
    await this.auth.revokeTokens(user, username, origin);
    return true;
  }

  /** The caller's own session; null for site keys and anonymous callers. */
  @Query(() => SessionModel, { nullable: true })
  @Public()
  me(@OptionalCaller() caller: Caller | null, @CurrentToken() token: string | null): SessionModel | null {
    if (!caller || caller.kind !== 'user' || !token) return null;
    return { token, role: caller.role, unitId: caller.unitId };
  }
}

import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '@qihe/domain';
import { AuthService } from './auth.service';
import { CurrentCaller, CurrentToken } from './current-caller.decorator';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { SessionModel } from './session.model';

@Resolver(() => SessionModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => SessionModel)
  @UseGuards(LoginThrottlerGuard)
  login(@Args('username') username: string, @Args('password') password: string): Promise<SessionModel> {
    return this.auth.login(username, password);
  }

  /** The caller's own session; null for site keys and anonymous callers. */
  @Query(() => SessionModel, { nullable: true })
  me(@CurrentCaller() caller: Caller | null, @CurrentToken() token: string | null): SessionModel | null {
    if (!caller || caller.kind !== 'user' || !token) return null;
    return { token, role: caller.role, unitId: caller.unitId };
  }
}

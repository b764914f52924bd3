import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '@qihe/domain';
import { CurrentToken, OptionalCaller, Public } from '@qihe/server';
import { AuthService } from './auth.service';
import { SiteSessionModel } from './site-session.model';

@Resolver(() => SiteSessionModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => SiteSessionModel)
  @Public()
  login(@Args('username') username: string, @Args('password') password: string): Promise<SiteSessionModel> {
    return this.auth.login(username, password);
  }

  @Query(() => SiteSessionModel, { nullable: true })
  @Public()
  me(@OptionalCaller() caller: Caller | null, @CurrentToken() token: string | null): SiteSessionModel | null {
    return caller?.kind === 'user' && token ? this.auth.session(caller, token) : null;
  }
}

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { UserClaims } from '@qihe/server';
import { AuthService } from './auth.service';
import { CurrentToken, CurrentUser } from './current-user.decorator';
import { SiteSessionModel } from './site-session.model';

@Resolver(() => SiteSessionModel)
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => SiteSessionModel)
  login(@Args('username') username: string, @Args('password') password: string): Promise<SiteSessionModel> {
    return this.auth.login(username, password);
  }

  @Query(() => SiteSessionModel, { nullable: true })
  me(@CurrentUser() user: UserClaims | null, @CurrentToken() token: string | null): SiteSessionModel | null {
    return user && token ? this.auth.session(user, token) : null;
  }
}

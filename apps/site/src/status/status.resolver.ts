import { Query, Resolver } from '@nestjs/graphql';
import type { UserClaims } from '@qihe/server';
import { CurrentUser } from '../auth/current-user.decorator';
import { requireUser } from '../auth/require-user';
import { SiteStatusModel } from '../touchpoints/models/local-touchpoint.model';
import { StatusService } from './status.service';

@Resolver(() => SiteStatusModel)
export class StatusResolver {
  constructor(private readonly status: StatusService) {}

  /** Any signed-in user of the site. */
  @Query(() => SiteStatusModel)
  siteStatus(@CurrentUser() user: UserClaims | null): Promise<SiteStatusModel> {
    requireUser(user);
    return this.status.status();
  }
}

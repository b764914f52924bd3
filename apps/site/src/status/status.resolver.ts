import { Query, Resolver } from '@nestjs/graphql';
import { ANY_USER } from '@qihe/domain';
import { Callers } from '@qihe/server';
import { SiteStatusModel } from '../touchpoints/models/local-touchpoint.model';
import { StatusService } from './status.service';

@Resolver(() => SiteStatusModel)
export class StatusResolver {
  constructor(private readonly status: StatusService) {}

  /** Any signed-in user of the site. */
  @Query(() => SiteStatusModel)
  @Callers(...ANY_USER)
  siteStatus(): Promise<SiteStatusModel> {
    return this.status.status();
  }
}

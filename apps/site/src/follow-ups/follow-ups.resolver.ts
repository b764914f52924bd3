import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ANY_USER, type UserCaller } from '@qihe/domain';
import { Callers, CurrentUser } from '@qihe/server';
import { FollowUpsService } from './follow-ups.service';
import { SiteFollowUpListModel, SiteFollowUpModel } from './models/site-follow-up.model';

@Resolver()
@Callers(...ANY_USER)
export class FollowUpsResolver {
  constructor(private readonly service: FollowUpsService) {}

  /** The open follow-ups of the caller's unit and below, oldest due first. */
  @Query(() => SiteFollowUpListModel)
  followUps(@CurrentUser() user: UserCaller, @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number): Promise<SiteFollowUpListModel> {
    return this.service.list(user, first);
  }

  @Mutation(() => SiteFollowUpModel, { description: 'queued at the site, forwarded when the gateway answers' })
  closeFollowUp(
    @CurrentUser() user: UserCaller,
    @Args('id', { type: () => ID }) id: string,
    @Args('outcome', { type: () => String }) outcome: string,
  ): Promise<SiteFollowUpModel> {
    return this.service.close(user, id, outcome);
  }
}

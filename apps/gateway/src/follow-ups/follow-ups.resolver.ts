import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ANY_CALLER, ANY_USER, type Caller, type FollowUpState } from '@qihe/domain';
import { Callers, CurrentCaller } from '@qihe/server';
import { FollowUpsService } from './follow-ups.service';
import { FollowUpConnectionModel, FollowUpModel, FollowUpStateEnum } from './models/follow-up.model';

// Scope (the follow-up's unit) is checked by the service; site keys act for their agents, but open none (they read no touchpoints).
@Resolver()
@Callers(...ANY_CALLER)
export class FollowUpsResolver {
  constructor(private readonly service: FollowUpsService) {}

  @Query(() => FollowUpConnectionModel, { description: "the follow-ups of the unit's subtree in scope, newest first" })
  followUps(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('states', { type: () => [FollowUpStateEnum], nullable: true }) states: FollowUpState[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<FollowUpConnectionModel> {
    return this.service.page(caller, unitId, states ?? null, first, after ?? null);
  }

  @Mutation(() => FollowUpModel)
  assignFollowUp(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('assignee', { type: () => String }) assignee: string,
  ): Promise<FollowUpModel> {
    return this.service.assign(caller, id, assignee);
  }

  @Mutation(() => FollowUpModel)
  closeFollowUp(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('outcome', { type: () => String }) outcome: string,
  ): Promise<FollowUpModel> {
    return this.service.close(caller, id, outcome);
  }

  @Mutation(() => FollowUpModel, { description: 'MANUAL; while one is open for the touchpoint, that one is returned (at most one per cause)' })
  @Callers(...ANY_USER)
  openFollowUp(
    @CurrentCaller() caller: Caller,
    @Args('touchpointId', { type: () => ID }) touchpointId: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<FollowUpModel> {
    return this.service.open(caller, touchpointId, note ?? null);
  }
}

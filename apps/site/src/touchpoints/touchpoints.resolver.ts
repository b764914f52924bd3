import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ANY_USER, type UserCaller } from '@qihe/domain';
import { Callers, CurrentUser, SatisfactionInput } from '@qihe/server';
import { DeadLetterModel, LocalTouchpointModel } from './models/local-touchpoint.model';
import { SiteTouchpointInput } from './models/site-touchpoint.input';
import { TouchpointsService } from './touchpoints.service';

@Resolver(() => LocalTouchpointModel)
@Callers(...ANY_USER)
export class TouchpointsResolver {
  constructor(private readonly touchpoints: TouchpointsService) {}

  @Mutation(() => LocalTouchpointModel, { description: 'answered once committed locally' })
  async logTouchpoint(
    @CurrentUser() user: UserCaller,
    @Args('input', { type: () => SiteTouchpointInput }) input: SiteTouchpointInput,
  ): Promise<LocalTouchpointModel> {
    const [row] = await this.touchpoints.log(user, [input], false);
    return row;
  }

  @Mutation(() => [LocalTouchpointModel], { description: '1..1000, all or nothing' })
  logTouchpoints(
    @CurrentUser() user: UserCaller,
    @Args('input', { type: () => [SiteTouchpointInput] }) input: SiteTouchpointInput[],
  ): Promise<LocalTouchpointModel[]> {
    return this.touchpoints.log(user, input, true);
  }

  @Mutation(() => LocalTouchpointModel)
  rateTouchpoint(
    @CurrentUser() user: UserCaller,
    @Args('touchpointId', { type: () => ID }) touchpointId: string,
    @Args('satisfaction', { type: () => SatisfactionInput }) satisfaction: SatisfactionInput,
  ): Promise<LocalTouchpointModel> {
    return this.touchpoints.rate(user, touchpointId, satisfaction);
  }

  /** The caller's own touchpoints, newest first. */
  @Query(() => [LocalTouchpointModel])
  myTouchpoints(
    @CurrentUser() user: UserCaller,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<LocalTouchpointModel[]> {
    return this.touchpoints.mine(user, first);
  }

  @Query(() => LocalTouchpointModel, { nullable: true })
  touchpoint(@CurrentUser() user: UserCaller, @Args('id', { type: () => ID }) id: string): Promise<LocalTouchpointModel | null> {
    return this.touchpoints.one(user, id);
  }

  @Query(() => [DeadLetterModel])
  deadLetters(
    @CurrentUser() user: UserCaller,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<DeadLetterModel[]> {
    return this.touchpoints.deadLetters(user, first);
  }
}

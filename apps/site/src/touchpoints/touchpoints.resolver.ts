import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SatisfactionInput, type UserClaims } from '@qihe/server';
import { CurrentUser } from '../auth/current-user.decorator';
import { requireUser } from '../auth/require-user';
import { DeadLetterModel, LocalTouchpointModel } from './models/local-touchpoint.model';
import { SiteTouchpointInput } from './models/site-touchpoint.input';
import { TouchpointsService } from './touchpoints.service';

@Resolver(() => LocalTouchpointModel)
export class TouchpointsResolver {
  constructor(private readonly touchpoints: TouchpointsService) {}

  @Mutation(() => LocalTouchpointModel, { description: 'answered once committed locally' })
  async logTouchpoint(
    @CurrentUser() user: UserClaims | null,
    @Args('input', { type: () => SiteTouchpointInput }) input: SiteTouchpointInput,
  ): Promise<LocalTouchpointModel> {
    const [row] = await this.touchpoints.log(requireUser(user), [input], false);
    return row;
  }

  @Mutation(() => [LocalTouchpointModel], { description: '1..1000, all or nothing' })
  logTouchpoints(
    @CurrentUser() user: UserClaims | null,
    @Args('input', { type: () => [SiteTouchpointInput] }) input: SiteTouchpointInput[],
  ): Promise<LocalTouchpointModel[]> {
    return this.touchpoints.log(requireUser(user), input, true);
  }

  @Mutation(() => LocalTouchpointModel)
  rateTouchpoint(
    @CurrentUser() user: UserClaims | null,
    @Args('touchpointId', { type: () => ID }) touchpointId: string,
    @Args('satisfaction', { type: () => SatisfactionInput }) satisfaction: SatisfactionInput,
  ): Promise<LocalTouchpointModel> {
    return this.touchpoints.rate(requireUser(user), touchpointId, satisfaction);
  }

  /** The caller's own touchpoints, newest first. */
  @Query(() => [LocalTouchpointModel])
  myTouchpoints(
    @CurrentUser() user: UserClaims | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<LocalTouchpointModel[]> {
    return this.touchpoints.mine(requireUser(user), first);
  }

  @Query(() => LocalTouchpointModel, { nullable: true })
  touchpoint(@CurrentUser() user: UserClaims | null, @Args('id', { type: () => ID }) id: string): Promise<LocalTouchpointModel | null> {
    return this.touchpoints.one(requireUser(user), id);
  }

  @Query(() => [DeadLetterModel])
  deadLetters(
    @CurrentUser() user: UserClaims | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
  ): Promise<DeadLetterModel[]> {
    return this.touchpoints.deadLetters(requireUser(user), first);
  }
}

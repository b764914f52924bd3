import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Caller, SliceDimension, TrendInterval } from '@qihe/domain';
import { SliceDimensionEnum, TrendIntervalEnum } from '@qihe/server';
import { requireCaller } from '../auth/auth.service';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { EngagementScoreModel, SliceScoreModel } from './models/engagement-score.model';
import { ScoresService } from './scores.service';

@Resolver(() => EngagementScoreModel)
export class ScoresResolver {
  constructor(private readonly scores: ScoresService) {}

  @Query(() => EngagementScoreModel)
  engagementScore(
    @CurrentCaller() caller: Caller | null,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<EngagementScoreModel> {
    return this.scores.score(requireCaller(caller), unitId, from, to);
  }

  @Query(() => [EngagementScoreModel], { description: 'one per child' })
  engagementScores(
    @CurrentCaller() caller: Caller | null,
    @Args('parentId', { type: () => ID }) parentId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<EngagementScoreModel[]> {
    return this.scores.children(requireCaller(caller), parentId, from, to);
  }

  @Query(() => [SliceScoreModel])
  engagementBreakdown(
    @CurrentCaller() caller: Caller | null,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('by', { type: () => SliceDimensionEnum }) by: SliceDimension,
  ): Promise<SliceScoreModel[]> {
    return this.scores.breakdown(requireCaller(caller), unitId, from, to, by);
  }

  @Query(() => [EngagementScoreModel])
  engagementTrend(
    @CurrentCaller() caller: Caller | null,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('interval', { type: () => TrendIntervalEnum }) interval: TrendInterval,
  ): Promise<EngagementScoreModel[]> {
    return this.scores.trend(requireCaller(caller), unitId, from, to, interval);
  }
}

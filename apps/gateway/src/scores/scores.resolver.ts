import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { SCORE_READERS, type Caller, type SliceDimension, type TrendInterval } from '@qihe/domain';
import { Callers, CurrentCaller, SliceDimensionEnum, TrendIntervalEnum } from '@qihe/server';
import { EngagementScoreModel, SliceScoreModel } from './models/engagement-score.model';
import { ScoresService } from './scores.service';

@Resolver(() => EngagementScoreModel)
@Callers(...SCORE_READERS)
export class ScoresResolver {
  constructor(private readonly scores: ScoresService) {}

  @Query(() => EngagementScoreModel)
  engagementScore(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<EngagementScoreModel> {
    return this.scores.score(caller, unitId, from, to);
  }

  @Query(() => [EngagementScoreModel], { description: 'one per child' })
  engagementScores(
    @CurrentCaller() caller: Caller,
    @Args('parentId', { type: () => ID }) parentId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<EngagementScoreModel[]> {
    return this.scores.children(caller, parentId, from, to);
  }

  @Query(() => [SliceScoreModel])
  engagementBreakdown(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('by', { type: () => SliceDimensionEnum }) by: SliceDimension,
  ): Promise<SliceScoreModel[]> {
    return this.scores.breakdown(caller, unitId, from, to, by);
  }

  @Query(() => [EngagementScoreModel])
  engagementTrend(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('interval', { type: () => TrendIntervalEnum }) interval: TrendInterval,
  ): Promise<EngagementScoreModel[]> {
    return this.scores.trend(caller, unitId, from, to, interval);
  }
}

import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { MAX_TREND_POINTS, SCORE_READERS, trendPointCount, type Caller, type SliceDimension, type TrendInterval } from '@qihe/domain';
import { ASSUMED_LIST_SIZE, Callers, CurrentCaller, DB_READ_COST, listCost, SliceDimensionEnum, TrendIntervalEnum } from '@qihe/server';
import { EngagementScoreModel, SliceScoreModel } from './models/engagement-score.model';
import { ScoresService } from './scores.service';

// A trend costs its points (from/to/interval), each point what it selects: 300 aliased
// 5,000-point trends are refused before they run, one is fine.
const trendCost = listCost(({ from, to, interval }) =>
  from instanceof Date && to instanceof Date ? Math.min(MAX_TREND_POINTS, trendPointCount(from.getTime(), to.getTime(), interval as TrendInterval)) : 1, DB_READ_COST);

@Resolver(() => EngagementScoreModel)
@Callers(...SCORE_READERS)
export class ScoresResolver {
  constructor(private readonly scores: ScoresService) {}

  @Query(() => EngagementScoreModel, { complexity: DB_READ_COST })
  engagementScore(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<EngagementScoreModel> {
    return this.scores.score(caller, unitId, from, to);
  }

  @Query(() => [EngagementScoreModel], { description: 'one per child', complexity: listCost(ASSUMED_LIST_SIZE.children, DB_READ_COST) })
  engagementScores(
    @CurrentCaller() caller: Caller,
    @Args('parentId', { type: () => ID }) parentId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<EngagementScoreModel[]> {
    return this.scores.children(caller, parentId, from, to);
  }

  @Query(() => [SliceScoreModel], { complexity: listCost(ASSUMED_LIST_SIZE.slices, DB_READ_COST) })
  engagementBreakdown(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('by', { type: () => SliceDimensionEnum }) by: SliceDimension,
  ): Promise<SliceScoreModel[]> {
    return this.scores.breakdown(caller, unitId, from, to, by);
  }

  @Query(() => [EngagementScoreModel], { complexity: trendCost })
  engagementTrend(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('interval', { type: () => TrendIntervalEnum }) interval: TrendInterval,
    @Args('timeZone', {
      type: () => String,
      nullable: true,
      description: 'IANA zone (e.g. "Asia/Shanghai"): DAY and WEEK points start at local midnight (weeks on Monday), edges on whole UTC hours; absent: every point starts at from + n intervals',
    })
    timeZone?: string | null,
  ): Promise<EngagementScoreModel[]> {
    return this.scores.trend(caller, unitId, from, to, interval, timeZone ?? null);
  }
}

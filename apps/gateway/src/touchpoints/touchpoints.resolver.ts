import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { TOUCHPOINT_READERS, type Caller } from '@qihe/domain';
import { Callers, CurrentCaller, pageCost } from '@qihe/server';
import { TouchpointConnectionModel } from './models/touchpoint-connection.model';
import { MAX_PAGE, TouchpointsService } from './touchpoints.service';

@Resolver()
export class TouchpointsResolver {
  constructor(private readonly service: TouchpointsService) {}

  @Query(() => TouchpointConnectionModel, { description: 'newest first (occurredAt descending, then id)', complexity: pageCost(MAX_PAGE) })
  @Callers(...TOUCHPOINT_READERS)
  touchpoints(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<TouchpointConnectionModel> {
    return this.service.page(caller, unitId, from, to, first, after ?? null);
  }
}

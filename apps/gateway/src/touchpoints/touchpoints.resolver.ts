import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '@qihe/domain';
import { requireCaller } from '../auth/auth.service';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { TouchpointConnectionModel } from './models/touchpoint-connection.model';
import { TouchpointsService } from './touchpoints.service';

@Resolver()
export class TouchpointsResolver {
  constructor(private readonly service: TouchpointsService) {}

  @Query(() => TouchpointConnectionModel, { description: 'newest first (occurredAt descending, then id)' })
  touchpoints(
    @CurrentCaller() caller: Caller | null,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<TouchpointConnectionModel> {
    return this.service.page(requireCaller(caller), unitId, from, to, first, after ?? null);
  }
}

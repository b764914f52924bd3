import { Args, ID, Info, Int, Query, Resolver } from '@nestjs/graphql';
import { TOUCHPOINT_READERS, type Caller } from '@qihe/domain';
import { Callers, CurrentCaller, pageCost } from '@qihe/server';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { TouchpointConnectionModel } from './models/touchpoint-connection.model';
import { TouchpointFilterInput } from './models/touchpoint-filter.input';
import { MAX_PAGE, TouchpointsService } from './touchpoints.service';

/** Whether the query selects `name` on the field being resolved (through fragments too). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return walk(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((n) => walk(n.selectionSet));
}

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
    @Args('filter', { type: () => TouchpointFilterInput, nullable: true, description: 'narrows the set; every field given must hold' }) filter: TouchpointFilterInput | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TouchpointConnectionModel> {
    return this.service.page(caller, { unitId, from, to, first, after: after ?? null, filter: filter ?? null, withTotal: selects(info, 'totalCount') });
  }
}

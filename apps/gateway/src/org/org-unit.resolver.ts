import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ANY_CALLER, inScope, type Caller } from '@qihe/domain';
import { ASSUMED_LIST_SIZE, Callers, CurrentCaller, forbidden, listCost, OptionalCaller } from '@qihe/server';
import { OrgService } from '../core/org.service';
import { OrgUnitModel } from './org-unit.model';

@Resolver(() => OrgUnitModel)
export class OrgUnitResolver {
  constructor(private readonly org: OrgService) {}

  /** Every unit in the caller's scope, parents before children. */
  @Query(() => [OrgUnitModel], { complexity: listCost(ASSUMED_LIST_SIZE.units) })
  @Callers(...ANY_CALLER)
  orgUnits(@CurrentCaller() caller: Caller): OrgUnitModel[] {
    const tree = this.org.tree;
    const root = tree.root();
    return (root ? tree.subtree(root.id) : []).filter((u) => inScope(caller, tree, u.id));
  }

  @Query(() => OrgUnitModel, { nullable: true })
  @Callers(...ANY_CALLER)
  orgUnit(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): OrgUnitModel | null {
    const unit = this.org.tree.get(id);
    if (!unit) return null;
    if (!inScope(caller, this.org.tree, id)) throw forbidden(`org unit "${id}" is outside your part of the organisation`);
    return unit;
  }

  // A unit head sees their unit, not the group above it: out-of-scope parents read as null.
  @ResolveField(() => OrgUnitModel, { nullable: true })
  parent(@Parent() unit: OrgUnitModel, @OptionalCaller() caller: Caller | null): OrgUnitModel | null {
    if (!unit.parentId || !caller || !inScope(caller, this.org.tree, unit.parentId)) return null;
    return this.org.tree.get(unit.parentId) ?? null;
  }

  @ResolveField(() => [OrgUnitModel], { complexity: listCost(ASSUMED_LIST_SIZE.children) })
  children(@Parent() unit: OrgUnitModel, @OptionalCaller() caller: Caller | null): OrgUnitModel[] {
    if (!caller) return [];
    return this.org.tree.children(unit.id).filter((u) => inScope(caller, this.org.tree, u.id));
  }
}

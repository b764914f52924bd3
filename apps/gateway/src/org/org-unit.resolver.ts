import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { inScope, type Caller } from '@qihe/domain';
import { forbidden } from '@qihe/server';
import { requireCaller } from '../auth/auth.service';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { OrgService } from '../core/org.service';
import { OrgUnitModel } from './org-unit.model';

@Resolver(() => OrgUnitModel)
export class OrgUnitResolver {
  constructor(private readonly org: OrgService) {}

  /** Every unit in the caller's scope, parents before children. */
  @Query(() => [OrgUnitModel])
  orgUnits(@CurrentCaller() caller: Caller | null): OrgUnitModel[] {
    const c = requireCaller(caller);
    const tree = this.org.tree;
    const root = tree.root();
    return (root ? tree.subtree(root.id) : []).filter((u) => inScope(c, tree, u.id));
  }

  @Query(() => OrgUnitModel, { nullable: true })
  orgUnit(@CurrentCaller() caller: Caller | null, @Args('id', { type: () => ID }) id: string): OrgUnitModel | null {
    const c = requireCaller(caller);
    const unit = this.org.tree.get(id);
    if (!unit) return null;
    if (!inScope(c, this.org.tree, id)) throw forbidden(`org unit "${id}" is outside your part of the organisation`);
    return unit;
  }

  // A unit head sees their unit, not the group above it: out-of-scope parents read as null.
  @ResolveField(() => OrgUnitModel, { nullable: true })
  parent(@Parent() unit: OrgUnitModel, @CurrentCaller() caller: Caller | null): OrgUnitModel | null {
    if (!unit.parentId || !caller || !inScope(caller, this.org.tree, unit.parentId)) return null;
    return this.org.tree.get(unit.parentId) ?? null;
  }

  @ResolveField(() => [OrgUnitModel])
  children(@Parent() unit: OrgUnitModel, @CurrentCaller() caller: Caller | null): OrgUnitModel[] {
    if (!caller) return [];
    return this.org.tree.children(unit.id).filter((u) => inScope(caller, this.org.tree, u.id));
  }
}

import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { canAdminister, parseSeed, SeedError, type Caller, type Seed } from '@qihe/domain';
import { badInput, forbidden, newSiteKey } from '@qihe/server';
import { AuthService, requireCaller } from '../auth/auth.service';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { SeedService } from '../bootstrap/seed.service';
import { OrgService } from '../core/org.service';
import { OrgUnitModel } from '../org/org-unit.model';
import { OrgUnitInput, SiteKeyModel, UserAccountModel, UserInput } from './admin.models';

// Administration goes through the same checks and the same code as the
// bootstrap file: one set of rules for the org tree, users and site keys.
@Resolver()
export class AdminResolver {
  constructor(
    private readonly seeds: SeedService,
    private readonly org: OrgService,
    private readonly auth: AuthService,
  ) {}

  @Mutation(() => OrgUnitModel, { description: 'ADMIN: create or update an org unit' })
  async upsertOrgUnit(@CurrentCaller() caller: Caller | null, @Args('input') input: OrgUnitInput): Promise<OrgUnitModel> {
    await this.applyAsAdmin(caller, { units: [input] });
    return this.org.require(input.id, 'input.id');
  }

  @Mutation(() => UserAccountModel, { description: 'ADMIN: create a user or change their password, role or unit' })
  async upsertUser(@CurrentCaller() caller: Caller | null, @Args('input') input: UserInput): Promise<UserAccountModel> {
    await this.applyAsAdmin(caller, { users: [input] });
    return { username: input.username, role: input.role, unitId: input.unitId };
  }

  @Mutation(() => SiteKeyModel, { description: 'ADMIN: create a site or rotate its key; the key is returned once' })
  async issueSiteKey(
    @CurrentCaller() caller: Caller | null,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('unitId', { type: () => ID }) unitId: string,
  ): Promise<SiteKeyModel> {
    const key = newSiteKey();
    await this.applyAsAdmin(caller, { sites: [{ id: siteId, unitId, key }] });
    this.auth.forgetSites();
    return { siteId, unitId, key };
  }

  private async applyAsAdmin(caller: Caller | null, raw: Record<string, unknown>): Promise<void> {
    if (!canAdminister(requireCaller(caller))) throw forbidden('only an ADMIN may change the organisation, users or site keys');
    let seed: Seed;
    try {
      seed = parseSeed(raw, this.org.tree.all());
    } catch (err) {
      if (err instanceof SeedError) throw badInput('input', err.problems.join('; ').replace(/^(units|users|sites)\[0\]( \("[^"]*"\))?: /, 'input: '));
      throw err;
    }
    await this.seeds.apply(seed);
  }
}

import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { actorOf, ADMINISTRATORS, parseSeed, SeedError, type Caller, type OrgUnitRecord, type RequestOrigin, type Seed } from '@qihe/domain';
import { Callers, CurrentCaller, newSiteKey } from '@qihe/server';
import { AuditService } from '../audit/audit.service';
import { CurrentOrigin } from '../audit/request-origin';
import { AuthService } from '../auth/auth.service';
import { SeedService, type AppliedSeed } from '../bootstrap/seed.service';
import { OrgService } from '../core/org.service';
import { OrgUnitModel } from '../org/org-unit.model';
import { OrgUnitInput, SiteKeyModel, UserAccountModel, UserInput } from './admin.models';
import type { NewAuditEntry } from '../audit/audit.service';

type Audited = Omit<NewAuditEntry, 'actor' | 'origin'>;

// Administration goes through the same checks and the same code as the
// bootstrap file: one set of rules for the org tree, users and site keys.
// Each change writes its audit entries (one, and TOKENS_REVOKED when a user's
// tokens stop working) in its own transaction.
@Resolver()
@Callers(...ADMINISTRATORS)
export class AdminResolver {
  constructor(
    private readonly seeds: SeedService,
    private readonly org: OrgService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  @Mutation(() => OrgUnitModel, { description: 'ADMIN: create or update an org unit' })
  async upsertOrgUnit(@CurrentCaller() admin: Caller, @CurrentOrigin() origin: RequestOrigin, @Args('input') input: OrgUnitInput): Promise<OrgUnitModel> {
    await this.apply(admin, origin, { units: [input] }, ({ units: [u] }) => ({
      action: 'ORG_UNIT_UPSERTED',
      target: u.after.id,
      details: { before: u.before, after: u.after },
    }));
    return this.org.require(input.id, 'input.id');
  }

  @Mutation(() => UserAccountModel, { description: 'ADMIN: create a user or change their password, role or unit' })
  async upsertUser(@CurrentCaller() admin: Caller, @CurrentOrigin() origin: RequestOrigin, @Args('input') input: UserInput): Promise<UserAccountModel> {
    await this.apply(admin, origin, { users: [input] }, ({ users: [u] }) => [
      { action: 'USER_UPSERTED', target: u.username, details: { before: u.before, after: u.after, passwordChanged: u.passwordChanged } },
      ...(u.tokensRevoked ? [{ action: 'TOKENS_REVOKED' as const, target: u.username, details: { reason: 'role, unit or password changed' } }] : []),
    ]);
    return { username: input.username, role: input.role, unitId: input.unitId };
  }

  @Mutation(() => SiteKeyModel, { description: 'ADMIN: create a site or rotate its key; the key is returned once' })
  async issueSiteKey(
    @CurrentCaller() admin: Caller,
    @CurrentOrigin() origin: RequestOrigin,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('unitId', { type: () => ID }) unitId: string,
  ): Promise<SiteKeyModel> {
    const key = newSiteKey();
    await this.apply(admin, origin, { sites: [{ id: siteId, unitId, key }] }, ({ sites: [s] }) => ({
      action: 'SITE_KEY_ISSUED',
      target: s.id,
      details: { before: s.before, after: s.after, rotated: s.before !== null },
    }));
    this.auth.forgetSites();
    return { siteId, unitId, key };
  }

  private async apply(admin: Caller, origin: RequestOrigin, raw: Record<string, unknown>, entries: (applied: AppliedSeed) => Audited | Audited[]): Promise<void> {
    await this.seeds.apply(parseOne(raw, this.org.tree.all()), async (tx, applied) => {
      for (const entry of [entries(applied)].flat()) await this.audit.record({ ...entry, actor: actorOf(admin), origin }, tx);
    });
  }
}

/** A one-item seed; its problems name the argument (`input: …`), not the file's list (`units[0]: …`). */
function parseOne(raw: Record<string, unknown>, existing: readonly OrgUnitRecord[]): Seed {
  try {
    return parseSeed(raw, existing);
  } catch (err) {
    if (err instanceof SeedError) throw new SeedError([err.problems.join('; ').replace(/^(units|users|sites)\[0\]( \("[^"]*"\))?: /, 'input: ')]);
    throw err;
  }
}

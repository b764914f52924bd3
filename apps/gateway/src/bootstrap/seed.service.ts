import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { findSiteById, findUser, loadCatalogue, loadUnits, rebuildRollups, rebuildStatScopes, rollupsNeedRecount, upsertDefinitions, upsertPerceptionPoints, upsertSite, upsertTarget, upsertUnits, upsertUser, type Database, type Sql } from '@qihe/data';
import { NO_ORIGIN, OrgTree, parseSeed, type AuditActor, type EngagementModel, type OrgUnitRecord, type Role, type Seed, type StoredTarget } from '@qihe/domain';
import { hashPassword, hashSiteKey, shippedFile, verifyPassword, type GatewayConfig } from '@qihe/server';
import { AuditService } from '../audit/audit.service';
import { CONFIG, DATABASE, ENGAGEMENT_MODEL } from '../core/tokens';
import { OrgService } from '../core/org.service';
import { PerceptionCatalogueService } from '../indicators/perception-catalogue.service';

export interface SeedOutcome {
  source: string;
  demo: boolean;
  seed: Seed;
  rebuilt: boolean;
}

/** What applying a seed changed, entry by entry (before is null for a new entry): what an audit entry needs. */
export interface AppliedSeed {
  units: { before: OrgUnitRecord | null; after: OrgUnitRecord }[];
  users: {
    username: string;
    before: { role: Role; unitId: string } | null;
    after: { role: Role; unitId: string };
    passwordChanged: boolean;
    /** Its role, unit or password changed: every token the user held is refused from now on. */
    tokensRevoked: boolean;
  }[];
  sites: { id: string; before: { unitId: string } | null; after: { unitId: string } }[];
  /** Targets the file set or changed (unchanged ones are absent). */
  targets: { before: StoredTarget | null; after: StoredTarget }[];
}

/** Work done in the seed's own transaction after it is applied (e.g. its audit entries): it commits with the change or not at all. */
export type WithinSeed = (tx: Sql, applied: AppliedSeed) => Promise<void>;

const BOOTSTRAP_ACTOR: AuditActor = { kind: 'SYSTEM', id: 'bootstrap', role: null };

@Injectable()
export class SeedService {
  private readonly log = new Logger('Bootstrap');

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly perception: PerceptionCatalogueService,
  ) {}

  /** Applies QIHE_SEED_FILE, or the shipped demo org when none is given. Throws before applying anything if the file is bad. */
  async applyAtStart(): Promise<SeedOutcome> {
    const demo = !this.config.seedFile;
    const source = this.config.seedFile ?? shippedFile('infra/seed/demo-org.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(source, 'utf8'));
    } catch (err) {
      throw new Error(`${demo ? 'the demo org file' : 'QIHE_SEED_FILE'} (${source}) is not readable JSON: ${(err as Error).message}`);
    }
    const seed = parseSeed(raw, await loadUnits(this.db), await loadCatalogue(this.db), this.model);
    // A changed user's tokens stop working: the trail says so, in the same transaction.
    const { rebuilt, users } = await this.apply(seed, async (tx, applied) => {
      for (const u of applied.users.filter((x) => x.tokensRevoked)) {
        const details = { reason: 'role, unit or password changed by the bootstrap file', source };
        await this.audit.record({ actor: BOOTSTRAP_ACTOR, action: 'TOKENS_REVOKED', target: u.username, details, origin: NO_ORIGIN }, tx);
      }
      for (const t of applied.targets) {
        const details = { before: t.before, after: t.after, source };
        await this.audit.record({ actor: BOOTSTRAP_ACTOR, action: 'TARGET_CHANGED', target: `${t.after.unitId}/${t.after.key}`, details, origin: NO_ORIGIN }, tx);
      }
    });
    const revoked = users.filter((u) => u.tokensRevoked).map((u) => u.username);
    const notes = [rebuilt ? 'org tree re-shaped or new slice dimensions: rollups rebuilt' : '', revoked.length ? `tokens revoked for ${revoked.join(', ')} (role, unit or password changed)` : ''].filter(Boolean);
    this.log.log(`applied ${demo ? 'the demo org' : source}: ${seed.units.length} units, ${seed.users.length} users, ${seed.sites.length} sites, ${seed.commitments.length} commitment definitions, ${seed.perceptionPoints.length} perception points, ${seed.targets.length} targets${notes.length ? ` (${notes.join('; ')})` : ''}`);
    return { source, demo, seed, rebuilt };
  }

  /** Creates or updates what the seed names, in one transaction; `within` runs in it, after the change. */
  async apply(seed: Seed, within?: WithinSeed): Promise<AppliedSeed & { rebuilt: boolean }> {
    // Hash outside the transaction: scrypt is slow on purpose.
    const users = await Promise.all(seed.users.map(async (u) => ({ ...u, passwordHash: await this.passwordHashFor(u.username, u.password) })));
    const applied = await this.db.transaction(async (tx) => {
      const before = new OrgTree(await loadUnits(tx));
      const applied: AppliedSeed = { units: [], users: [], sites: [], targets: [] };
      for (const u of seed.units) applied.units.push({ before: before.get(u.id) ?? null, after: u });
      await upsertUnits(tx, parentsFirst(seed.units));
      for (const u of users) {
        const old = await findUser(tx, u.username);
        const change = await upsertUser(tx, { username: u.username, passwordHash: u.passwordHash, role: u.role, unitId: u.unitId });
        const after = { role: u.role, unitId: u.unitId };
        const passwordChanged = old?.passwordHash !== u.passwordHash;
        applied.users.push({ username: u.username, before: old && { role: old.role, unitId: old.unitId }, after, passwordChanged, tokensRevoked: change === 'changed' });
      }
      for (const s of seed.sites) {
        const old = await findSiteById(tx, s.id);
        await upsertSite(tx, { id: s.id, unitId: s.unitId, keyHash: hashSiteKey(s.key) });
        applied.sites.push({ id: s.id, before: old && { unitId: old.unitId }, after: { unitId: s.unitId } });
      }
      await upsertDefinitions(tx, seed.commitments);
      await upsertPerceptionPoints(tx, seed.perceptionPoints);
      for (const t of seed.targets) {
        const before = await upsertTarget(tx, t, 'bootstrap');
        if (!before || before.target !== t.target || before.amberBand !== t.amberBand) applied.targets.push({ before, after: t });
      }
      const rebuilt = await this.rebuildIfReshaped(tx, before, seed.units);
      if (within) await within(tx, applied);
      return { ...applied, rebuilt };
    });
    await this.org.reload();
    await this.perception.reload();
    return applied;
  }

  private async rebuildIfReshaped(tx: Sql, before: OrgTree, units: OrgUnitRecord[]): Promise<boolean> {
    const moved = units.some((u) => {
      const old = before.get(u.id);
      return old !== undefined && old.parentId !== u.parentId;
    });
    // A gateway with other slice dimensions than the stored rollups recounts them too.
    if (!moved && !(await rollupsNeedRecount(tx))) return false;
    const after = new OrgTree(await loadUnits(tx));
    await rebuildRollups(tx, (id) => after.lineage(id));
    await rebuildStatScopes(tx);
    return true;
  }

  // Keep the stored hash when the password is unchanged, so re-applying a file changes nothing.
  private async passwordHashFor(username: string, password: string): Promise<string> {
    const existing = await findUser(this.db, username);
    if (existing && (await verifyPassword(password, existing.passwordHash))) return existing.passwordHash;
    return hashPassword(password);
  }
}

/** Orders units so that each comes after its parent when both are in the list. */
export function parentsFirst(units: OrgUnitRecord[]): OrgUnitRecord[] {
  const pending = new Map(units.map((u) => [u.id, u]));
  const out: OrgUnitRecord[] = [];
  const visit = (u: OrgUnitRecord): void => {
    if (!pending.has(u.id)) return;
    pending.delete(u.id);
    const parent = u.parentId ? pending.get(u.parentId) : undefined;
    if (parent) visit(parent);
    out.push(u);
  };
  units.forEach(visit);
  return out;
}

import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { loadCatalogue, upsertDefinitions, type Database, type Sql } from '@qihe/data';
import { CommitmentCatalogue, readDefinition, treeProblems, type CatalogueProblem, type CommitmentDefinition } from '@qihe/domain';
import { badInput } from '@qihe/server';
import { DATABASE } from '../core/tokens';
import { OrgService } from '../core/org.service';

/** How often a replica re-reads the catalogue, so a definition changed through another replica applies here too. */
const REFRESH_MS = 15_000;
/** A code this replica does not know triggers a re-read at most this often. */
const MISS_REFRESH_MS = 2_000;

/** The commitment catalogue, kept in memory: small, and read by every ingest. */
@Injectable()
export class CatalogueService implements OnModuleInit, OnModuleDestroy {
  private current = new CommitmentCatalogue([]);
  private loadedAt = 0;
  private timer?: NodeJS.Timeout;
  private readonly log = new Logger('Commitments');

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
  ) {}

  get catalogue(): CommitmentCatalogue {
    return this.current;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.reload().catch((err: Error) => this.log.warn(`could not re-read the commitment catalogue: ${err.message}`));
    }, REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async reload(): Promise<CommitmentCatalogue> {
    this.current = new CommitmentCatalogue(await loadCatalogue(this.db));
    this.loadedAt = Date.now();
    return this.current;
  }

  /** The catalogue, re-read first when it lacks one of `codes` and was not just read. */
  async knowing(codes: Iterable<string>): Promise<CommitmentCatalogue> {
    for (const code of codes) {
      if (!this.current.get(code) && Date.now() - this.loadedAt > MISS_REFRESH_MS) return this.reload();
    }
    return this.current;
  }

  /**
   * upsertCommitment: one definition, checked with the whole catalogue it
   * makes; refused naming the field. `within` runs in the same transaction
   * (the audit entry), with the definition as it was (null when new).
   */
  async upsert(raw: unknown, within?: (tx: Sql, before: CommitmentDefinition | null, after: CommitmentDefinition) => Promise<void>): Promise<CommitmentDefinition> {
    const problems: CatalogueProblem[] = [];
    const def = readDefinition(raw, 'input', problems);
    const first = problems[0];
    if (first) throw badInput(`input.${first.field}`, first.message);
    await this.db.transaction(async (tx) => {
      // Serialise catalogue changes: two concurrent upserts must not each pass the tree check alone.
      await tx.query(`LOCK TABLE commitment_definition IN SHARE ROW EXCLUSIVE MODE`);
      const merged = new Map((await loadCatalogue(tx)).map((d) => [d.code, d]));
      const before = merged.get(def.code) ?? null;
      merged.set(def.code, def);
      const tree = this.org.tree;
      const bad = treeProblems(merged, (id) => tree.has(id), (code) => (code === def.code ? 'input' : `stored commitment "${code}"`));
      if (bad.length) throw badInput(bad[0].entry === 'input' ? `input.${bad[0].field}` : 'input', bad.map((p) => `${p.entry}: ${p.message}`).join('; '));
      await upsertDefinitions(tx, [def]);
      if (within) await within(tx, before, def);
    });
    await this.reload();
    return def;
  }
}

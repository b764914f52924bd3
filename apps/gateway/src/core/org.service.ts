import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { loadUnits, type Database } from '@qihe/data';
import { OrgTree, type OrgUnitRecord } from '@qihe/domain';
import { notFound } from '@qihe/server';
import { DATABASE } from './tokens';

/** How often a replica re-reads the tree, so units added through another replica appear here too. */
const REFRESH_MS = 15_000;
/** An id this replica does not know triggers a re-read at most this often. */
const MISS_REFRESH_MS = 2_000;

/** The org tree, kept in memory: it is small and read on every request. */
@Injectable()
export class OrgService implements OnModuleInit, OnModuleDestroy {
  private current = new OrgTree([]);
  private loadedAt = 0;
  private timer?: NodeJS.Timeout;
  private readonly log = new Logger('OrgTree');

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  get tree(): OrgTree {
    return this.current;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.reload().catch((err: Error) => this.log.warn(`could not re-read the org tree: ${err.message}`));
    }, REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async reload(): Promise<OrgTree> {
    this.current = new OrgTree(await loadUnits(this.db));
    this.loadedAt = Date.now();
    return this.current;
  }

  /** The tree, re-read first when it lacks one of `unitIds` and was not just read (a unit added on another replica). */
  async treeKnowing(unitIds: Iterable<string>): Promise<OrgTree> {
    for (const id of unitIds) {
      if (!this.current.has(id) && Date.now() - this.loadedAt > MISS_REFRESH_MS) return this.reload();
    }
    return this.current;
  }

  /** The unit, or NOT_FOUND naming the argument it came from. */
  require(unitId: string, argument = 'unitId'): OrgUnitRecord {
    const unit = this.current.get(unitId);
    if (!unit) throw notFound(`${argument}: no org unit "${unitId}"`);
    return unit;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { loadUnits, type Database } from '@qihe/data';
import { OrgTree, type OrgUnitRecord } from '@qihe/domain';
import { notFound } from '@qihe/server';
import { DATABASE } from './tokens';

/** The org tree, kept in memory: it is small and read on every request. */
@Injectable()
export class OrgService {
  private current = new OrgTree([]);

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  get tree(): OrgTree {
    return this.current;
  }

  async reload(): Promise<OrgTree> {
    this.current = new OrgTree(await loadUnits(this.db));
    return this.current;
  }

  /** The unit, or NOT_FOUND naming the argument it came from. */
  require(unitId: string, argument = 'unitId'): OrgUnitRecord {
    const unit = this.current.get(unitId);
    if (!unit) throw notFound(`${argument}: no org unit "${unitId}"`);
    return unit;
  }
}

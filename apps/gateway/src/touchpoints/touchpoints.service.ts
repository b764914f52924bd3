import { Inject, Injectable } from '@nestjs/common';
import { countFilteredTouchpoints, countFromRollups, pageFilteredTouchpoints, rollupCountable, subtreeScope, type DrillScope, type ReadSql, type PageCursor, type Sql, type StoredTouchpoint } from '@qihe/data';
import { checkTouchpointFilter, checkWindow, inScope, type Caller, type CheckedFilter, type EngagementModel, type TimeWindow, type TouchpointFilter } from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { READ_DATABASE, ENGAGEMENT_MODEL } from '../core/tokens';
import { PerceptionCatalogueService } from '../indicators/perception-catalogue.service';
import { OrgService } from '../core/org.service';
import { toTouchpointModel } from './models/touchpoint.model';
import type { TouchpointConnectionModel } from './models/touchpoint-connection.model';
import { decodeTouchpointCursor, encodeTouchpointCursor } from './touchpoint-cursor';

export const MAX_PAGE = 500;


export interface ScanRequest {
  unitId: string;
  from: Date;
  to: Date;
  filter: TouchpointFilter | null;
}

/** Rows per read of an export: large enough to be cheap per row, small enough to keep memory flat. */
const SCAN_PAGE = 2000;

export interface PageRequest extends ScanRequest {
  first: number;
  after: string | null;
  /** Whether totalCount is asked for: it is counted in the page's snapshot. */
  withTotal: boolean;
}

@Injectable()
export class TouchpointsService {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadSql,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
    private readonly org: OrgService,
    private readonly perception: PerceptionCatalogueService,
  ) {}

  /** Checks a request's unit, scope, window and filter: it reads the unit's whole subtree. */
  private prepare(caller: Caller, req: ScanRequest): { w: TimeWindow; filter: CheckedFilter } {
    const tree = this.org.tree;
    this.org.require(req.unitId);
    if (!inScope(caller, tree, req.unitId)) throw forbidden(`unitId: you may not read touchpoints of "${req.unitId}"`);
    const w = checkWindow(req.from, req.to);
    // Codes of the catalogue as this replica holds it (re-read every 15 s).
    const filter = checkTouchpointFilter(req.filter, this.model, new Set(this.perception.catalogue.points.map((x) => x.code)));
    // A filter only ever adds conditions: the rows stay the caller's part of the subtree. A scope is a
    // subtree (access-policy.ts), so a caller who may read the unit may read every unit below it: the
    // whole subtree is in scope, and no list of its units (10,021 for a group) is built per call.
    return { w, filter };
  }

  /**
   * The rows the caller may read, for SQL: the whole subtree as a semi-join (no
   * unit condition at all when the unit is the organisation's only root, checked
   * in `sql`'s snapshot).
   */
  private async scopeOf(sql: Sql, unitId: string): Promise<DrillScope> {
    return this.org.require(unitId).parentId === null ? subtreeScope(sql, unitId) : { unitId, everything: false };
  }

  /**
   * Every touchpoint page() would page through, in the same order, read page by
   * page (keyset): for exports, whose memory must not grow with the set. Checked
   * before the first page is read.
   */
  scan(caller: Caller, req: ScanRequest): AsyncIterable<StoredTouchpoint[]> {
    const { w, filter } = this.prepare(caller, req);
    const db = this.db;
    const scopeOf = (): Promise<DrillScope> => this.scopeOf(db, req.unitId);
    return (async function* () {
      const scope = await scopeOf();
      let after: PageCursor | null = null;
      for (;;) {
        const rows = await pageFilteredTouchpoints(db, scope, w.from, w.to, filter, SCAN_PAGE, after);
        if (rows.length) yield rows;
        if (rows.length < SCAN_PAGE) return;
        const last = rows[rows.length - 1];
        after = { occurredAt: last.occurredAt.getTime(), id: last.id };
      }
    })();
  }

  /** The touchpoints behind a number: a unit's subtree in a window, narrowed by the filter, newest first. */
  async page(caller: Caller, req: PageRequest): Promise<TouchpointConnectionModel> {
    const { w, filter } = this.prepare(caller, req);
    const { first } = req;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${first}`);
    const after = req.after ? decodeTouchpointCursor(req.after) : null;
    const { rows, total } = await this.db.transaction(async (tx) => {
      // Page and count see one snapshot: totalCount is the size of the set the pages come from.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const scope = await this.scopeOf(tx, req.unitId);
      const rows = await pageFilteredTouchpoints(tx, scope, w.from, w.to, filter, first + 1, after);
      if (!req.withTotal) return { rows, total: -1 };
      // The subtree's rollup rows hold exactly the scoped set: the whole subtree is in scope.
      const total =
        (rollupCountable(filter) ? await countFromRollups(tx, req.unitId, w.from, w.to, filter) : null) ??
        (await countFilteredTouchpoints(tx, scope, w.from, w.to, filter));
      return { rows, total };
    });
    const edges = rows.slice(0, first).map((t) => ({
      cursor: encodeTouchpointCursor({ occurredAt: t.occurredAt.getTime(), id: t.id }),
      node: toTouchpointModel(t, this.org.require(t.unitId)),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null }, totalCount: total };
  }
}

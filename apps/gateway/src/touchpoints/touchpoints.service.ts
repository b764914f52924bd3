import { Inject, Injectable } from '@nestjs/common';
import { countFilteredTouchpoints, countFromRollups, pageFilteredTouchpoints, rollupCountable, type Database, type PageCursor } from '@qihe/data';
import { checkTouchpointFilter, checkWindow, EARLIEST_DATE_MS, inScope, type Caller, type EngagementModel, type TouchpointFilter } from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { DATABASE, ENGAGEMENT_MODEL } from '../core/tokens';
import { OrgService } from '../core/org.service';
import { toTouchpointModel } from './models/touchpoint.model';
import type { TouchpointConnectionModel } from './models/touchpoint-connection.model';

export const MAX_PAGE = 500;

const encodeCursor = (c: PageCursor): string => Buffer.from(`${c.occurredAt}:${c.id}`).toString('base64url');

// The latest instant a Date can hold: a cursor naming a later one was not made here.
const MAX_DATE_MS = 8.64e15;

function decodeCursor(raw: string): PageCursor {
  const m = /^(\d{1,16}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(Buffer.from(raw, 'base64url').toString());
  const occurredAt = m ? Number(m[1]) : NaN;
  if (!m || occurredAt < EARLIEST_DATE_MS || occurredAt > MAX_DATE_MS) throw badInput('after', 'after: not a cursor returned by this query');
  return { occurredAt, id: m[2] };
}

export interface PageRequest {
  unitId: string;
  from: Date;
  to: Date;
  first: number;
  after: string | null;
  filter: TouchpointFilter | null;
  /** Whether totalCount is asked for: it is counted in the page's snapshot. */
  withTotal: boolean;
}

@Injectable()
export class TouchpointsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
    private readonly org: OrgService,
  ) {}

  /** The touchpoints behind a number: a unit's subtree in a window, narrowed by the filter, newest first. */
  async page(caller: Caller, req: PageRequest): Promise<TouchpointConnectionModel> {
    const tree = this.org.tree;
    this.org.require(req.unitId);
    if (!inScope(caller, tree, req.unitId)) throw forbidden(`unitId: you may not read touchpoints of "${req.unitId}"`);
    const w = checkWindow(req.from, req.to);
    const { first } = req;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${first}`);
    const filter = checkTouchpointFilter(req.filter, this.model);
    const after = req.after ? decodeCursor(req.after) : null;
    // A filter only ever adds conditions: the units stay the caller's part of the subtree.
    const subtree = tree.subtree(req.unitId);
    const units = subtree.filter((u) => inScope(caller, tree, u.id)).map((u) => u.id);
    const { rows, total } = await this.db.transaction(async (tx) => {
      // Page and count see one snapshot: totalCount is the size of the set the pages come from.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const rows = await pageFilteredTouchpoints(tx, units, w.from, w.to, filter, first + 1, after);
      if (!req.withTotal) return { rows, total: -1 };
      // The subtree's rollup rows hold exactly the scoped set when the whole subtree is in scope.
      const total =
        units.length === subtree.length && rollupCountable(filter)
          ? await countFromRollups(tx, req.unitId, w.from, w.to, filter)
          : await countFilteredTouchpoints(tx, units, w.from, w.to, filter);
      return { rows, total };
    });
    const edges = rows.slice(0, first).map((t) => ({
      cursor: encodeCursor({ occurredAt: t.occurredAt.getTime(), id: t.id }),
      node: toTouchpointModel(t, this.org.require(t.unitId)),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null }, totalCount: total };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { pageTouchpoints, type Database, type PageCursor } from '@qihe/data';
import { checkWindow, EARLIEST_DATE_MS, inScope, type Caller } from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { DATABASE } from '../core/tokens';
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

@Injectable()
export class TouchpointsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
  ) {}

  /** The touchpoints behind a number: a unit's subtree in a window, newest first. */
  async page(caller: Caller, unitId: string, from: Date, to: Date, first: number, after: string | null): Promise<TouchpointConnectionModel> {
    const tree = this.org.tree;
    this.org.require(unitId);
    if (!inScope(caller, tree, unitId)) throw forbidden(`unitId: you may not read touchpoints of "${unitId}"`);
    const w = checkWindow(from, to);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${first}`);
    const units = tree.subtree(unitId).filter((u) => inScope(caller, tree, u.id));
    const rows = await pageTouchpoints(this.db, units.map((u) => u.id), w.from, w.to, first + 1, after ? decodeCursor(after) : null);
    const edges = rows.slice(0, first).map((t) => ({
      cursor: encodeCursor({ occurredAt: t.occurredAt.getTime(), id: t.id }),
      node: toTouchpointModel(t, this.org.require(t.unitId)),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { pageNodes, sumStatsByCode, treesOf, type Database } from '@qihe/data';
import {
  breachedBy,
  checkWindow,
  commitmentState,
  inScope,
  stepsOf,
  type Caller,
  type CommitmentDefinition,
  type CommitmentNode,
  type CommitmentState,
} from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { DATABASE } from '../core/tokens';
import { OrgService } from '../core/org.service';
import { CatalogueService } from './catalogue.service';
import type { CommitmentConnectionModel, CommitmentDefinitionModel, CommitmentModel, CommitmentPerformanceModel } from './models/commitment.model';

export const MAX_PAGE = 500;

const encodeCursor = (n: CommitmentNode): string => Buffer.from(`${n.startedAt}:${n.id}`).toString('base64url');
function decodeCursor(raw: string): { startedAt: number; id: string } {
  const m = /^(\d+):([0-9a-f-]{36})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!m) throw badInput('after', 'after: not a cursor returned by this query');
  return { startedAt: Number(m[1]), id: m[2] };
}

export interface CommitmentQuery {
  unitId: string;
  from: Date;
  to: Date;
  owned: boolean;
  states?: CommitmentState[] | null;
  level?: number | null;
  first?: number;
  after?: string | null;
}

@Injectable()
export class CommitmentsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
    private readonly catalogues: CatalogueService,
  ) {}

  catalogue(): CommitmentDefinitionModel[] {
    return this.catalogues.catalogue
      .all()
      .sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1))
      .map((d) => this.definitionModel(d));
  }

  definitionModel(d: CommitmentDefinition): CommitmentDefinitionModel {
    return { ...d, ownerUnit: d.ownerUnitId ? (this.org.tree.get(d.ownerUnitId) ?? null) : null };
  }

  /** Nodes started in the window: of touchpoints in the unit's subtree, or (owned) owned by it. */
  async page(caller: Caller, q: CommitmentQuery): Promise<CommitmentConnectionModel> {
    const units = this.unitsOf(caller, q.unitId, 'commitments');
    const w = checkWindow(q.from, q.to);
    const first = q.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${first}`);
    if (q.level != null && (!Number.isInteger(q.level) || q.level < 1 || q.level > 3)) throw badInput('level', 'level must be 1, 2 or 3');
    const now = Date.now();
    const { nodes, total } = await pageNodes(this.db, {
      unitIds: units,
      owned: q.owned,
      from: w.from,
      to: w.to,
      states: q.states ?? null,
      level: q.level ?? null,
      now,
      limit: first + 1,
      after: q.after ? decodeCursor(q.after) : null,
    });
    const page = nodes.slice(0, first);
    const trees = await treesOf(this.db, page.map((n) => n.touchpointId));
    const edges = page.map((n) => ({ cursor: encodeCursor(n), node: this.model(n, trees.get(n.touchpointId) ?? [n], now) }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: nodes.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  /** Per code over nodes started in the window, from the hourly counters (never the nodes themselves). */
  async performance(caller: Caller, unitId: string, from: Date, to: Date, owned: boolean): Promise<CommitmentPerformanceModel[]> {
    const units = this.unitsOf(caller, unitId, 'commitment performance');
    const w = checkWindow(from, to);
    const rows = await sumStatsByCode(this.db, units, owned, w.from, w.to);
    const catalogue = this.catalogues.catalogue;
    return rows
      .filter((r) => r.started > 0)
      .map((r) => {
        const d = catalogue.get(r.code);
        return {
          code: r.code,
          name: d?.name ?? r.code,
          level: d?.level ?? 0,
          started: r.started,
          met: r.met,
          breached: r.breached,
          open: r.started - r.met - r.breached,
          atRisk: r.atRisk,
          keptRate: r.met + r.breached === 0 ? null : r.met / (r.met + r.breached),
          causedBreaches: r.caused,
        };
      })
      .sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1));
  }

  /** Touchpoint.commitments: the tree a touchpoint started, level 1 first (the caller already sees the touchpoint). */
  async ofTouchpoint(touchpointId: string): Promise<CommitmentModel[]> {
    const tree = (await treesOf(this.db, [touchpointId])).get(touchpointId) ?? [];
    const now = Date.now();
    return tree.filter((n) => n.level === 1).map((n) => this.model(n, tree, now));
  }

  private unitsOf(caller: Caller, unitId: string, what: string): string[] {
    const tree = this.org.tree;
    this.org.require(unitId);
    if (!inScope(caller, tree, unitId)) throw forbidden(`unitId: you may not read ${what} of "${unitId}"`);
    return tree
      .subtree(unitId)
      .filter((u) => inScope(caller, tree, u.id))
      .map((u) => u.id);
  }

  private model(n: CommitmentNode, tree: readonly CommitmentNode[], now: number): CommitmentModel {
    return {
      id: n.id,
      code: n.code,
      name: n.name,
      level: n.level,
      touchpointId: n.touchpointId,
      customerId: n.customerId,
      unit: this.org.require(n.unitId),
      ownerUnit: this.org.require(n.ownerUnitId),
      startedAt: new Date(n.startedAt),
      dueAt: new Date(n.dueAt),
      completedAt: n.completedAt === null ? null : new Date(n.completedAt),
      state: commitmentState(n, now),
      steps: stepsOf(n, tree).map((s) => this.model(s, tree, now)),
      breachedBy: breachedBy(n, tree, now).map((s) => this.model(s, tree, now)),
    };
  }
}

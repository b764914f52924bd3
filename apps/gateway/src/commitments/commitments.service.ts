import { Inject, Injectable } from '@nestjs/common';
import { findNode, pageNodes, pendingStatesByCode, sumStatsByCode, treesOf, type Database } from '@qihe/data';
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const encodeCursor = (n: CommitmentNode): string => Buffer.from(`${n.startedAt}:${n.id}`).toString('base64url');
function decodeCursor(raw: string): { startedAt: number; id: string } {
  const m = /^(\d+):([0-9a-f-]{36})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!m) throw badInput('after', 'after: not a cursor returned by this query');
  return { startedAt: Number(m[1]), id: m[2] };
}

/** A code's nodes started in a window, each in its state at one moment. */
interface CodeStates {
  code: string;
  started: number;
  met: number;
  breached: number;
  /** OPEN or AT_RISK */
  open: number;
  atRisk: number;
  caused: number;
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
    this.checkScope(caller, q.unitId, 'commitments');
    const w = checkWindow(q.from, q.to);
    const first = q.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${first}`);
    if (q.level != null && (!Number.isInteger(q.level) || q.level < 1 || q.level > 3)) throw badInput('level', 'level must be 1, 2 or 3');
    const now = Date.now();
    const states = q.states ?? null;
    // The page reads nodes from the newest back; its total comes from the counters, never from counting the window's history.
    const [{ nodes }, total] = await Promise.all([pageNodes(this.db, {
      unitId: q.unitId,
      owned: q.owned,
      from: w.from,
      to: w.to,
      states: q.states ?? null,
      level: q.level ?? null,
      now,
      limit: first + 1,
      after: q.after ? decodeCursor(q.after) : null,
      countTotal: false,
    }), this.countIn(q.unitId, q.owned, w.from, w.to, states, q.level ?? null, now)]);
    const page = nodes.slice(0, first);
    const trees = await treesOf(this.db, page.map((n) => n.touchpointId));
    const edges = page.map((n) => ({ cursor: encodeCursor(n), node: this.model(n, trees.get(n.touchpointId) ?? [n], now) }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: nodes.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  /** Per code over nodes started in the window, each node in its state now (statesByCode: counters, not the nodes' history). */
  async performance(caller: Caller, unitId: string, from: Date, to: Date, owned: boolean): Promise<CommitmentPerformanceModel[]> {
    this.checkScope(caller, unitId, 'commitment performance');
    const w = checkWindow(from, to);
    const rows = await this.statesByCode(unitId, owned, w.from, w.to, Date.now());
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
          open: r.open,
          atRisk: r.atRisk,
          keptRate: r.met + r.breached === 0 ? null : r.met / (r.met + r.breached),
          causedBreaches: r.caused,
        };
      })
      .sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1));
  }

  /**
   * Each code's nodes by state at `now` (MANAGEMENT-MODEL §1, State): the
   * hourly counters of the scope (the unit and its subtree: a caller who may
   * read a unit may read all of its subtree) hold what the writers settled; nodes whose moment came
   * since the monitor's last pass (its backlog, read from the due index) move
   * from open to at risk or breached. Neither read grows with history.
   */
  private async statesByCode(scope: string, owned: boolean, from: number, to: number, now: number): Promise<CodeStates[]> {
    const [stats, pending] = await Promise.all([sumStatsByCode(this.db, scope, owned, from, to), pendingStatesByCode(this.db, scope, owned, from, to, now)]);
    const late = new Map(pending.map((p) => [p.code, p]));
    return stats.map((r) => {
      const p = late.get(r.code);
      const breached = r.breached + (p?.dueNow ?? 0);
      return { code: r.code, started: r.started, met: r.met, breached, open: r.started - r.met - breached, atRisk: r.atRisk - (p?.riskToBreach ?? 0) + (p?.newRisk ?? 0), caused: r.caused };
    });
  }

  /** How many nodes of the window are in one of `states` now (all when null), of one level or all. */
  private async countIn(scope: string, owned: boolean, from: number, to: number, states: CommitmentState[] | null, level: number | null, now: number): Promise<number> {
    const catalogue = this.catalogues.catalogue;
    let total = 0;
    for (const c of await this.statesByCode(scope, owned, from, to, now)) {
      if (level !== null && catalogue.get(c.code)?.level !== level) continue;
      if (states === null) total += c.started;
      else {
        for (const s of new Set(states)) total += s === 'MET' ? c.met : s === 'BREACHED' ? c.breached : s === 'AT_RISK' ? c.atRisk : c.open - c.atRisk;
      }
    }
    return total;
  }

  /**
   * One node by id (a trace's own link), or null when there is none. Seen by
   * whoever may read commitments of the touchpoint's unit, and by the users
   * of a unit that owns a node of its tree (they must see what their step broke).
   */
  async byId(caller: Caller, id: string): Promise<CommitmentModel | null> {
    if (!UUID.test(id)) throw badInput('id', `id: not a commitment id: "${id.slice(0, 60)}"`);
    const n = await findNode(this.db, id);
    if (!n) return null;
    const tree = (await treesOf(this.db, [n.touchpointId])).get(n.touchpointId) ?? [n];
    const org = this.org.tree;
    const seen = inScope(caller, org, n.unitId) || tree.some((x) => inScope(caller, org, x.ownerUnitId));
    if (!seen) throw forbidden(`id: you may not read commitment "${id}"`);
    return this.model(n, tree, Date.now());
  }

  /** Touchpoint.commitments of several touchpoints in one read: each its tree's level-1 node with its steps (the caller already sees the touchpoints). */
  async ofTouchpoints(touchpointIds: readonly string[]): Promise<CommitmentModel[][]> {
    const trees = await treesOf(this.db, [...new Set(touchpointIds)]);
    const now = Date.now();
    return touchpointIds.map((id) => {
      const tree = trees.get(id) ?? [];
      return tree.filter((n) => n.level === 1).map((n) => this.model(n, tree, now));
    });
  }

  /** The level-1 nodes of these touchpoints' trees, in the order given (the caller already sees the touchpoints). */
  async modelsOf(touchpointIds: readonly string[]): Promise<CommitmentModel[]> {
    const trees = await treesOf(this.db, touchpointIds);
    const now = Date.now();
    return touchpointIds.flatMap((id) => {
      const tree = trees.get(id) ?? [];
      return tree.filter((n) => n.level === 1).map((n) => this.model(n, tree, now));
    });
  }

  /** The unit exists and is in the caller's scope, and so (a scope is a subtree) is every unit below it: the reads take its subtree. */
  private checkScope(caller: Caller, unitId: string, what: string): void {
    this.org.require(unitId);
    if (!inScope(caller, this.org.tree, unitId)) throw forbidden(`unitId: you may not read ${what} of "${unitId}"`);
  }

  /**
   * A node as the API shows it. Every node of its tree is made once and
   * linked (steps, breachedBy, promise point at the same objects), so the
   * links cost nothing and GraphQL walks them only as deep as a query asks.
   */
  private model(n: CommitmentNode, tree: readonly CommitmentNode[], now: number): CommitmentModel {
    const nodes = tree.some((x) => x.id === n.id) ? tree : [...tree, n];
    const made = new Map<string, CommitmentModel>();
    for (const x of nodes) {
      made.set(x.id, {
        id: x.id,
        code: x.code,
        name: x.name,
        level: x.level,
        touchpointId: x.touchpointId,
        customerId: x.customerId,
        unit: this.org.require(x.unitId),
        ownerUnit: this.org.require(x.ownerUnitId),
        startedAt: new Date(x.startedAt),
        dueAt: new Date(x.dueAt),
        completedAt: x.completedAt === null ? null : new Date(x.completedAt),
        state: commitmentState(x, now),
        steps: [],
        breachedBy: [],
        promise: null as unknown as CommitmentModel, // linked below
      });
    }
    const root = nodes.find((x) => x.level === 1);
    const of = (x: CommitmentNode): CommitmentModel => made.get(x.id) as CommitmentModel;
    for (const x of nodes) {
      const m = of(x);
      m.steps = stepsOf(x, nodes).map(of);
      m.breachedBy = breachedBy(x, nodes, now).map(of);
      m.promise = root ? of(root) : m;
    }
    return of(n);
  }
}

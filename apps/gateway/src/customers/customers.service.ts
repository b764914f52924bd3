import { Inject, Injectable } from '@nestjs/common';
import { customerFacts, customerFollowUps, customerPromises, customerUnits, latestRiskModel, openPromiseTouchpoints, pageCustomerTouchpoints, type CustomerUnitRow, type ReadSql } from '@qihe/data';
import {
  checkCustomerId,
  customerCounters,
  CUSTOMER_WINDOW_MS,
  inScope,
  scoreEngagementTypes,
  seesEverything,
  type Caller,
  type EngagementModel,
} from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { READ_DATABASE, ENGAGEMENT_MODEL } from '../core/tokens';
import { OrgService } from '../core/org.service';
import { CommitmentsService } from '../commitments/commitments.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { toTouchpointModel } from '../touchpoints/models/touchpoint.model';
import type { TouchpointConnectionModel } from '../touchpoints/models/touchpoint-connection.model';
import type { CustomerProfileModel } from './models/customer.model';
import { RISK_HISTORY_MS, RiskReadsService } from './risk-reads.service';
import { decodeTouchpointCursor, encodeTouchpointCursor } from '../touchpoints/touchpoint-cursor';

export const MAX_TIMELINE_PAGE = 500;
/** The profile lists at most this many open commitments and follow-ups (newest first). */
const PROFILE_LIST = 50;


/** What of a customer a caller may see: the units in its scope that served them. */
export interface CustomerScope {
  customerId: string;
  visible: CustomerUnitRow[];
  /** For SQL: null when the caller sees every unit, else the visible units' ids. */
  unitIds: string[] | null;
}

/**
 * The customer across the organisation, strictly in the caller's scope: a
 * caller sees the touchpoints of units in its scope and nothing else — not
 * even that other units served the customer. Everything is read from the
 * customer's own rows (customer_unit, customer_touchpoint).
 */
@Injectable()
export class CustomersService {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadSql,
    private readonly org: OrgService,
    private readonly commitments: CommitmentsService,
    private readonly followUps: FollowUpsService,
    private readonly risk: RiskReadsService,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
  ) {}

  /**
   * `within` narrows the caller's scope to that unit's subtree (a site key asks
   * for one of its agents: the agent's unit, never more than the key's own).
   */
  async scope(caller: Caller, customerId: string, within: string | null = null): Promise<CustomerScope> {
    const problem = checkCustomerId(customerId);
    if (problem) throw badInput('customerId', problem);
    const tree = this.org.tree;
    if (within !== null) {
      this.org.require(within);
      if (!inScope(caller, tree, within)) throw forbidden(`unitId: you may not read customers of "${within}"`);
    }
    const visible = (await customerUnits(this.db, customerId)).filter(
      (u) => tree.has(u.unitId) && inScope(caller, tree, u.unitId) && (within === null || tree.contains(within, u.unitId)),
    );
    return { customerId, visible, unitIds: seesEverything(caller) && within === null ? null : visible.map((u) => u.unitId) };
  }

  /** null when no touchpoint of the customer is in the caller's scope. */
  async profile(caller: Caller, customerId: string, within: string | null = null): Promise<CustomerProfileModel | null> {
    const now = Date.now();
    const since = now - CUSTOMER_WINDOW_MS;
    // One read of the customer's rows serves the four types (365 days) and the risk features (485 days), and
    // no list of units when the caller sees every unit (unitIds null): a customer of 1,000 units is no 1,000-element literal.
    const riskSince = Math.min(since, now - RISK_HISTORY_MS);
    const reads = (unitIds: string[] | null) =>
      Promise.all([
        openPromiseTouchpoints(this.db, customerId, unitIds, PROFILE_LIST),
        customerFollowUps(this.db, customerId, unitIds, PROFILE_LIST),
        latestRiskModel(this.db),
        customerFacts(this.db, customerId, unitIds, riskSince),
        customerPromises(this.db, customerId, unitIds, riskSince),
      ]);
    // A caller who sees every unit reads with no list of units, so the reads need not wait for the units that
    // served the customer: one round trip, not two (the units' read was ~2 ms of a 10 M profile on its own).
    let s: CustomerScope;
    let read: Awaited<ReturnType<typeof reads>>;
    if (seesEverything(caller) && within === null && checkCustomerId(customerId) === null) {
      [s, read] = await Promise.all([this.scope(caller, customerId, within), reads(null)]);
      if (s.visible.length === 0) return null;
    } else {
      s = await this.scope(caller, customerId, within);
      if (s.visible.length === 0) return null;
      read = await reads(s.unitIds);
    }
    const [promised, followUps, model, facts, promises] = read;
    const risk = model && this.risk.riskFrom(customerId, model, { touchpoints: facts, promises }, now);
    const units = [...s.visible].sort((a, b) => b.lastContactAt - a.lastContactAt || (a.unitId < b.unitId ? -1 : 1));
    return {
      customerId,
      touchpoints: units.reduce((n, u) => n + u.touchpoints, 0),
      firstContactAt: new Date(Math.min(...units.map((u) => u.firstContactAt))),
      lastContactAt: new Date(units[0].lastContactAt),
      units: units.map((u) => ({ unit: this.org.require(u.unitId), touchpoints: u.touchpoints, lastContactAt: new Date(u.lastContactAt) })),
      // The four types over the in-scope touchpoints of the last 365 days, counted as ingest counts them.
      engagement: scoreEngagementTypes(customerCounters(facts, since), this.model),
      risk,
      openCommitments: (await this.commitments.modelsOf(promised)).filter((c) => c.completedAt === null),
      followUps: followUps.map((f) => this.followUps.model(f)),
    };
  }

  /** The customer's touchpoints in scope, newest first. */
  async timeline(caller: Caller, customerId: string, first: number, after: string | null, within: string | null = null): Promise<TouchpointConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_TIMELINE_PAGE) throw badInput('first', `first must be from 1 to ${MAX_TIMELINE_PAGE}, got ${first}`);
    const cursor = after ? decodeTouchpointCursor(after) : null;
    const s = await this.scope(caller, customerId, within);
    if (s.visible.length === 0) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const rows = await pageCustomerTouchpoints(this.db, customerId, s.unitIds, first + 1, cursor);
    const edges = rows.slice(0, first).map((t) => ({
      cursor: encodeTouchpointCursor({ occurredAt: t.occurredAt.getTime(), id: t.id }),
      node: toTouchpointModel(t, this.org.require(t.unitId)),
    }));
    // The connection's totalCount (issue 12): the customer's touchpoints in the visible units, kept per unit at ingest.
    const totalCount = s.visible.reduce((n, u) => n + u.touchpoints, 0);
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null }, totalCount };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayError, type CustomerLookup } from '@qihe/client';
import type { Database } from '@qihe/data';
import { checkCustomerId } from '@qihe/domain';
import { badInput, forbidden, type UserClaims } from '@qihe/server';
import type { SiteConfig } from '../config/site-config';
import { gatewayDown, GatewayLink } from '../core/gateway-link';
import { CONFIG, DATABASE } from '../core/tokens';
import { UnitsService } from '../core/units.service';
import { findCustomerCopy, pruneCustomerCopies, saveCustomerCopy } from '../storage/customers.repository';
import type { SiteCustomerModel, SiteCustomerProfileModel } from './models/site-customer.model';

/** The cache keeps at most this many answers (customer × scope unit), the most recently fetched. */
export const MAX_CACHED_CUSTOMERS = 5000;
/** An answer older than this is dropped, never served (a month: enough for a weekend or a long outage, not a record). */
export const CUSTOMER_COPY_MAX_AGE_MS = 30 * 86_400_000;
/** The latest touchpoints fetched with a profile. */
export const TIMELINE_SIZE = 20;
/** How long an agent waits for the gateway before the copy is served (the fetch goes on and updates the copy). */
const WAIT_FOR_GATEWAY_MS = 1500;
/** The cache is pruned at most this often (the bound may be overshot by a minute's lookups). */
const PRUNE_EVERY_MS = 60_000;

type Fetched = { ok: true; answer: CustomerLookup; at: Date } | { ok: false; err: unknown };

/**
 * A customer's history for a site's agents, from the gateway, narrowed to the
 * agent's unit (the gateway answers only what that unit may see; the site asks
 * for nothing wider). Each answer is kept, so while the gateway is away the
 * agent still sees the last known one, marked stale with its time. The copy is
 * per (customer, scope unit): one unit's answer is never shown to another.
 */
@Injectable()
export class CustomerLookupService {
  private readonly log = new Logger('Customers');
  private readonly inflight = new Map<string, Promise<Fetched>>();
  private prunedAt = 0;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SiteConfig,
    private readonly link: GatewayLink,
    private readonly units: UnitsService,
  ) {}

  async lookup(user: UserClaims, customerId: string): Promise<SiteCustomerModel> {
    const problem = checkCustomerId(customerId);
    if (problem) throw badInput('customerId', problem);
    const scopeUnitId = this.scopeUnitOf(user);
    const slow = new Promise<null>((r) => setTimeout(() => r(null), WAIT_FOR_GATEWAY_MS).unref());
    const got = await Promise.race([this.fetch(customerId, scopeUnitId), slow]);
    if (got?.ok) return { customerId, scopeUnitId, profile: toProfile(got.answer), asOf: got.at, stale: false };
    if (got && got.err instanceof GatewayError && !gatewayDown(got.err)) {
      if (got.err.code === 'BAD_USER_INPUT') throw badInput('customerId', `customerId: ${got.err.message}`);
      if (got.err.code === 'FORBIDDEN' || got.err.code === 'NOT_FOUND') throw forbidden(`the gateway refused this site customers of unit "${scopeUnitId}": ${got.err.message}`);
    }
    const copy = await findCustomerCopy(this.db, customerId, scopeUnitId, CUSTOMER_COPY_MAX_AGE_MS);
    return { customerId, scopeUnitId, profile: copy ? toProfile(copy.answer) : null, asOf: copy?.fetchedAt ?? null, stale: true };
  }

  /** Agents and unit heads: their unit; executives and admins: the site's (a site key sees no more). */
  private scopeUnitOf(user: UserClaims): string {
    if (user.role !== 'AGENT' && user.role !== 'UNIT_HEAD') return this.config.unitId;
    if (!this.units.serves(user.unitId)) throw forbidden(`user "${user.username}" belongs to unit "${user.unitId}", which this site does not serve`);
    return user.unitId;
  }

  /** One call per (customer, scope unit) at a time; never rejects. */
  private fetch(customerId: string, scopeUnitId: string): Promise<Fetched> {
    const key = `${scopeUnitId}\u0000${customerId}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.ask(customerId, scopeUnitId).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  private async ask(customerId: string, scopeUnitId: string): Promise<Fetched> {
    let answer: CustomerLookup;
    try {
      answer = await this.link.client.customer(customerId, scopeUnitId, TIMELINE_SIZE);
      this.link.answered();
    } catch (err) {
      this.link.failed(err);
      return { ok: false, err };
    }
    const at = new Date();
    try {
      await saveCustomerCopy(this.db, customerId, scopeUnitId, answer, at);
      if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = Date.now();
        await pruneCustomerCopies(this.db, MAX_CACHED_CUSTOMERS, CUSTOMER_COPY_MAX_AGE_MS);
      }
    } catch (err) {
      // The agent still gets the fresh answer; only the offline copy is missed.
      this.log.error(`could not keep the copy of customer "${customerId}": ${err instanceof Error ? err.message : String(err)}`);
    }
    return { ok: true, answer, at };
  }
}

function toProfile(a: CustomerLookup): SiteCustomerProfileModel | null {
  const c = a.customer;
  if (!c) return null;
  return {
    touchpoints: c.touchpoints,
    firstContactAt: new Date(c.firstContactAt),
    lastContactAt: new Date(c.lastContactAt),
    units: c.units.map((u) => ({ unitId: u.unit.id, unitName: u.unit.name, touchpoints: u.touchpoints, lastContactAt: new Date(u.lastContactAt) })),
    engagement: c.engagement.map((e) => ({ type: e.type, score: e.score ?? null })),
    risk: c.risk && { probability: c.risk.probability, asOf: new Date(c.risk.asOf), modelVersion: c.risk.modelVersion, drivers: c.risk.drivers },
    openCommitments: c.openCommitments.map((o) => ({ id: o.id, code: o.code, name: o.name, state: o.state, dueAt: new Date(o.dueAt), unitId: o.unit.id, unitName: o.unit.name })),
    followUps: c.followUps.map((f) => ({ id: f.id, reason: f.reason, state: f.state, createdAt: new Date(f.createdAt), unitId: f.unit.id, unitName: f.unit.name })),
    timeline: a.customerTimeline.edges.map(({ node: t }) => ({
      id: t.id,
      unitId: t.unit.id,
      unitName: t.unit.name,
      occurredAt: new Date(t.occurredAt),
      channel: t.channel,
      kind: t.kind,
      needCategory: t.needCategory,
      needDescription: t.needDescription ?? null,
      serviceAction: t.serviceAction ?? null,
      resolved: t.resolved ?? null,
      satisfaction: t.satisfaction?.score ?? null,
    })),
  };
}

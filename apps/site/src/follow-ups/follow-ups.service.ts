import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { outcomeProblem } from '@qihe/domain';
import { badInput, forbidden, notFound, type UserClaims } from '@qihe/server';
import { FollowUpCopy } from '../core/follow-up-copy.service';
import { DATABASE } from '../core/tokens';
import { UnitsService } from '../core/units.service';
import { ForwarderService } from '../forwarder/forwarder.service';
import { cachedFollowUp, cachedFollowUps, findCloses, lockClose, upsertClose, type CachedFollowUp, type FollowUpCloseRow } from '../storage/follow-ups.repository';
import type { SiteFollowUpListModel, SiteFollowUpModel } from './models/site-follow-up.model';

export const MAX_FOLLOW_UPS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Follow-ups at a site: the agent's unit's open ones from the site's copy of
 * the gateway's list, and closes with an outcome. A close is committed to the
 * outbox and forwarded like a touchpoint: an agent who just called the customer
 * back records it now, whether the gateway is there or not, and sees when it
 * went through (or why the gateway refused it).
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly copy: FollowUpCopy,
    private readonly units: UnitsService,
    private readonly forwarder: ForwarderService,
  ) {}

  async list(user: UserClaims, first: number | null): Promise<SiteFollowUpListModel> {
    const limit = first ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FOLLOW_UPS) throw badInput('first', `first must be a whole number from 1 to ${MAX_FOLLOW_UPS}, got ${limit}`);
    await this.copy.freshen();
    const units = this.unitsOf(user);
    const rows = await cachedFollowUps(this.db, units, MAX_COPY_READ);
    const shown = rows.slice(0, limit);
    const closes = await findCloses(this.db, shown.map((f) => f.id));
    return { items: shown.map((f) => model(f, closes.get(f.id) ?? null)), totalCount: rows.length, asOf: this.copy.asOf, stale: this.copy.stale };
  }

  async close(user: UserClaims, id: string, outcome: string): Promise<SiteFollowUpModel> {
    const problem = outcomeProblem(outcome);
    if (problem) throw badInput('outcome', `outcome: ${problem}`);
    const unknown = notFound(`id: no open follow-up "${id}" in this site's copy`);
    if (!UUID.test(id)) throw unknown;
    const key = id.toLowerCase();
    const { followUp, queued } = await this.db.transaction(async (tx) => {
      const existing = await lockClose(tx, key);
      const cached = await cachedFollowUp(tx, key);
      const unitId = cached?.unitId ?? existing?.unitId;
      if (!cached || !unitId) throw unknown;
      if (!this.unitsOf(user).includes(unitId)) throw forbidden(`id: follow-up "${id}" belongs to unit "${unitId}", outside your part of this site`);
      if (existing && existing.state !== 'DEAD') {
        if (existing.outcome === outcome) return { followUp: cached, queued: false };
        throw badInput('id', `id: follow-up "${id}" is already closed at this site by ${existing.closedBy}`);
      }
      await upsertClose(tx, { followUpId: key, unitId, outcome, closedBy: user.username });
      return { followUp: cached, queued: true };
    });
    if (queued) this.forwarder.wake();
    const closes = await findCloses(this.db, [key]);
    return model(followUp, closes.get(key) ?? null);
  }

  /** Agents and unit heads: their unit and below; executives and admins: everything this site serves. */
  private unitsOf(user: UserClaims): string[] {
    if (user.role === 'AGENT' || user.role === 'UNIT_HEAD') return this.units.subtree(user.unitId);
    return this.units.all();
  }
}

/** Rows read to count what the caller may see (the copy holds at most MAX_COPIED_FOLLOW_UPS). */
const MAX_COPY_READ = 2000;

function model(f: CachedFollowUp, close: FollowUpCloseRow | null): SiteFollowUpModel {
  return {
    ...f,
    close: close && { outcome: close.outcome, closedBy: close.closedBy, acceptedAt: close.acceptedAt, state: close.state, forwardedAt: close.forwardedAt, error: close.error },
  };
}

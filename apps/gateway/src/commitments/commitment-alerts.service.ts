import { Inject, Injectable } from '@nestjs/common';
import { recentOutbox, type Database } from '@qihe/data';
import { inScope, type Caller } from '@qihe/domain';
import type { CommitmentNodeAlert } from '@qihe/contracts';
import { badInput, forbidden } from '@qihe/server';
import { DATABASE } from '../core/tokens';
import { OrgService } from '../core/org.service';
import { COMMITMENT_ALERT_TYPES, type CommitmentAlertModel } from './models/commitment.model';

export const MAX_ALERTS = 200;
const DAY_MS = 24 * 3_600_000;
/** Sent alerts stay in the outbox a week (OutboxRelay); older ones are gone. */
export const ALERT_HISTORY_MS = 7 * DAY_MS;

/**
 * commitmentAlerts: what the feed said (or is about to say) to a subscriber of
 * a unit, read back from the feed outbox, so that an alert list survives a
 * reload. Scoped like the feed: the unit must be in the caller's scope, and an
 * alert is listed when it is heard in a unit of its subtree the caller sees
 * (the touchpoint's unit or the owner unit).
 */
@Injectable()
export class CommitmentAlertsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
  ) {}

  async recent(caller: Caller, unitId: string, since: Date | null, first: number): Promise<CommitmentAlertModel[]> {
    const tree = this.org.tree;
    this.org.require(unitId);
    if (!inScope(caller, tree, unitId)) throw forbidden(`unitId: you may not read alerts of "${unitId}"`);
    if (!Number.isInteger(first) || first < 1 || first > MAX_ALERTS) throw badInput('first', `first must be from 1 to ${MAX_ALERTS}, got ${first}`);
    const now = Date.now();
    const from = since === null ? now - DAY_MS : since.getTime();
    if (Number.isNaN(from)) throw badInput('since', 'since: not a date');
    if (from > now) throw badInput('since', 'since must not be in the future');
    const rows = await recentOutbox(this.db, unitId, COMMITMENT_ALERT_TYPES, Math.max(from, now - ALERT_HISTORY_MS), first);
    // Written by alertEvent (commitment-writes): a CommitmentNodeAlert each.
    return rows.map((r) => {
      const a = r.payload as unknown as CommitmentNodeAlert;
      return {
        id: a.id,
        type: a.type,
        at: new Date(a.at),
        commitmentId: a.commitmentId,
        code: a.code,
        name: a.name,
        touchpointId: a.touchpointId,
        customerId: a.customerId,
        dueAt: new Date(a.dueAt),
        unit: this.org.require(a.unitId),
        ownerUnit: this.org.require(a.ownerUnitId),
        message: a.message,
      };
    });
  }
}

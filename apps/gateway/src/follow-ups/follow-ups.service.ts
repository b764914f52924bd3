import { Inject, Injectable } from '@nestjs/common';
import { closeFollowUpRow, findFollowUp, findOpenManualFollowUp, findTouchpointForUpdate, findUser, pageFollowUps, setFollowUpAssignee, type Database, type FollowUpRow } from '@qihe/data';
import { canHandleFollowUp, inScope, outcomeProblem, recoveredBy, type Caller, type FollowUpState } from '@qihe/domain';
import { badInput, forbidden, notFound } from '@qihe/server';
import { DATABASE } from '../core/tokens';
import { OrgService } from '../core/org.service';
import { OutboxRelay } from '../core/outbox-relay.service';
import { openFollowUps } from './follow-up-writes';
import type { FollowUpConnectionModel, FollowUpModel } from './models/follow-up.model';

export const MAX_PAGE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const encodeCursor = (f: FollowUpRow): string => Buffer.from(`${f.createdAt}:${f.id}`).toString('base64url');
function decodeCursor(raw: string): { createdAt: number; id: string } {
  const m = /^(\d+):([0-9a-f-]{36})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!m) throw badInput('after', 'after: not a cursor returned by this query');
  return { createdAt: Number(m[1]), id: m[2] };
}

/** Follow-ups: seen and handled by whoever's scope holds their unit (an agent: its own unit's). */
@Injectable()
export class FollowUpsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
    private readonly relay: OutboxRelay,
  ) {}

  async page(caller: Caller, unitId: string, states: FollowUpState[] | null, first: number, after: string | null): Promise<FollowUpConnectionModel> {
    const tree = this.org.tree;
    this.org.require(unitId);
    if (!canHandleFollowUp(caller, tree, unitId)) throw forbidden(`unitId: you may not see follow-ups of "${unitId}"`);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${first}`);
    // A scope is a subtree: the caller may see every follow-up below unitId (read as a semi-join, not a list of units).
    const { rows, total } = await pageFollowUps(this.db, unitId, states, first + 1, after ? decodeCursor(after) : null);
    const edges = rows.slice(0, first).map((f) => ({ cursor: encodeCursor(f), node: this.model(f) }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  async assign(caller: Caller, id: string, assignee: string): Promise<FollowUpModel> {
    const f = await this.handled(caller, id);
    const user = await findUser(this.db, assignee);
    const tree = this.org.tree;
    if (!user || !inScope({ kind: 'user', username: user.username, role: user.role, unitId: user.unitId }, tree, f.unitId)) {
      throw badInput('assignee', `assignee: "${assignee}" is not a user whose scope holds unit "${f.unitId}"`);
    }
    return this.model(await setFollowUpAssignee(this.db, f.id, user.username));
  }

  async close(caller: Caller, id: string, outcome: string): Promise<FollowUpModel> {
    const problem = outcomeProblem(outcome);
    if (problem) throw badInput('outcome', problem);
    await this.handled(caller, id);
    const by = caller.kind === 'user' ? caller.username : `site:${caller.siteId}`;
    const row = await this.db.transaction(async (tx) => {
      const f = (await findFollowUp(tx, id.toLowerCase(), true)) as FollowUpRow;
      if (f.state === 'DONE') throw badInput('id', `id: follow-up "${id}" is already closed`);
      return closeFollowUpRow(tx, f.id, outcome, by);
    });
    return this.model(row);
  }

  /**
   * openFollowUp (MANUAL): for a touchpoint the caller may read; owned by the
   * touchpoint's unit. At most one per cause: while one is open for the
   * touchpoint it is returned as it is (the touchpoint's row lock orders two
   * concurrent calls); once closed, a new one may be opened.
   */
  async open(caller: Caller, touchpointId: string, note: string | null): Promise<FollowUpModel> {
    if (note != null && (note.length > 2000 || note.includes('\u0000'))) throw badInput('note', 'note: at most 2000 characters, no NUL');
    if (!UUID.test(touchpointId)) throw notFound(`touchpointId: no touchpoint "${touchpointId}"`);
    const tree = this.org.tree;
    const created = await this.db.transaction(async (tx) => {
      const tp = await findTouchpointForUpdate(tx, touchpointId.toLowerCase());
      if (!tp) throw notFound(`touchpointId: no touchpoint "${touchpointId}"`);
      if (!inScope(caller, tree, tp.unitId)) throw forbidden(`touchpointId: touchpoint "${touchpointId}" belongs to a unit outside your scope`);
      const open = await findOpenManualFollowUp(tx, tp.unitId, tp.id);
      if (open) return open;
      const [f] = await openFollowUps(tx, [{ reason: 'MANUAL', unitId: tp.unitId, customerId: tp.customerId, touchpointId: tp.id, commitmentId: null, note }]);
      return f;
    });
    this.relay.poke();
    return this.model(created);
  }

  /** The follow-up, if the caller may handle it. */
  private async handled(caller: Caller, id: string): Promise<FollowUpRow> {
    const f = UUID.test(id) ? await findFollowUp(this.db, id.toLowerCase()) : null;
    if (!f) throw notFound(`id: no follow-up "${id}"`);
    if (!canHandleFollowUp(caller, this.org.tree, f.unitId)) throw forbidden(`id: follow-up "${id}" belongs to a unit outside your scope`);
    return f;
  }

  model(f: FollowUpRow): FollowUpModel {
    return {
      id: f.id,
      reason: f.reason,
      unit: this.org.require(f.unitId),
      customerId: f.customerId,
      touchpointId: f.touchpointId,
      commitmentId: f.commitmentId,
      createdAt: new Date(f.createdAt),
      dueAt: new Date(f.dueAt),
      state: f.state,
      assignee: f.assignee,
      outcome: f.outcome,
      closedAt: f.closedAt === null ? null : new Date(f.closedAt),
      recovered: recoveredBy(f.recoveredScore),
      note: f.note,
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Database, Sql } from '@qihe/data';
import { commitmentState } from '@qihe/domain';
import { badInput, forbidden, notFound, type UserClaims } from '@qihe/server';
import { seesAllOfSite } from '../auth/site-scope';
import { CatalogueService } from '../core/catalogue.service';
import { DATABASE } from '../core/tokens';
import { ForwarderService } from '../forwarder/forwarder.service';
import {
  eventsOfTouchpoints,
  findCommitmentEvents,
  insertCommitmentEvents,
  type CommitmentEventRow,
  type NewCommitmentEvent,
} from '../storage/commitments.repository';
import { findLocal, type LocalTouchpointRow } from '../storage/outbox.repository';
import { applyEvent, eventContentHash, localTree, type LocalTree } from './local-tree';
import type { CommitmentEventInput, LocalCommitmentModel } from './models/local-commitment.model';

export const MAX_EVENTS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FUTURE_MS = 5 * 60_000;

/**
 * Commitment events at a site: checked against the touchpoint's tree as the
 * site knows it (the gateway's rules), committed to the outbox in one
 * transaction, forwarded behind their touchpoint. The same id with the same
 * content again is the same event.
 */
@Injectable()
export class CommitmentEventsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly catalogue: CatalogueService,
    private readonly forwarder: ForwarderService,
  ) {}

  async record(user: UserClaims, inputs: readonly CommitmentEventInput[], many: boolean): Promise<CommitmentEventRow[]> {
    if (inputs.length < 1 || inputs.length > MAX_EVENTS) throw badInput('input', `input must hold 1 to ${MAX_EVENTS} commitment events, got ${inputs.length}`);
    const now = Date.now();
    const checked = inputs.map((input, i) => checkOwnFields(input, many ? `input[${i}].` : '', now));
    const ids = await this.db.transaction(async (tx) => {
      const touchpoints = await lockTouchpoints(tx, [...new Set(checked.map((c) => c.touchpointId))]);
      const known = await findCommitmentEvents(tx, checked.map((c) => c.id));
      const trees = new Map<string, LocalTree | null>();
      const events = await eventsOfTouchpoints(tx, [...touchpoints.keys()]);
      const fresh: NewCommitmentEvent[] = [];
      const inCall = new Map<string, string>();
      for (const c of checked) {
        const at = c.at;
        const prior = known.get(c.id)?.contentHash ?? inCall.get(c.id);
        if (prior !== undefined) {
          if (prior !== c.hash) throw badInput(`${at}id`, `${at}id: "${c.id}" is already recorded at this site with different content`);
          continue;
        }
        const tp = touchpoints.get(c.touchpointId);
        if (!tp) throw notFound(`${at}touchpointId: no touchpoint "${c.touchpointId}" at this site`);
        if (!seesAllOfSite(user) && tp.agentId !== user.username) throw forbidden(`${at}touchpointId: touchpoint "${c.touchpointId}" was logged by another agent`);
        if (tp.state === 'DEAD') throw badInput(`${at}touchpointId`, `${at}touchpointId: touchpoint "${c.touchpointId}" was rejected by the gateway (${tp.error}); its commitment cannot be completed`);
        if (!trees.has(tp.id)) trees.set(tp.id, localTree(this.catalogue.catalogue, tp, events.filter((e) => e.touchpointId === tp.id && e.state !== 'DEAD')));
        const tree = trees.get(tp.id);
        if (!tree) throw badInput(`${at}touchpointId`, `${at}touchpointId: touchpoint "${c.touchpointId}" names no tracked commitment${this.catalogue.asOf ? '' : ' (the catalogue has not been fetched from the gateway yet)'}`);
        if (c.completedAt.getTime() < tp.occurredAt.getTime()) {
          throw badInput(`${at}completedAt`, `${at}completedAt: before the commitment started (${tp.occurredAt.toISOString()})`);
        }
        const verdict = applyEvent(tree, { id: c.id, code: c.code, completedAt: c.completedAt });
        if (verdict.status === 'NOT_FOUND') throw badInput(`${at}code`, `${at}code: "${c.code}" is not a step of commitment "${tree.nodes[0].code}" of touchpoint "${tp.id}"`);
        if (verdict.status === 'CONFLICT') throw badInput(`${at}code`, `${at}code: "${c.code}" was already completed at ${new Date(verdict.completedAt).toISOString()}`);
        inCall.set(c.id, c.hash);
        fresh.push({ id: c.id, touchpointId: tp.id, code: c.code, completedAt: c.completedAt.toISOString(), agentId: user.username, contentHash: c.hash });
      }
      await insertCommitmentEvents(tx, fresh);
      return checked.map((c) => c.id);
    });
    this.forwarder.wake();
    const rows = await findCommitmentEvents(this.db, ids);
    return ids.map((id) => rows.get(id) as CommitmentEventRow);
  }

  /** The tracked commitment a touchpoint started, as this site knows it now; null when none. */
  async ofTouchpoint(tp: LocalTouchpointRow): Promise<LocalCommitmentModel | null> {
    if (!tp.capturedCommitment || !this.catalogue.catalogue.isTracked(tp.capturedCommitment.code)) return null;
    const events = await eventsOfTouchpoints(this.db, [tp.id]);
    const tree = localTree(this.catalogue.catalogue, tp, events.filter((e) => e.state !== 'DEAD'));
    if (!tree) return null;
    const byId = new Map(events.map((e) => [e.id, e]));
    const now = Date.now();
    const root = tree.nodes[0];
    return {
      code: root.code,
      name: root.name,
      startedAt: new Date(root.startedAt),
      nodes: depthFirst(tree.nodes).map((n) => ({
        code: n.code,
        name: n.name,
        level: n.level,
        parentCode: n.parentCode,
        ownerUnitId: n.ownerUnitId,
        warnAt: new Date(n.warnAt),
        dueAt: new Date(n.dueAt),
        completedAt: n.completedAt === null ? null : new Date(n.completedAt),
        state: commitmentState(n, now),
        completedBy: byId.get(tree.completedBy.get(n.code) ?? '') ?? null,
      })),
    };
  }
}

/** Each node followed by its own steps: how a tree reads on a screen. */
function depthFirst<N extends { code: string; parentCode: string | null }>(nodes: readonly N[]): N[] {
  const out: N[] = [];
  const visit = (parent: string | null): void => {
    for (const n of nodes) if (n.parentCode === parent) out.push(n), visit(n.code);
  };
  visit(null);
  return out;
}

interface Checked {
  at: string;
  id: string;
  touchpointId: string;
  code: string;
  completedAt: Date;
  hash: string;
}

/** An event's own fields, each refusal naming its field. */
function checkOwnFields(input: CommitmentEventInput, at: string, now: number): Checked {
  if (typeof input.id !== 'string' || !UUID.test(input.id)) throw badInput(`${at}id`, `${at}id: must be a UUID chosen by the sender`);
  if (typeof input.touchpointId !== 'string' || !UUID.test(input.touchpointId)) throw notFound(`${at}touchpointId: no touchpoint "${String(input.touchpointId)}" at this site`);
  if (typeof input.code !== 'string' || input.code.trim() === '' || input.code.length > 64) throw badInput(`${at}code`, `${at}code: must be a commitment code of 1 to 64 characters`);
  const completedAt = input.completedAt ?? new Date(now);
  if (!(completedAt instanceof Date) || Number.isNaN(completedAt.getTime())) throw badInput(`${at}completedAt`, `${at}completedAt: must be a date-time`);
  if (completedAt.getTime() > now + MAX_FUTURE_MS) throw badInput(`${at}completedAt`, `${at}completedAt: may be at most 5 minutes in the future`);
  const touchpointId = input.touchpointId.toLowerCase();
  return { at, id: input.id.toLowerCase(), touchpointId, code: input.code, completedAt, hash: eventContentHash(touchpointId, input.code, completedAt) };
}

/** The touchpoints, locked for the transaction: two agents completing steps of one tree take turns. */
async function lockTouchpoints(tx: Sql, ids: string[]): Promise<Map<string, LocalTouchpointRow>> {
  await tx.query(`SELECT id FROM site_touchpoint WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  return findLocal(tx, ids);
}

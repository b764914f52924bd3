import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  applyRollupDeltas,
  applyStatDeltas,
  databaseNow,
  eventHashes,
  insertEvents,
  lockTrees,
  RollupDeltas,
  StatDeltas,
  touchpointBuckets,
  updateNodes,
  type CommitmentEventRow,
  type Database,
  retentionHorizon,
} from '@qihe/data';
import { canCompleteCommitment, completeNode, settleTree, type Caller, type CommitmentNode } from '@qihe/domain';
import { badInput, type GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE } from '../core/tokens';
import { FeedBus } from '../core/feed-bus';
import { OrgService } from '../core/org.service';
import { OutboxRelay } from '../core/outbox-relay.service';
import type { IngestErrorModel, IngestResultModel } from '../ingestion/models/ingest-result.model';
import { countKept, countSettled } from './commitment-writes';

export const MAX_EVENTS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FUTURE_MS = 5 * 60_000;

interface Checked {
  index: number;
  id: string;
  touchpointId: string;
  code: string;
  completedAt: number;
  hash: string;
}

/**
 * recordCommitmentEvents: each event completes one node of a touchpoint's
 * tree (and its unfinished descendants), judged on its own like ingestion.
 * One transaction: the trees are locked (level-1 row first, like the monitor),
 * the events stored, the nodes settled and counted. A node that turns
 * BREACHED is left due for the monitor, which announces it.
 */
@Injectable()
export class CommitmentEventsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
    private readonly bus: FeedBus,
    private readonly relay: OutboxRelay,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async record(caller: Caller, items: readonly unknown[]): Promise<IngestResultModel> {
    if (items.length < 1 || items.length > MAX_EVENTS) throw badInput('input', `input must hold 1 to ${MAX_EVENTS} commitment events, got ${items.length}`);
    const rejected: IngestErrorModel[] = [];
    const valid: Checked[] = [];
    const now = Date.now();
    items.forEach((raw, index) => {
      const c = checkEvent(raw, index, now);
      if ('code' in c && 'message' in c) rejected.push({ index, id: idOf(raw), code: c.code, message: c.message });
      else valid.push(c as Checked);
    });
    let accepted = 0;
    let duplicates = 0;
    if (valid.length) {
      const tree = this.org.tree;
      const touched = await this.db.transaction(async (tx) => {
        const trees = await lockTrees(tx, valid.map((v) => v.touchpointId));
        const stored = await eventHashes(tx, valid.map((v) => v.id));
        // With retention on, a tree whose touchpoint's partition was dropped takes no more events (its counters could not move).
        const kept = retentionHorizon(Date.now(), this.config.retention.rawDays) === null ? null : await touchpointBuckets(tx, [...trees.keys()]);
        const before = new Map([...trees].map(([k, v]) => [k, v]));
        const newEvents: CommitmentEventRow[] = [];
        const seen = new Map<string, string>(); // id → hash of an earlier copy in this call
        for (const v of valid) {
          const prior = stored.get(v.id) ?? seen.get(v.id);
          if (prior !== undefined) {
            if (prior === v.hash) duplicates++;
            else rejected.push({ index: v.index, id: v.id, code: 'CONFLICT', message: `id: "${v.id}" is already stored with different content` });
            continue;
          }
          const nodes = trees.get(v.touchpointId);
          const target = nodes?.find((n) => n.code === v.code);
          if (!nodes || !target) {
            const message = nodes ? `code: "${v.code}" is not a commitment of touchpoint "${v.touchpointId}"` : `touchpointId: no commitment of touchpoint "${v.touchpointId}"`;
            rejected.push({ index: v.index, id: v.id, code: 'NOT_FOUND', message });
            continue;
          }
          if (kept && !kept.has(v.touchpointId)) {
            rejected.push({ index: v.index, id: v.id, code: 'TOO_OLD', message: `touchpointId: touchpoint "${v.touchpointId}" is older than the retention horizon (QIHE_RETENTION_DAYS): its commitments take no more events` });
            continue;
          }
          if (!canCompleteCommitment(caller, tree, target.unitId, target.ownerUnitId)) {
            rejected.push({ index: v.index, id: v.id, code: 'FORBIDDEN_UNIT', message: `touchpointId: touchpoint "${v.touchpointId}" and the owner of "${v.code}" are outside your scope` });
            continue;
          }
          if (v.completedAt < target.startedAt) {
            rejected.push({ index: v.index, id: v.id, code: 'INVALID', message: `completedAt: before the commitment started (${new Date(target.startedAt).toISOString()})` });
            continue;
          }
          const done = completeNode(nodes, v.code, v.completedAt);
          if (done.status === 'CONFLICT') {
            rejected.push({ index: v.index, id: v.id, code: 'CONFLICT', message: `completedAt: "${v.code}" was already completed at ${new Date(done.completedAt).toISOString()}` });
            continue;
          }
          if (done.status === 'COMPLETED') trees.set(v.touchpointId, done.nodes);
          seen.set(v.id, v.hash);
          newEvents.push({ id: v.id, unitId: target.unitId, touchpointId: v.touchpointId, code: v.code, completedAt: v.completedAt, contentHash: v.hash });
          accepted++;
        }
        await insertEvents(tx, newEvents);
        return this.settle(tx, before, trees, newEvents);
      });
      if (touched.length) this.bus.committed([], touched);
      this.relay.poke();
    }
    rejected.sort((a, b) => a.index - b.index);
    return { accepted, duplicates, rejected };
  }

  /** Settles the trees that changed: counters move now; alerts are left due for the monitor. */
  private async settle(tx: Parameters<Parameters<Database['transaction']>[0]>[0], before: Map<string, CommitmentNode[]>, after: Map<string, CommitmentNode[]>, events: CommitmentEventRow[]): Promise<string[]> {
    const changed = [...new Set(events.map((e) => e.touchpointId))];
    if (changed.length === 0) return [];
    const now = await databaseNow(tx);
    const stats = new StatDeltas();
    const deltas = new RollupDeltas();
    const updates: CommitmentNode[] = [];
    const buckets = await touchpointBuckets(tx, changed);
    const tree = this.org.tree;
    const touched = new Set<string>();
    for (const id of changed) {
      const settled = settleTree(before.get(id) ?? null, after.get(id) ?? [], now, false);
      updates.push(...settled.map((s) => s.after));
      const kept = countSettled(settled, stats);
      const b = buckets.get(id);
      if (b && (kept.present || kept.met)) {
        countKept(deltas, tree, b, kept);
        tree.lineage(b.unitId).forEach((u) => touched.add(u));
      }
    }
    await updateNodes(tx, updates);
    await applyStatDeltas(tx, stats);
    await applyRollupDeltas(tx, deltas);
    return [...touched];
  }
}

const idOf = (raw: unknown): string | null => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

/** One event's own fields; the message names the field. */
function checkEvent(raw: unknown, index: number, now: number): Checked | { code: 'INVALID' | 'NOT_FOUND'; message: string } {
  const o = (raw ?? {}) as Record<string, unknown>;
  if (typeof o.id !== 'string' || !UUID.test(o.id)) return { code: 'INVALID', message: 'id: must be a UUID chosen by the sender' };
  if (typeof o.code !== 'string' || o.code === '' || o.code.length > 64) return { code: 'INVALID', message: 'code: must be a commitment code' };
  const at = o.completedAt instanceof Date ? o.completedAt.getTime() : typeof o.completedAt === 'string' ? Date.parse(o.completedAt) : Number.NaN;
  if (!Number.isFinite(at)) return { code: 'INVALID', message: 'completedAt: must be a date-time' };
  if (at > now + MAX_FUTURE_MS) return { code: 'INVALID', message: 'completedAt: may be at most 5 minutes in the future' };
  if (typeof o.touchpointId !== 'string' || !UUID.test(o.touchpointId)) {
    return { code: 'NOT_FOUND', message: `touchpointId: no touchpoint "${typeof o.touchpointId === 'string' ? o.touchpointId : ''}"` };
  }
  const touchpointId = o.touchpointId.toLowerCase();
  const hash = createHash('sha256').update(`${touchpointId}\u0000${o.code}\u0000${new Date(at).toISOString()}`).digest('base64url');
  return { index, id: o.id.toLowerCase(), touchpointId, code: o.code, completedAt: at, hash };
}

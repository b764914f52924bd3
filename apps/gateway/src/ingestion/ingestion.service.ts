import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  addToRollups,
  applyRollupDeltas,
  contentHashes,
  findTouchpointForUpdate,
  insertNewTouchpoints,
  RollupDeltas,
  setSatisfaction,
  type Database,
  type NewTouchpoint,
  type StoredTouchpoint,
} from '@qihe/data';
import { canRate, canRecord, countTouchpoint, factsOf, inScope, ratingDelta, sliceValuesOf, type Caller } from '@qihe/domain';
import { badInput, canonicalTouchpoint, checkSatisfaction, checkTouchpoint, forbidden, notFound } from '@qihe/server';
import { DATABASE } from '../core/tokens';
import { FeedBus, type TouchpointEvent } from '../core/feed-bus';
import { OrgService } from '../core/org.service';
import type { IngestErrorModel, IngestResultModel } from './models/ingest-result.model';

export const MAX_BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Candidate extends NewTouchpoint {
  index: number;
}

@Injectable()
export class IngestionService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
    private readonly feed: FeedBus,
  ) {}

  /**
   * Stores each new touchpoint once and adds it to its rollups, all in one
   * transaction. Every item is judged on its own; duplicates are counted, not applied.
   */
  async record(caller: Caller, items: readonly unknown[]): Promise<IngestResultModel> {
    if (!canRecord(caller)) throw forbidden('your role may read but not record touchpoints');
    if (items.length < 1 || items.length > MAX_BATCH) {
      throw badInput('input', `input must hold 1 to ${MAX_BATCH} touchpoints, got ${items.length}`);
    }
    const tree = this.org.tree;
    const rejected: IngestErrorModel[] = [];
    const candidates: Candidate[] = [];
    const firstById = new Map<string, Candidate>();
    const laterCopies: Candidate[] = []; // same id again in this batch: judged against what ends up stored

    items.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' ? rawId : null;
      const reject = (code: IngestErrorModel['code'], message: string): void => void rejected.push({ index, id, code, message });
      const checked = checkTouchpoint(raw);
      if (!checked.ok) return reject('INVALID', checked.message);
      const record = checked.value;
      if (!tree.has(record.unitId)) return reject('UNKNOWN_UNIT', `unitId: no org unit "${record.unitId}"`);
      if (!inScope(caller, tree, record.unitId)) return reject('FORBIDDEN_UNIT', `unitId: "${record.unitId}" is outside the units this caller may record for`);
      const handoff = record.service?.handoffUnitId;
      if (handoff && !tree.has(handoff)) return reject('INVALID', `service.handoffUnitId: no org unit "${handoff}"`);
      const contentHash = createHash('sha256').update(canonicalTouchpoint(record)).digest('base64');
      const candidate = { index, record, contentHash };
      if (firstById.has(record.id)) return void laterCopies.push(candidate);
      firstById.set(record.id, candidate);
      candidates.push(candidate);
    });

    const siteId = caller.kind === 'site' ? caller.siteId : null;
    const { events, touched, storedHash, inserted } = await this.db.transaction(async (tx) => {
      const inserted = await insertNewTouchpoints(tx, candidates, siteId);
      const storedHash = await contentHashes(tx, candidates.filter((c) => !inserted.has(c.record.id)).map((c) => c.record.id));
      for (const c of candidates) if (inserted.has(c.record.id)) storedHash.set(c.record.id, c.contentHash);
      const deltas = new RollupDeltas();
      const events: TouchpointEvent[] = [];
      const touched = new Set<string>();
      for (const c of candidates) {
        const receivedAt = inserted.get(c.record.id);
        if (receivedAt === undefined) continue;
        const r = c.record;
        const lineage = tree.lineage(r.unitId);
        addToRollups(deltas, lineage, r.occurredAt.getTime(), sliceValuesOf(r), countTouchpoint(factsOf(r, receivedAt)));
        lineage.forEach((u) => touched.add(u));
        events.push({
          id: r.id,
          unitId: r.unitId,
          channel: r.channel,
          kind: r.kind,
          stage: r.stage,
          needCategory: r.needCategory,
          resolved: r.service ? r.service.resolved : null,
          satisfaction: r.satisfaction ? r.satisfaction.score : null,
          occurredAt: r.occurredAt.toISOString(),
          receivedAt: new Date(receivedAt).toISOString(),
          commitment: r.service?.commitment ?? null,
        });
      }
      await applyRollupDeltas(tx, deltas);
      return { events, touched: [...touched], storedHash, inserted };
    });

    // Every copy not newly stored is a duplicate when it matches what is stored, else a conflict.
    let duplicates = 0;
    for (const c of [...candidates, ...laterCopies]) {
      if (inserted.has(c.record.id) && firstById.get(c.record.id) === c) continue;
      if (storedHash.get(c.record.id) === c.contentHash) duplicates++;
      else rejected.push({ index: c.index, id: c.record.id, code: 'CONFLICT', message: `id: "${c.record.id}" is already stored with different content` });
    }
    this.feed.committed(events, touched);
    rejected.sort((a, b) => a.index - b.index);
    return { accepted: inserted.size, duplicates, rejected };
  }

  /** A late satisfaction rating: counted in the bucket the touchpoint occurred in, once. */
  async rate(caller: Caller, touchpointId: string, satisfaction: unknown): Promise<StoredTouchpoint> {
    const checked = checkSatisfaction(satisfaction);
    if (!checked.ok) throw badInput(checked.field, checked.message);
    const { score, comment } = checked.value;
    if (!UUID.test(touchpointId)) throw notFound(`touchpointId: no touchpoint "${touchpointId}"`);
    const id = touchpointId.toLowerCase();
    const tree = this.org.tree;
    const { row, lineage } = await this.db.transaction(async (tx) => {
      const row = await findTouchpointForUpdate(tx, id);
      if (!row) throw notFound(`touchpointId: no touchpoint "${touchpointId}"`);
      if (!canRate(caller, tree, row.unitId)) throw forbidden(`touchpoint "${id}" belongs to a unit outside your scope`);
      if (row.satisfactionScore !== null) {
        if (row.satisfactionScore === score && (row.satisfactionComment ?? null) === comment) return { row, lineage: [] };
        throw badInput('satisfaction', `satisfaction: touchpoint "${id}" is already rated ${row.satisfactionScore}; a rating cannot be changed`);
      }
      await setSatisfaction(tx, id, score, comment);
      const lineage = tree.lineage(row.unitId);
      const deltas = new RollupDeltas();
      const delta = ratingDelta({ service: row.served ? { resolved: row.resolved === true } : null }, score);
      addToRollups(deltas, lineage, row.occurredAt.getTime(), sliceValuesOf(row), delta);
      await applyRollupDeltas(tx, deltas);
      return { row: { ...row, satisfactionScore: score, satisfactionComment: comment }, lineage };
    });
    this.feed.committed([], lineage);
    return row;
  }
}

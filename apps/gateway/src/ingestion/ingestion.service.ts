import { Inject, Injectable } from '@nestjs/common';
import { retentionHorizon, tooOldReason, type Database, type StoredTouchpoint } from '@qihe/data';
import { inScope, RefusalCode, RefusalError, type Caller } from '@qihe/domain';
import { badInput, checkSatisfaction, checkTouchpoint, precheckedTouchpoints, touchpointContentHash, type GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE } from '../core/tokens';
import { ClockCorrection } from './clock-correction';
import { FeedBus } from '../core/feed-bus';
import { GatewayMetrics } from '../core/gateway-metrics';
import { OrgService } from '../core/org.service';
import { CatalogueService } from '../commitments/catalogue.service';
import { PerceptionCatalogueService } from '../indicators/perception-catalogue.service';
import { GroupCommit, type Candidate, type RateItem } from './group-commit';
import type { IngestErrorModel, IngestResultModel, RatingResultModel } from './models/ingest-result.model';

export const MAX_BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class IngestionService {
  private readonly writes: GroupCommit;

  constructor(
    @Inject(DATABASE) db: Database,
    private readonly org: OrgService,
    feed: FeedBus,
    private readonly metrics: GatewayMetrics,
    private readonly catalogues: CatalogueService,
    private readonly perception: PerceptionCatalogueService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {
    this.writes = new GroupCommit(
      db,
      () => this.org.tree,
      feed,
      () => this.catalogues.catalogue,
      (calls, items, seconds) => metrics.groupCommitted(calls, items, seconds),
      () => this.horizon(),
      config.writeTransactions,
    );
  }

  /**
   * Stores each new touchpoint once and adds it to its rollups, in one
   * transaction (shared with concurrent calls, see group-commit.ts). Every item
   * is judged on its own; duplicates are counted, not applied. Who may record
   * at all is the resolver's @Callers; each item's unit is checked here.
   */
  async record(caller: Caller, items: readonly unknown[], sentAt?: Date | null): Promise<IngestResultModel> {
    const clock = ClockCorrection.measure(sentAt, Date.now(), this.config.clockSkewToleranceMs); // the sender's clock, judged once per batch
    if (items.length < 1 || items.length > MAX_BATCH) {
      throw badInput('input', `input must hold 1 to ${MAX_BATCH} touchpoints, got ${items.length}`);
    }
    // A unit added through another replica is picked up before its touchpoints are judged.
    const tree = await this.org.treeKnowing(unitIdsOf(items));
    await this.catalogues.knowing(commitmentCodesOf(items)); // a definition added through another replica applies here too
    const points = await this.perception.knowing(perceptionCodesOf(items));
    const rejected: IngestErrorModel[] = [];
    const candidates: Candidate[] = [];
    const firstById = new Set<string>();
    const laterCopies: Candidate[] = []; // same id again in this batch: judged against what ends up stored
    const horizon = this.horizon();
    const siteId = caller.kind === 'site' ? caller.siteId : null;
    // Items the compiled executor already checked, as sent: their records (a corrected clock moves the times first: judged again).
    const prechecked = clock.offsetMs === 0 ? precheckedTouchpoints(items) : undefined;

    for (let index = 0; index < items.length; index++) {
      const raw = items[index];
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' ? rawId : null;
      let record = prechecked?.[index];
      if (!record) {
        const checked = checkTouchpoint(clock.correct(raw));
        if (!checked.ok) {
          rejected.push({ index, id, code: RefusalCode.INVALID, message: checked.message });
          continue;
        }
        record = checked.value;
      }
      if (!tree.has(record.unitId)) {
        rejected.push({ index, id, code: RefusalCode.UNKNOWN_UNIT, message: `unitId: no org unit "${record.unitId}"` });
        continue;
      }
      if (!inScope(caller, tree, record.unitId)) {
        rejected.push({ index, id, code: RefusalCode.FORBIDDEN_UNIT, message: `unitId: "${record.unitId}" is outside the units this caller may record for` });
        continue;
      }
      const handoff = record.service?.handoffUnitId;
      if (handoff && !tree.has(handoff)) {
        rejected.push({ index, id, code: RefusalCode.INVALID, message: `service.handoffUnitId: no org unit "${handoff}"` });
        continue;
      }
      const named = record.perceptionPoint;
      if (named !== null && !points.has(named)) {
        rejected.push({ index, id, code: RefusalCode.INVALID, message: `perceptionPoint: no perception point "${named}" in the catalogue` });
        continue;
      }
      const old = tooOldReason(record.id, record.occurredAt.getTime(), horizon);
      if (old) {
        rejected.push({ index, id, code: RefusalCode.TOO_OLD, message: old }); // its partition is gone: storing it could count it twice
        continue;
      }
      const contentHash = touchpointContentHash(clock.asSent(record));
      const candidate: Candidate = { index, record, contentHash, siteId, perceptionMember: points.memberOf(named, record.needCategory), clockOffsetMs: clock.stored };
      if (firstById.has(record.id)) {
        laterCopies.push(candidate);
        continue;
      }
      firstById.add(record.id);
      candidates.push(candidate);
    }

    const answer: IngestResultModel = { accepted: 0, duplicates: 0, rejected };
    if (candidates.length) {
      const outcome = await this.writes.submit({ kind: 'record', candidates, laterCopies, siteId });
      for (const c of outcome.conflicts) {
        rejected.push({ index: c.index, id: c.record.id, code: RefusalCode.CONFLICT, message: `id: "${c.record.id}" is already stored with different content` });
      }
      rejected.sort((a, b) => a.index - b.index);
      answer.accepted = outcome.accepted;
      answer.duplicates = outcome.duplicates;
    }
    this.metrics.recorded(items.length, answer);
    return answer;
  }

  /** The first UTC midnight whose touchpoints are kept (QIHE_RETENTION_DAYS); null: all are. */
  private horizon(): number | null {
    return retentionHorizon(Date.now(), this.config.retention.rawDays);
  }

  /**
   * A late satisfaction rating: counted in the bucket the touchpoint occurred
   * in, once. A refusal is thrown as the error of its code (see refusalError).
   */
  async rate(caller: Caller, touchpointId: string, satisfaction: unknown): Promise<StoredTouchpoint> {
    const item = rateItem(0, touchpointId, satisfaction);
    if (item instanceof RefusalError) {
      this.metrics.rated(1, { rated: 0, unchanged: 0, rejected: [item] });
      throw item;
    }
    const [outcome] = await this.writes.submit({ kind: 'rate', caller, items: [item] });
    if ('touchpoint' in outcome) {
      this.metrics.rated(1, { rated: outcome.status === 'RATED' ? 1 : 0, unchanged: outcome.status === 'UNCHANGED' ? 1 : 0, rejected: [] });
      return outcome.touchpoint;
    }
    this.metrics.rated(1, { rated: 0, unchanged: 0, rejected: [{ code: outcome.status }] });
    throw new RefusalError(outcome.status, outcome.field, outcome.message);
  }

  /**
   * Many late ratings in one call (1 .. 1000), each judged on its own like
   * recordSatisfaction: a rating equal to the stored one is counted as
   * unchanged, a different one is a CONFLICT, and nothing is counted twice.
   */
  async rateMany(caller: Caller, items: readonly { touchpointId?: unknown; satisfaction?: unknown }[]): Promise<RatingResultModel> {
    if (items.length < 1 || items.length > MAX_BATCH) {
      throw badInput('input', `input must hold 1 to ${MAX_BATCH} ratings, got ${items.length}`);
    }
    const rejected: IngestErrorModel[] = [];
    const valid: RateItem[] = [];
    const idOf = (index: number): string | null => (typeof items[index]?.touchpointId === 'string' ? (items[index].touchpointId as string) : null);
    items.forEach((raw, index) => {
      const item = rateItem(index, raw?.touchpointId, raw?.satisfaction);
      if (item instanceof RefusalError) rejected.push({ index, id: idOf(index), code: item.code, message: item.message });
      else valid.push(item);
    });
    const result: RatingResultModel = { rated: 0, unchanged: 0, rejected };
    if (valid.length) {
      for (const o of await this.writes.submit({ kind: 'rate', caller, items: valid })) {
        switch (o.status) {
          case 'RATED':
            result.rated++;
            break;
          case 'UNCHANGED':
            result.unchanged++;
            break;
          default:
            rejected.push({ index: o.index, id: idOf(o.index), code: o.status, message: o.message });
        }
      }
    }
    rejected.sort((a, b) => a.index - b.index);
    this.metrics.rated(items.length, result);
    return result;
  }
}

/**
 * One rating's arguments as a job item, or why they are refused: the rating's
 * own rules first (the message names the field), then an id that cannot name
 * a touchpoint. recordSatisfaction and recordSatisfactions judge alike.
 */
function rateItem(index: number, touchpointId: unknown, satisfaction: unknown): RateItem | RefusalError {
  const checked = checkSatisfaction(satisfaction);
  if (!checked.ok) return new RefusalError(RefusalCode.INVALID, checked.field, checked.message);
  if (typeof touchpointId !== 'string' || !UUID.test(touchpointId)) {
    return new RefusalError(RefusalCode.NOT_FOUND, 'touchpointId', `touchpointId: no touchpoint "${typeof touchpointId === 'string' ? touchpointId : ''}"`);
  }
  return { index, id: touchpointId.toLowerCase(), rawId: touchpointId, score: checked.value.score, comment: checked.value.comment };
}

function* commitmentCodesOf(items: readonly unknown[]): Generator<string> {
  for (const it of items) {
    const code = (it as { service?: { commitment?: { code?: unknown } | null } | null } | null)?.service?.commitment?.code;
    if (typeof code === 'string') yield code;
  }
}

function* perceptionCodesOf(items: readonly unknown[]): Generator<string> {
  for (const it of items) {
    const code = (it as { perceptionPoint?: unknown } | null)?.perceptionPoint;
    if (typeof code === 'string') yield code;
  }
}

function* unitIdsOf(items: readonly unknown[]): Generator<string> {
  for (const it of items) {
    const id = (it as { unitId?: unknown } | null)?.unitId;
    if (typeof id === 'string') yield id;
  }
}

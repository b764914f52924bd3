import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { TouchpointInput as WireTouchpoint } from '@qihe/client';
import { newId } from '@qihe/contracts';
import type { Database } from '@qihe/data';
import { judgeRating, ratingConflictMessage, RefusalCode, RefusalError, type PerceptionCatalogue, type TouchpointRecord } from '@qihe/domain';
import { badInput, checkSatisfaction, checkTouchpoint, touchpointContentHash, type UserClaims } from '@qihe/server';
import { assertMaySee, seesAllOfSite } from '../auth/site-scope';
import type { SiteConfig } from '../config/site-config';
import { PerceptionCatalogueService } from '../core/perception-catalogue.service';
import { CONFIG, DATABASE } from '../core/tokens';
import { UnitsService } from '../core/units.service';
import { ForwarderService } from '../forwarder/forwarder.service';
import {
  agentTouchpoints,
  contentHashes,
  deadLetters,
  findLocal,
  insertLateRating,
  insertTouchpoints,
  lockForRating,
  type DeadLetterRow,
  type LocalTouchpointRow,
  type NewLocalTouchpoint,
} from '../storage/outbox.repository';
import type { SiteTouchpointInput } from './models/site-touchpoint.input';

export const MAX_LOG_BATCH = 1000;
export const MAX_LIST = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class TouchpointsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SiteConfig,
    private readonly units: UnitsService,
    private readonly forwarder: ForwarderService,
    private readonly perception: PerceptionCatalogueService,
  ) {}

  /**
   * Validates every item with the gateway's rules, then commits all of them to
   * the outbox in one transaction; answers once committed, whatever the
   * gateway's state. The same id with the same content again is a no-op.
   */
  async log(user: UserClaims, inputs: readonly SiteTouchpointInput[], many: boolean): Promise<LocalTouchpointRow[]> {
    if (inputs.length < 1 || inputs.length > MAX_LOG_BATCH) {
      throw badInput('input', `input must hold 1 to ${MAX_LOG_BATCH} touchpoints, got ${inputs.length}`);
    }
    // The catalogue copy, asked again once when an input names a code it lacks (it may be new).
    const named = inputs.map((i) => i.perceptionPoint).find((c): c is string => typeof c === 'string' && !this.perception.catalogue.has(c));
    const points = named === undefined ? this.perception.catalogue : await this.perception.knowing(named);
    const rows: NewLocalTouchpoint[] = [];
    const hashById = new Map<string, string>();
    const ids = inputs.map((input, i) => {
      const at = many ? `input[${i}].` : '';
      const checked = checkTouchpoint({
        ...input,
        id: input.id ?? newId(),
        // An agent logs for their own unit unless they name another of the site's units.
        unitId: input.unitId ?? (this.units.serves(user.unitId) ? user.unitId : this.config.unitId),
        occurredAt: input.occurredAt ?? new Date(),
        agentId: user.username,
      });
      if (!checked.ok) throw badInput(at + checked.field, at + checked.message);
      const record = checked.value;
      if (!this.units.serves(record.unitId)) {
        throw badInput(`${at}unitId`, `${at}unitId: "${record.unitId}" is not a unit of this site ("${this.config.unitId}" and the units below it)`);
      }
      const unknownPoint = this.unknownPerceptionPoint(record.perceptionPoint, points);
      if (unknownPoint) throw badInput(`${at}perceptionPoint`, `${at}${unknownPoint}`);
      const hash = touchpointContentHash(record);
      const earlier = hashById.get(record.id);
      if (earlier !== undefined && earlier !== hash) throw badInput(`${at}id`, `${at}id: "${record.id}" appears twice with different content`);
      if (earlier === undefined) rows.push(toNewRow(record, hash));
      hashById.set(record.id, hash);
      return record.id;
    });
    await this.db.transaction(async (tx) => {
      const inserted = await insertTouchpoints(tx, rows);
      const again = rows.filter((r) => !inserted.has(r.id));
      const stored = await contentHashes(tx, again.map((r) => r.id));
      for (const r of again) {
        if (stored.get(r.id) !== r.contentHash) {
          const at = many ? `input[${ids.indexOf(r.id)}].` : '';
          throw badInput(`${at}id`, `${at}id: "${r.id}" is already logged at this site with different content`);
        }
      }
    });
    this.forwarder.wake();
    const byId = await findLocal(this.db, [...hashById.keys()]);
    return ids.map((id) => byId.get(id) as LocalTouchpointRow);
  }

  /**
   * A late rating: committed locally, forwarded once its touchpoint is stored
   * at the gateway. Judged by the gateway's rule (judgeRating) against the
   * rating the touchpoint holds here, so what the site accepts the gateway takes.
   */
  async rate(user: UserClaims, touchpointId: string, satisfaction: unknown): Promise<LocalTouchpointRow> {
    const checked = checkSatisfaction(satisfaction);
    if (!checked.ok) throw new RefusalError(RefusalCode.INVALID, checked.field, checked.message);
    const rating = checked.value;
    const unknown = new RefusalError(RefusalCode.NOT_FOUND, 'touchpointId', `touchpointId: no touchpoint "${touchpointId}" at this site`);
    if (!UUID.test(touchpointId)) throw unknown;
    const id = touchpointId.toLowerCase();
    const added = await this.db.transaction(async (tx) => {
      const tp = await lockForRating(tx, id);
      if (!tp) throw unknown;
      assertMaySee(user, tp.agentId, id);
      const verdict = judgeRating(tp.rating, rating);
      if (verdict === 'UNCHANGED') return false;
      if (verdict === RefusalCode.CONFLICT && tp.rating) throw new RefusalError(RefusalCode.CONFLICT, 'satisfaction', ratingConflictMessage(id, tp.rating));
      if (tp.state === 'DEAD') {
        throw new RefusalError(RefusalCode.TOUCHPOINT_DEAD, 'touchpointId', `touchpointId: touchpoint "${id}" was rejected by the gateway (${tp.error}); it cannot be rated`);
      }
      await insertLateRating(tx, id, rating);
      return true;
    });
    if (added) this.forwarder.wake();
    return (await findLocal(this.db, [id])).get(id) as LocalTouchpointRow;
  }

  /**
   * The gateway's refusal, given here before the touchpoint is queued. A site
   * that never fetched the catalogue cannot judge: the gateway does (a dead letter).
   */
  private unknownPerceptionPoint(code: string | null, points: PerceptionCatalogue): string | null {
    if (code === null || points.has(code) || this.perception.asOf === null) return null;
    return `perceptionPoint: no perception point "${code}" in the catalogue`;
  }

  async mine(user: UserClaims, first: number | null): Promise<LocalTouchpointRow[]> {
    return agentTouchpoints(this.db, user.username, checkFirst(first ?? 20));
  }

  async one(user: UserClaims, touchpointId: string): Promise<LocalTouchpointRow | null> {
    if (!UUID.test(touchpointId)) return null;
    const id = touchpointId.toLowerCase();
    const row = (await findLocal(this.db, [id])).get(id) ?? null;
    if (row) assertMaySee(user, row.agentId, id);
    return row;
  }

  /** Newest first; agents see the dead letters of their own touchpoints. */
  async deadLetters(user: UserClaims, first: number | null): Promise<DeadLetterRow[]> {
    return deadLetters(this.db, checkFirst(first ?? 50), seesAllOfSite(user) ? null : user.username);
  }
}

function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw badInput('first', `first must be a whole number from 1 to ${MAX_LIST}, got ${first}`);
  return first;
}

/** The row committed to the outbox; `payload` is what the gateway receives, byte for byte on every resend. */
function toNewRow(r: TouchpointRecord, contentHash: string): NewLocalTouchpoint {
  const s = r.service;
  const payload: WireTouchpoint = {
    id: r.id,
    unitId: r.unitId,
    customerId: r.customerId,
    industry: r.industry,
    region: r.region,
    contractId: r.contractId,
    productId: r.productId,
    teamId: r.teamId,
    agentId: r.agentId,
    channel: r.channel,
    kind: r.kind,
    stage: r.stage,
    occurredAt: r.occurredAt.toISOString(),
    need: { category: r.needCategory, description: r.needDescription },
    service: s && { ...s, servedAt: s.servedAt ? s.servedAt.toISOString() : null },
    satisfaction: r.satisfaction,
    // Only when named: the payload of a touchpoint without one stays what it always was.
    ...(r.perceptionPoint === null ? {} : { perceptionPoint: r.perceptionPoint }),
  };
  return {
    id: r.id,
    unitId: r.unitId,
    agentId: r.agentId,
    customerId: r.customerId,
    channel: r.channel,
    kind: r.kind,
    stage: r.stage,
    occurredAt: r.occurredAt.toISOString(),
    needCategory: r.needCategory,
    needDescription: r.needDescription,
    serviceAction: s ? s.action : null,
    resolved: s ? s.resolved : null,
    satisfactionScore: r.satisfaction ? r.satisfaction.score : null,
    satisfactionComment: r.satisfaction ? r.satisfaction.comment : null,
    contentHash,
    payload,
  };
}

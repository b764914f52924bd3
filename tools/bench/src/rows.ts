import type { TouchpointInput } from '@qihe/client';
import type { TouchpointRecord } from '@qihe/domain';
import { keyDayOf } from '@qihe/data';
import { checkTouchpoint, touchpointContentHash } from '@qihe/server';

// Touchpoints as rows of the `touchpoint` table in CSV, for COPY: the same
// values the gateway would have stored; and their ids as rows of the key
// table, with the content hash the gateway would have given them.

export const COPY_COLUMNS = [
  'id', 'unit_id', 'occurred_at', 'received_at', 'site_id', 'customer_id', 'industry', 'region',
  'contract_id', 'product_id', 'team_id', 'agent_id', 'channel', 'kind', 'stage', 'need_category', 'need_description',
  'served', 'service_action', 'handle_seconds', 'resolved', 'first_contact', 'knowledge_refs', 'knowledge_created',
  'handoff_unit_id', 'commitment_code', 'commitment_met', 'served_at', 'satisfaction_score', 'satisfaction_comment', 'rated_at',
] as const;

/** What the gateway stores for a valid input, by the gateway's own code (the generator only makes valid ones). */
export function recordOf(t: TouchpointInput): TouchpointRecord {
  const checked = checkTouchpoint(t);
  if (!checked.ok) throw new Error(`generated touchpoint ${t.id} is invalid: ${checked.message}`);
  return checked.value;
}

function text(v: string | null): string {
  if (v === null) return '';
  return /[",\n\r]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v;
}
const bool = (v: boolean | null): string => (v === null ? '' : v ? 't' : 'f');
const num = (v: number | null): string => (v === null ? '' : String(v));
const ts = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

export interface RowExtras {
  receivedAt: number;
  siteId: string | null;
  /** A rating recorded after the fact: stored on the row, not part of the content hash. */
  lateRating?: { score: number; comment: string | null; ratedAt: number };
}

/** One CSV line (with its newline) in COPY_COLUMNS order. */
export function csvLine(r: TouchpointRecord, x: RowExtras): string {
  const s = r.service;
  const rating = r.satisfaction ? { ...r.satisfaction, ratedAt: x.receivedAt } : (x.lateRating ?? null);
  return [
    r.id,
    text(r.unitId),
    ts(r.occurredAt.getTime()),
    ts(x.receivedAt),
    text(x.siteId),
    text(r.customerId),
    text(r.industry),
    text(r.region),
    text(r.contractId),
    text(r.productId),
    text(r.teamId),
    text(r.agentId),
    r.channel,
    r.kind,
    r.stage,
    r.needCategory,
    text(r.needDescription),
    bool(s !== null),
    text(s ? s.action : null),
    num(s ? s.handleSeconds : null),
    bool(s ? s.resolved : null),
    bool(s ? s.firstContact : null),
    text(s ? JSON.stringify(s.knowledgeRefs) : null),
    bool(s ? s.knowledgeCreated : null),
    text(s ? s.handoffUnitId : null),
    text(s?.commitment ? s.commitment.code : null),
    bool(s?.commitment ? s.commitment.met : null),
    ts(s?.servedAt ? s.servedAt.getTime() : null),
    num(rating ? rating.score : null),
    text(rating ? rating.comment : null),
    ts(rating ? rating.ratedAt : null),
  ].join(',') + '\n';
}

export const KEY_COPY_COLUMNS = ['id', 'key_day', 'unit_id', 'occurred_at', 'content_hash'] as const;

/** The key table's CSV line (with its newline) of a touchpoint, in KEY_COPY_COLUMNS order, as ingest claims it. */
export const keyCsvLine = (r: TouchpointRecord): string =>
  [r.id, keyDayOf(r.id), text(r.unitId), ts(r.occurredAt.getTime()), text(touchpointContentHash(r))].join(',') + '\n';

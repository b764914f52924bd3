import { CHANNELS, EARLIEST_DATE_MS, LIFECYCLE_STAGES, NEED_CATEGORIES, TOUCHPOINT_KINDS, type TouchpointRecord } from '@qihe/domain';
import { MAX_FUTURE_MS } from './touchpoint.input';

// The rules of TouchpointInput (touchpoint.input.ts), compiled by hand into
// straight-line checks: class-transformer + class-validator cost ~60 µs per item,
// this ~1 µs. It only ever says "valid, and here is the record"; anything it
// is not sure of — a rule broken, an unexpected type or key, a string whose
// length class-validator counts differently (surrogates, variation selectors)
// or that holds NUL — returns null, and the caller asks class-validator, whose
// answer and message are authoritative. compiled-touchpoint-check.spec.ts
// compares both on many random good and bad items.

// validator.js isUUID(…, 'all').
const UUID_ALL = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;
// Characters that make validator.js isLength differ from .length, and NUL (its own message).
const SPECIAL = /[\u0000\uD800-\uDFFF\uFE0E\uFE0F]/;

const CHANNEL = new Set<unknown>(CHANNELS);
const KIND = new Set<unknown>(TOUCHPOINT_KINDS);
const STAGE = new Set<unknown>(LIFECYCLE_STAGES);
const NEED = new Set<unknown>(NEED_CATEGORIES);

const TOP_KEYS = new Set(['id', 'unitId', 'customerId', 'industry', 'region', 'contractId', 'productId', 'teamId', 'agentId', 'channel', 'kind', 'stage', 'occurredAt', 'need', 'service', 'satisfaction', 'perceptionPoint']);
const NEED_KEYS = new Set(['category', 'description']);
const SERVICE_KEYS = new Set(['action', 'handleSeconds', 'resolved', 'firstContact', 'knowledgeRefs', 'knowledgeCreated', 'handoffUnitId', 'commitment', 'servedAt']);
const COMMITMENT_KEYS = new Set(['code', 'met']);
const SATISFACTION_KEYS = new Set(['score', 'comment']);

type Obj = Record<string, unknown>;

/** A JSON-like object (GraphQL's coerced inputs have no prototype) holding only `keys`. */
function plain(v: unknown, keys: ReadonlySet<string>): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) if (!keys.has(k)) return false;
  return true;
}

/** IsString + Length(min, max), for strings whose length class-validator counts as .length. */
const str = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max && !SPECIAL.test(v);
/** IsOptional + IsString + MaxLength(max). */
const optStr = (v: unknown, max: number): v is string | null | undefined => v === null || v === undefined || str(v, 0, max);
const int = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const bool = (v: unknown): v is boolean => typeof v === 'boolean';

/** The reference's preparation: ISO strings become Dates (class-transformer copies a Date). */
function date(v: unknown): Date | null {
  if (typeof v === 'string' && SPECIAL.test(v)) return null;
  const d = typeof v === 'string' ? new Date(v) : v instanceof Date ? new Date(v.getTime()) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}
/** PlausibleDate: from EARLIEST_DATE_MS to MAX_FUTURE_MS ahead. */
const plausible = (d: Date): boolean => d.getTime() >= EARLIEST_DATE_MS && d.getTime() <= Date.now() + MAX_FUTURE_MS;
const orNull = <T>(v: T | null | undefined): T | null => (v === undefined || v === null ? null : v);

/** The stored record of a valid touchpoint, or null when the reference must judge it. */
export function compiledTouchpointCheck(raw: unknown): TouchpointRecord | null {
  if (!plain(raw, TOP_KEYS)) return null;
  const t = raw;
  if (typeof t.id !== 'string' || !UUID_ALL.test(t.id)) return null;
  if (!str(t.unitId, 1, 64) || !str(t.customerId, 1, 200)) return null;
  if (!optStr(t.industry, 200) || !optStr(t.region, 200) || !optStr(t.contractId, 200)) return null;
  if (!optStr(t.productId, 200) || !optStr(t.teamId, 200) || !optStr(t.agentId, 200) || !optStr(t.perceptionPoint, 200)) return null;
  if (!CHANNEL.has(t.channel) || !KIND.has(t.kind) || !STAGE.has(t.stage)) return null;
  const occurredAt = date(t.occurredAt);
  if (!occurredAt || !plausible(occurredAt)) return null;

  const need = t.need;
  if (!plain(need, NEED_KEYS) || !NEED.has(need.category) || !optStr(need.description, 2000)) return null;

  let service: TouchpointRecord['service'] = null;
  const s = t.service;
  if (s !== null && s !== undefined) {
    if (!plain(s, SERVICE_KEYS)) return null;
    if (!str(s.action, 1, 500) || !int(s.handleSeconds, 0, 86400) || !bool(s.resolved) || !bool(s.firstContact)) return null;
    let refs: string[] = [];
    if (s.knowledgeRefs !== null && s.knowledgeRefs !== undefined) {
      const list = s.knowledgeRefs;
      if (!Array.isArray(list) || list.length > 100) return null;
      for (let i = 0; i < list.length; i++) if (!str(list[i], 1, 200)) return null;
      refs = (list as string[]).slice();
    }
    if (s.knowledgeCreated !== null && s.knowledgeCreated !== undefined && !bool(s.knowledgeCreated)) return null;
    if (s.handoffUnitId !== null && s.handoffUnitId !== undefined && !str(s.handoffUnitId, 1, 64)) return null;
    let commitment: { code: string; met: boolean } | null = null;
    const c = s.commitment;
    if (c !== null && c !== undefined) {
      if (!plain(c, COMMITMENT_KEYS) || !str(c.code, 1, 100) || !bool(c.met)) return null;
      commitment = { code: c.code, met: c.met };
    }
    let servedAt: Date | null = null;
    if (s.servedAt !== null && s.servedAt !== undefined) {
      servedAt = date(s.servedAt);
      if (!servedAt || !plausible(servedAt)) return null;
    }
    service = {
      action: s.action,
      handleSeconds: s.handleSeconds,
      resolved: s.resolved,
      firstContact: s.firstContact,
      knowledgeRefs: refs,
      knowledgeCreated: (s.knowledgeCreated as boolean | null | undefined) ?? false,
      handoffUnitId: orNull(s.handoffUnitId as string | null | undefined),
      commitment,
      servedAt,
    };
  }

  let satisfaction: TouchpointRecord['satisfaction'] = null;
  if (t.satisfaction !== null && t.satisfaction !== undefined) {
    const checked = compiledSatisfactionCheck(t.satisfaction);
    if (!checked) return null;
    satisfaction = checked;
  }

  return {
    id: t.id.toLowerCase(),
    unitId: t.unitId,
    customerId: t.customerId,
    industry: orNull(t.industry),
    region: orNull(t.region),
    contractId: orNull(t.contractId),
    productId: orNull(t.productId),
    teamId: orNull(t.teamId),
    agentId: orNull(t.agentId),
    channel: t.channel as TouchpointRecord['channel'],
    kind: t.kind as TouchpointRecord['kind'],
    stage: t.stage as TouchpointRecord['stage'],
    occurredAt,
    needCategory: need.category as TouchpointRecord['needCategory'],
    needDescription: orNull(need.description),
    service,
    satisfaction,
    perceptionPoint: orNull(t.perceptionPoint),
  };
}

/** SatisfactionInput's rules: the rating, or null when the reference must judge it. */
export function compiledSatisfactionCheck(raw: unknown): { score: number; comment: string | null } | null {
  if (!plain(raw, SATISFACTION_KEYS)) return null;
  if (!int(raw.score, 1, 5) || !optStr(raw.comment, 2000)) return null;
  return { score: raw.score, comment: orNull(raw.comment) };
}

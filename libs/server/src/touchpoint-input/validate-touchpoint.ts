import { hash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { isoOf, type TouchpointRecord } from '@qihe/domain';
import { compiledSatisfactionCheck, compiledTouchpointCheck } from './compiled-touchpoint-check';
import { SatisfactionInput, TouchpointInput } from './touchpoint.input';

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** The first problem of a validation, as a sentence that names the field by its path. */
function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const constraint = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (constraint) {
      const message = constraint.startsWith(e.property) ? `${path}${constraint.slice(e.property.length)}` : `${path}: ${constraint}`;
      return { field: path, message };
    }
    const inner = firstProblem(e.children ?? [], path);
    if (inner) return inner;
  }
  return null;
}

/** PostgreSQL text cannot hold U+0000: such a value is the caller's error, named by its path. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
  }
  return null;
}

const nulProblem = (field: string): { ok: false; field: string; message: string } => ({
  ok: false,
  field,
  message: `${field} must not contain the NUL character (U+0000)`,
});

const toDate = (v: unknown): unknown => (typeof v === 'string' ? new Date(v) : v);
const orNull = <T>(v: T | null | undefined): T | null => (v === undefined || v === null ? null : v);

/**
 * Checks one touchpoint against the contract's rules and turns it into the
 * record that is stored. Accepts the GraphQL-coerced object (dates as Date) or
 * plain JSON (dates as ISO strings). A valid item is recognised by the
 * compiled checks; anything else is judged, and worded, by class-validator.
 */
export function checkTouchpoint(raw: unknown): Checked<TouchpointRecord> {
  const value = compiledTouchpointCheck(raw);
  return value ? { ok: true, value } : checkTouchpointByClassValidator(raw);
}

/** The rules as declared on TouchpointInput, applied by class-transformer and class-validator: the reference. */
export function checkTouchpointByClassValidator(raw: unknown): Checked<TouchpointRecord> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, field: 'input', message: 'input must be an object' };
  const plain = raw as Record<string, unknown>;
  const nul = findNul(plain);
  if (nul !== null) return nulProblem(nul);
  const service = plain.service as Record<string, unknown> | null | undefined;
  const input = plainToInstance(TouchpointInput, {
    ...plain,
    occurredAt: toDate(plain.occurredAt),
    service: service ? { ...service, servedAt: toDate(service.servedAt) } : service,
  });
  const problem = firstProblem(validateSync(input, { forbidUnknownValues: false }));
  if (problem) return { ok: false, ...problem };
  const s = input.service;
  return {
    ok: true,
    value: {
      id: input.id.toLowerCase(),
      unitId: input.unitId,
      customerId: input.customerId,
      industry: orNull(input.industry),
      region: orNull(input.region),
      contractId: orNull(input.contractId),
      productId: orNull(input.productId),
      teamId: orNull(input.teamId),
      agentId: orNull(input.agentId),
      channel: input.channel,
      kind: input.kind,
      stage: input.stage,
      occurredAt: input.occurredAt,
      needCategory: input.need.category,
      needDescription: orNull(input.need.description),
      service: s
        ? {
            action: s.action,
            handleSeconds: s.handleSeconds,
            resolved: s.resolved,
            firstContact: s.firstContact,
            knowledgeRefs: s.knowledgeRefs ?? [],
            knowledgeCreated: s.knowledgeCreated ?? false,
            handoffUnitId: orNull(s.handoffUnitId),
            commitment: s.commitment ? { code: s.commitment.code, met: s.commitment.met } : null,
            servedAt: orNull(s.servedAt),
          }
        : null,
      satisfaction: input.satisfaction ? { score: input.satisfaction.score, comment: orNull(input.satisfaction.comment) } : null,
      perceptionPoint: orNull(input.perceptionPoint),
    },
  };
}

export function checkSatisfaction(raw: unknown): Checked<{ score: number; comment: string | null }> {
  const value = compiledSatisfactionCheck(raw);
  return value ? { ok: true, value } : checkSatisfactionByClassValidator(raw);
}

/** SatisfactionInput's rules applied by class-validator: the reference. */
export function checkSatisfactionByClassValidator(raw: unknown): Checked<{ score: number; comment: string | null }> {
  const nul = findNul(raw, 'satisfaction');
  if (nul !== null) return nulProblem(nul);
  const input = plainToInstance(SatisfactionInput, raw ?? {});
  const problem = firstProblem(validateSync(input), 'satisfaction');
  if (problem) return { ok: false, ...problem };
  return { ok: true, value: { score: input.score, comment: orNull(input.comment) } };
}

/** A canonical form of a record: two sends are "the same touchpoint" exactly when these match. */
export function canonicalTouchpoint(r: TouchpointRecord): string {
  return JSON.stringify([
    r.id,
    r.unitId,
    r.customerId,
    r.industry,
    r.region,
    r.contractId,
    r.productId,
    r.teamId,
    r.agentId,
    r.channel,
    r.kind,
    r.stage,
    isoOf(r.occurredAt),
    r.needCategory,
    r.needDescription,
    r.service && [
      r.service.action,
      r.service.handleSeconds,
      r.service.resolved,
      r.service.firstContact,
      r.service.knowledgeRefs,
      r.service.knowledgeCreated,
      r.service.handoffUnitId,
      r.service.commitment && [r.service.commitment.code, r.service.commitment.met],
      r.service.servedAt && isoOf(r.service.servedAt),
    ],
    r.satisfaction && [r.satisfaction.score, r.satisfaction.comment],
    // Only when given: touchpoints stored before perception points existed keep their fingerprint.
    ...(r.perceptionPoint === null ? [] : [{ perceptionPoint: r.perceptionPoint }]),
  ]);
}

/** The idempotency fingerprint of a record: equal exactly when two sends are the same touchpoint. */
// crypto.hash: one call, no Hash object per touchpoint (a third of createHash's cost on a record's few hundred bytes).
export const touchpointContentHash = (r: TouchpointRecord): string => hash('sha256', canonicalTouchpoint(r), 'base64');

import type { PlannedBatch } from './touchpoint-scenario';
import type { FeedTouchpoint, IngestResult, TouchpointInput, TouchpointRow } from './wire-types';

// Checks of what the gateway answered against what the scenario says it must,
// each returning readable problem lines (empty when all is well).

/** One batch's IngestResult against its planned items. */
export function checkBatch(batch: PlannedBatch, result: IngestResult): string[] {
  const out: string[] = [];
  const say = (msg: string): void => void out.push(`${batch.label}: ${msg}`);
  const n = batch.items.length;
  if (result.accepted + result.duplicates + result.rejected.length !== n) {
    say(`accepted ${result.accepted} + duplicates ${result.duplicates} + rejected ${result.rejected.length} != ${n} items sent`);
  }
  const fresh = batch.items.filter((i) => i.expect.kind === 'new').length;
  const racing = batch.items.filter((i) => i.expect.kind === 'race').length;
  if (result.accepted < fresh || result.accepted > fresh + racing) {
    say(`accepted ${result.accepted}, expected ${fresh} new (+ up to ${racing} racing with a concurrent batch)`);
  }
  const byIndex = new Map(result.rejected.map((r) => [r.index, r]));
  if (byIndex.size !== result.rejected.length) say(`two rejections share an index: ${JSON.stringify(result.rejected.map((r) => r.index))}`);
  batch.items.forEach((item, index) => {
    const got = byIndex.get(index);
    const exp = item.expect;
    if (exp.kind !== 'rejected') {
      if (got) say(`item ${index} (${exp.kind}, id ${item.input.id}) was rejected ${got.code}: ${got.message}`);
      return;
    }
    if (!got) return say(`item ${index} (id ${item.input.id}) should be rejected ${exp.code}${exp.field ? ` naming "${exp.field}"` : ''}, was not`);
    if (got.code !== exp.code) say(`item ${index} rejected ${got.code} ("${got.message}"), expected ${exp.code}`);
    if (exp.field && !got.message.toLowerCase().includes(exp.field.toLowerCase())) {
      say(`item ${index} ${got.code} message "${got.message}" does not name the field "${exp.field}"`);
    }
    if (got.id !== null && got.id !== item.input.id) say(`item ${index} rejection carries id ${got.id}, sent ${item.input.id}`);
  });
  for (const r of result.rejected) if (r.index < 0 || r.index >= n) say(`rejection with index ${r.index} outside 0..${n - 1}`);
  return out;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** A stored row against the content sent and the rating that should be on it. */
export function checkRow(row: TouchpointRow, sent: TouchpointInput, rating: { score: number; comment?: string } | null): string[] {
  const want: Record<string, unknown> = {
    'unit.id': sent.unitId,
    customerId: sent.customerId,
    channel: sent.channel,
    kind: sent.kind,
    stage: sent.stage,
    occurredAt: Date.parse(sent.occurredAt),
    needCategory: sent.need.category,
    needDescription: orNull(sent.need.description),
    serviceAction: orNull(sent.service?.action),
    resolved: orNull(sent.service?.resolved),
    satisfaction: rating ? { score: rating.score, comment: orNull(rating.comment) } : null,
  };
  const got: Record<string, unknown> = {
    'unit.id': row.unit?.id,
    customerId: row.customerId,
    channel: row.channel,
    kind: row.kind,
    stage: row.stage,
    occurredAt: Date.parse(row.occurredAt),
    needCategory: row.needCategory,
    needDescription: row.needDescription,
    serviceAction: row.serviceAction,
    resolved: row.resolved,
    satisfaction: row.satisfaction ? { score: row.satisfaction.score, comment: row.satisfaction.comment } : null,
  };
  return Object.keys(want)
    .filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]))
    .map((k) => `touchpoint ${sent.id}: ${k} is ${JSON.stringify(got[k])}, sent ${JSON.stringify(want[k])}`);
}

/** Newest first: occurredAt descending, ties broken by id in one consistent direction. */
export function checkNewestFirst(rows: TouchpointRow[]): string[] {
  const out: string[] = [];
  const tieDirections = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const ta = Date.parse(a.occurredAt);
    const tb = Date.parse(b.occurredAt);
    if (ta < tb) out.push(`row ${i - 1} (${a.occurredAt}) is older than row ${i} (${b.occurredAt})`);
    if (ta === tb) {
      if (a.id === b.id) out.push(`row ${i} repeats id ${a.id}`);
      else tieDirections.add(a.id < b.id ? 'ascending' : 'descending');
    }
  }
  if (tieDirections.size > 1) out.push('rows with the same occurredAt are ordered by id sometimes ascending, sometimes descending');
  return out;
}

/** A feed `touchpoint` event against what was sent (ingestion-time satisfaction only). */
export function checkFeedEvent(e: FeedTouchpoint, sent: TouchpointInput): string[] {
  const score = e.satisfaction === null || e.satisfaction === undefined ? null : typeof e.satisfaction === 'number' ? e.satisfaction : e.satisfaction.score;
  const pairs: Array<[string, unknown, unknown]> = [
    ['unitId', e.unitId, sent.unitId],
    ['channel', e.channel, sent.channel],
    ['kind', e.kind, sent.kind],
    ['stage', e.stage, sent.stage],
    ['needCategory', e.needCategory, sent.need.category],
    ['resolved', e.resolved ?? null, sent.service?.resolved ?? null],
    ['satisfaction', score, sent.satisfaction?.score ?? null],
    ['occurredAt', Date.parse(e.occurredAt), Date.parse(sent.occurredAt)],
  ];
  const out = pairs.filter(([, got, want]) => got !== want).map(([k, got, want]) => `feed event ${e.id}: ${k} is ${JSON.stringify(got)}, sent ${JSON.stringify(want)}`);
  if (Number.isNaN(Date.parse(e.receivedAt))) out.push(`feed event ${e.id}: receivedAt ${JSON.stringify(e.receivedAt)} is not a date-time`);
  return out;
}

/** How often each id occurs. */
export function countIds(ids: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

/** Problems of an exactly-once delivery: missing, repeated and unexpected ids. */
export function checkExactlyOnce(label: string, received: Iterable<string>, expected: ReadonlySet<string>): string[] {
  const counts = countIds(received);
  const missing = [...expected].filter((id) => !counts.has(id));
  const repeated = [...counts].filter(([id, c]) => expected.has(id) && c > 1).map(([id, c]) => `${id}×${c}`);
  const unexpected = [...counts.keys()].filter((id) => !expected.has(id));
  const out: string[] = [];
  if (missing.length) out.push(`${label}: ${missing.length} of ${expected.size} missing, e.g. ${missing.slice(0, 5).join(', ')}`);
  if (repeated.length) out.push(`${label}: ${repeated.length} delivered more than once, e.g. ${repeated.slice(0, 5).join(', ')}`);
  if (unexpected.length) out.push(`${label}: ${unexpected.length} unexpected, e.g. ${unexpected.slice(0, 5).join(', ')}`);
  return out;
}

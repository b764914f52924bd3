import type { TouchpointRecord } from '@qihe/domain';
import type { Sql } from './database';

// Column order of the bulk insert; each entry maps a record to its value.
const INSERT_COLUMNS: [string, string, (r: TouchpointRecord) => unknown][] = [
  ['id', 'uuid', (r) => r.id],
  ['unit_id', 'text', (r) => r.unitId],
  ['occurred_at', 'timestamptz', (r) => r.occurredAt.toISOString()],
  ['customer_id', 'text', (r) => r.customerId],
  ['industry', 'text', (r) => r.industry],
  ['region', 'text', (r) => r.region],
  ['contract_id', 'text', (r) => r.contractId],
  ['product_id', 'text', (r) => r.productId],
  ['team_id', 'text', (r) => r.teamId],
  ['agent_id', 'text', (r) => r.agentId],
  ['channel', 'text', (r) => r.channel],
  ['kind', 'text', (r) => r.kind],
  ['stage', 'text', (r) => r.stage],
  ['need_category', 'text', (r) => r.needCategory],
  ['need_description', 'text', (r) => r.needDescription],
  ['served', 'boolean', (r) => r.service !== null],
  ['service_action', 'text', (r) => r.service?.action ?? null],
  ['handle_seconds', 'int', (r) => r.service?.handleSeconds ?? null],
  ['resolved', 'boolean', (r) => r.service?.resolved ?? null],
  ['first_contact', 'boolean', (r) => r.service?.firstContact ?? null],
  ['knowledge_refs', 'jsonb', (r) => (r.service ? JSON.stringify(r.service.knowledgeRefs) : null)],
  ['knowledge_created', 'boolean', (r) => r.service?.knowledgeCreated ?? null],
  ['handoff_unit_id', 'text', (r) => r.service?.handoffUnitId ?? null],
  ['commitment_code', 'text', (r) => r.service?.commitment?.code ?? null],
  ['commitment_met', 'boolean', (r) => r.service?.commitment?.met ?? null],
  ['served_at', 'timestamptz', (r) => r.service?.servedAt?.toISOString() ?? null],
  ['satisfaction_score', 'smallint', (r) => r.satisfaction?.score ?? null],
  ['satisfaction_comment', 'text', (r) => r.satisfaction?.comment ?? null],
];

export interface NewTouchpoint {
  record: TouchpointRecord;
  contentHash: string;
}

/**
 * Inserts the touchpoints whose id is new; returns those ids with their
 * receivedAt. Ids already stored (or being stored by a concurrent batch, which
 * this waits for) are skipped: the caller sorts out duplicates from conflicts.
 */
export async function insertNewTouchpoints(sql: Sql, items: NewTouchpoint[], siteId: string | null): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const sorted = [...items].sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const params: unknown[][] = INSERT_COLUMNS.map(() => []);
  const hashes: string[] = [];
  for (const it of sorted) {
    INSERT_COLUMNS.forEach(([, , get], i) => params[i].push(get(it.record)));
    hashes.push(it.contentHash);
  }
  const n = INSERT_COLUMNS.length;
  const rows = await sql.query<{ id: string; received_at: Date | string }>(
    `INSERT INTO touchpoint (${INSERT_COLUMNS.map(([c]) => c).join(', ')}, content_hash, site_id, received_at, rated_at)
     SELECT u.*, $${n + 2}::text, now(), CASE WHEN u.satisfaction_score IS NULL THEN NULL ELSE now() END
       FROM unnest(${INSERT_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')}, $${n + 1}::text[])
         AS u(${INSERT_COLUMNS.map(([c]) => c).join(', ')}, content_hash)
     ON CONFLICT (id) DO NOTHING
     RETURNING id, received_at`,
    [...params, hashes, siteId],
  );
  return new Map(rows.map((r) => [r.id, new Date(r.received_at).getTime()]));
}

export async function contentHashes(sql: Sql, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; content_hash: string }>(
    `SELECT id, content_hash FROM touchpoint WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

export interface StoredTouchpoint {
  id: string;
  unitId: string;
  customerId: string;
  channel: string;
  kind: string;
  stage: string;
  region: string | null;
  industry: string | null;
  occurredAt: Date;
  receivedAt: Date;
  needCategory: string;
  needDescription: string | null;
  served: boolean;
  serviceAction: string | null;
  resolved: boolean | null;
  satisfactionScore: number | null;
  satisfactionComment: string | null;
}

const SELECT_STORED = `SELECT id, unit_id AS "unitId", customer_id AS "customerId", channel, kind, stage, region, industry,
  occurred_at AS "occurredAt", received_at AS "receivedAt", need_category AS "needCategory",
  need_description AS "needDescription", served, service_action AS "serviceAction", resolved,
  satisfaction_score AS "satisfactionScore", satisfaction_comment AS "satisfactionComment" FROM touchpoint`;

const toStored = (r: StoredTouchpoint): StoredTouchpoint => ({
  ...r,
  occurredAt: new Date(r.occurredAt),
  receivedAt: new Date(r.receivedAt),
  satisfactionScore: r.satisfactionScore === null ? null : Number(r.satisfactionScore),
});

/** Locks one touchpoint for a late rating. */
export async function findTouchpointForUpdate(sql: Sql, id: string): Promise<StoredTouchpoint | null> {
  const rows = await sql.query<StoredTouchpoint>(`${SELECT_STORED} WHERE id = $1 FOR UPDATE`, [id]);
  return rows.length ? toStored(rows[0]) : null;
}

export async function setSatisfaction(sql: Sql, id: string, score: number, comment: string | null): Promise<void> {
  await sql.query(`UPDATE touchpoint SET satisfaction_score = $2, satisfaction_comment = $3, rated_at = now() WHERE id = $1`, [
    id,
    score,
    comment,
  ]);
}

export interface PageCursor {
  occurredAt: number;
  id: string;
}

/** A page of a set of units' touchpoints in [from, to), newest first (occurredAt desc, then id desc). */
export async function pageTouchpoints(
  sql: Sql,
  unitIds: string[],
  from: number,
  to: number,
  limit: number,
  after: PageCursor | null,
): Promise<StoredTouchpoint[]> {
  const params: unknown[] = [unitIds, new Date(from).toISOString(), new Date(to).toISOString(), limit];
  let cursor = '';
  if (after) {
    params.push(new Date(after.occurredAt).toISOString(), after.id);
    cursor = `AND (occurred_at, id) < ($5::timestamptz, $6::uuid)`;
  }
  const rows = await sql.query<StoredTouchpoint>(
    `${SELECT_STORED} WHERE unit_id = ANY($1::text[]) AND occurred_at >= $2 AND occurred_at < $3 ${cursor}
      ORDER BY occurred_at DESC, id DESC LIMIT $4`,
    params,
  );
  return rows.map(toStored);
}

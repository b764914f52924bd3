import { isoOf, NEED_CATEGORIES, type TouchpointRecord } from '@qihe/domain';
import type { Sql } from './database';
import { boolColumn, numberArray, numberColumn, textArray, textColumn } from './pg-array';
import { keyDayOf } from './touchpoint-partitions';

// Column order of the bulk insert: name, element type, and the array literal
// of one column for a set of records (see pg-array.ts); `at` is each record's
// occurredAt as ISO text, made once per batch (claim, probe and insert send it).
type Column = [string, string, (rs: readonly TouchpointRecord[], at: readonly string[]) => string];
const text = (name: string, get: (r: TouchpointRecord) => string | null): Column => [name, 'text', (rs) => textColumn(rs, get)];
const bool = (name: string, get: (r: TouchpointRecord) => boolean | null): Column => [name, 'boolean', (rs) => boolColumn(rs, get)];
const iso = (d: Date | null | undefined): string | null => (d ? isoOf(d) : null);

const INSERT_COLUMNS: Column[] = [
  ['id', 'uuid', (rs) => textColumn(rs, (r) => r.id)],
  text('unit_id', (r) => r.unitId),
  ['occurred_at', 'timestamptz', (_, at) => textArray(at)],
  text('customer_id', (r) => r.customerId),
  text('industry', (r) => r.industry),
  text('region', (r) => r.region),
  text('contract_id', (r) => r.contractId),
  text('product_id', (r) => r.productId),
  text('team_id', (r) => r.teamId),
  text('agent_id', (r) => r.agentId),
  text('channel', (r) => r.channel),
  text('kind', (r) => r.kind),
  text('stage', (r) => r.stage),
  text('need_category', (r) => r.needCategory),
  text('need_description', (r) => r.needDescription),
  bool('served', (r) => r.service !== null),
  text('service_action', (r) => r.service?.action ?? null),
  ['handle_seconds', 'int', (rs) => numberColumn(rs, (r) => r.service?.handleSeconds ?? null)],
  bool('resolved', (r) => r.service?.resolved ?? null),
  bool('first_contact', (r) => r.service?.firstContact ?? null),
  ['knowledge_refs', 'jsonb', (rs) => textColumn(rs, (r) => (r.service ? JSON.stringify(r.service.knowledgeRefs) : null))],
  bool('knowledge_created', (r) => r.service?.knowledgeCreated ?? null),
  text('handoff_unit_id', (r) => r.service?.handoffUnitId ?? null),
  text('commitment_code', (r) => r.service?.commitment?.code ?? null),
  bool('commitment_met', (r) => r.service?.commitment?.met ?? null),
  ['served_at', 'timestamptz', (rs) => textColumn(rs, (r) => iso(r.service?.servedAt))],
  ['satisfaction_score', 'smallint', (rs) => numberColumn(rs, (r) => r.satisfaction?.score ?? null)],
  text('satisfaction_comment', (r) => r.satisfaction?.comment ?? null),
  text('perception_point', (r) => r.perceptionPoint),
];

const NAMES = INSERT_COLUMNS.map(([c]) => c).join(', ');
const K = INSERT_COLUMNS.length;
/** `$n::type[]`, an insert column's array among insertStatement's parameters (the repeat rule's probe reads the same arrays). */
export function insertParam(column: string): string {
  const i = INSERT_COLUMNS.findIndex(([c]) => c === column);
  if (i < 0) throw new Error(`no insert column ${column}`);
  return `$${i + 1}::${INSERT_COLUMNS[i][1]}[]`;
}
const ARRAYS = `${INSERT_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')}, $${K + 1}::text[], $${K + 2}::text[], $${K + 3}::bigint[], $${K + 4}::boolean[]`;
const U_COLUMNS = `${NAMES}, site_id, perception_member, clock_offset_ms, repeat`;
/** The rows insertStatement's parameters make, as `u` (its default row source); numbered: with `u.n`, each one's place (1, 2, …). */
export const insertRows = (numbered = false): string =>
  numbered ? `unnest(${ARRAYS}) WITH ORDINALITY AS u(${U_COLUMNS}, n)` : `unnest(${ARRAYS}) AS u(${U_COLUMNS})`;
// The touchpoints whose ids were claimed in the key table (claimTouchpointKeys),
// each with its repeat flag (`repeat`: an SQL expression over the unnested row
// `u` and `join`'s columns; u.repeat is the flag the caller sent; `from`: the
// row source, insertRows() as `u` or e.g. insertRows(true) joined by place to
// more columns of the same rows). receivedAt
// comes back as epoch milliseconds: a number is cheaper to read than a
// timestamp. A corrected clock (clock_offset_ms) keeps the time as the site
// sent it beside the stored one.
export const insertStatement = ({ join = '', repeat = 'u.repeat', returning = '', from = insertRows() } = {}): string => `INSERT INTO touchpoint (${NAMES}, site_id, perception_member, clock_offset_ms, repeat, received_at, rated_at, site_occurred_at)
  SELECT ${NAMES.split(', ').map((c) => `u.${c}`).join(', ')}, u.site_id, u.perception_member, u.clock_offset_ms, ${repeat}, now(),
         CASE WHEN u.satisfaction_score IS NULL THEN NULL ELSE now() END, u.occurred_at - u.clock_offset_ms * interval '1 millisecond'
    FROM ${from}${join}
  RETURNING id, floor(extract(epoch FROM received_at) * 1000)::float8 AS received_ms${returning}`;
const INSERT_SQL = insertStatement();

// The key table takes each id once (ON CONFLICT: stored before, or being
// stored by a concurrent batch, which this waits for); the ids it took are
// this transaction's to insert. With `repeatLocks`, the same statement then
// takes the repeat rule's lock of every claimed (customer, need) — a
// transaction advisory lock per key, in key order, after every key row (the
// sort needs them all first), the same keys as repeat-contact.repository's:
// one round trip for both.
const CLAIM_CTE = `WITH u AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
      AS u(id, key_day, unit_id, occurred_at, content_hash, customer_id, need_category)),
  k AS (INSERT INTO touchpoint_key (id, key_day, unit_id, occurred_at, content_hash)
    SELECT id, key_day, unit_id, occurred_at, content_hash FROM u ON CONFLICT (id, key_day) DO NOTHING RETURNING id)`;
// The claimed ids come back in one row as one text, comma-separated (NULL: none), not a row each: one field
// for the driver to read instead of 500 rows to parse into objects (string_agg cost PostgreSQL less than
// either those rows or array_agg's literal in a micro-run, docs/PERFORMANCE.md h16c).
const CLAIM_SQL = `${CLAIM_CTE} SELECT string_agg(id::text, ',') AS ids FROM k`;
const CLAIM_AND_LOCK_SQL = `${CLAIM_CTE}
  SELECT string_agg(k.id::text, ',') AS ids, (SELECT count(pg_advisory_xact_lock(h)) FROM (
      SELECT DISTINCT hashtextextended(u.customer_id || chr(31) || u.need_category, 0) AS h FROM u JOIN k ON k.id = u.id ORDER BY 1) l) AS locked
    FROM k`;

export interface NewTouchpoint {
  record: TouchpointRecord;
  contentHash: string;
  /** The site that sent it, when items of several sites are inserted together (else the `siteId` argument). */
  siteId?: string | null;
  /** The perception point it belongs to (MANAGEMENT-MODEL.md §5), settled at ingest; null: none. */
  perceptionMember?: string | null;
  /** How far the sender's clock was off when it was corrected (receivedAt − sentAt, ms); null: its times are stored as sent. */
  clockOffsetMs?: number | null;
}

// Id order: concurrent batches with overlapping ids take their locks in the same order.
const byId = (a: NewTouchpoint, b: NewTouchpoint): number => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);

/** Touchpoints in id order, each with its occurredAt as ISO text (`at[i]` is `items[i]`'s): what the bulk statements take. */
export interface SortedTouchpoints {
  items: NewTouchpoint[];
  at: string[];
  /**
   * Array literals of insert columns already made for exactly these items, by column name: the claim's,
   * which the insert sends again (the same text from the same values) when it claimed every one.
   */
  literals?: Map<string, string>;
}

export function sortedById(items: readonly NewTouchpoint[]): SortedTouchpoints {
  const sorted = [...items].sort(byId);
  return { items: sorted, at: sorted.map((it) => isoOf(it.record.occurredAt)) };
}

/** The part of `s` whose ids are in `ids`, still in id order: `s` itself (its literals with it) when that is all of it. */
export function sortedOnly(s: SortedTouchpoints, ids: ReadonlySet<string>): SortedTouchpoints {
  let kept = 0;
  for (let i = 0; i < s.items.length; i++) if (ids.has(s.items[i].record.id)) kept++;
  if (kept === s.items.length) return s;
  const out: SortedTouchpoints = { items: [], at: [] };
  for (let i = 0; i < s.items.length; i++) {
    if (!ids.has(s.items[i].record.id)) continue;
    out.items.push(s.items[i]);
    out.at.push(s.at[i]);
  }
  return out;
}

/** The literal of insert column `name` for `s`, made once (a claim's and its insert's are the same text). */
function literal(s: SortedTouchpoints, name: string, make: () => string): string {
  const known = s.literals?.get(name);
  if (known !== undefined) return known;
  const made = make();
  (s.literals ??= new Map()).set(name, made);
  return made;
}

/**
 * Claims each id in the key table; returns the ids claimed now, whose
 * touchpoints this transaction must insert (insertClaimedTouchpoints). Ids
 * already stored (or being stored by a concurrent batch, which this waits
 * for) are not: the caller sorts out duplicates from conflicts. With
 * `repeatLocks` it also takes the repeat rule's locks of the claimed ones.
 */
export async function claimTouchpointKeys(sql: Sql, items: readonly NewTouchpoint[], repeatLocks = false): Promise<Set<string>> {
  return claimSortedKeys(sql, sortedById(items), repeatLocks);
}

/** claimTouchpointKeys of touchpoints already in id order (sortedById). */
export async function claimSortedKeys(sql: Sql, s: SortedTouchpoints, repeatLocks = false): Promise<Set<string>> {
  const sorted = s.items;
  if (sorted.length === 0) return new Set();
  // The insert's own columns through `literal`: kept for it (insertParams).
  const rows = await sql.query<{ ids: string | null }>(repeatLocks ? CLAIM_AND_LOCK_SQL : CLAIM_SQL, [
    literal(s, 'id', () => textColumn(sorted, (it) => it.record.id)),
    textColumn(sorted, (it) => keyDayOf(it.record.id)),
    literal(s, 'unit_id', () => textColumn(sorted, (it) => it.record.unitId)),
    literal(s, 'occurred_at', () => textArray(s.at)),
    // The content hash is the key table's alone (migration 1765260000000): the insert does not send it again.
    textColumn(sorted, (it) => it.contentHash),
    literal(s, 'customer_id', () => textColumn(sorted, (it) => it.record.customerId)),
    literal(s, 'need_category', () => textColumn(sorted, (it) => it.record.needCategory)),
  ]);
  const ids = rows[0]?.ids;
  return new Set(ids ? ids.split(',') : []);
}

/** Inserts touchpoints whose ids this transaction claimed, with their repeat flags; returns each id's receivedAt. */
export async function insertClaimedTouchpoints(
  sql: Sql,
  items: readonly NewTouchpoint[],
  siteId: string | null,
  repeats: ReadonlySet<string> = new Set(),
): Promise<Map<string, number>> {
  return insertSortedTouchpoints(sql, sortedById(items), siteId, repeats);
}

/** insertClaimedTouchpoints of touchpoints already in id order (sortedById). */
export async function insertSortedTouchpoints(
  sql: Sql,
  sorted: SortedTouchpoints,
  siteId: string | null,
  repeats: ReadonlySet<string> = new Set(),
): Promise<Map<string, number>> {
  if (sorted.items.length === 0) return new Map();
  const rows = await sql.query<{ id: string; received_ms: number | string }>(INSERT_SQL, insertParams(sorted, siteId, repeats));
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.id, Number(r.received_ms));
  return out;
}

/** insertStatement's parameters: each column's array, `repeats` the ids whose u.repeat is true. */
export function insertParams(s: SortedTouchpoints, siteId: string | null, repeats: ReadonlySet<string>): unknown[] {
  const { items: sorted, at } = s;
  const records = sorted.map((it) => it.record);
  const params: unknown[] = INSERT_COLUMNS.map(([name, , column]) => s.literals?.get(name) ?? column(records, at));
  params.push(
    textColumn(sorted, (it) => (it.siteId === undefined ? siteId : it.siteId)),
    textColumn(sorted, (it) => it.perceptionMember ?? null),
    numberColumn(sorted, (it) => it.clockOffsetMs ?? null),
    boolColumn(sorted, (it) => repeats.has(it.record.id)),
  );
  return params;
}

/**
 * Inserts the touchpoints whose id is new, without the repeat rule (bulk
 * loads and tests; ingestion stores through storeTouchpoints); returns those
 * ids with their receivedAt.
 */
export async function insertNewTouchpoints(sql: Sql, items: NewTouchpoint[], siteId: string | null): Promise<Map<string, number>> {
  const claimed = await claimTouchpointKeys(sql, items);
  return insertClaimedTouchpoints(
    sql,
    items.filter((it) => claimed.has(it.record.id)),
    siteId,
  );
}

/** Where a stored id's touchpoint is: read from the key table, one probe of one partition per id. */
export interface TouchpointKey {
  unitId: string;
  occurredAt: number;
  contentHash: string;
}

export async function findTouchpointKeys(sql: Sql, ids: readonly string[]): Promise<Map<string, TouchpointKey>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const rows = await sql.query<{ id: string; unit_id: string; ms: number | string; content_hash: string }>(
    `SELECT id, unit_id, floor(extract(epoch FROM occurred_at) * 1000)::float8 AS ms, content_hash
       FROM touchpoint_key WHERE id = ANY($1::uuid[]) AND key_day = ANY($2::date[])`,
    [textArray(unique), textArray([...new Set(unique.map(keyDayOf))])],
  );
  return new Map(rows.map((r) => [r.id, { unitId: r.unit_id, occurredAt: Number(r.ms), contentHash: r.content_hash }]));
}

export async function contentHashes(sql: Sql, ids: string[]): Promise<Map<string, string>> {
  const keys = await findTouchpointKeys(sql, ids);
  return new Map([...keys].map(([id, k]) => [id, k.contentHash]));
}

/**
 * Stored touchpoints named by their whole key (id, time, unit), parameters from `$p` on: `keys` unnests the keys
 * as k(k_id, k_at, k_unit, …extra columns), `match(t)` joins `touchpoint` (as `t`) to them — one primary-key probe
 * each — and names their days, so only those partitions are planned. The probes hold whatever the statistics say:
 * named by id and time alone (`id = ANY(…) AND occurred_at = ANY(…)`), a day's partition not yet analysed was read
 * whole for 44 ratings (a 200,000-touchpoint bench run, docs/PERFORMANCE.md). The parameters: keyParams, then one
 * array per extra column.
 */
export function keyJoin(p: number, extra: readonly (readonly [name: string, type: string])[] = []): { keys: string; match: (t: string) => string } {
  const cols = [`$${p}::uuid[]`, `$${p + 1}::timestamptz[]`, `$${p + 2}::text[]`, ...extra.map(([, type], i) => `$${p + 4 + i}::${type}[]`)];
  return {
    keys: `unnest(${cols.join(', ')}) AS k(k_id, k_at, k_unit${extra.map(([name]) => `, ${name}`).join('')})`,
    match: (t) => `${t}.id = k.k_id AND ${t}.occurred_at = k.k_at AND ${t}.unit_id = k.k_unit AND ${t}.occurred_at = ANY($${p + 3}::timestamptz[])`,
  };
}

/** keyJoin's four parameters for these keys, in their order (duplicates kept). */
export function keyParams(keys: Iterable<readonly [string, { occurredAt: number; unitId: string }]>): string[] {
  const ids: string[] = [];
  const times: string[] = [];
  const units: string[] = [];
  for (const [id, k] of keys) {
    ids.push(id);
    times.push(new Date(k.occurredAt).toISOString());
    units.push(k.unitId);
  }
  return [textArray(ids), textArray(times), textArray(units), textArray([...new Set(times)])];
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
  agentId: string | null;
  teamId: string | null;
  productId: string | null;
  contractId: string | null;
  occurredAt: Date;
  receivedAt: Date;
  needCategory: string;
  needDescription: string | null;
  served: boolean;
  serviceAction: string | null;
  resolved: boolean | null;
  handleSeconds: number | null;
  satisfactionScore: number | null;
  satisfactionComment: string | null;
  perceptionPoint: string | null;
  perceptionMember: string | null;
}

export const STORED_COLUMNS = `id, unit_id AS "unitId", customer_id AS "customerId", channel, kind, stage, region, industry,
  agent_id AS "agentId", team_id AS "teamId", product_id AS "productId", contract_id AS "contractId",
  occurred_at AS "occurredAt", received_at AS "receivedAt", need_category AS "needCategory",
  need_description AS "needDescription", served, service_action AS "serviceAction", resolved, handle_seconds AS "handleSeconds",
  satisfaction_score AS "satisfactionScore", satisfaction_comment AS "satisfactionComment",
  perception_point AS "perceptionPoint", perception_member AS "perceptionMember"`;
const SELECT_STORED = `SELECT ${STORED_COLUMNS} FROM touchpoint`;

/** A row of SELECT_STORED as the driver gives it: timestamps as Date (pg) or text (PGlite), smallint maybe as text. */
export interface StoredRow extends Omit<StoredTouchpoint, 'occurredAt' | 'receivedAt' | 'satisfactionScore'> {
  occurredAt: Date | string;
  receivedAt: Date | string;
  satisfactionScore: number | string | null;
}

export const toStored = (r: StoredRow): StoredTouchpoint => ({
  ...r,
  occurredAt: new Date(r.occurredAt),
  receivedAt: new Date(r.receivedAt),
  satisfactionScore: r.satisfactionScore === null ? null : Number(r.satisfactionScore),
});

/** Locks one touchpoint for a late rating. */
export async function findTouchpointForUpdate(sql: Sql, id: string): Promise<StoredTouchpoint | null> {
  return (await findTouchpointsForUpdate(sql, [id])).get(id) ?? null;
}

/** Locks several touchpoints for late ratings, in id order; absent ids are absent from the map. */
export async function findTouchpointsForUpdate(sql: Sql, ids: readonly string[]): Promise<Map<string, StoredTouchpoint>> {
  const keys = await findTouchpointKeys(sql, ids);
  if (keys.size === 0) return new Map();
  const { keys: k, match } = keyJoin(1);
  const rows = await sql.query<StoredRow>(`SELECT ${STORED_COLUMNS} FROM touchpoint JOIN ${k} ON ${match('touchpoint')} ORDER BY id FOR UPDATE OF touchpoint`, keyParams(keys));
  return new Map(rows.map((r) => [r.id, toStored(r)]));
}

// The ratings' keys with each one's score and comment.
const RATED = keyJoin(1, [
  ['score', 'smallint'],
  ['comment', 'text'],
]);

/** Records several first ratings in one statement, each touchpoint by its whole key as found (keyJoin). */
export async function setSatisfactions(
  sql: Sql,
  ratings: readonly { id: string; occurredAt: number; unitId: string; score: number; comment: string | null }[],
): Promise<void> {
  if (ratings.length === 0) return;
  await sql.query(
    `UPDATE touchpoint t SET satisfaction_score = k.score, satisfaction_comment = k.comment, rated_at = now()
       FROM ${RATED.keys} WHERE ${RATED.match('t')}`,
    [...keyParams(ratings.map((r) => [r.id, r] as const)), numberArray(ratings.map((r) => r.score)), textArray(ratings.map((r) => r.comment))],
  );
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
  const rows = await sql.query<StoredRow>(
    `${SELECT_STORED} WHERE unit_id = ANY($1::text[]) AND occurred_at >= $2 AND occurred_at < $3 ${cursor}
      ORDER BY occurred_at DESC, id DESC LIMIT $4`,
    params,
  );
  return rows.map(toStored);
}

/**
 * A page of one customer's touchpoints in these units (null: every unit),
 * newest first — the page's keys from customer_touchpoint, whatever the table's
 * size, then the page's rows from the page's days of `touchpoint`.
 */
export async function pageCustomerTouchpoints(
  sql: Sql,
  customerId: string,
  unitIds: readonly string[] | null,
  limit: number,
  after: PageCursor | null,
): Promise<StoredTouchpoint[]> {
  const params: unknown[] = [customerId, limit, textArray(NEED_CATEGORIES)];
  const where = [`customer_id = $1`, `need_category = n.need`];
  if (unitIds) {
    params.push(textArray(unitIds));
    where.push(`unit_id = ANY($${params.length}::text[])`);
  }
  if (after) {
    params.push(new Date(after.occurredAt).toISOString(), after.id);
    where.push(`(occurred_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  // The page's keys from the customer's own rows, then only those rows: the constant times prune `touchpoint`
  // to the page's days instead of planning every partition. The lens is keyed (customer, need, time, id): the
  // newest `limit` of each need of the vocabulary (one index range each, read newest first; ingest accepts no other
  // need), merged — not every row the customer has.
  const keys = await sql.query<{ at: string; id: string }>(
    `SELECT k.occurred_at::text AS at, k.id::text AS id FROM unnest($3::text[]) AS n(need)
       CROSS JOIN LATERAL (SELECT occurred_at, id FROM customer_touchpoint WHERE ${where.join(' AND ')} ORDER BY occurred_at DESC, id DESC LIMIT $2) k
      ORDER BY k.occurred_at DESC, k.id DESC LIMIT $2`,
    params,
  );
  if (keys.length === 0) return [];
  const rows = await sql.query<StoredRow>(`${SELECT_STORED} WHERE occurred_at = ANY($1::timestamptz[]) AND id = ANY($2::uuid[]) AND customer_id = $3 ORDER BY occurred_at DESC, id DESC`, [
    textArray([...new Set(keys.map((k) => k.at))]),
    textArray(keys.map((k) => k.id)),
    customerId,
  ]);
  return rows.map(toStored);
}

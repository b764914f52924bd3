import { TIMELINESS_LIMIT_MS, UNKNOWN_SLICE, type CheckedFilter, type CounterKey, type SliceFilterField } from '@qihe/domain';
import type { Sql } from './database';
import { textArray } from './pg-array';
import { STORED_COLUMNS, toStored, type PageCursor, type StoredRow, type StoredTouchpoint } from './touchpoint.repository';

// The drill-down (MANAGEMENT-MODEL.md §3) over the raw rows: a filter as SQL
// on `touchpoint t`. Each counter's predicate selects exactly the touchpoints
// that counter counts (libs/domain/src/counters.ts, and a tracked promise by
// its level-1 node as commitment-writes.ts counts it), so NUMERATOR and
// DENOMINATOR pages hold the touchpoints behind a measure's two numbers.

const LEVEL1 = `SELECT 1 FROM commitment_node n WHERE n.touchpoint_id = t.id AND n.level = 1`;
const msOf = (col: string): string => `floor(extract(epoch FROM ${col}) * 1000)`;

/** The touchpoints each counter counts. ratingPoints is a sum: its rows are the rated 4..5 (§3, csat). */
export const COUNTED_BY: Record<CounterKey, string> = {
  touchpoints: 'true',
  served: 't.served',
  rated: 't.satisfaction_score IS NOT NULL',
  ratingPoints: 't.satisfaction_score >= 4',
  servedRated: 't.served AND t.satisfaction_score IS NOT NULL',
  winWin: 't.served AND t.resolved AND t.satisfaction_score >= 4',
  growth: `t.need_category IN ('PURCHASE', 'RENEWAL')`,
  resolved: 't.served AND t.resolved',
  // A tracked promise counts once its level-1 node is MET or BREACHED; an untracked one as reported.
  commitmentPresent: `t.served AND t.commitment_code IS NOT NULL AND (NOT EXISTS (${LEVEL1}) OR EXISTS (${LEVEL1} AND n.resolved IS NOT NULL))`,
  commitmentMet: `t.served AND t.commitment_code IS NOT NULL AND CASE WHEN EXISTS (${LEVEL1}) THEN EXISTS (${LEVEL1} AND n.resolved = 'MET') ELSE t.commitment_met END`,
  handoff: 't.served AND t.handoff_unit_id IS NOT NULL',
  handoffResolved: 't.served AND t.handoff_unit_id IS NOT NULL AND t.resolved',
  knowledgeUsed: `t.served AND jsonb_array_length(coalesce(t.knowledge_refs, '[]'::jsonb)) > 0`,
  firstContactResolved: 't.served AND t.resolved AND t.first_contact',
  knowledgeCreated: 't.served AND t.knowledge_created',
  linked: '(t.contract_id IS NOT NULL OR t.product_id IS NOT NULL)',
  // In whole milliseconds, as ingest and the recount compare them.
  timely: `${msOf('t.received_at')} - ${msOf('t.occurred_at')} <= ${TIMELINESS_LIMIT_MS}`,
  // Indicator and engagement-type counters (handleSeconds is a sum over the served).
  handleSeconds: 't.served',
  repeats: 't.repeat',
  selfService: `t.channel IN ('WEB', 'APP')`,
  complaints: `t.need_category = 'COMPLAINT'`,
  renewals: `t.need_category = 'RENEWAL'`,
  delighted: 't.satisfaction_score = 5',
  lowRated: 't.satisfaction_score <= 2',
  neutral: 't.satisfaction_score = 3',
};

/** Counters whose predicate is not what they add up (a sum): no count over rollups stands in for their rows. */
export const SUM_COUNTERS: ReadonlySet<CounterKey> = new Set<CounterKey>(['ratingPoints', 'handleSeconds']);

const SLICE_COLUMN: Record<SliceFilterField, { col: string; nullable: boolean }> = {
  channel: { col: 'channel', nullable: false },
  kind: { col: 'kind', nullable: false },
  stage: { col: 'stage', nullable: false },
  needCategory: { col: 'need_category', nullable: false },
  region: { col: 'region', nullable: true },
  industry: { col: 'industry', nullable: true },
  agentId: { col: 'agent_id', nullable: true },
  teamId: { col: 'team_id', nullable: true },
  productId: { col: 'product_id', nullable: true },
};

/** The WHERE conditions of a filter, its values appended to `params`. */
export function filterConditions(f: CheckedFilter, params: unknown[]): string[] {
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const out: string[] = [];
  for (const s of f.slices) {
    const { col, nullable } = SLICE_COLUMN[s.field];
    // The UNKNOWN slice of a breakdown holds the touchpoints without a value (and any that say "UNKNOWN").
    out.push(nullable && s.value === UNKNOWN_SLICE ? `(t.${col} IS NULL OR t.${col} = ${p(s.value)})` : `t.${col} = ${p(s.value)}`);
  }
  // One customer: the window's keys from the customer's own rows (customer_touchpoint, one range of its
  // key, kept equal to touchpoint by triggers), each row then found by its key — no index of `touchpoint`
  // by customer (migration 1765140000001). $1 and $2 are the window (whereOf).
  if (f.customerId !== null) {
    const c = p(f.customerId);
    out.push(`t.customer_id = ${c}`, `(t.id, t.occurred_at) IN (SELECT k.id, k.occurred_at FROM customer_touchpoint k WHERE k.customer_id = ${c} AND k.occurred_at >= $1 AND k.occurred_at < $2)`);
  }
  // Membership as settled at ingest (MANAGEMENT-MODEL.md §5), the same the PERCEPTION_POINT slice counts.
  if (f.perceptionPoint !== null) out.push(`t.perception_member = ${p(f.perceptionPoint)}`);
  if (f.resolved !== null) out.push(`t.served AND t.resolved = ${p(f.resolved)}`);
  if (f.maxSatisfaction !== null) out.push(`t.satisfaction_score <= ${p(f.maxSatisfaction)}`);
  if (f.part) {
    out.push(`(${COUNTED_BY[f.part.include]})`);
    if (f.part.exclude) out.push(`NOT coalesce((${COUNTED_BY[f.part.exclude]}), false)`);
  }
  return out;
}

/**
 * Which touchpoints a drill-down may read, by unit: the subtree under `unitId`
 * (`everything` when that subtree is the whole organisation), or a list of
 * units. The subtree is a semi-join on org_unit_subtree, never a literal list:
 * PostgreSQL estimates a list element by element in every partition it plans
 * (a 10,021-unit group planned for 0.1–1.6 s to execute in 1 ms).
 */
export type DrillScope = { unitId: string; everything: boolean } | { unitIds: readonly string[] };

/**
 * The scope of `unitId`'s subtree, read in the caller's snapshot: `everything`
 * when it is the only root, so every unit lies below it (seeds refuse cycles)
 * and so does every touchpoint (ingest refuses unknown units) — the drill then
 * needs no unit condition at all. Any other root (another group) keeps the semi-join.
 */
export async function subtreeScope(sql: Sql, unitId: string): Promise<DrillScope> {
  const [row] = await sql.query<{ only: boolean | null }>(`SELECT bool_and(id = $1) AS only FROM org_unit WHERE parent_id IS NULL`, [unitId]);
  return { unitId, everything: row?.only === true };
}

/** The scope's condition on `t`, its values appended to `params`; null when it reads every unit. */
function scopeCondition(scope: DrillScope, params: unknown[]): string | null {
  if ('unitIds' in scope) {
    params.push(textArray(scope.unitIds));
    return `t.unit_id = ANY($${params.length}::text[])`;
  }
  if (scope.everything) return null;
  params.push(scope.unitId);
  return `t.unit_id IN (SELECT s.unit_id FROM org_unit_subtree s WHERE s.ancestor_id = $${params.length})`;
}

/** The window and scope conditions, then the filter's: $1 from, $2 to. */
function whereOf(scope: DrillScope, from: number, to: number, f: CheckedFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [new Date(from).toISOString(), new Date(to).toISOString()];
  const inScope = scopeCondition(scope, params);
  const conds = ['t.occurred_at >= $1', 't.occurred_at < $2', ...(inScope ? [inScope] : []), ...filterConditions(f, params)];
  return { where: conds.join(' AND '), params };
}

/** A page of the filtered touchpoints in scope in [from, to), newest first (occurredAt desc, then id desc). */
export async function pageFilteredTouchpoints(
  sql: Sql,
  scope: DrillScope,
  from: number,
  to: number,
  filter: CheckedFilter,
  limit: number,
  after: PageCursor | null,
): Promise<StoredTouchpoint[]> {
  const { where, params } = whereOf(scope, from, to, filter);
  let cursor = '';
  if (after) {
    params.push(new Date(after.occurredAt).toISOString(), after.id);
    cursor = ` AND (t.occurred_at, t.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  params.push(limit);
  const rows = await sql.query<StoredRow>(
    `SELECT ${STORED_COLUMNS} FROM touchpoint t WHERE ${where}${cursor} ORDER BY t.occurred_at DESC, t.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toStored);
}

/** How many touchpoints in scope in [from, to) the filter selects, counted from the rows. */
export async function countFilteredTouchpoints(sql: Sql, scope: DrillScope, from: number, to: number, filter: CheckedFilter): Promise<number> {
  const { where, params } = whereOf(scope, from, to, filter);
  const [row] = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM touchpoint t WHERE ${where}`, params);
  return Number(row.n);
}

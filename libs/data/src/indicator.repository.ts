import type { PerceptionPointDefinition, RecoveryCounts, StoredTarget, NeedCategory } from '@qihe/domain';
import type { Sql } from './database';
import { textArray } from './pg-array';

// Targets, the perception-point catalogue and the follow-up recovery counts
// behind the indicators (MANAGEMENT-MODEL.md §4, §5).

interface TargetRow {
  unitId: string;
  key: string;
  target: number | string;
  amberBand: number | string | null;
}
const toTarget = (r: TargetRow): StoredTarget => ({ unitId: r.unitId, key: r.key, target: Number(r.target), amberBand: r.amberBand === null ? null : Number(r.amberBand) });

/** The targets set on any of `unitIds` (a lineage). */
export async function targetsOf(sql: Sql, unitIds: readonly string[]): Promise<StoredTarget[]> {
  const rows = await sql.query<TargetRow>(
    `SELECT unit_id AS "unitId", key, target, amber_band AS "amberBand" FROM indicator_target WHERE unit_id = ANY($1::text[])`,
    [textArray([...unitIds])],
  );
  return rows.map(toTarget);
}

/** Sets one target; returns what was set before (null when nothing was). */
export async function upsertTarget(sql: Sql, t: StoredTarget, by: string): Promise<StoredTarget | null> {
  const before = await sql.query<TargetRow>(
    `SELECT unit_id AS "unitId", key, target, amber_band AS "amberBand" FROM indicator_target WHERE unit_id = $1 AND key = $2 FOR UPDATE`,
    [t.unitId, t.key],
  );
  await sql.query(
    `INSERT INTO indicator_target (unit_id, key, target, amber_band, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (unit_id, key) DO UPDATE SET target = EXCLUDED.target, amber_band = EXCLUDED.amber_band, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [t.unitId, t.key, t.target, t.amberBand, by],
  );
  return before.length ? toTarget(before[0]) : null;
}

/**
 * Follow-ups of the subtree under `unitId` created in each window [from, to):
 * recovered, and answered at all (recovered ≠ null) — every window in one
 * statement (indicators: the window and the one before it). The subtree is a
 * semi-join, not a list of its units: a group's 10,000-element list cost more
 * to plan than the count.
 */
export async function recoveryCounts(sql: Sql, unitId: string, windows: readonly (readonly [number, number])[]): Promise<RecoveryCounts[]> {
  const params: unknown[] = [unitId];
  const p = (ms: number): string => {
    params.push(new Date(ms).toISOString());
    return `$${params.length}::timestamptz`;
  };
  const cols = windows.map(([from, to], i) => {
    const inWindow = `created_at >= ${p(from)} AND created_at < ${p(to)}`;
    return `count(*) FILTER (WHERE ${inWindow} AND recovered_score >= 4)::int AS r${i}, count(recovered_score) FILTER (WHERE ${inWindow})::int AS a${i}`;
  });
  const span = `created_at >= ${p(Math.min(...windows.map((w) => w[0])))} AND created_at < ${p(Math.max(...windows.map((w) => w[1])))}`;
  const [row] = await sql.query<Record<string, number>>(
    `SELECT ${cols.join(', ')} FROM follow_up WHERE unit_id IN (SELECT s.unit_id FROM org_unit_subtree s WHERE s.ancestor_id = $1) AND ${span}`,
    params,
  );
  return windows.map((_, i) => ({ recovered: Number(row?.[`r${i}`] ?? 0), answered: Number(row?.[`a${i}`] ?? 0) }));
}

interface PointRow {
  code: string;
  name: string;
  nameZh: string | null;
  needCategories: string[] | string;
  target: number | string;
}

/** The catalogue in its order. */
export async function loadPerceptionPoints(sql: Sql): Promise<PerceptionPointDefinition[]> {
  const rows = await sql.query<PointRow>(
    `SELECT code, name, name_zh AS "nameZh", need_categories AS "needCategories", target FROM perception_point ORDER BY position, code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameZh: r.nameZh,
    // PGlite may hand arrays back as their text form.
    needCategories: (Array.isArray(r.needCategories) ? r.needCategories : r.needCategories.replace(/^\{|\}$/g, '').split(',').filter(Boolean)) as NeedCategory[],
    target: Number(r.target),
  }));
}

/**
 * Creates or updates the file's points in the file's order (positions 0..n−1);
 * stored points the file does not name keep their place after them.
 */
export async function upsertPerceptionPoints(sql: Sql, points: readonly PerceptionPointDefinition[]): Promise<void> {
  if (points.length === 0) return;
  await sql.query(
    `UPDATE perception_point p SET position = $1 + o.rn FROM (
       SELECT code, row_number() OVER (ORDER BY position, code)::int AS rn FROM perception_point WHERE NOT (code = ANY($2::text[]))) o
      WHERE p.code = o.code`,
    [points.length, textArray(points.map((p) => p.code))],
  );
  for (const [i, p] of points.entries()) {
    await sql.query(
      `INSERT INTO perception_point (code, name, name_zh, need_categories, target, position) VALUES ($1, $2, $3, $4::text[], $5, $6)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_zh = EXCLUDED.name_zh, need_categories = EXCLUDED.need_categories,
         target = EXCLUDED.target, position = EXCLUDED.position, updated_at = now()`,
      [p.code, p.name, p.nameZh, textArray(p.needCategories), p.target, i],
    );
  }
}

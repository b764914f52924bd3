import type { Sql } from '@qihe/data';
import type { NeedCategory, PerceptionPointDefinition } from '@qihe/domain';
import { markCopied } from './commitments.repository';

// The site's copy of the gateway's perception-point catalogue, in the catalogue's order.

export async function loadPerceptionPoints(sql: Sql): Promise<PerceptionPointDefinition[]> {
  const rows = await sql.query<{ code: string; name: string; name_zh: string | null; need_categories: string[]; target: number }>(
    `SELECT code, name, name_zh, need_categories, target FROM site_perception_point ORDER BY ord`,
  );
  return rows.map((r) => ({ code: r.code, name: r.name, nameZh: r.name_zh ?? null, needCategories: r.need_categories as NeedCategory[], target: Number(r.target) }));
}

/** Replaces the copy with the gateway's catalogue (in the caller's transaction). */
export async function replacePerceptionPoints(sql: Sql, points: readonly PerceptionPointDefinition[]): Promise<void> {
  await sql.query(`DELETE FROM site_perception_point`);
  if (points.length > 0) {
    await sql.query(
      `INSERT INTO site_perception_point (code, ord, name, name_zh, need_categories, target)
       SELECT code, ord, name, name_zh, ARRAY(SELECT jsonb_array_elements_text(needs)), target
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, ord int, name text, name_zh text, needs jsonb, target float8)`,
      [JSON.stringify(points.map((p, ord) => ({ code: p.code, ord, name: p.name, name_zh: p.nameZh, needs: p.needCategories, target: p.target })))],
    );
  }
  await markCopied(sql, 'PERCEPTION_POINTS');
}

import { countTouchpoint, sliceValuesOf, type NeedCategory } from '@qihe/domain';
import type { Sql } from './database';
import { addToRollups, applyRollupDeltas, MINUTE_HORIZON_MS, RollupDeltas } from './rollup.repository';

interface RawRow {
  id: string;
  unit_id: string;
  occurred_at: string | Date;
  received_at: string | Date;
  channel: string;
  kind: string;
  stage: string;
  region: string | null;
  industry: string | null;
  need_category: string;
  served: boolean;
  resolved: boolean | null;
  first_contact: boolean | null;
  refs: number | string | null;
  knowledge_created: boolean | null;
  handoff_unit_id: string | null;
  commitment_code: string | null;
  commitment_met: boolean | null;
  satisfaction_score: number | null;
  linked: boolean;
}

/**
 * Recounts every rollup from the raw touchpoints with the same counting code
 * as ingestion: after the org tree is re-shaped, after a bulk load, or to check
 * that the stored counters are exact. Run it inside one transaction.
 */
export async function rebuildRollups(
  sql: Sql,
  lineageOf: (unitId: string) => readonly string[],
  opts: { pageSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const pageSize = opts.pageSize ?? 20_000;
  await sql.query(`DELETE FROM rollup_hour`);
  await sql.query(`DELETE FROM rollup_minute`);
  const minutesSince = Date.now() - MINUTE_HORIZON_MS;
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const rows: RawRow[] = await sql.query<RawRow>(
      `SELECT id, unit_id, occurred_at, received_at, channel, kind, stage, region, industry, need_category, served,
              resolved, first_contact, jsonb_array_length(coalesce(knowledge_refs, '[]'::jsonb)) AS refs, knowledge_created,
              handoff_unit_id, commitment_code, commitment_met, satisfaction_score,
              (contract_id IS NOT NULL OR product_id IS NOT NULL) AS linked
         FROM touchpoint WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) break;
    const deltas = new RollupDeltas();
    for (const r of rows) {
      const occurredAt = new Date(r.occurred_at).getTime();
      const counters = countTouchpoint({
        needCategory: r.need_category as NeedCategory,
        service: r.served
          ? {
              resolved: r.resolved === true,
              firstContact: r.first_contact === true,
              knowledgeRefs: Number(r.refs ?? 0),
              knowledgeCreated: r.knowledge_created === true,
              handoff: r.handoff_unit_id !== null,
              commitmentMet: r.commitment_code === null ? null : r.commitment_met === true,
            }
          : null,
        score: r.satisfaction_score === null ? null : Number(r.satisfaction_score),
        linked: r.linked,
        occurredAt,
        receivedAt: new Date(r.received_at).getTime(),
      });
      addToRollups(deltas, lineageOf(r.unit_id), occurredAt, sliceValuesOf({ ...r, needCategory: r.need_category }), counters, minutesSince);
    }
    await applyRollupDeltas(sql, deltas);
    done += rows.length;
    opts.onProgress?.(done);
    after = rows[rows.length - 1].id;
  }
  return done;
}

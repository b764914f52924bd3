import type { MigrationInterface, QueryRunner } from 'typeorm';

// Counters of the indicators and the four engagement types (MANAGEMENT-MODEL.md
// §4, §6), the repeat-contact flag and its index, and a touchpoint's perception
// point (§5). Frozen copies of what stands at this migration follow. The
// PERCEPTION_POINT slice is a new dimension: the gateway recounts the rollups
// at boot for it (rollup-layout.ts).
const NEW_COUNTERS: [column: string, perTouchpoint: string][] = [
  ['handle_seconds', `CASE WHEN served THEN coalesce(handle_seconds, 0) ELSE 0 END`],
  ['repeats', `CASE WHEN repeat THEN 1 ELSE 0 END`],
  ['self_service', `CASE WHEN channel IN ('WEB', 'APP') THEN 1 ELSE 0 END`],
  ['complaints', `CASE WHEN need_category = 'COMPLAINT' THEN 1 ELSE 0 END`],
  ['renewals', `CASE WHEN need_category = 'RENEWAL' THEN 1 ELSE 0 END`],
  ['delighted', `CASE WHEN satisfaction_score = 5 THEN 1 ELSE 0 END`],
  ['low_rated', `CASE WHEN satisfaction_score <= 2 THEN 1 ELSE 0 END`],
];
// dim codes of rollup_hour at this migration: 0 whole, then CHANNEL, KIND, STAGE, REGION, INDUSTRY, NEED_CATEGORY, AGENT, TEAM, PRODUCT.
const DIM_VALUES = `(0, ''), (1, c.channel), (2, c.kind), (3, c.stage), (4, c.region), (5, c.industry), (6, c.need_category),
  (7, c.agent_id), (8, c.team_id), (9, c.product_id)`;
const TABLES = ['rollup_hour', 'rollup_day', 'rollup_minute'];
const cols = NEW_COUNTERS.map(([c]) => c);
const sums = (prefix: string): string => cols.map((c) => `sum(${prefix}${c})::bigint AS ${c}`).join(', ');
// Per-touchpoint values are named n_<column>: touchpoint has a handle_seconds column of its own.
const set = cols.map((c) => `${c} = x.${c}`).join(', ');
const ANCESTORS = `anc(unit_id, anc_id) AS (
    SELECT id, id FROM org_unit
    UNION ALL SELECT a.unit_id, o.parent_id FROM anc a JOIN org_unit o ON o.id = a.anc_id WHERE o.parent_id IS NOT NULL)`;

export class IndicatorCounters1764600000000 implements MigrationInterface {
  name = 'IndicatorCounters1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE touchpoint ADD COLUMN repeat boolean NOT NULL DEFAULT false,
      ADD COLUMN perception_point text, ADD COLUMN perception_member text`);
    // The repeat rule's probe: a customer's touchpoints of one need in time order (one index descent per neighbour).
    await q.query(`CREATE INDEX touchpoint_customer_need_time_idx ON touchpoint (customer_id, need_category, occurred_at, id)`);
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} ${cols.map((c) => `ADD COLUMN ${c} bigint NOT NULL DEFAULT 0`).join(', ')}`);
    // Writers wait until commit, so nothing is counted that the backfill misses or counts again.
    await q.query(`LOCK TABLE touchpoint, rollup_hour, rollup_day, rollup_minute IN SHARE MODE`);
    // The exact 7-day rule over what is stored (equal times: the greater id is the repeat).
    await q.query(`UPDATE touchpoint t SET repeat = true WHERE EXISTS (
      SELECT 1 FROM touchpoint u WHERE u.customer_id = t.customer_id AND u.need_category = t.need_category
        AND u.occurred_at >= t.occurred_at - interval '7 days' AND (u.occurred_at, u.id) < (t.occurred_at, t.id))`);
    // Stored touchpoints' new counters into the rows they already count in.
    const perTouchpoint = NEW_COUNTERS.map(([c, e]) => `${e} AS n_${c}`).join(', ');
    await q.query(`WITH RECURSIVE ${ANCESTORS},
      c AS (SELECT unit_id, date_trunc('hour', occurred_at, 'UTC') AS hour, channel, kind, stage, coalesce(region, 'UNKNOWN') AS region,
                   coalesce(industry, 'UNKNOWN') AS industry, need_category, coalesce(agent_id, 'UNKNOWN') AS agent_id,
                   coalesce(team_id, 'UNKNOWN') AS team_id, coalesce(product_id, 'UNKNOWN') AS product_id, ${sums('n_')}
              FROM (SELECT *, ${perTouchpoint} FROM touchpoint) t0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
      x AS (SELECT a.anc_id AS unit_id, c.hour, d.dim, d.val, ${sums('c.')}
              FROM c JOIN anc a ON a.unit_id = c.unit_id CROSS JOIN LATERAL (VALUES ${DIM_VALUES}) AS d(dim, val)
             GROUP BY 1, 2, 3, 4)
      UPDATE rollup_hour r SET ${set} FROM x WHERE r.unit_id = x.unit_id AND r.dim = x.dim AND r.hour = x.hour AND r.val = x.val`);
    await q.query(`UPDATE rollup_day r SET ${set}
      FROM (SELECT unit_id, date_trunc('day', hour, 'UTC') AS day, ${sums('')} FROM rollup_hour WHERE dim = 0 GROUP BY 1, 2) x
     WHERE r.unit_id = x.unit_id AND r.day = x.day`);
    await q.query(`WITH RECURSIVE ${ANCESTORS},
      x AS (SELECT a.anc_id AS unit_id, date_trunc('minute', t.occurred_at, 'UTC') AS minute, ${sums('t.n_')}
              FROM (SELECT *, ${perTouchpoint} FROM touchpoint WHERE occurred_at >= (SELECT min(minute) FROM rollup_minute)) t
              JOIN anc a ON a.unit_id = t.unit_id GROUP BY 1, 2)
      UPDATE rollup_minute r SET ${set} FROM x WHERE r.unit_id = x.unit_id AND r.minute = x.minute`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.query(`ALTER TABLE ${t} ${cols.map((c) => `DROP COLUMN ${c}`).join(', ')}`);
    await q.query(`DROP INDEX touchpoint_customer_need_time_idx`);
    await q.query(`ALTER TABLE touchpoint DROP COLUMN repeat, DROP COLUMN perception_point, DROP COLUMN perception_member`);
  }
}

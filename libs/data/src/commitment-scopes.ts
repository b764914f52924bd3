// commitment_stat_scope: the per-unit counters of commitment_stat_hour added
// into every ancestor of the touchpoint's unit (owned: false) and of the owner
// unit (owned: true), like the rollups of touchpoints. Ancestors come from
// org_unit itself (a recursive walk up parent_id), so writers need no tree.

const ANCESTORS = `anc(unit_id, ancestor) AS (
    SELECT id, id FROM org_unit WHERE id IN (SELECT unit_id FROM d UNION SELECT owner_unit_id FROM d)
    UNION ALL
    SELECT a.unit_id, o.parent_id FROM anc a JOIN org_unit o ON o.id = a.ancestor WHERE o.parent_id IS NOT NULL)`;

const SPREAD = `SELECT a.ancestor AS scope_unit_id, false AS owned, d.code, d.hour, d.started, d.met, d.breached, d.at_risk, d.caused FROM d JOIN anc a ON a.unit_id = d.unit_id
    UNION ALL
    SELECT a.ancestor, true, d.code, d.hour, d.started, d.met, d.breached, d.at_risk, d.caused FROM d JOIN anc a ON a.unit_id = d.owner_unit_id`;

/** Adds per-unit deltas ($1..$9 as unnest arrays of applyStatDeltas) to the scope rows, in key order. */
export const SCOPE_DELTAS_SQL = `WITH RECURSIVE d AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[])
      AS d(unit_id, owner_unit_id, code, hour, started, met, breached, at_risk, caused)),
  ${ANCESTORS},
  x AS (${SPREAD})
  INSERT INTO commitment_stat_scope AS t (scope_unit_id, owned, code, hour, started, met, breached, at_risk, caused)
  SELECT scope_unit_id, owned, code, hour, sum(started), sum(met), sum(breached), sum(at_risk), sum(caused) FROM x
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (scope_unit_id, owned, code, hour) DO UPDATE SET started = t.started + EXCLUDED.started, met = t.met + EXCLUDED.met,
    breached = t.breached + EXCLUDED.breached, at_risk = t.at_risk + EXCLUDED.at_risk, caused = t.caused + EXCLUDED.caused`;

/** Recounts every scope row from commitment_stat_hour (the migration's fill; again after the tree is re-shaped). */
export const SCOPE_BACKFILL_SQL = `WITH RECURSIVE d AS (SELECT unit_id, owner_unit_id, code, hour, started, met, breached, at_risk, caused FROM commitment_stat_hour),
  ${ANCESTORS},
  x AS (${SPREAD})
  INSERT INTO commitment_stat_scope (scope_unit_id, owned, code, hour, started, met, breached, at_risk, caused)
  SELECT scope_unit_id, owned, code, hour, sum(started), sum(met), sum(breached), sum(at_risk), sum(caused) FROM x GROUP BY 1, 2, 3, 4`;

import type { Sql } from './database';

/**
 * How each table of the gateway's schema would be placed on a Citus cluster
 * (docs/SCALE.md): distributed by a column (the org unit, co-located with
 * every other table distributed by a unit id), replicated whole to every node
 * (reference), or kept on the coordinator only (local). A test reads the
 * migrated schema from pg_catalog and holds it to this plan: every table is
 * placed, every unique key of a distributed table contains its distribution
 * column, every foreign key is one Citus accepts.
 */
export type Placement = { distributedBy: string; colocateWith?: string } | 'reference' | 'local';

export const DISTRIBUTION_PLAN: Readonly<Record<string, Placement>> = {
  // Org, identity and catalogues: small, read on every path, joined with everything.
  org_unit: 'reference',
  org_unit_subtree: 'reference', // kept from org_unit by a trigger: the drill-down's subtree as a semi-join
  app_user: 'reference',
  site: 'reference',
  commitment_definition: 'reference',
  perception_point: 'reference',
  indicator_target: 'reference', // read along a unit's lineage (ancestors' targets apply), a few rows per unit
  rollup_layout: 'reference',
  risk_model: 'reference',
  risk_pass: 'reference',
  // Retention's state: which days are settled, and where the dropped days end (read by breakdowns).
  own_day_settled: 'reference',
  raw_retention: 'reference',
  // The unit lens: raw touchpoints and every counter, co-located by unit.
  touchpoint: { distributedBy: 'unit_id' },
  rollup_minute: { distributedBy: 'unit_id' },
  rollup_hour: { distributedBy: 'unit_id' },
  rollup_day: { distributedBy: 'unit_id' },
  rollup_day_slice: { distributedBy: 'unit_id' },
  rollup_own_day: { distributedBy: 'unit_id' },
  // Every touchpoint id once (idempotency, look-ups by id): by id, a router query to one shard, which names the touchpoint's unit.
  touchpoint_key: { distributedBy: 'id', colocateWith: 'none' },
  customer_unit: { distributedBy: 'unit_id' },
  // Commitments and follow-ups belong to the unit of the touchpoint behind them.
  commitment_node: { distributedBy: 'unit_id' },
  commitment_event: { distributedBy: 'unit_id' },
  commitment_stat_hour: { distributedBy: 'unit_id' },
  commitment_stat_scope: { distributedBy: 'scope_unit_id' }, // a unit id too: co-located with the rollups
  follow_up: { distributedBy: 'unit_id' },
  // A customer's risk spans units: its own distribution, not co-located (read by customer or by a unit's top list).
  customer_risk: { distributedBy: 'customer_id', colocateWith: 'none' },
  // One customer's touchpoint facts (kept by triggers on touchpoint): read by customer, like customer_risk.
  customer_touchpoint: { distributedBy: 'customer_id', colocateWith: 'customer_risk' },
  // Coordinator-only: the append-only audit trail, the feed's outbox and its send queue, the risk pass's queue of touched customers, TypeORM's bookkeeping.
  audit_log: 'local',
  feed_outbox: 'local',
  feed_unsent: 'local',
  customer_touched: 'local',
  migrations: 'local',
};

/**
 * Unique keys of distributed tables that do not yet contain the distribution
 * column, each with the change that closes it (docs/SCALE.md, "Keys still to
 * move"). The test fails when a key outside this list breaks the rule, and
 * when a listed key is gone (then delete its entry).
 */
export const KNOWN_KEY_GAPS: Readonly<Record<string, string>> = {
  'commitment_node.commitment_node_pkey': 'ids are the gateway\u2019s own UUIDs: the key becomes (unit_id, id)',
  'commitment_node.commitment_node_touchpoint_id_code_key': 'a touchpoint has one unit: the key becomes (unit_id, touchpoint_id, code)',
  'commitment_event.commitment_event_pkey': 'the sender\u2019s idempotency key, global like a touchpoint id: an event key table like touchpoint_key, or (unit_id, id) once events name their unit',
  'follow_up.follow_up_pkey': 'ids are the gateway\u2019s own UUIDs: the key becomes (unit_id, id)',
  'follow_up.follow_up_at_risk_open_uq': 'one open AT_RISK_CUSTOMER follow-up per customer across units: enforced in customer_risk (distributed by customer_id), which owns the follow-up',
};

/** What the plan is checked against: the schema's tables, unique keys and foreign keys, as pg_catalog tells them. */
export interface SchemaKeys {
  tables: string[];
  uniqueKeys: { table: string; name: string; columns: string[]; def: string }[];
  foreignKeys: { table: string; name: string; columns: string[]; parent: string; parentColumns: string[] }[];
  /** `table.column` of every NOT NULL column. */
  notNull: string[];
}

/** Reads the public schema's tables (partitions are placed with their parent), unique indexes (partial too) and foreign keys. */
export async function readSchemaKeys(sql: Sql): Promise<SchemaKeys> {
  const tables = await sql.query<{ t: string }>(
    `SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const uniqueKeys = await sql.query<SchemaKeys['uniqueKeys'][number]>(
    `SELECT c.relname AS "table", i.relname AS name, pg_get_indexdef(x.indexrelid) AS def,
            ARRAY(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(x.indkey[0:x.indnkeyatts - 1]) WITH ORDINALITY k(n, o)
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.n ORDER BY k.o) AS columns
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND x.indisunique AND NOT c.relispartition
      ORDER BY 1, 2`,
  );
  const foreignKeys = await sql.query<SchemaKeys['foreignKeys'][number]>(
    `SELECT c.relname AS "table", k.conname AS name, p.relname AS parent,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS "parentColumns"
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND k.contype = 'f' AND NOT c.relispartition AND k.conparentid = 0
      ORDER BY 1, 2`,
  );
  const notNull = await sql.query<{ tc: string }>(
    `SELECT c.relname || '.' || a.attname AS tc FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull`,
  );
  return { tables: tables.map((r) => r.t), uniqueKeys, foreignKeys, notNull: notNull.map((r) => r.tc) };
}

/**
 * Where the schema departs from the plan, one sentence each (none: Citus would
 * take it as planned): unplaced or vanished tables, a distribution column that
 * is missing or nullable, a unique key of a distributed table without its
 * distribution column (but the known gaps), a known gap that is closed, a
 * foreign key Citus refuses.
 */
export function distributionProblems(
  schema: SchemaKeys,
  plan: Readonly<Record<string, Placement>> = DISTRIBUTION_PLAN,
  gaps: Readonly<Record<string, string>> = KNOWN_KEY_GAPS,
): string[] {
  const problems: string[] = [];
  const column = (t: string): string | null => {
    const p = plan[t];
    return typeof p === 'object' ? p.distributedBy : null;
  };
  for (const t of schema.tables) if (!plan[t]) problems.push(`table ${t} is not placed in the distribution plan`);
  for (const t of Object.keys(plan)) if (!schema.tables.includes(t)) problems.push(`the plan places ${t}, which the schema does not have`);
  for (const t of schema.tables) {
    const col = column(t);
    if (col && !schema.notNull.includes(`${t}.${col}`)) problems.push(`${t} is distributed by ${col}, which is not a NOT NULL column of it`);
  }
  const breaking = new Set<string>();
  for (const k of schema.uniqueKeys) {
    const col = column(k.table);
    if (col === null || k.columns.includes(col)) continue;
    breaking.add(`${k.table}.${k.name}`);
    if (!gaps[`${k.table}.${k.name}`]) problems.push(`unique key ${k.name} of ${k.table} lacks its distribution column ${col}: ${k.def}`);
  }
  for (const g of Object.keys(gaps)) if (!breaking.has(g)) problems.push(`known gap ${g} is closed (or gone): delete it from KNOWN_KEY_GAPS and docs/SCALE.md`);
  for (const fk of schema.foreignKeys) {
    const child = plan[fk.table];
    const parent = plan[fk.parent];
    if (!child || !parent || parent === 'reference') continue; // anything may point at a reference table
    const ok =
      (child === 'local' && parent === 'local') ||
      (typeof child === 'object' &&
        typeof parent === 'object' &&
        child.colocateWith === undefined &&
        parent.colocateWith === undefined &&
        fk.parentColumns[fk.columns.indexOf(child.distributedBy)] === parent.distributedBy);
    if (!ok) problems.push(`foreign key ${fk.name} of ${fk.table} → ${fk.parent} is one Citus refuses (a reference or local table pointing elsewhere, or distributed tables not joined on their distribution columns)`);
  }
  return problems;
}

/** The statements that would place the tables on a Citus cluster, in an order Citus accepts (reference tables first). */
export function citusStatements(plan: Readonly<Record<string, Placement>> = DISTRIBUTION_PLAN): string[] {
  const out: string[] = [];
  for (const [table, p] of Object.entries(plan)) if (p === 'reference') out.push(`SELECT create_reference_table('${table}');`);
  let anchor: string | null = null;
  for (const [table, p] of Object.entries(plan)) {
    if (typeof p !== 'object') continue;
    const colocate = p.colocateWith ?? anchor ?? 'default';
    out.push(`SELECT create_distributed_table('${table}', '${p.distributedBy}', colocate_with => '${colocate}');`);
    if (!p.colocateWith && !anchor) anchor = table;
  }
  return out;
}

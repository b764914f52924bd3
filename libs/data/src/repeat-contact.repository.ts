import { settleRepeats, type RepeatKey, type RepeatProbe, type SliceFields } from '@qihe/domain';
import type { Sql } from './database';
import { textArray } from './pg-array';

// The repeat rule at ingest (libs/domain repeat-contacts.ts says why two
// neighbours are enough). Run inside the ingest transaction after the new
// touchpoints are inserted: lock their (customer, need) keys, probe each one's
// neighbours, mark the repeats. The lock (a transaction advisory lock per key,
// taken in key order) makes concurrent transactions — other replicas — see each
// other's touchpoints of one customer and need in turn, so none is missed.

/** A stored touchpoint that a new one turns into a repeat: where its counters live. */
export interface TurnedRepeat extends SliceFields {
  id: string;
  repeat: boolean;
  unitId: string;
  occurredAt: number;
}

interface ProbeRow {
  i: number;
  has_previous: boolean;
  next_id: string | null;
  next_repeat: boolean | null;
  next_unit: string | null;
  next_ms: number | string | null;
  channel: string;
  kind: string;
  stage: string;
  region: string | null;
  industry: string | null;
  need_category: string;
  agent_id: string | null;
  team_id: string | null;
  product_id: string | null;
  perception_member: string | null;
}

const LOCK_SQL = `SELECT count(pg_advisory_xact_lock(h))::int AS n FROM (
  SELECT DISTINCT hashtextextended(c || chr(31) || n, 0) AS h FROM unnest($1::text[], $2::text[]) AS u(c, n) ORDER BY 1) k`;

// Per touchpoint: is there one before it within 7 days, and its first successor within 7 days.
const PROBE_SQL = `SELECT u.i::int AS i,
    EXISTS (SELECT 1 FROM touchpoint p WHERE p.customer_id = u.c AND p.need_category = u.n
             AND p.occurred_at >= u.o - interval '7 days' AND (p.occurred_at, p.id) < (u.o, u.id)) AS has_previous,
    s.id AS next_id, s.repeat AS next_repeat, s.unit_id AS next_unit, floor(extract(epoch FROM s.occurred_at) * 1000)::float8 AS next_ms,
    s.channel, s.kind, s.stage, s.region, s.industry, s.need_category, s.agent_id, s.team_id, s.product_id, s.perception_member
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS u(id, c, n, o, i)
  LEFT JOIN LATERAL (
    SELECT id, repeat, unit_id, occurred_at, channel, kind, stage, region, industry, need_category, agent_id, team_id, product_id, perception_member FROM touchpoint s
     WHERE s.customer_id = u.c AND s.need_category = u.n AND (s.occurred_at, s.id) > (u.o, u.id) AND s.occurred_at <= u.o + interval '7 days'
     ORDER BY s.occurred_at, s.id LIMIT 1) s ON true`;

/**
 * Settles the repeat rule for touchpoints just inserted in this transaction:
 * returns which of them are repeats (their counters are still to be made) and
 * the earlier-stored touchpoints that turned into repeats now — marked here,
 * each exactly once; the caller moves their counters.
 */
export async function settleRepeatContacts(sql: Sql, fresh: readonly RepeatKey[]): Promise<{ repeats: Set<string>; turned: TurnedRepeat[] }> {
  if (fresh.length === 0) return { repeats: new Set(), turned: [] };
  const customers = textArray(fresh.map((t) => t.customerId));
  const needs = textArray(fresh.map((t) => t.needCategory));
  await sql.query(LOCK_SQL, [customers, needs]);
  const rows = await sql.query<ProbeRow>(PROBE_SQL, [
    textArray(fresh.map((t) => t.id)),
    customers,
    needs,
    textArray(fresh.map((t) => new Date(t.occurredAt).toISOString())),
  ]);
  const probes: RepeatProbe<TurnedRepeat>[] = rows.map((r) => ({
    id: fresh[r.i - 1].id,
    hasPrevious: r.has_previous,
    next:
      r.next_id === null
        ? null
        : {
            id: r.next_id,
            repeat: r.next_repeat === true,
            unitId: r.next_unit as string,
            occurredAt: Number(r.next_ms),
            channel: r.channel,
            kind: r.kind,
            stage: r.stage,
            region: r.region,
            industry: r.industry,
            needCategory: r.need_category,
            agentId: r.agent_id,
            teamId: r.team_id,
            productId: r.product_id,
            perceptionMember: r.perception_member,
          },
  }));
  const { repeats, turned } = settleRepeats(new Set(fresh.map((t) => t.id)), probes);
  const ids = [...repeats, ...turned.map((t) => t.id)].sort();
  if (ids.length === 0) return { repeats, turned: [] };
  // NOT repeat: a touchpoint already turned (by a transaction that committed meanwhile) moves nothing again.
  // Their times name their partitions (a touchpoint's time never changes).
  const at = new Map<string, number>([...fresh.map((t) => [t.id, t.occurredAt] as const), ...turned.map((t) => [t.id, t.occurredAt] as const)]);
  const times = textArray([...new Set(ids.map((id) => new Date(at.get(id) as number).toISOString()))]);
  const marked = await sql.query<{ id: string }>(
    `UPDATE touchpoint SET repeat = true WHERE id = ANY($1::uuid[]) AND occurred_at = ANY($2::timestamptz[]) AND NOT repeat RETURNING id`,
    [textArray(ids), times],
  );
  const now = new Set(marked.map((r) => r.id));
  return { repeats, turned: turned.filter((t) => now.has(t.id)) };
}

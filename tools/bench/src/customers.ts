import { randomUUID } from 'node:crypto';
import type { Seed } from '@qihe/domain';
import { graphql } from './__generated__';
import { withClient } from './pg';
import { ingestPhase, type IngestSummary } from './phases';
import { gql } from './scores';
import { latency, median, round, type Latency } from './stats';
import { planBatches } from './workload';

// The customer lens (issue 14): what per-customer upkeep costs ingest, and how
// fast one customer's profile and timeline answer among millions of rows.

const DAY = 86_400_000;

/** A customer with this many touchpoints over the last year, across the organisation, is timed. */
export const PROFILED_TOUCHPOINTS = 1000;
export const PROFILED_CUSTOMER = 'bench-customer-1000';

export const PROFILE_QUERY = graphql(`
  query BenchCustomer($c: String!) {
    customer(customerId: $c) { customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }
      engagement { type score } risk { probability drivers { feature value contribution } } openCommitments { id } followUps { id } }
  }
`);
export const TIMELINE_QUERY = graphql(`
  query BenchCustomerTimeline($c: String!) {
    customerTimeline(customerId: $c, first: 50) { edges { node { id occurredAt unit { id } satisfaction { score } } } pageInfo { hasNextPage endCursor } }
  }
`);

// "Off" for the A/B rounds, in two parts (issue 14's budget, docs/PERFORMANCE.md "Issue 14's upkeep budget"):
// - customer_unit: every row's INSERT and UPDATE (the batch's upsert, the late ratings' touch) skipped by a
//   BEFORE trigger (the statements still run: a slight understatement of what the summary costs);
// - the copy: customer_touchpoint's statement triggers off. The repeat rule's probe reads customer_touchpoint,
//   so with the copy off this build's rule finds none of the round's earlier touchpoints: the fair "off" is a
//   build whose probe reads `touchpoint` (the design without the copy), run with this switch.
export const UNIT_OFF_SQL = [
  `CREATE OR REPLACE FUNCTION bench_skip_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
  `DROP TRIGGER IF EXISTS bench_customer_off ON customer_unit`,
  `CREATE TRIGGER bench_customer_off BEFORE INSERT OR UPDATE ON customer_unit FOR EACH ROW EXECUTE FUNCTION bench_skip_row()`,
  // The risk pass's queue of touched customers (migration 1765140000000; before it, customer_unit.touched_at).
  `DO $$ BEGIN IF to_regclass('customer_touched') IS NOT NULL THEN
     DROP TRIGGER IF EXISTS bench_customer_off ON customer_touched;
     CREATE TRIGGER bench_customer_off BEFORE INSERT ON customer_touched FOR EACH ROW EXECUTE FUNCTION bench_skip_row();
   END IF; END $$`,
];
export const UNIT_ON_SQL = [
  `DROP TRIGGER IF EXISTS bench_customer_off ON customer_unit`,
  `DO $$ BEGIN IF to_regclass('customer_touched') IS NOT NULL THEN DROP TRIGGER IF EXISTS bench_customer_off ON customer_touched; END IF; END $$`,
];
// Without the copy, the probe on `touchpoint` needs its index by customer and need, which migration
// 1765140000001 dropped (the copy serves the drill-down's customer filter since): back for the "off" rounds.
const NEED_INDEX_DROPPED = `EXISTS (SELECT 1 FROM migrations WHERE name = 'DropCustomerNeedIndex1765140000001')`;
export const COPY_OFF_SQL = [
  `ALTER TABLE touchpoint DISABLE TRIGGER customer_touchpoint_added`,
  `ALTER TABLE touchpoint DISABLE TRIGGER customer_touchpoint_changed`,
  `DO $$ BEGIN IF ${NEED_INDEX_DROPPED} THEN
     CREATE INDEX IF NOT EXISTS touchpoint_customer_need_time_idx ON touchpoint (customer_id, need_category, occurred_at, id);
   END IF; END $$`,
];
export const COPY_ON_SQL = [
  `ALTER TABLE touchpoint ENABLE TRIGGER customer_touchpoint_added`,
  `ALTER TABLE touchpoint ENABLE TRIGGER customer_touchpoint_changed`,
  `DO $$ BEGIN IF ${NEED_INDEX_DROPPED} THEN DROP INDEX IF EXISTS touchpoint_customer_need_time_idx; END IF; END $$`,
];
/** customer_touchpoint recounted from the rows (what migration 1765110000001 fills it with). */
export const CUSTOMER_TOUCHPOINT_COPY = `(customer_id, occurred_at, id, unit_id, received_at, channel, need_category, served, handle_seconds, resolved,
  first_contact, knowledge_refs, knowledge_created, handoff, commitment_met, linked, repeat, satisfaction_score)
  SELECT customer_id, occurred_at, id, unit_id, received_at, channel, need_category, served, handle_seconds, resolved, first_contact,
    coalesce(jsonb_array_length(knowledge_refs), 0), knowledge_created, handoff_unit_id IS NOT NULL, commitment_met,
    (contract_id IS NOT NULL OR product_id IS NOT NULL), repeat, satisfaction_score FROM touchpoint`;

/** After "off" rounds: customer_unit and customer_touchpoint recounted from the rows, so the lens stays exact for what follows. */
export const RECOUNT_SQL = [
  `TRUNCATE customer_unit`,
  `INSERT INTO customer_unit (unit_id, customer_id, touchpoints, first_contact_at, last_contact_at)
    SELECT unit_id, customer_id, count(*), min(occurred_at), max(occurred_at) FROM touchpoint GROUP BY customer_id, unit_id`,
  `TRUNCATE customer_touchpoint`,
  `INSERT INTO customer_touchpoint ${CUSTOMER_TOUCHPOINT_COPY}`,
];
/** Both parts (the customers phase's rounds). */
export const OFF_SQL = [...COPY_OFF_SQL, ...UNIT_OFF_SQL];
export const ON_SQL = [...UNIT_ON_SQL, ...COPY_ON_SQL];

export interface UpkeepResult {
  rounds: { on: number[]; off: number[] };
  onMedian: number;
  offMedian: number;
  /** 1 − on / off: the share of ingest rate the upkeep costs. */
  slowdown: number;
  runs: IngestSummary[];
}

/**
 * Ingest with the per-customer upkeep on and off, alternating (off, on, off, on, …)
 * so that table growth and a shared machine's noise fall on both alike.
 */
export async function customerUpkeepPhase(gwUrl: string, dbUrl: string, seed: Seed, opts: { rows: number; rounds: number; batchSize: number; concurrency: number }): Promise<UpkeepResult> {
  const rounds = { on: [] as number[], off: [] as number[] };
  const runs: IngestSummary[] = [];
  for (let i = 0; i < opts.rounds * 2; i++) {
    const on = i % 2 === 1;
    await withClient(dbUrl, async (c) => {
      for (const s of on ? ON_SQL : OFF_SQL) await c.query(s);
    });
    const batches = planBatches(seed, { total: opts.rows, batchSize: opts.batchSize, seed: `bench-customers-${i}`, lateRatingRatio: 0.25 });
    const run = await ingestPhase(`ingest, customer upkeep ${on ? 'on' : 'off'} (${Math.floor(i / 2) + 1}/${opts.rounds})`, gwUrl, batches, opts.concurrency, dbUrl);
    (on ? rounds.on : rounds.off).push(run.perSec);
    runs.push(run);
  }
  await withClient(dbUrl, async (c) => {
    for (const s of ON_SQL) await c.query(s);
    // What the "off" rounds skipped, so the lens stays exact for what follows.
    for (const s of RECOUNT_SQL) await c.query(s);
  });
  const onMedian = median(rounds.on);
  const offMedian = median(rounds.off);
  return { rounds, onMedian, offMedian, slowdown: round(1 - onMedian / offMedian, 3), runs };
}

/** After a bulk load (COPY bypasses ingest): the per-customer summary recounted from the rows (no customer queued for the risk pass: its next fit scores everyone). */
export async function rebuildCustomerSummary(dbUrl: string): Promise<number> {
  const t0 = performance.now();
  await withClient(dbUrl, async (c) => {
    await c.query(`TRUNCATE customer_unit`);
    await c.query(
      `INSERT INTO customer_unit (unit_id, customer_id, touchpoints, first_contact_at, last_contact_at)
      SELECT unit_id, customer_id, count(*), min(occurred_at), max(occurred_at) FROM touchpoint GROUP BY customer_id, unit_id`,
    );
    await c.query(`VACUUM ANALYZE customer_unit`);
  });
  return performance.now() - t0;
}

export interface ProfileResult {
  rows: number;
  customer: Latency;
  timeline: Latency;
  touchpoints: number;
  units: number;
}

/** Records PROFILED_TOUCHPOINTS touchpoints of one customer through the API (spread over a year and every project), then times the lens. */
export async function customerProfilePhase(gwUrl: string, dbUrl: string, token: string, projects: string[], reps: number): Promise<ProfileResult> {
  await recordProfiledCustomer(gwUrl, dbUrl, token, projects);
  return timeCustomerProfile(gwUrl, dbUrl, token, reps);
}

/** The timed customer's PROFILED_TOUCHPOINTS touchpoints over the last year, every project in turn, through the API. */
export async function recordProfiledCustomer(gwUrl: string, dbUrl: string, token: string, projects: string[]): Promise<void> {
  const now = Date.now();
  const items = Array.from({ length: PROFILED_TOUCHPOINTS }, (_, i) => {
    const occurredAt = now - Math.round(((i + 0.5) / PROFILED_TOUCHPOINTS) * 364 * DAY);
    return {
      id: randomUUID(),
      unitId: projects[i % projects.length],
      customerId: PROFILED_CUSTOMER,
      channel: i % 3 === 0 ? 'WEB' : 'PHONE',
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: new Date(occurredAt).toISOString(),
      need: { category: i % 7 === 0 ? 'COMPLAINT' : 'FAULT' },
      service: { action: 'handled', handleSeconds: 120, resolved: i % 4 !== 0, firstContact: true },
      ...(i % 2 === 0 ? { satisfaction: { score: 1 + (i % 5) } } : {}),
    };
  });
  for (let i = 0; i < items.length; i += 500) await gql(gwUrl, token, RECORD, { input: items.slice(i, i + 500) });
  await withClient(dbUrl, (c) => c.query('VACUUM ANALYZE touchpoint'));
}

/** 50 sequential `customer` and first `customerTimeline` pages of the recorded customer, after 5 warm-up calls each. */
export async function timeCustomerProfile(gwUrl: string, dbUrl: string, token: string, reps: number): Promise<ProfileResult> {
  const rows = await withClient(dbUrl, async (c) => Number((await c.query('SELECT count(*)::bigint AS n FROM touchpoint')).rows[0].n));
  const time = async (query: string): Promise<{ lat: Latency; sample: unknown }> => {
    let sample: unknown;
    for (let i = 0; i < 5; i++) sample = await gql(gwUrl, token, query, { c: PROFILED_CUSTOMER });
    const ms: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await gql(gwUrl, token, query, { c: PROFILED_CUSTOMER });
      ms.push(performance.now() - t0);
    }
    return { lat: latency(ms), sample };
  };
  const p = await time(String(PROFILE_QUERY));
  const t = await time(String(TIMELINE_QUERY));
  const profile = (p.sample as { customer: { touchpoints: number; units: unknown[] } }).customer;
  return { rows, customer: p.lat, timeline: t.lat, touchpoints: profile.touchpoints, units: profile.units.length };
}

const RECORD = String(
  graphql(`
    mutation BenchCustomerRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }
  `),
);

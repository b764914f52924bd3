import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rebuildStatScopes, upsertDefinitions, Database } from '@qihe/data';
import { parseSeed, type CommitmentDefinition, type Seed } from '@qihe/domain';
import type { TouchpointInput } from '@qihe/client';
import { graphql } from './__generated__';
import { ingestPhase, type IngestSummary } from './phases';
import { withClient } from './pg';
import { ms, perSec, ratio, type Row } from './report';
import { timeQuery, type ScoreQuery } from './scores';
import { latency, round, spread, type Latency } from './stats';
import type { PlannedBatch } from './workload';

// The commitments phase (`--phases commitments`): what tracked promises cost
// ingest (the same traffic with its promises naming level-1 catalogue codes,
// against the same traffic naming codes outside the catalogue, in alternating
// runs), and the commitment queries at one million promise instances (their
// trees loaded straight into PostgreSQL, the hourly counters recounted from
// them), as a unit head's board and an owner unit's assessment would call them.
// `--phases commitment-ingest` or `commitment-queries` runs one half alone.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ROOT = join(__dirname, '../../../..');

/** The demo org's catalogue, its back-office steps owned by bench projects. */
export function benchCatalogue(): CommitmentDefinition[] {
  const demo = parseSeed(JSON.parse(readFileSync(join(ROOT, 'infra/seed/demo-org.json'), 'utf8')));
  const owners = new Map<string, string>();
  const benchOwner = (id: string | null): string | null => {
    if (id === null) return null;
    if (!owners.has(id)) owners.set(id, `prj-${String(20 - owners.size).padStart(2, '0')}-01`);
    return owners.get(id) as string;
  };
  return demo.commitments.map((d) => ({ ...d, ownerUnitId: benchOwner(d.ownerUnitId) }));
}

const COMMITMENTS = graphql(`
  query BenchCommitments($u: ID!, $f: DateTime!, $t: DateTime!, $states: [CommitmentState!], $owned: Boolean, $level: Int) {
    commitments(unitId: $u, from: $f, to: $t, states: $states, owned: $owned, level: $level, first: 50) {
      totalCount edges { node { id code state dueAt breachedBy { id code ownerUnit { id } } } } pageInfo { hasNextPage endCursor }
    }
  }
`);
const PERFORMANCE = graphql(`
  query BenchCommitmentPerformance($u: ID!, $f: DateTime!, $t: DateTime!, $owned: Boolean) {
    commitmentPerformance(unitId: $u, from: $f, to: $t, owned: $owned) { code started met breached open atRisk keptRate causedBreaches }
  }
`);

export interface CommitmentsResult {
  ingest: { off: IngestSummary[]; on: IngestSummary[]; offPerSec: number; onPerSec: number; ratio: number; promisesPerRun: number };
  instances: number;
  nodes: number;
  statRows: number;
  loadMs: number;
  queries: Record<string, Latency & { totalCount?: number }>;
}

/** The batches with each promise's code outside the catalogue: the same work, no tree started. */
function untracked(batches: readonly PlannedBatch[], levelOne: ReadonlySet<string>): PlannedBatch[] {
  const strip = (t: TouchpointInput): TouchpointInput => {
    const c = t.service?.commitment;
    if (!c || !levelOne.has(c.code) || !t.service) return t;
    return { ...t, service: { ...t.service, commitment: { ...c, code: `${c.code}-SELF` } } };
  };
  return batches.map((b) => ({ ...b, items: b.items.map(strip) }));
}

const promisesIn = (batches: readonly PlannedBatch[], levelOne: ReadonlySet<string>): number =>
  batches.reduce((n, b) => n + b.items.filter((t) => levelOne.has(t.service?.commitment?.code ?? '')).length, 0);

export async function commitmentsPhase(opts: {
  url: string;
  dbUrl: string;
  token: string;
  group: string;
  businessUnits: string[];
  plan: (seed: string) => PlannedBatch[];
  concurrency: number;
  /** Alternating off/on ingest runs each (0: none), then the queries at `instances` unless `queries` is false. */
  rounds: number;
  queries: boolean;
  instances: number;
  reps: number;
}): Promise<CommitmentsResult> {
  const catalogue = benchCatalogue();
  const levelOne = new Set(catalogue.filter((d) => d.level === 1).map((d) => d.code));
  const db = await Database.open({ url: opts.dbUrl, poolSize: 1, applicationName: 'qihe-bench-commitments' });
  try {
    await upsertDefinitions(db, catalogue);
  } finally {
    await db.close();
  }
  // Ingest, alternating off and on so that a burst of load elsewhere hits both alike.
  const off: IngestSummary[] = [];
  const on: IngestSummary[] = [];
  let promises = 0;
  for (let i = 0; i < opts.rounds; i++) {
    off.push(await ingestPhase(`commitments off (${i + 1}/${opts.rounds})`, opts.url, untracked(opts.plan(`bench-commit-off-${i}`), levelOne), opts.concurrency, opts.dbUrl));
    const batches = opts.plan(`bench-commit-on-${i}`);
    promises = promisesIn(batches, levelOne);
    on.push(await ingestPhase(`commitments on (${i + 1}/${opts.rounds})`, opts.url, batches, opts.concurrency, opts.dbUrl));
  }
  const offPerSec = off.length ? spread(off.map((s) => s.perSec)).median : NaN;
  const onPerSec = on.length ? spread(on.map((s) => s.perSec)).median : NaN;
  const ingest = { off, on, offPerSec, onPerSec, ratio: round(onPerSec / offPerSec, 3), promisesPerRun: promises };
  if (!opts.queries) return { ingest, instances: 0, nodes: 0, statRows: 0, loadMs: 0, queries: {} };

  const t0 = performance.now();
  const { nodes, statRows } = await loadInstances(opts.dbUrl, catalogue, opts.instances, Date.now());
  const loadMs = performance.now() - t0;
  console.log(`commitments: ${opts.instances} promise instances (${nodes} nodes, ${statRows} scope counter rows) loaded in ${Math.round(loadMs / 1000)} s`);

  const queries: CommitmentsResult['queries'] = {};
  for (const q of commitmentQueries(opts.group, opts.businessUnits, catalogue, Date.now())) {
    const { sample, ...lat } = await timeQuery(opts.url, opts.token, q, opts.reps);
    const total = (sample as { commitments?: { totalCount: number } }).commitments?.totalCount;
    queries[q.key] = total === undefined ? lat : { ...lat, totalCount: total };
    console.log(`  ${q.label}: p50 ${ms(lat.p50Ms)} p95 ${ms(lat.p95Ms)}${total === undefined ? '' : ` (totalCount ${total})`}`);
  }
  return { ingest, instances: opts.instances, nodes, statRows, loadMs: Math.round(loadMs), queries };
}

function commitmentQueries(group: string, businessUnits: string[], catalogue: CommitmentDefinition[], nowMs: number): ScoreQuery[] {
  const to = Math.floor(nowMs / HOUR) * HOUR + HOUR;
  const iso = (x: number): string => new Date(x).toISOString();
  const w30 = { f: iso(to - 30 * DAY), t: iso(to) };
  const ownerBu = `bu-${(catalogue.find((d) => d.ownerUnitId)?.ownerUnitId as string).slice(4, 6)}`;
  const bu = businessUnits[0];
  const c = String(COMMITMENTS);
  const p = String(PERFORMANCE);
  return [
    { key: 'commitments_group_breached', label: 'commitments(group, 30 d, BREACHED, level 1)', query: c, variables: { u: group, ...w30, states: ['BREACHED'], level: 1 } },
    { key: 'commitments_group_atRisk', label: 'commitments(group, 30 d, AT_RISK)', query: c, variables: { u: group, ...w30, states: ['AT_RISK'] } },
    { key: 'commitments_bu_open', label: 'commitments(business unit, 30 d, OPEN+AT_RISK)', query: c, variables: { u: bu, ...w30, states: ['OPEN', 'AT_RISK'] } },
    { key: 'commitments_owned_breached', label: 'commitments(owner BU, owned, 30 d, BREACHED)', query: c, variables: { u: ownerBu, ...w30, states: ['BREACHED'], owned: true } },
    { key: 'commitmentPerformance_group', label: 'commitmentPerformance(group, 30 d)', query: p, variables: { u: group, ...w30 } },
    { key: 'commitmentPerformance_group_90d', label: 'commitmentPerformance(group, 90 d)', query: p, variables: { u: group, f: iso(to - 90 * DAY), t: iso(to) } },
    { key: 'commitmentPerformance_owned', label: 'commitmentPerformance(owner BU, owned, 30 d)', query: p, variables: { u: ownerBu, ...w30, owned: true } },
  ];
}

/**
 * `n` promise instances started over the 90 days before `nowMs`, in the
 * bench org's projects: each a whole tree of the catalogue, each node done on
 * time (80 %), late (12 %) or not yet/never (8 %); then the hourly counters
 * recounted from the nodes, as the writers keep them.
 */
async function loadInstances(dbUrl: string, catalogue: CommitmentDefinition[], n: number, nowMs: number): Promise<{ nodes: number; statRows: number }> {
  const roots = catalogue.filter((d) => d.level === 1).map((d) => d.code);
  return withClient(dbUrl, async (c) => {
    await c.query('TRUNCATE commitment_node, commitment_stat_hour, commitment_stat_scope, commitment_event, follow_up, feed_outbox, feed_unsent');
    await c.query(`CREATE TEMP TABLE bench_tree AS
      SELECT gen_random_uuid() AS tp, 'prj-' || lpad((1 + (g % 20))::text, 2, '0') || '-' || lpad((1 + (g / 20) % 24)::text, 2, '0') AS unit_id,
             'cust-' || (g % 50000) AS customer_id, ($2::text[])[1 + (g % array_length($2::text[], 1))] AS root,
             $3::timestamptz - (random() * interval '90 days') AS started_at
        FROM generate_series(1, $1::int) AS g`, [n, roots, new Date(nowMs).toISOString()]);
    for (const d of catalogue) {
      let root = d;
      while (root.parentCode) root = catalogue.find((x) => x.code === root.parentCode) as CommitmentDefinition;
      await c.query(
        `INSERT INTO commitment_node (unit_id, id, touchpoint_id, customer_id, code, name, level, parent_code, owner_unit_id, started_at, warn_at, due_at, completed_at, resolved, alert_stage, next_check_at)
         SELECT unit_id, gen_random_uuid(), tp, customer_id, $1, $2, $3, $4, coalesce($5, unit_id), started_at, warn_at, due_at, done,
                CASE WHEN done IS NOT NULL AND done <= due_at THEN 'MET' WHEN done > due_at OR (done IS NULL AND due_at <= $9::timestamptz) THEN 'BREACHED' END,
                CASE WHEN done IS NOT NULL AND done <= due_at THEN 0 WHEN done > due_at OR (done IS NULL AND due_at <= $9::timestamptz) THEN 2 WHEN warn_at <= $9::timestamptz THEN 1 ELSE 0 END,
                CASE WHEN done IS NULL AND due_at > $9::timestamptz THEN (CASE WHEN warn_at > $9::timestamptz THEN warn_at ELSE due_at END) END
           FROM (SELECT t.*, t.started_at + $6 * interval '1 minute' * $7 / 100.0 AS warn_at, t.started_at + $6 * interval '1 minute' AS due_at,
                        CASE WHEN r < 0.8 THEN t.started_at + $6 * interval '1 minute' * (0.3 + 0.65 * random())
                             WHEN r < 0.92 THEN t.started_at + $6 * interval '1 minute' * (1.05 + 0.4 * random()) END AS planned
                   FROM (SELECT bench_tree.*, random() AS r FROM bench_tree WHERE root = $8) t) y,
                LATERAL (SELECT CASE WHEN planned <= $9::timestamptz THEN planned END AS done) z`,
        [d.code, d.name, d.level, d.parentCode, d.ownerUnitId, d.targetMinutes, d.warnAtPercent, root.code, new Date(nowMs).toISOString()],
      );
    }
    await c.query(`INSERT INTO commitment_stat_hour (unit_id, owner_unit_id, code, hour, started, met, breached, at_risk, caused)
      SELECT unit_id, owner_unit_id, code, date_trunc('hour', started_at), count(*), count(*) FILTER (WHERE resolved = 'MET'), count(*) FILTER (WHERE resolved = 'BREACHED'),
             count(*) FILTER (WHERE alert_stage = 1 AND resolved IS NULL), 0
        FROM commitment_node GROUP BY 1, 2, 3, 4
      ON CONFLICT (unit_id, owner_unit_id, code, hour) DO UPDATE SET started = commitment_stat_hour.started + EXCLUDED.started,
        met = commitment_stat_hour.met + EXCLUDED.met, breached = commitment_stat_hour.breached + EXCLUDED.breached, at_risk = commitment_stat_hour.at_risk + EXCLUDED.at_risk`);
    await c.query('DROP TABLE bench_tree');
    // The scope counters (each unit's subtree) from the per-unit ones, as a re-shaped tree recounts them.
    const db = await Database.open({ url: dbUrl, poolSize: 1, applicationName: 'qihe-bench-commitments' });
    try {
      // The gateway's monitor settles due trees meanwhile and adds to these counters: hold its writes off
      // while they are rebuilt (else the two deadlock on commitment_stat_scope_pkey).
      await db.transaction(async (tx) => {
        await tx.query('LOCK TABLE commitment_stat_scope IN SHARE ROW EXCLUSIVE MODE');
        await rebuildStatScopes(tx);
      });
    } finally {
      await db.close();
    }
    await c.query('VACUUM ANALYZE commitment_node, commitment_stat_hour, commitment_stat_scope');
    const { rows } = await c.query(`SELECT (SELECT count(*) FROM commitment_node)::int AS nodes, (SELECT count(*) FROM commitment_stat_scope)::int AS stats`);
    return { nodes: Number(rows[0].nodes), statRows: Number(rows[0].stats) };
  });
}

/** The phase's lines in the bench table. */
export function commitmentRows(r: CommitmentsResult): Row[] {
  const rows: Row[] = [];
  const i = r.ingest;
  if (i.on.length) rows.push({
    figure: 'ingest, commitments on / off',
    value: `${perSec(i.onPerSec)} / ${perSec(i.offPerSec)}`,
    target: '≥ 0.9×',
    met: i.ratio >= 0.9,
    how: `${ratio(i.ratio)}; median of ${i.on.length} alternating runs each, ${i.promisesPerRun} promises naming level-1 codes per on-run (off: the same codes outside the catalogue)`,
  });
  for (const [k, v] of Object.entries(r.queries)) {
    rows.push({ figure: k, value: `${ms(v.p50Ms)} / ${ms(v.p95Ms)}`, target: 'p95 ≤ 50 ms', met: v.p95Ms <= 50, how: `p50 / p95 of ${v.n} sequential calls at ${r.instances} promise instances (${r.nodes} nodes, ${r.statRows} scope counter rows)` });
  }
  return rows;
}

import { loadavg } from 'node:os';
import { RISK_FEATURES, type RiskModel, type Seed } from '@qihe/domain';
import { bulkLoad, rebuild } from './bulk';
import { rebuildCustomerSummary, recordProfiledCustomer, timeCustomerProfile, type ProfileResult } from './customers';
import { explainDrill, timeExport, type DrillPlan, type ExportRun } from './drill';
import { bar } from './phases';
import { withClient } from './pg';
import type { ScaleIngest } from './scale-ingest';
import { scoreQueries, timeQuery } from './scores';
import { round, type Latency } from './stats';

// The 10M set (issues 12–15): every read the issues time at 10 million
// touchpoints over 10,000 units, on a set loaded once into a data dir kept
// between runs (`--data-dir`): the load and the recount take most of an hour on
// a shared machine, the measurements minutes. The set's shape is recorded in
// bench_scale_set; a run whose shape differs loads it afresh.

const DAY = 86_400_000;

export interface ScaleSet {
  rows: number;
  units: number;
  seed: string;
  loadedAt: string;
  loadMs: number;
  rebuildMs: number;
  summaryMs: number;
  reused: boolean;
}

export interface ScaleQuery extends Latency {
  key: string;
  label: string;
  targetMs: number;
  /** 1-minute load average before and after the calls (2 cores, shared). */
  load: [number, number];
}

export interface ScaleResult {
  set: ScaleSet;
  touchpoints: number;
  queries: ScaleQuery[];
  customer: ProfileResult & { load: [number, number] };
  plans: DrillPlan[];
  export: (ExportRun & { days: number; load: [number, number] }) | null;
  /** `--scale-ingest N`: ingest into the loaded table vs an empty one (scale-ingest.ts). */
  ingest?: ScaleIngest;
}

const load1 = (): number => round(loadavg()[0], 2);

/**
 * Keeps the gateway's risk job off the set while reads are timed: a stored model
 * "fitted now" on more ratings than the set holds (no refit is due), and every
 * customer as scored (no rescoring pass). A first fit over 10M rows reads every
 * customer's history — its cost is the risk phase's to measure, not a noise
 * under these latencies. Call before the gateway starts (its first tick is at boot).
 */
export async function freezeRiskJob(dbUrl: string): Promise<void> {
  await withClient(dbUrl, async (c) => {
    const { rowCount } = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'risk_model'`);
    if (!rowCount) return; // a fresh data dir: the gateway migrates it first; ensureScaleSet freezes it then
    const d = RISK_FEATURES.length;
    const model: RiskModel = {
      version: 'bench-frozen',
      features: [...RISK_FEATURES],
      means: new Array<number>(d).fill(0),
      coefficients: new Array<number>(d).fill(0),
      intercept: -3,
      trainedAt: Date.now(),
      trainingRatings: 0,
      holdoutRatings: 0,
      auc: null,
      precisionAt50: null,
      baselinePrecisionAt50: null,
      ratingsAtFit: 1e12,
    };
    await c.query(
      `INSERT INTO risk_model (version, trained_at, ratings_at_fit, model) VALUES ($1, now(), $2, $3::jsonb)
       ON CONFLICT (version) DO UPDATE SET trained_at = now(), model = EXCLUDED.model`,
      [model.version, model.ratingsAtFit, JSON.stringify(model)],
    );
    // Nothing queued for the pass (a data dir not yet migrated past 1765140000000 still has customer_unit.touched_at).
    const queue = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'customer_touched'`);
    if (queue.rowCount) await c.query(`TRUNCATE customer_touched`);
    else await c.query(`UPDATE customer_unit SET touched_at = '-infinity' WHERE touched_at > '-infinity'`);
    await c.query(`UPDATE risk_pass SET scored_until = now()`);
  });
}

/** Loads the set unless the data dir already holds one of this shape; the profiled customer goes through the API. */
export async function ensureScaleSet(dbUrl: string, gwUrl: string, token: string, seed: Seed, projects: string[], rows: number, withRollups = true): Promise<ScaleSet> {
  // Without rollups (--scale-rollups none) only the reads of the raw rows are meaningful: the drill-down's pages
  // and row counts, the customer lens, the export. Over 10,000 units a project sees less than one touchpoint an
  // hour, so its hourly rollup rows are about as many as the touchpoints times the 11 row kinds: a recount writes
  // ~130M rows, hours on a shared 2-core machine.
  const name = `bench-scale-${rows}${withRollups ? '' : '-raw'}`;
  const prior = await withClient(dbUrl, async (c) => {
    await c.query(`CREATE TABLE IF NOT EXISTS bench_scale_set (rows bigint NOT NULL, units int NOT NULL, seed text NOT NULL, loaded_at timestamptz NOT NULL,
      load_ms int NOT NULL, rebuild_ms int NOT NULL, summary_ms int NOT NULL)`);
    const { rows: r } = await c.query(`SELECT rows::float8 AS rows, units, seed, loaded_at, load_ms, rebuild_ms, summary_ms FROM bench_scale_set`);
    return r[0] as { rows: number; units: number; seed: string; loaded_at: Date; load_ms: number; rebuild_ms: number; summary_ms: number } | undefined;
  });
  if (prior && Number(prior.rows) >= rows && prior.units === seed.units.length && prior.seed.startsWith(`bench-scale-${rows}`)) {
    // A set with rollups serves a run without; a set without needs only its rollups recounted.
    if (withRollups && prior.seed !== name) {
      const rebuildMs = Math.round(await rebuild(dbUrl, seed));
      await withClient(dbUrl, (c) => c.query(`UPDATE bench_scale_set SET seed = $1, rebuild_ms = $2`, [name, rebuildMs]));
      return { rows, units: prior.units, seed: name, loadedAt: prior.loaded_at.toISOString(), loadMs: prior.load_ms, rebuildMs, summaryMs: prior.summary_ms, reused: true };
    }
    return { rows, units: prior.units, seed: prior.seed, loadedAt: prior.loaded_at.toISOString(), loadMs: prior.load_ms, rebuildMs: prior.rebuild_ms, summaryMs: prior.summary_ms, reused: true };
  }
  // Rows whose COPY finished but whose set was never recorded (the recount cut short) are kept: the load is the long part.
  const held = prior ? 0 : await withClient(dbUrl, async (c) => Number((await c.query('SELECT count(*)::bigint AS n FROM touchpoint')).rows[0].n));
  let loadMs = 0;
  if (held >= rows) {
    console.log(`scale: adopting the ${held} rows already loaded`);
    await withClient(dbUrl, (c) => c.query('TRUNCATE rollup_hour, rollup_day, rollup_minute'));
    await freezeRiskJob(dbUrl);
  } else {
    await withClient(dbUrl, (c) => c.query('TRUNCATE touchpoint, rollup_hour, rollup_day, rollup_minute, customer_unit, bench_scale_set CASCADE'));
    await freezeRiskJob(dbUrl);
    const now = Date.now();
    const lb = bar(`COPY ${(rows / 1e6).toFixed(0)}M rows`, rows);
    loadMs = await bulkLoad(dbUrl, seed, { rows, fromMs: now - 90 * DAY, toMs: now - 60_000, seed: name, onProgress: (n) => lb.update(n) });
    lb.stop();
    console.log(`scale: COPY of ${rows} rows in ${Math.round(loadMs / 1000)} s (load average ${load1()})`);
  }
  let rebuildMs = 0;
  if (withRollups) {
    const rb = bar(`rebuildRollups ${(rows / 1e6).toFixed(0)}M`, rows);
    rebuildMs = await rebuild(dbUrl, seed, (n) => rb.update(n));
    rb.stop();
    console.log(`scale: rollups recounted in ${Math.round(rebuildMs / 1000)} s (load average ${load1()})`);
  } else {
    await withClient(dbUrl, (c) => c.query('VACUUM ANALYZE touchpoint'));
  }
  const summaryMs = await rebuildCustomerSummary(dbUrl);
  await recordProfiledCustomer(gwUrl, dbUrl, token, projects);
  const loadedAt = new Date().toISOString();
  await withClient(dbUrl, (c) =>
    c.query(`INSERT INTO bench_scale_set VALUES ($1, $2, $3, $4, $5, $6, $7)`, [rows, seed.units.length, name, loadedAt, Math.round(loadMs), Math.round(rebuildMs), Math.round(summaryMs)]),
  );
  return { rows, units: seed.units.length, seed: name, loadedAt, loadMs: Math.round(loadMs), rebuildMs: Math.round(rebuildMs), summaryMs: Math.round(summaryMs), reused: false };
}

/** Every timed read at the set's size: scores, drill-down, indicators, engagement types, the customer lens; plans; a ~1M-row export. */
export async function measureScale(
  gwUrl: string,
  dbUrl: string,
  token: string,
  gatewayPid: number,
  seed: Seed,
  group: string,
  project: string,
  opts: { reps: number; exportRows: number; only?: (key: string) => boolean },
): Promise<Omit<ScaleResult, 'set'>> {
  const touchpoints = await withClient(dbUrl, async (c) => Number((await c.query('SELECT count(*)::bigint AS n FROM touchpoint')).rows[0].n));
  const queries: ScaleQuery[] = [];
  for (const q of scoreQueries(group, project, Date.now())) {
    if (opts.only && !opts.only(q.key)) continue;
    const before = load1();
    const { sample: _sample, ...lat } = await timeQuery(gwUrl, token, q, opts.reps);
    queries.push({ key: q.key, label: q.label, targetMs: q.targetMs ?? 20, ...lat, load: [before, load1()] });
    console.log(`  ${q.key.padEnd(42)} p50 ${lat.p50Ms} ms  p95 ${lat.p95Ms} ms  (load ${before} → ${load1()})`);
  }
  const before = load1();
  const c = await timeCustomerProfile(gwUrl, dbUrl, token, opts.reps);
  const customer = { ...c, load: [before, load1()] as [number, number] };
  console.log(`  customer profile p95 ${c.customer.p95Ms} ms, timeline p95 ${c.timeline.p95Ms} ms (load ${before} → ${load1()})`);
  const plans = await explainDrill(dbUrl, seed, group, project, Date.now());
  let exp: ScaleResult['export'] = null;
  if (opts.exportRows > 0) {
    // The newest days holding about exportRows rows (the set is spread evenly over 90 days).
    const days = Math.max(1, Math.round((opts.exportRows / touchpoints) * 90));
    const l0 = load1();
    const run = await timeExport(gwUrl, token, gatewayPid, group, Date.now(), days);
    exp = { ...run, days, load: [l0, load1()] };
    console.log(`  export: ${run.rows} rows (${days} d), ${Math.round(run.bytes / 2 ** 20)} MB in ${run.seconds} s; gateway RSS max ${Math.round(run.footprint.rssMbMax)} MB`);
  }
  return { touchpoints, queries, customer, plans, export: exp };
}

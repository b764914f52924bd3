import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Seed } from '@qihe/domain';
import { TouchpointGenerator, type GeneratedTouchpoint } from '../../traffic/src/generator';
import { routeUnitsToSites } from '../../traffic/src/traffic';
import { makePartitions, rebuild } from './bulk';
import { rebuildCustomerSummary } from './customers';
import { psqlCopy, withClient } from './pg';
import { COPY_COLUMNS, csvLine, recordOf } from './rows';
import { gql } from './scores';
import { graphql } from './__generated__';

// Customer risk (issue 14) on a seed the code was not tuned on: half a year
// of the traffic generator's customers — each with a hidden mood that shows in
// their touchpoints — loaded by COPY, then the gateway's own risk job fits
// (its log tells how long) and riskModel reports the hold-out.

const DAY = 86_400_000;
const RISK_UNITS = 24;

const MODEL = graphql(`
  query BenchRiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }
`);

export interface RiskResult {
  seed: string;
  touchpoints: number;
  ratings: number;
  customers: number;
  fitMs: number | null;
  waitedMs: number;
  /** The gateway's event-loop delay (measured inside it, 5-s windows) while the job fitted, and before it started. */
  loop: { during: LoopStats; before: LoopStats } | null;
  model: { modelVersion: string; trainingRatings: number; holdoutRatings: number; auc: number | null; precisionAt50: number | null; baselinePrecisionAt50: number | null };
}

export interface LoopStats {
  windows: number;
  p99MaxMs: number;
  maxMs: number;
}

/** The loop probe's windows (loop-probe.ts) that ended in [from, to]. */
export function loopStats(file: string, from: number, to: number): LoopStats {
  const w = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { at: number; p99: number; max: number })
        .filter((x) => x.at >= from && x.at <= to)
    : [];
  return { windows: w.length, p99MaxMs: Math.max(0, ...w.map((x) => x.p99)), maxMs: Math.max(0, ...w.map((x) => x.max)) };
}

/**
 * The risk phase's traffic: half a year of the generator's touchpoints from
 * RISK_UNITS units until `ratings` ratings exist, each with its time and site
 * (risk-ceiling.ts reads the same traffic without a database).
 */
export function* riskTraffic(seed: Seed, rngSeed: string, ratings: number, now = Date.now()): Generator<{ g: GeneratedTouchpoint; at: number; siteId: string | null }> {
  const routes = routeUnitsToSites(seed.units, seed.sites);
  const siteOf = new Map<string, string>();
  for (const [siteId, unitIds] of routes) for (const u of unitIds) siteOf.set(u, siteId);
  // A customer's risk is learnt from their history: 24 units' customers come back often enough to have one
  // (over every unit of the bench org, 100,000 ratings would mean ~2 contacts per customer).
  const active = [...siteOf.keys()].sort().slice(0, RISK_UNITS);
  const generator = new TouchpointGenerator({ seed: rngSeed, units: seed.units, activeUnitIds: active, lateRatingRatio: 0.5 });
  // Roughly how many touchpoints make that many ratings: spread over the half year by that estimate.
  let rated = 0;
  let count = 0;
  const estimate = ratings * 3;
  while (rated < ratings) {
    const at = now - 180 * DAY + Math.min(1, count / estimate) * (180 * DAY - 3_600_000);
    const g = generator.next(at);
    if (g.input.satisfaction || g.lateRating) rated++;
    count++;
    yield { g, at, siteId: siteOf.get(g.input.unitId) ?? null };
  }
}

/** COPYs the risk traffic; returns touchpoints, ratings and customers loaded. */
async function loadTraffic(dbUrl: string, seed: Seed, rngSeed: string, ratings: number): Promise<{ touchpoints: number; ratings: number; customers: number }> {
  let rated = 0;
  let count = 0;
  const customers = new Set<string>();
  const traffic = riskTraffic(seed, rngSeed, ratings);
  function* lines(): Generator<string> {
    let parts: string[] = [];
    for (const { g, at, siteId } of traffic) {
      const r = recordOf(g.input);
      const late = g.lateRating ? { score: g.lateRating.satisfaction.score, comment: g.lateRating.satisfaction.comment ?? null, ratedAt: at + g.lateRating.delayMs } : undefined;
      if (r.satisfaction || late) rated++;
      customers.add(r.customerId);
      count++;
      parts.push(csvLine(r, { receivedAt: at, siteId, lateRating: late }));
      if (parts.length === 2000) {
        yield parts.join('');
        parts = [];
      }
    }
    if (parts.length) yield parts.join('');
  }
  await psqlCopy(dbUrl, 'touchpoint', COPY_COLUMNS, Readable.from(lines()));
  return { touchpoints: count, ratings: rated, customers: customers.size };
}

/**
 * Empties the database's touchpoints, loads a fresh seed's traffic, recounts the
 * rollups and the per-customer summary, and waits for the gateway's risk job
 * (QIHE_RISK_CHECK_SECONDS) to fit on it.
 */
export async function riskPhase(gwUrl: string, dbUrl: string, token: string, seed: Seed, opts: { ratings: number; rngSeed: string; output: () => string; loopFile?: string }): Promise<RiskResult> {
  // 20 s of the idle gateway first: the event-loop delay the fit's is compared with (on a shared machine, not zero).
  const wall0 = Date.now();
  await new Promise((r) => setTimeout(r, 20_000));
  await withClient(dbUrl, async (c) => {
    await c.query(`TRUNCATE touchpoint, rollup_hour, rollup_day, rollup_minute, customer_unit, customer_risk, risk_model, follow_up`);
  });
  // The touchpoint table is partitioned by day: the half year's partitions first (COPY makes none).
  await makePartitions(dbUrl, Date.now() - 181 * DAY, Date.now() + DAY);
  const loaded = await loadTraffic(dbUrl, seed, opts.rngSeed, opts.ratings);
  await rebuild(dbUrl, seed);
  await rebuildCustomerSummary(dbUrl);
  const t0 = performance.now();
  for (;;) {
    const data = await gql<{ riskModel: RiskResult['model'] | null }>(gwUrl, token, String(MODEL));
    // The model is stored before every customer is rescored with it; the job's log line comes at its end.
    const fitted = data.riskModel && [...opts.output().matchAll(/risk model (\S+) fitted on .*? in (\d+) ms/g)].find((m) => m[1] === data.riskModel?.modelVersion);
    if (data.riskModel && data.riskModel.trainingRatings + data.riskModel.holdoutRatings >= loaded.ratings * 0.99 && fitted) {
      const fitMs = Number(fitted[2]);
      // The job's run ended within the last poll (2 s): its window is the fit's time before that.
      const end = Date.now();
      const start = end - fitMs - 2000;
      const loop = opts.loopFile ? { during: loopStats(opts.loopFile, start, end + 5000), before: loopStats(opts.loopFile, wall0, wall0 + 20_000) } : null;
      return { seed: opts.rngSeed, ...loaded, fitMs, waitedMs: Math.round(performance.now() - t0), model: data.riskModel, loop };
    }
    if (performance.now() - t0 > 30 * 60_000) throw new Error('the risk model was not fitted within 30 minutes');
    await new Promise((r) => setTimeout(r, 2000));
  }
}

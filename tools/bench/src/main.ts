import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bulkLoad, rebuild } from './bulk';
import { customerProfilePhase, customerUpkeepPhase, rebuildCustomerSummary, type ProfileResult, type UpkeepResult } from './customers';
import { riskPhase, type RiskResult } from './risk';
import { retentionPhase, type RetentionResult } from './retention';
import { commitmentRows, commitmentsPhase, type CommitmentsResult } from './commitments';
import { closeWatchers, connectWatchers, runFeed, watchedUnits } from './feed';
import { FootprintSampler, startBenchGateway, type Footprint } from './gateway';
import { BENCH_GROUP, benchOrg, EXEC } from './org';
import { pgSettings, startBenchDatabase, withClient } from './pg';
import { explainDrill, timeExport, type DrillPlan, type ExportRun } from './drill';
import { bar, copyBaseline, countRows, ingestPhase, truncateAll, unitIdsOf, type CopyResult, type IngestSummary } from './phases';
import { storeHistory } from './ingest';
import { abPhase, parseVariants, type AbResult } from './ab';
import { startPeer } from './peer';
import { printStatements, readStatements, resetStatements, type StatementCost } from './pg-statements';
import { printProfile, printSteps, profileSteps, summariseProfile, type ProfileSummary, type StepLine } from './profile';
import { interval, ms, perSec, ratio, table, type Row } from './report';
import { login, rawScan, scoreQueries, timeQuery } from './scores';
import { latency, round, spread, type Latency } from './stats';
import { runSoak } from './soak';
import { ensureScaleSet, freezeRiskJob, measureScale, type ScaleResult } from './scale';
import { scaleIngest } from './scale-ingest';
import { planBatches, Planner } from './workload';
import { printWal, walDuring, type WalByTable } from './wal-by-table';

// `npm run bench [-- --quick] [-- --profile] [-- --phases ingest,feed,scores] [-- --feed-clients 1000 --feed-seconds 30]`:
// ingest vs COPY, scores at 1M and 10M touchpoints, the live feed under load,
// and the gateway's footprint, against a durable PostgreSQL started here.
// `npm run bench -- --phases commitments`: ingest with tracked promises vs without, and the commitment queries at 1M promise instances (commitments.ts).
// `npm run bench -- --phases scale --data-dir /work/data/scale12`: every read of issues 12–15 at 10M touchpoints over 10,000 units (scale.ts; the set is loaded once into the kept data dir).
// `--phases scale,retention`: then a retention run on that set (30 of its 90 days dropped, every score answer compared); the set is used up.
// `npm run bench -- --soak [--soak-minutes 10 --soak-rate 1000 --soak-clients 200]`: the soak instead (soak.ts).

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    phases: { type: 'string', default: 'ingest,feed,scores' },
    out: { type: 'string' },
    soak: { type: 'boolean', default: false },
    'soak-minutes': { type: 'string', default: '10' },
    'soak-rate': { type: 'string', default: '1000' },
    'soak-clients': { type: 'string', default: '200' },
    'large-rows': { type: 'string' },
    'pg-conf': { type: 'string' },
    'late-ratings': { type: 'string' },
    peer: { type: 'boolean', default: true },
    ab: { type: 'string', default: 'jit off:QIHE_GRAPHQL_JIT=off;jit on:QIHE_GRAPHQL_JIT=on' },
    'ab-rounds': { type: 'string', default: '3' },
    'ab-rows': { type: 'string' },
    'ab-concurrency': { type: 'string' },
    'ab-projects': { type: 'string' },
    'feed-clients': { type: 'string' },
    'feed-seconds': { type: 'string' },
    'customer-rows': { type: 'string' },
    'customer-rounds': { type: 'string' },
    'risk-ratings': { type: 'string' },
    'risk-seed': { type: 'string' },
    'data-dir': { type: 'string' },
    'scale-rows': { type: 'string', default: '10000000' },
    'scale-units': { type: 'string', default: '10000' },
    'scale-only': { type: 'string' },
    'scale-rollups': { type: 'string', default: 'full' },
    'export-rows': { type: 'string', default: '1000000' },
    'scale-ingest': { type: 'string', default: '0' },
    'scale-ingest-rounds': { type: 'string', default: '2' },
  },
});
const quick = args.quick;
args.out ??= args.soak ? 'bench/soak.json' : 'bench/results.json';
const phases = new Set((args.phases as string).split(',').map((s) => s.trim()));
const cfg = {
  mode: quick ? 'quick' : 'full',
  ingestRows: quick ? 20_000 : 200_000,
  batchSize: 500,
  concurrency: 4,
  copyReps: 3,
  feedClients: args['feed-clients'] ? Number(args['feed-clients']) : quick ? 200 : 1000,
  feedRate: 2000,
  feedSeconds: args['feed-seconds'] ? Number(args['feed-seconds']) : quick ? 15 : 30,
  feedBatch: 50,
  smallRows: 1_000_000,
  largeRows: args['large-rows'] ? Number(args['large-rows']) : quick ? 0 : 10_000_000,
  scoreReps: quick ? 20 : 50,
  rawReps: 3,
  lateRatingRatio: args['late-ratings'] === undefined ? 0.25 : Number(args['late-ratings']),
  // The customers phase: A/B rounds of ingest with the per-customer upkeep off and on, then one customer among this many rows.
  customerUpkeepRows: quick ? 10_000 : 40_000,
  customerUpkeepRounds: args['customer-rounds'] === undefined ? 3 : Number(args['customer-rounds']),
  customerRows: args['customer-rows'] ? Number(args['customer-rows']) : quick ? 1_000_000 : 10_000_000,
  // The risk phase: this many ratings of a seed never tuned on (a fresh one each run unless given).
  riskRatings: args['risk-ratings'] ? Number(args['risk-ratings']) : quick ? 20_000 : 100_000,
  riskSeed: (args['risk-seed'] as string | undefined) ?? `bench-risk-${Date.now()}`,
};

type ScoreSet = Record<string, Latency>;

/** WAL and reads per touchpoint: where an ingest phase's PostgreSQL time went. */
const pgWork = (s: IngestSummary): string =>
  `${s.pg.walBytesPerTouchpoint} WAL bytes, ${s.pg.fullPageImagesPerTouchpoint} full-page images, ${s.pg.blocksReadPerTouchpoint} blocks read, ${s.pg.rollupUpdatesPerTouchpoint} rollup row updates (${Math.round(s.pg.rollupHotShare * 100)} % HOT)`;

async function main(): Promise<void> {
  const started = Date.now();
  // --profile: PostgreSQL's time per statement too (pg_stat_statements).
  const pgConf = [args['pg-conf'], args.profile ? 'shared_preload_libraries=pg_stat_statements' : undefined].filter(Boolean).join(';') || undefined;
  const db = await startBenchDatabase(pgConf, args['data-dir']);
  const dir = mkdtempSync(join(tmpdir(), 'qihe-bench-'));
  const profDir = join(tmpdir(), 'qihe-bench-profiles');
  if (args.profile) {
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
  }
  // The scale phase's organisation: 20 business units sharing --scale-units projects (10,000: 10,021 units);
  // --ab-projects N gives the other phases N projects (4–12 agents each: 1,250 projects ≈ 10,000 agents) instead of 480.
  const projects = phases.has('scale') ? Number(args['scale-units']) : args['ab-projects'] ? Number(args['ab-projects']) : 480;
  const org = benchOrg(dir, 20, Math.ceil(projects / 20));
  if (phases.has('scale')) await freezeRiskJob(db.url);
  // The risk phase reads the gateway's own event-loop delay while it fits (loop-probe.ts).
  const loopFile = join(dir, 'loop.jsonl');
  const gw = await startBenchGateway({
    databaseUrl: db.url,
    seedFile: org.file,
    nodeArgs: [...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), ...(phases.has('risk') ? ['--require', resolve(__dirname, 'loop-probe.js')] : [])],
    env: phases.has('risk') ? { QIHE_BENCH_LOOP_FILE: loopFile } : undefined,
    startTimeoutMs: phases.has('scale') ? 30 * 60_000 : undefined,
  });
  const settings = await pgSettings(db.url);
  console.log(`qihe bench (${cfg.mode}): PostgreSQL ${settings.server_version} fsync=${settings.fsync} synchronous_commit=${settings.synchronous_commit}, ${cpus().length} cores, gateway pid ${gw.pid}`);
  const r: Record<string, unknown> = {};
  let copy: CopyResult | undefined;
  let ing: IngestSummary | undefined;
  let dup: IngestSummary | undefined;
  let atLarge: IngestSummary | undefined;
  let fpIngest: Footprint | undefined;
  let fpFeed: Footprint | undefined;
  let feed: Record<string, unknown> | undefined;
  const scoreSets: Record<string, { rows: number; queries: ScoreSet; raw: { ms: number[]; overall: number | null; touchpoints: number }; apiOverall: number | null; loadMs: number; rebuildMs: number }> = {};
  let profile: ProfileSummary | undefined;
  let steps: { busyMs: number; steps: StepLine[] } | undefined;
  let peer: IngestSummary | undefined;
  let statements: StatementCost[] | undefined;
  let wal: WalByTable | undefined;
  let ab: AbResult[] | undefined;
  const drillPlans: Record<string, DrillPlan[]> = {};
  let exportRun: ExportRun | undefined;
  let upkeep: UpkeepResult | undefined;
  const customerSets: ProfileResult[] = [];
  let risk: RiskResult | undefined;
  let commitments: CommitmentsResult | undefined;
  let retention: RetentionResult | undefined;
  let scale: ScaleResult | undefined;
  // results.json (written after each phase too, so that a failed run keeps what it measured) and the table
  const save = (): Row[] => {
    const largest = Object.values(scoreSets).sort((a, b) => b.rows - a.rows)[0];
    const smallest = Object.values(scoreSets).sort((a, b) => a.rows - b.rows)[0];
    const rawMs = largest ? spread(largest.raw.ms).median : NaN;
    const groupP95 = largest?.queries.engagementScore_group_30d.p95Ms ?? NaN;
    r.meta = {
      when: new Date().toISOString(),
      mode: cfg.mode,
      config: cfg,
      wallSeconds: Math.round((Date.now() - started) / 1000),
      machine: { nproc: cpus().length, cpu: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version },
      postgres: settings,
      notes: [
        'PostgreSQL started by the bench (test/support/postgres-cluster.ts, durable: fsync on, synchronous_commit on), same machine as the gateway and the clients.',
        'ingest: touchpoints sent / wall time from the first call to the last answer, late ratings (recordSatisfactions: those due for one site in one call) sharing the same client slots.',
        'scores: rows loaded by COPY through psql (bypassing the API), rollups recounted by rebuildRollups from @qihe/data, then VACUUM ANALYZE.',
        'feed: touchpoint latency = client receive time − the event receivedAt (the gateway transaction timestamp, same machine clock).',
      ],
    };
    const ingestRatio = ing && copy ? ing.perSec / copy.bare.median : NaN;
    r.ingest = {
      perSec: ing?.perSec ?? null,
      copyPerSec: copy?.bare.median ?? null,
      copyIndexedPerSec: copy?.indexed.median ?? null,
      ratio: ing && copy ? round(ingestRatio, 3) : null,
      dupPerSec: dup?.perSec ?? null,
      at10mPerSec: atLarge?.perSec ?? null,
      atRows: largest?.rows ?? null,
      batchP50Ms: ing?.batchLatency.p50Ms ?? null,
      batchP99Ms: ing?.batchLatency.p99Ms ?? null,
      // Issue 16: the gateway against a bare Apollo Server peer, same clients, batches and PostgreSQL.
      gatewayCpuUsPerTouchpoint: ing?.cpu?.serverUsPerTouchpoint ?? null,
      pgCpuUsPerTouchpoint: ing?.cpu?.pgUsPerTouchpoint ?? null,
      peerCpuUsPerRow: peer?.cpu?.serverUsPerTouchpoint ?? null,
      peerPgCpuUsPerRow: peer?.cpu?.pgUsPerTouchpoint ?? null,
      peerPerSec: peer?.perSec ?? null,
      peerBatchP99Ms: peer?.batchLatency.p99Ms ?? null,
      statements: statements ?? null,
      walByTable: wal ?? null,
      steps: steps ?? null,
      peer: peer ?? null,
      copy,
      run: ing,
      duplicates: dup,
      atLarge,
    };
    const scores: Record<string, unknown> = {};
    if (largest) {
      for (const [k, v] of Object.entries(largest.queries)) scores[k] = { ...v, atSmall: smallest.queries[k] };
      Object.assign(scores, {
        rows: largest.rows,
        smallRows: smallest.rows,
        rawScanMs: round(rawMs, 1),
        rawScanAtSmallMs: round(spread(smallest.raw.ms).median, 1),
        speedupVsRawScan: round(rawMs / groupP95, 1),
        rawScanOverall: largest.raw.overall,
        apiOverall: largest.apiOverall,
        sets: scoreSets,
      });
    }
    r.scores = scores;
    r.feed = feed ? { ...feed, touchpointP99Ms: (feed.touchpoint as Latency).p99Ms, scoresP99Ms: (feed.scores as Latency).p99Ms } : null;
    r.footprint = { rssMb: round(Math.max(fpIngest?.rssMbMax ?? 0, fpFeed?.rssMbMax ?? 0), 1), ingest: fpIngest ?? null, feed: fpFeed ?? null };
    if (profile) r.profile = profile;
    r.drill = { plans: drillPlans, export: exportRun ?? null };
    r.customers = { upkeep: upkeep ?? null, profiles: customerSets, risk: risk ?? null };
    if (commitments) r.commitments = commitments;
    if (ab) r.ab = { variants: args.ab, rounds: Number(args['ab-rounds']), results: ab };
    if (retention) r.retention = retention;
    if (scale) r.scale = scale;

    const rows: Row[] = [];
    const ingHow = `${cfg.ingestRows} touchpoints, batches of ${cfg.batchSize}, ${cfg.concurrency} clients, site keys, late ratings; 1 run, spread over tenths`;
    if (copy) rows.push({ figure: 'COPY, bare table', value: perSec(copy.bare.median), how: `psql COPY of the same ${copy.rows} rows, ${copy.reps} reps, min–max ${copy.bare.min}–${copy.bare.max}` });
    if (copy) rows.push({ figure: 'COPY, with indexes', value: perSec(copy.indexed.median), how: `same, into LIKE touchpoint INCLUDING ALL, min–max ${copy.indexed.min}–${copy.indexed.max}` });
    if (ing && copy) {
      rows.push({ figure: 'ingest', value: perSec(ing.perSec), how: `${ingHow} ${ing.segmentRates.min}–${ing.segmentRates.max}/s; ${ing.ratings} ratings in ${ing.ratingCalls} calls` });
      rows.push({ figure: 'ingest / COPY', value: ratio(ingestRatio), target: '≥ 0.50', met: ingestRatio >= 0.5, how: 'ingest ÷ bare COPY median' });
      rows.push({ figure: 'batch latency p50 / p99', value: `${ms(ing.batchLatency.p50Ms)} / ${ms(ing.batchLatency.p99Ms)}`, how: `${ing.batches} recordTouchpoints calls` });
      rows.push({
        figure: 'ratings call p50 / p99',
        value: `${ms(ing.ratingLatency.p50Ms)} / ${ms(ing.ratingLatency.p99Ms)}`,
        how: `${ing.ratingCalls} recordSatisfactions calls, ${ing.ratings} ratings; the peer's: ${peer ? `${ms(peer.ratingLatency.p50Ms)} / ${ms(peer.ratingLatency.p99Ms)} in ${peer.ratingCalls} calls` : 'not run'}`,
      });
    }
    if (ing && peer?.cpu && ing.cpu) {
      const cpuX = ing.cpu.serverUsPerTouchpoint / peer.cpu.serverUsPerTouchpoint;
      const rateX = ing.perSec / peer.perSec;
      rows.push({ figure: 'peer (bare Apollo) ingest', value: perSec(peer.perSec), how: `same batches and clients into a bare copy of touchpoint (unnest, ON CONFLICT DO NOTHING); batch p99 ${ms(peer.batchLatency.p99Ms)}` });
      rows.push({ figure: 'ingest / peer rate', value: ratio(rateX), target: '≥ 0.50', met: rateX >= 0.5, how: `${perSec(ing.perSec)} ÷ ${perSec(peer.perSec)}` });
      rows.push({ figure: 'gateway CPU / touchpoint', value: `${ing.cpu.serverUsPerTouchpoint} µs`, how: `gateway utime+stime over the ingest phase (/proc) ÷ touchpoints sent; PostgreSQL ${ing.cpu.pgUsPerTouchpoint} µs` });
      rows.push({ figure: 'peer CPU / row', value: `${peer.cpu.serverUsPerTouchpoint} µs`, how: `peer process, same way; PostgreSQL ${peer.cpu.pgUsPerTouchpoint} µs` });
      rows.push({ figure: 'gateway CPU ÷ peer CPU', value: ratio(cpuX), target: '≤ 2×', met: cpuX <= 2, how: 'per touchpoint, same run' });
    }
    if (dup && ing) rows.push({ figure: 'ingest, 50% duplicates', value: perSec(dup.perSec), target: '≥ 0.8 × ingest', met: dup.perSec >= 0.8 * ing.perSec, how: `${dup.resent} re-sends of stored items; ${round(dup.perSec / ing.perSec, 2)}× ingest` });
    if (atLarge && ing) rows.push({ figure: `ingest at ${(largest.rows / 1e6).toFixed(1)}M rows`, value: perSec(atLarge.perSec), target: '≥ 0.9 × ingest', met: atLarge.perSec >= 0.9 * ing.perSec, how: `${ingHow}; ${round(atLarge.perSec / ing.perSec, 2)}× ingest` });
    if (atLarge) rows.push({ figure: `WAL per touchpoint at ${(largest.rows / 1e6).toFixed(1)}M rows`, value: `${Math.round(atLarge.pg.walBytesPerTouchpoint)} B`, target: '≤ 2,000 B', met: atLarge.pg.walBytesPerTouchpoint <= 2000, how: `WAL bytes (insert position) / touchpoints sent; ${atLarge.pg.fullPageImagesPerTouchpoint} full-page images, ${atLarge.pg.blocksReadPerTouchpoint} blocks read per touchpoint` });
    if (largest) {
      const targets = new Map(scoreQueries(BENCH_GROUP, org.projects[0], Date.now()).map((q) => [q.key, q.targetMs ?? 20]));
      for (const [k, v] of Object.entries(largest.queries)) {
        const small = smallest.queries[k];
        const target = targets.get(k) ?? 20;
        rows.push({ figure: k, value: `${ms(v.p50Ms)} / ${ms(v.p95Ms)}`, target: `p95 ≤ ${target} ms`, met: v.p95Ms <= target, how: `p50 / p95 of ${v.n} sequential calls at ${largest.rows} rows; at ${smallest.rows}: ${ms(small.p50Ms)} / ${ms(small.p95Ms)}` });
      }
      rows.push({ figure: 'raw scan, group 30 d', value: ms(rawMs), how: `plain SQL aggregate over touchpoint, median of ${cfg.rawReps}; at ${smallest.rows}: ${ms(spread(smallest.raw.ms).median)}` });
      rows.push({ figure: 'rollups vs raw scan', value: ratio(rawMs / groupP95), target: '≥ 50×', met: rawMs / groupP95 >= 50, how: 'raw scan median ÷ engagementScore(group) p95' });
    }
    if (feed) {
      const t = feed.touchpoint as Latency;
      const s = feed.scores as Latency;
      const how = `${feed.clients} clients (${JSON.stringify(feed.subscriptions)}), ${feed.achievedRate}/s in batches of ${cfg.feedBatch}, ${cfg.feedSeconds} s`;
      rows.push({ figure: 'feed touchpoint p50 / p99', value: `${ms(t.p50Ms)} / ${ms(t.p99Ms)}`, target: 'p99 ≤ 100 ms', met: t.p99Ms <= 100, how: `${t.n} deliveries; ${how}` });
      rows.push({ figure: 'feed scores p50 / p99', value: `${ms(s.p50Ms)} / ${ms(s.p99Ms)}`, target: 'p99 ≤ 1.2 s', met: s.p99Ms <= 1200, how: 'touchpoint receivedAt → next scores event of that client' });
    }
    if (exportRun) rows.push({ figure: 'CSV export, whole group', value: `${Math.round(exportRun.footprint.rssMbMax)} MB`, how: `max gateway RSS while ${exportRun.rows} rows (${Math.round(exportRun.bytes / 2 ** 20)} MB) streamed in ${exportRun.seconds} s, ${exportRun.rowsPerSec}/s` });
    if (fpIngest) rows.push({ figure: 'gateway under ingest', value: `${Math.round(fpIngest.rssMbMax)} MB`, how: `max RSS; CPU ${Math.round(fpIngest.cpuPercent)}% of a core, PostgreSQL ${Math.round(fpIngest.pgCpuPercent ?? NaN)}% (/proc, steady part)` });
    if (fpFeed) rows.push({ figure: 'gateway under feed', value: `${Math.round(fpFeed.rssMbMax)} MB`, target: 'RSS ≤ 400 MB', met: fpFeed.rssMbMax <= 400, how: `max RSS with ${cfg.feedClients} clients; CPU ${Math.round(fpFeed.cpuPercent)}% of a core, PostgreSQL ${Math.round(fpFeed.pgCpuPercent ?? NaN)}%` });
    if (upkeep) {
      const how = `${cfg.customerUpkeepRounds} alternating rounds of ${cfg.customerUpkeepRows} touchpoints each (off ${upkeep.rounds.off.join(', ')}/s; on ${upkeep.rounds.on.join(', ')}/s)`;
      rows.push({ figure: 'ingest slowdown, customer upkeep', value: `${round(upkeep.slowdown * 100, 1)} %`, target: '≤ 10 %', met: upkeep.slowdown <= 0.1, how });
    }
    for (const c of customerSets) {
      rows.push({ figure: `customer profile at ${(c.rows / 1e6).toFixed(1)}M rows`, value: `${ms(c.customer.p50Ms)} / ${ms(c.customer.p95Ms)}`, target: 'p95 ≤ 30 ms', met: c.customer.p95Ms <= 30, how: `p50 / p95 of ${c.customer.n} sequential calls, a customer with ${c.touchpoints} touchpoints in ${c.units} units` });
      rows.push({ figure: `customer timeline at ${(c.rows / 1e6).toFixed(1)}M rows`, value: `${ms(c.timeline.p50Ms)} / ${ms(c.timeline.p95Ms)}`, target: 'p95 ≤ 30 ms', met: c.timeline.p95Ms <= 30, how: 'first page of 50, same customer' });
    }
    if (risk) {
      const m = risk.model;
      const how = `seed ${risk.seed}: ${risk.touchpoints} touchpoints of ${risk.customers} customers over 180 days, ${m.trainingRatings} training / ${m.holdoutRatings} held-out ratings`;
      rows.push({ figure: 'risk: AUC (hold-out)', value: String(m.auc === null ? 'n/a' : round(m.auc, 3)), how });
      rows.push({ figure: 'risk: precision@50 vs last rating', value: `${m.precisionAt50 === null ? 'n/a' : round(m.precisionAt50, 3)} vs ${m.baselinePrecisionAt50 === null ? 'n/a' : round(m.baselinePrecisionAt50, 3)}`, met: (m.precisionAt50 ?? 0) > (m.baselinePrecisionAt50 ?? 1), target: '> baseline', how: 'latest 20 % of ratings by time' });
      if (risk.loop) rows.push({ figure: 'risk: gateway event-loop delay while fitting', value: `${ms(risk.loop.during.maxMs)} max`, how: `loop-probe in the gateway, ${risk.loop.during.windows} windows of 5 s during the job: worst p99 ${ms(risk.loop.during.p99MaxMs)}; idle, 20 s before the load: max ${ms(risk.loop.before.maxMs)}` });
      rows.push({ figure: `risk: fit at ${Math.round((m.trainingRatings + m.holdoutRatings) / 1000)}k ratings`, value: risk.fitMs === null ? 'n/a' : ms(risk.fitMs), how: `read + features + worker fit + rescoring every customer (the gateway's log); waited ${Math.round(risk.waitedMs / 1000)} s for the job's tick` });
    }
    if (commitments) rows.push(...commitmentRows(commitments));
    for (const x of ab ?? []) {
      rows.push({
        figure: `A/B: ${x.variant}`,
        value: perSec(x.medianPerSec),
        how: `median of ${x.perSec.length} alternating rounds (${x.perSec.join(', ')}/s), ${x.rateVsFirst}× the first variant's rate (paired by two rounds: median ${x.medianPairedRate}× of [${x.pairedRate.join(', ')}], ${interval(x.pairedRateInterval)}; gateway + PostgreSQL CPU ${x.medianPairedServerCpu}× of [${x.pairedServerCpu.join(', ')}], ${interval(x.pairedServerCpuInterval)}); gateway CPU ${x.medianCpuUs} µs/touchpoint (${x.cpuVsFirst}×), PostgreSQL ${x.medianPgCpuUs} µs, WAL ${x.medianWalBytes} B/touchpoint`,
      });
    }
    if (retention) {
      const how = `runRetention with QIHE_RETENTION_DAYS=60 over ${retention.rowsBefore} rows spread over 90 days: ${retention.droppedTouchpointPartitions} touchpoint and ${retention.droppedKeyPartitions} key partitions, ${retention.rowsBefore - retention.rowsAfter} rows`;
      rows.push({ figure: 'retention run, 30 days dropped', value: `${retention.seconds} s`, target: 'seconds', met: retention.seconds < 10, how: `${how}; the days settled before it` });
      rows.push({
        figure: 'settling the loaded days (the storage job, each day once it is past)',
        value: `${retention.settleSeconds} s`,
        how: `settleOwnDays over ${retention.settledDays} days, ${retention.settledTouchpoints} touchpoints: ${Math.round((retention.settleSeconds * 1e6) / Math.max(1, retention.settledTouchpoints))} µs per touchpoint`,
      });
      rows.push({ figure: 'scores after retention', value: retention.unchanged ? 'unchanged' : `max diff ${retention.maxAbsDiff}`, target: '= before (1e-9)', met: retention.unchanged, how: `${retention.queriesCompared} score answers of the bench's queries (kept 30 d windows and an 85-day one) before vs after settling and after the run` });
    }
    if (scale) rows.push(...scaleRows(scale));
    r.table = rows;
    const out = resolve(args.out as string);
    mkdirSync(resolve(out, '..'), { recursive: true });
    writeFileSync(out, JSON.stringify(r, null, 2) + '\n');
    return rows;
  };
  const checkpoint = (): void => {
    try {
      save();
    } catch (e) {
      console.warn(`could not write the results so far: ${(e as Error).message}`);
    }
  };
  // Ctrl-C (or a kill) still stops what the bench started.
  const abort = (signal: string): void => {
    console.error(`${signal}: stopping the gateway and PostgreSQL`);
    void gw
      .stop()
      .finally(() => db.stop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', () => abort('SIGINT'));
  process.once('SIGTERM', () => abort('SIGTERM'));

  try {
    if (phases.has('ingest')) {
      const planned = new Planner(org.seed, { seed: 'bench-ingest', lateRatingRatio: cfg.lateRatingRatio }).plan({ total: cfg.ingestRows, batchSize: cfg.batchSize });
      const batches = planned.batches;
      copy = await copyBaseline(db.url, dir, batches, cfg.copyReps);
      console.log(`COPY of the same ${copy.rows} rows: ${perSec(copy.bare.median)} bare, ${perSec(copy.indexed.median)} with the table's indexes`);
      if (args.peer) {
        const p = await startPeer(db.url);
        try {
          peer = await ingestPhase('peer (bare Apollo)', p.url, batches, cfg.concurrency, db.url, { server: p.pid, pg: db.cluster.process.pid });
        } finally {
          await p.stop();
        }
        console.log(`peer: ${perSec(peer.perSec)}, ${peer.cpu?.serverUsPerTouchpoint} µs of peer CPU and ${peer.cpu?.pgUsPerTouchpoint} µs of PostgreSQL CPU per row, batch p99 ${ms(peer.batchLatency.p99Ms)}`);
      }
      // The week the plan's repeats meet (workload.ts), stored before the clock starts.
      await storeHistory(gw.url, planned.history, cfg.concurrency, 'ingest');
      const sampler = new FootprintSampler(gw.pid, db.cluster.process.pid);
      const counting = await resetStatements(db.url);
      const measured = await walDuring(
        db.url,
        args.profile ? db.cluster.dataDir : null,
        async () => {
          const run = await ingestPhase('ingest', gw.url, batches, cfg.concurrency, db.url, { server: gw.pid, pg: db.cluster.process.pid });
          fpIngest = sampler.stop();
          return run;
        },
        (run) => run.touchpoints,
      );
      ing = measured.value;
      if (measured.wal) {
        wal = measured.wal;
        console.log(printWal(wal));
      }
      if (counting) {
        statements = await readStatements(db.url, ing.touchpoints);
        console.log(`PostgreSQL execution time per touchpoint, by statement (pg_stat_statements):\n${printStatements(statements)}`);
      }
      console.log(`gateway: ${ing.cpu?.serverUsPerTouchpoint} µs of CPU and PostgreSQL ${ing.cpu?.pgUsPerTouchpoint} µs per touchpoint`);
      console.log(`ingest: ${perSec(ing.perSec)} (${ing.accepted} accepted, ${ing.ratings} late ratings, ${ing.rejected} rejected), batch p50 ${ms(ing.batchLatency.p50Ms)} p99 ${ms(ing.batchLatency.p99Ms)}; PostgreSQL per touchpoint ${pgWork(ing)}`);
      const dupBatches = planBatches(org.seed, { total: cfg.ingestRows, batchSize: cfg.batchSize, seed: 'bench-dup', duplicateRatio: 0.5, resendFrom: batches, lateRatingRatio: cfg.lateRatingRatio });
      dup = await ingestPhase('ingest, 50% duplicates', gw.url, dupBatches, cfg.concurrency, db.url);
      console.log(`ingest with ${dup.resent} re-sends: ${perSec(dup.perSec)} (${dup.accepted} accepted, ${dup.duplicates} duplicates)`);
      checkpoint();
    }
    if (phases.has('feed')) {
      const token = await login(gw.url, EXEC.username, EXEC.password);
      const units = watchedUnits(cfg.feedClients, BENCH_GROUP, org.businessUnits, org.projects);
      const b = bar('feed clients', units.length, 'clients');
      const t0 = performance.now();
      const watchers = await connectWatchers(gw.url, token, units, (n) => b.update(n));
      b.stop();
      const connectMs = performance.now() - t0;
      const batches = planBatches(org.seed, { total: cfg.feedRate * cfg.feedSeconds, batchSize: cfg.feedBatch, seed: 'bench-feed' });
      const sampler = new FootprintSampler(gw.pid, db.cluster.process.pid);
      const fb = bar(`feed, ${cfg.feedRate}/s`, cfg.feedRate * cfg.feedSeconds, 'touchpoints');
      const run = await runFeed(gw.url, watchers, batches, { rate: cfg.feedRate, concurrency: 8, warmupMs: 5000, onTick: (n) => fb.update(n) });
      fb.stop();
      fpFeed = sampler.stop(0.25);
      closeWatchers(watchers);
      const subscriptions: Record<string, number> = {};
      for (const u of units) {
        const level = u === BENCH_GROUP ? 'group' : u.startsWith('bu-') ? 'businessUnit' : 'project';
        subscriptions[level] = (subscriptions[level] ?? 0) + 1;
      }
      feed = {
        clients: cfg.feedClients,
        subscriptions,
        connectMs: Math.round(connectMs),
        sentTouchpoints: run.sentTouchpoints,
        sendErrors: run.sendErrors,
        targetRate: run.targetRate,
        achievedRate: round(run.achievedRate, 0),
        batchSize: cfg.feedBatch,
        seconds: cfg.feedSeconds,
        touchpointEvents: run.touchpointEvents,
        scoresEvents: run.scoresEvents,
        touchpoint: latency(run.touchpointMs),
        scores: latency(run.scoresMs),
      };
      checkpoint();
      console.log(`feed: touchpoint p50 ${ms((feed.touchpoint as Latency).p50Ms)} p99 ${ms((feed.touchpoint as Latency).p99Ms)}, scores p99 ${ms((feed.scores as Latency).p99Ms)}`);
    }
    if (phases.has('scores')) {
      await truncateAll(db.url);
      const token = await login(gw.url, EXEC.username, EXEC.password);
      const sizes = [cfg.smallRows, ...(cfg.largeRows > cfg.smallRows ? [cfg.largeRows] : [])];
      const day = 86_400_000;
      let loaded = 0;
      for (const size of sizes) {
        const now = Date.now();
        // Each size is loaded afresh, in time order, over the 90 days before now: the table
        // looks like one filled day by day (appending a second 90 days would not).
        await truncateAll(db.url);
        const lb = bar(`COPY ${(size / 1e6).toFixed(0)}M rows`, size);
        const loadMs = await bulkLoad(db.url, org.seed, { rows: size, fromMs: now - 90 * day, toMs: now - 60_000, seed: `bench-bulk-${size}`, onProgress: (n) => lb.update(n) });
        lb.stop();
        loaded = await countRows(db.url);
        const rb = bar(`rebuildRollups ${(size / 1e6).toFixed(0)}M`, loaded);
        const rebuildMs = await rebuild(db.url, org.seed, (n) => rb.update(n));
        rb.stop();
        const queries: ScoreSet = {};
        let apiOverall: number | null = null;
        for (const q of scoreQueries(BENCH_GROUP, org.projects[0], Date.now())) {
          const t = await timeQuery(gw.url, token, q, cfg.scoreReps);
          const { sample, ...lat } = t;
          queries[q.key] = lat;
          if (q.key === 'engagementScore_group_30d') apiOverall = (sample as { engagementScore: { overall: number | null } }).engagementScore.overall;
        }
        const raw = await rawScan(db.url, unitIdsOf(org.seed), Date.now(), cfg.rawReps);
        // Issue 12: the plans of the drill-down's SQL, and (once, at the first size) a whole-group export's memory.
        drillPlans[String(size)] = await explainDrill(db.url, org.seed, BENCH_GROUP, org.projects[0], Date.now());
        if (!exportRun) {
          exportRun = await timeExport(gw.url, token, gw.pid, BENCH_GROUP, Date.now(), 91);
          console.log(`export: ${exportRun.rows} rows, ${Math.round(exportRun.bytes / 2 ** 20)} MB in ${exportRun.seconds} s; gateway RSS max ${Math.round(exportRun.footprint.rssMbMax)} MB`);
        }
        scoreSets[String(size)] = { rows: loaded, queries, raw, apiOverall: apiOverall === null ? null : round(apiOverall, 6), loadMs: Math.round(loadMs), rebuildMs: Math.round(rebuildMs) };
        checkpoint();
        console.log(`scores at ${loaded} rows: group 30 d p95 ${ms(queries.engagementScore_group_30d.p95Ms)}; raw scan ${ms(spread(raw.ms).median)}; load ${Math.round(loadMs / 1000)} s, rebuild ${Math.round(rebuildMs / 1000)} s`);
      }
      if (phases.has('ingest')) {
        const batches = planBatches(org.seed, { total: cfg.ingestRows, batchSize: cfg.batchSize, seed: 'bench-ingest-large', lateRatingRatio: cfg.lateRatingRatio });
        atLarge = await ingestPhase(`ingest at ${(loaded / 1e6).toFixed(0)}M rows`, gw.url, batches, cfg.concurrency, db.url);
        console.log(`ingest at ${loaded} rows: ${perSec(atLarge.perSec)}; PostgreSQL per touchpoint ${pgWork(atLarge)} (empty table: ${ing ? pgWork(ing) : 'not run'})`);
        checkpoint();
      }
      if (phases.has('retention')) {
        retention = await retentionPhase(gw.url, db.url, token, BENCH_GROUP, org.projects[0]);
        checkpoint();
        console.log(`retention at ${retention.rowsBefore} rows: ${retention.droppedTouchpointPartitions} day partitions (${retention.rowsBefore - retention.rowsAfter} rows) dropped in ${retention.seconds} s; ${retention.queriesCompared} score answers ${retention.unchanged ? 'unchanged' : `CHANGED (max diff ${retention.maxAbsDiff})`}`);
      }
    }
    if (phases.has('ab')) {
      ab = await abPhase({
        dbUrl: db.url,
        pgPid: db.cluster.process.pid ?? -1,
        dataDir: args.profile ? db.cluster.dataDir : undefined,
        seedFile: org.file,
        seed: org.seed,
        variants: parseVariants(args.ab as string),
        rounds: Number(args['ab-rounds']),
        rows: args['ab-rows'] ? Number(args['ab-rows']) : quick ? 10_000 : 40_000,
        batchSize: cfg.batchSize,
        // 1: one batch per transaction, so WAL and rows per touchpoint do not depend on how group commit merged calls
        concurrency: args['ab-concurrency'] ? Number(args['ab-concurrency']) : cfg.concurrency,
      });
      checkpoint();
      for (const x of ab) if (x.walByTable) console.log(`A/B ${x.variant}, last round:\n${printWal(x.walByTable, 14)}`);
      for (const x of ab) console.log(`A/B ${x.variant}: ${perSec(x.medianPerSec)} (${x.rateVsFirst}×; paired by two rounds ${x.medianPairedRate}× [${x.pairedRate.join(', ')}] ${interval(x.pairedRateInterval)}, gateway + PostgreSQL CPU ${x.medianPairedServerCpu}× [${x.pairedServerCpu.join(', ')}] ${interval(x.pairedServerCpuInterval)}), gateway CPU ${x.medianCpuUs} µs/tp (${x.cpuVsFirst}×) [${x.cpuUs.join(', ')}], PostgreSQL ${x.medianPgCpuUs} µs/tp [${x.pgCpuUs.join(', ')}], WAL ${x.medianWalBytes} B/tp [${x.walBytes.join(', ')}], without full-page images ${x.medianWalRecordBytes} B/tp [${x.walRecordBytes.join(', ')}], rates [${x.perSec.join(', ')}], batch p99 [${x.batchP99Ms.join(', ')}] ms; repeats marked ${x.repeats.marked} of ${x.repeats.touchpoints} (the rule recounted: ${x.repeats.recounted})`);
      for (const x of ab) {
        console.log(`A/B ${x.variant} rows: touchpoint updates/tp [${x.touchpointUpdates.join(', ')}] (late ratings/tp [${x.ratingsPerTouchpoint.join(', ')}]; HOT [${x.touchpointHotShare.join(', ')}]), rollup_hour inserts/tp [${x.rollupHourInserts.join(', ')}], updates/tp [${x.rollupHourUpdates.join(', ')}]`);
      }
    }
    if (phases.has('customers')) {
      if (cfg.customerUpkeepRounds > 0) {
        upkeep = await customerUpkeepPhase(gw.url, db.url, org.seed, { rows: cfg.customerUpkeepRows, rounds: cfg.customerUpkeepRounds, batchSize: cfg.batchSize, concurrency: cfg.concurrency });
        console.log(`customer upkeep: ingest ${perSec(upkeep.offMedian)} off, ${perSec(upkeep.onMedian)} on: ${round(upkeep.slowdown * 100, 1)} % slower`);
        checkpoint();
      }
      const token = await login(gw.url, EXEC.username, EXEC.password);
      await truncateAll(db.url);
      const now = Date.now();
      const lb = bar(`COPY ${(cfg.customerRows / 1e6).toFixed(0)}M rows`, cfg.customerRows);
      await bulkLoad(db.url, org.seed, { rows: cfg.customerRows, fromMs: now - 365 * 86_400_000, toMs: now - 60_000, seed: `bench-customers-${cfg.customerRows}`, onProgress: (n) => lb.update(n) });
      lb.stop();
      const summaryMs = await rebuildCustomerSummary(db.url);
      const c = await customerProfilePhase(gw.url, db.url, token, org.projects, cfg.scoreReps);
      customerSets.push(c);
      checkpoint();
      console.log(`customer profile at ${c.rows} rows: p95 ${ms(c.customer.p95Ms)}, timeline p95 ${ms(c.timeline.p95Ms)} (summary recount ${Math.round(summaryMs / 1000)} s)`);
    }
    if (phases.has('risk')) {
      const token = await login(gw.url, EXEC.username, EXEC.password);
      risk = await riskPhase(gw.url, db.url, token, org.seed, { ratings: cfg.riskRatings, rngSeed: cfg.riskSeed, output: () => gw.output(), loopFile });
      checkpoint();
      console.log(`risk on ${risk.seed}: AUC ${risk.model.auc}, precision@50 ${risk.model.precisionAt50} vs ${risk.model.baselinePrecisionAt50}; fit ${risk.fitMs} ms; gateway event-loop delay during the fit: p99 ≤ ${risk.loop?.during.p99MaxMs} ms, max ${risk.loop?.during.maxMs} ms (before: ${risk.loop?.before.maxMs} ms); load average ${loadavg()[0].toFixed(1)}`);
    }
    if (phases.has('scale')) {
      const token = await login(gw.url, EXEC.username, EXEC.password);
      const set = await ensureScaleSet(db.url, gw.url, token, org.seed, org.projects, Number(args['scale-rows']), args['scale-rollups'] !== 'none');
      console.log(`scale set: ${set.rows} rows over ${set.units} units, ${set.reused ? `reused (loaded ${set.loadedAt})` : 'loaded now'}: COPY ${Math.round(set.loadMs / 1000)} s, rollups ${Math.round(set.rebuildMs / 1000)} s, customer summary ${Math.round(set.summaryMs / 1000)} s`);
      const only = args['scale-only'] ? new Set((args['scale-only'] as string).split(',')) : null;
      const m = await measureScale(gw.url, db.url, token, gw.pid, org.seed, BENCH_GROUP, org.projects[0], {
        reps: cfg.scoreReps,
        exportRows: Number(args['export-rows']),
        only: only ? (k) => [...only].some((o) => k.startsWith(o)) : undefined,
      });
      scale = { set, ...m };
      checkpoint();
      if (phases.has('retention')) {
        // Issue 15 at this size: 30 days dropped, every score answer before vs after (retention.ts). It changes
        // the set for good: it is forgotten, so the next run loads it afresh.
        retention = await retentionPhase(gw.url, db.url, token, BENCH_GROUP, org.projects[0]);
        await withClient(db.url, (c) => c.query('DELETE FROM bench_scale_set'));
        checkpoint();
        console.log(`retention at ${retention.rowsBefore} rows: ${retention.droppedTouchpointPartitions} day partitions (${retention.rowsBefore - retention.rowsAfter} rows) dropped in ${retention.seconds} s; ${retention.queriesCompared} score answers ${retention.unchanged ? 'unchanged' : `CHANGED (max diff ${retention.maxAbsDiff})`} (load average ${loadavg()[0].toFixed(1)})`);
      }
      if (Number(args['scale-ingest']) > 0) {
        // Issue 15: ingest into the loaded table vs an empty one, and WAL per touchpoint at this size (scale-ingest.ts).
        scale.ingest = await scaleIngest({ gwUrl: gw.url, dbUrl: db.url }, org.seed, org.file, {
          rows: Number(args['scale-ingest']),
          rounds: Number(args['scale-ingest-rounds']),
          batchSize: cfg.batchSize,
          concurrency: cfg.concurrency,
          lateRatingRatio: cfg.lateRatingRatio,
          dataDir: db.cluster.dataDir,
        });
        checkpoint();
      }
    }
    if (phases.has('commitments') || phases.has('commitment-ingest') || phases.has('commitment-queries')) {
      commitments = await commitmentsPhase({
        url: gw.url,
        dbUrl: db.url,
        token: await login(gw.url, EXEC.username, EXEC.password),
        group: BENCH_GROUP,
        businessUnits: org.businessUnits,
        plan: (seed) => planBatches(org.seed, { total: cfg.ingestRows, batchSize: cfg.batchSize, seed, lateRatingRatio: cfg.lateRatingRatio }),
        concurrency: cfg.concurrency,
        rounds: phases.has('commitment-queries') ? 0 : quick ? 2 : 3,
        queries: !phases.has('commitment-ingest'),
        instances: 1_000_000,
        reps: cfg.scoreReps,
      });
      checkpoint();
    }
  } catch (e) {
    console.error(`the gateway's last words:\n${gw.output().split('\n').slice(-30).join('\n')}`);
    throw e;
  } finally {
    await gw.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (args.profile && existsSync(profDir)) {
    // The gateway's main thread (thread 0), not its workers (the risk fit).
    const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile') && f.includes(`.${gw.pid}.0.`)).sort();
    if (files.length) {
      profile = summariseProfile(join(profDir, files[files.length - 1]));
      steps = profileSteps(join(profDir, files[files.length - 1]));
      console.log(printProfile(profile));
      console.log(printSteps(steps, (ing?.touchpoints ?? 0) + (dup?.touchpoints ?? 0) || undefined));
    }
  }

  const rows = save();
  console.log(`\n${table(rows)}\n\nresults: ${resolve(args.out as string)} (${Math.round((Date.now() - started) / 1000)} s)`);
}

function scaleRows(s: ScaleResult): Row[] {
  const at = `${(s.touchpoints / 1e6).toFixed(1)}M rows, ${s.set.units} units`;
  const rows: Row[] = s.queries.map((q) => ({
    figure: `${q.key} (${at})`,
    value: `${ms(q.p50Ms)} / ${ms(q.p95Ms)}`,
    target: `p95 ≤ ${q.targetMs} ms`,
    met: q.p95Ms <= q.targetMs,
    how: `p50 / p95 of ${q.n} sequential calls; load average ${q.load[0]} → ${q.load[1]} (2 cores, shared: an upper bound)`,
  }));
  const c = s.customer;
  const how = `a customer with ${c.touchpoints} touchpoints in ${c.units} units; load average ${c.load[0]} → ${c.load[1]}`;
  rows.push({ figure: `customer profile (${at})`, value: `${ms(c.customer.p50Ms)} / ${ms(c.customer.p95Ms)}`, target: 'p95 ≤ 30 ms', met: c.customer.p95Ms <= 30, how });
  rows.push({ figure: `customer timeline (${at})`, value: `${ms(c.timeline.p50Ms)} / ${ms(c.timeline.p95Ms)}`, target: 'p95 ≤ 30 ms', met: c.timeline.p95Ms <= 30, how: `first page of 50; ${how}` });
  if (s.ingest) {
    const g = s.ingest;
    const runs = g.rounds.map((x) => `${x.loaded.perSec}/${x.empty.perSec} per s (load ${x.load[0]} → ${x.load[1]})`).join('; ');
    rows.push({ figure: `ingest into the loaded table (${at})`, value: `${g.ratio}× empty`, target: '≥ 0.9×', met: g.ratio >= 0.9, how: `${g.touchpointsPerRound} touchpoints a round, loaded/empty: ${runs}` });
    rows.push({ figure: `WAL per touchpoint (${at})`, value: `${g.walBytesPerTouchpoint} B`, target: '≤ 2,000 B', met: g.walBytesPerTouchpoint <= 2000, how: `WAL bytes (insert position); full-page images per touchpoint ${g.rounds.map((x) => x.loaded.pg.fullPageImagesPerTouchpoint).join(', ')}; empty table: ${g.rounds.map((x) => Math.round(x.empty.pg.walBytesPerTouchpoint)).join(', ')} B` });
  }
  if (s.export) {
    const e = s.export;
    rows.push({ figure: `CSV export (${at})`, value: `${Math.round(e.footprint.rssMbMax)} MB`, how: `max gateway RSS while ${e.rows} rows of the newest ${e.days} d (${Math.round(e.bytes / 2 ** 20)} MB) streamed in ${e.seconds} s; load average ${e.load[0]} → ${e.load[1]}` });
  }
  return rows;
}

// Exit once done: pooled keep-alive sockets and socket.io clients must not keep the bench alive.
const soak = (): Promise<void> =>
  runSoak({
    minutes: Number(args['soak-minutes']),
    rate: Number(args['soak-rate']),
    clients: Number(args['soak-clients']),
    batchSize: 100,
    concurrency: 8,
    lateRatingRatio: cfg.lateRatingRatio,
    out: args.out as string,
    pgConf: args['pg-conf'],
  });

(args.soak ? soak() : main()).then(
  () => process.exit(),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

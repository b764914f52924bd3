import { FeedEvent } from '@qihe/contracts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeWatchers, connectWatchers, watchedUnits } from './feed';
import { procSample, startBenchGateway, treeCpuSec } from './gateway';
import { BENCH_GROUP, benchOrg, EXEC } from './org';
import { pgSettings, startBenchDatabase } from './pg';
import { login } from './scores';
import { checkSoak, type SoakCheck } from './soak-check';
import { SoakLoad } from './soak-load';
import { quantile, round } from './stats';
import { trend, type Trend } from './trend';

// `npm run bench -- --soak [--soak-minutes 10] [--soak-rate 1000] [--soak-clients 200]`:
// a steady load held for minutes against the durable PostgreSQL — touchpoints
// at a fixed rate with late ratings, feed clients listening — reporting per
// minute the gateway's RSS, its event-loop delay (measured inside it) and the
// latencies, a flat/growth verdict from a slope test over the minutes (the
// first, warm-up minute left out), and at the end: nothing lost, nothing
// stored twice, every rating right, rollups equal to a recount.

export interface SoakOptions {
  minutes: number;
  rate: number;
  clients: number;
  batchSize: number;
  concurrency: number;
  lateRatingRatio: number;
  out: string;
  pgConf?: string;
}

export interface SoakMinute {
  minute: number;
  sent: number;
  ratePerSec: number;
  accepted: number;
  rejected: number;
  unknown: number;
  ratings: number;
  rssMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  batchP50Ms: number;
  batchP99Ms: number;
  feedP50Ms: number;
  feedP99Ms: number;
  feedEvents: number;
  gatewayCpu: number;
  pgCpu: number;
}

const PROBE = resolve(__dirname, 'loop-probe.js');
const pad = (s: string | number, n: number): string => String(s).padStart(n);
const HEADER = `${pad('min', 3)} ${pad('sent/s', 7)} ${pad('rated', 6)} ${pad('RSS MB', 7)} ${pad('loop p99', 9)} ${pad('loop max', 9)} ${pad('call p50', 9)} ${pad('call p99', 9)} ${pad('feed p50', 9)} ${pad('feed p99', 9)} ${pad('events', 8)} ${pad('gw CPU', 7)} ${pad('pg CPU', 7)}`;
const line = (m: SoakMinute): string =>
  `${pad(m.minute, 3)} ${pad(Math.round(m.ratePerSec), 7)} ${pad(m.ratings, 6)} ${pad(round(m.rssMb, 1), 7)} ${pad(round(m.loopP99Ms, 1), 9)} ${pad(round(m.loopMaxMs, 1), 9)} ${pad(round(m.batchP50Ms, 1), 9)} ${pad(round(m.batchP99Ms, 1), 9)} ${pad(round(m.feedP50Ms, 1), 9)} ${pad(round(m.feedP99Ms, 1), 9)} ${pad(m.feedEvents, 8)} ${pad(`${Math.round(m.gatewayCpu)}%`, 7)} ${pad(`${Math.round(m.pgCpu)}%`, 7)}`;

export async function runSoak(opts: SoakOptions): Promise<void> {
  for (const [name, v] of [['--soak-minutes', opts.minutes], ['--soak-rate', opts.rate], ['--soak-clients', opts.clients]] as const) {
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number, got ${v}`);
  }
  const started = Date.now();
  const db = await startBenchDatabase(opts.pgConf);
  const dir = mkdtempSync(join(tmpdir(), 'qihe-soak-'));
  const loopFile = join(dir, 'loop.jsonl');
  writeFileSync(loopFile, '');
  const org = benchOrg(dir);
  const gw = await startBenchGateway({ databaseUrl: db.url, seedFile: org.file, nodeArgs: ['--require', PROBE], env: { QIHE_BENCH_LOOP_FILE: loopFile } });
  const stopAll = async (): Promise<void> => {
    await gw.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const abort = (signal: string): void => {
    console.error(`${signal}: stopping the gateway and PostgreSQL`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => abort('SIGINT'));
  process.once('SIGTERM', () => abort('SIGTERM'));

  try {
    const settings = await pgSettings(db.url);
    const load0 = loadavg().map((x) => round(x, 1));
    console.log(
      `qihe soak: ${opts.rate} touchpoints/s (batches of ${opts.batchSize}, ${opts.concurrency} in flight, late ratings ${opts.lateRatingRatio}), ${opts.clients} feed clients, ${opts.minutes} min; ` +
        `PostgreSQL ${settings.server_version} fsync=${settings.fsync} synchronous_commit=${settings.synchronous_commit}; ${cpus().length} cores, load average ${load0.join(' ')} at the start`,
    );
    const token = await login(gw.url, EXEC.username, EXEC.password);
    const watchers = await connectWatchers(gw.url, token, watchedUnits(opts.clients, BENCH_GROUP, org.businessUnits, org.projects));
    let feedMs: number[] = [];
    let feedEvents = 0;
    let disconnects = 0; // before the soak closes them itself
    let closing = false;
    for (const w of watchers) {
      w.socket.on(FeedEvent.touchpoint, (e) => {
        feedEvents++;
        feedMs.push(Date.now() - Date.parse(e.receivedAt));
      });
      w.socket.on('disconnect', () => {
        if (!closing) disconnects++;
      });
    }

    const load = new SoakLoad(gw.url, org.seed, opts);
    const t0 = Date.now();
    const end = t0 + opts.minutes * 60_000;
    const minutes: SoakMinute[] = [];
    let rss: number[] = [];
    const rssTimer = setInterval(() => {
      const s = procSample(gw.pid);
      if (s) rss.push(s.rssMb);
    }, 1000);
    let cpuMark = { at: Date.now(), gw: procSample(gw.pid)?.cpuSec ?? 0, pg: treeCpuSec(db.cluster.process.pid ?? 0) };
    let lastClose = t0;
    const closeMinute = (): void => {
      const m = load.takeMinute();
      const now = Date.now();
      const minuteStart = lastClose;
      const seconds = (now - lastClose) / 1000;
      lastClose = now;
      const loop = readFileSync(loopFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { at: number; p99: number; max: number })
        .filter((p) => p.at > minuteStart && p.at <= now);
      const cpu = { at: now, gw: procSample(gw.pid)?.cpuSec ?? cpuMark.gw, pg: treeCpuSec(db.cluster.process.pid ?? 0) };
      const wall = (cpu.at - cpuMark.at) / 1000;
      const row: SoakMinute = {
        minute: minutes.length + 1,
        sent: m.sent,
        ratePerSec: m.sent / seconds,
        accepted: m.accepted,
        rejected: m.rejected,
        unknown: m.unknown,
        ratings: m.ratingsSent - m.ratingsRejected,
        rssMb: rss.length ? Math.max(...rss) : NaN,
        loopP99Ms: loop.length ? Math.max(...loop.map((p) => p.p99)) : NaN,
        loopMaxMs: loop.length ? Math.max(...loop.map((p) => p.max)) : NaN,
        batchP50Ms: quantile(m.batchMs, 0.5),
        batchP99Ms: quantile(m.batchMs, 0.99),
        feedP50Ms: quantile(feedMs, 0.5),
        feedP99Ms: quantile(feedMs, 0.99),
        feedEvents,
        gatewayCpu: ((cpu.gw - cpuMark.gw) / wall) * 100,
        pgCpu: ((cpu.pg - cpuMark.pg) / wall) * 100,
      };
      cpuMark = cpu;
      rss = [];
      feedMs = [];
      feedEvents = 0;
      minutes.push(row);
      if (row.minute === 1) console.log(HEADER);
      console.log(line(row));
    };
    const minuteTimer = setInterval(closeMinute, 60_000);
    try {
      await load.run(end);
      // The last minute, unless the timer just closed it (a sliver of a minute is no point of its own).
      if (Date.now() - lastClose > 30_000) closeMinute();
    } finally {
      clearInterval(minuteTimer);
      clearInterval(rssTimer);
    }
    await new Promise((r) => setTimeout(r, 2000)); // the last events on their way
    closing = true;
    closeWatchers(watchers);
    const loadEnd = loadavg().map((x) => round(x, 1));

    console.log('checking PostgreSQL: every accepted touchpoint stored once, ratings, rollups against a recount …');
    const check = await checkSoak(db.url, org.seed, load.outcome);
    // The first minute warms up (JIT, pools, caches): the slope is taken over the rest.
    const steady = minutes.length >= 4 ? minutes.slice(1) : minutes;
    const series = (pick: (m: SoakMinute) => number): Trend => trend(steady.map((m) => ({ x: m.minute, y: pick(m) })).filter((p) => Number.isFinite(p.y)));
    const trends = {
      rssMb: series((m) => m.rssMb),
      loopP99Ms: series((m) => m.loopP99Ms),
      batchP99Ms: series((m) => m.batchP99Ms),
      feedP99Ms: series((m) => m.feedP99Ms),
    };
    // Held: the whole run at ≥ 98 % of the rate, and every minute after the warm-up at ≥ 95 % (the sender catches up on a slow start).
    const overallRate = minutes.reduce((s, m) => s + m.sent, 0) / ((lastClose - t0) / 1000);
    const held = overallRate >= 0.98 * opts.rate && minutes.slice(1).every((m) => m.ratePerSec >= 0.95 * opts.rate);
    const verdicts = Object.values(trends).map((t) => t.verdict);
    const shape = verdicts.includes('growth') ? 'GROWTH' : verdicts.includes('too short') ? 'TOO SHORT to judge (at least 4 minutes)' : 'FLAT';
    const flat = shape === 'FLAT';
    const intact = check.lost === 0 && check.unexpected === 0 && check.wrongRatings === 0;
    const exact = check.rollupDiffs.hour === 0 && check.rollupDiffs.day === 0 && check.rollupDiffs.minute === 0;

    console.log('\ntrend over minutes ' + steady.map((m) => m.minute).join(',') + ' (OLS slope per minute, one-sided t-test, growth = significant and > 10 % over the run):');
    for (const [k, t] of Object.entries(trends)) {
      console.log(`  ${k.padEnd(11)} slope ${round(t.slope, 2)}/min  t ${round(t.t, 2)}  over the run ${round(t.relativeGrowth * 100, 1)} %  → ${t.verdict}`);
    }
    console.log(
      [
        `rate: ${Math.round(overallRate)}/s over the run (target ${opts.rate}/s: ${held ? 'held' : 'NOT held'}, ≥ 98 % overall and ≥ 95 % in each minute after the first); feed clients disconnected: ${disconnects}`,
        `touchpoints: ${check.accepted} accepted, ${check.stored} stored, ${check.lost} lost, ${check.unexpected} unexpected; ${check.unknown} of failed calls (${check.unknownStored} of them stored)`,
        `ratings: ${check.wrongRatings} stored with another score than the last one accepted`,
        `rollups vs recount (${check.recountMs} ms): ${check.rollupDiffs.hour}/${check.rollupRows.hour} hour rows, ${check.rollupDiffs.day}/${check.rollupRows.day} day rows, ${check.rollupDiffs.minute} recent minute rows differ`,
        `load average ${load0.join(' ')} → ${loadEnd.join(' ')} on ${cpus().length} cores (a shared machine inflates latencies and CPU)`,
        `verdict: ${shape}; ${intact ? 'nothing lost' : 'DATA PROBLEM'}; ${exact ? 'rollups exact' : 'ROLLUPS DIFFER'}; rate ${held ? 'held' : 'NOT held'}`,
      ].join('\n'),
    );
    const out = resolve(opts.out);
    mkdirSync(resolve(out, '..'), { recursive: true });
    const result = { when: new Date().toISOString(), options: opts, wallSeconds: Math.round((Date.now() - started) / 1000), loadAverage: { start: load0, end: loadEnd }, cores: cpus().length, minutes, trends, overallRate: Math.round(overallRate), held, disconnects, check: check satisfies SoakCheck, verdict: { shape, flat, intact, exact } };
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`results: ${out}`);
    if (!intact || !exact) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

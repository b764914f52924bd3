import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { parseSeed, SeedError } from '@qihe/domain';
import { runTraffic, type TrafficSummary } from './traffic';

// The traffic generator's command line: reads the org and site keys from a
// seed file and pushes realistic touchpoints at a gateway.

const USAGE = `Usage: node dist/tools/traffic/src/main.js [options]

  --url URL              gateway base URL (default http://localhost:3000)
  --seed-file PATH       org, users and site keys (default infra/seed/demo-org.json)
  --rate N               touchpoints per second, re-sends included (default 50)
  --duration SEC         run this long (default 60 when --total is not given)
  --total N              send this many touchpoints, then stop
  --batch N              touchpoints per call (default 20, at most 1000)
  --concurrency N        calls in flight at once (default 4)
  --duplicates R         share of re-sent touchpoints, 0..1 (default 0.05)
  --late-ratings R       share of served, unrated touchpoints rated later, 0..1 (default 0.25)
  --sites a,b            only these site ids (default: every site of the file)
  --no-commitments       make no tracked promises (default: promises naming the
                         seed file's level-1 commitment codes, their steps done
                         on time, late or never with recordCommitmentEvents)
  --seed S               PRNG seed, to reproduce a run (default: the clock)
  --timeout MS           per-call timeout (default 10000)
  -h, --help             this text

Exits 1 when a call failed for good or a touchpoint or commitment event was rejected.`;

function numberArg(name: string, raw: string | undefined, fallback: number, check: (n: number) => boolean, rule: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${rule}, got "${raw}"`);
  return n;
}

class UsageError extends Error {}

const positive = (n: number): boolean => n > 0;
const positiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;
const ratio = (n: number): boolean => n >= 0 && n < 1;

function printSummary(s: TrafficSummary): void {
  const rate = s.elapsedMs > 0 ? (s.sent / (s.elapsedMs / 1000)).toFixed(1) : '–';
  const rows: [string, string | number][] = [
    ['seed', s.seed],
    ['sent', `${s.sent} (${s.resent} re-sent) in ${s.batches} calls, ${rate}/s`],
    ['accepted', s.accepted],
    ['duplicates', s.duplicates],
    ['rejected', s.rejected + (s.rejected ? `  ${JSON.stringify(s.rejectedByCode)}` : '')],
    ['failed', s.failed],
    ['late ratings', s.ratings + (s.ratingsSkipped ? ` (${s.ratingsSkipped} skipped)` : '')],
    ['errors', s.errors],
    ['elapsed', `${(s.elapsedMs / 1000).toFixed(1)} s`],
  ];
  console.log('\nTraffic summary');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(13)}${v}`);
  const c = s.commitments;
  if (c) {
    const rej = c.rejected ? ` (${JSON.stringify(c.rejectedByCode)})` : '';
    console.log(`  ${'commitments'.padEnd(13)}${c.planned} step events planned: ${c.accepted} accepted, ${c.duplicates} duplicates, ${c.rejected} rejected${rej}, ${c.givenUp} given up, ${c.waiting} not due yet`);
  }
  for (const e of s.errorSamples) console.log(`  error: ${e}`);
}

function readArgs() {
  return parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:3000' },
      'seed-file': { type: 'string', default: 'infra/seed/demo-org.json' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      total: { type: 'string' },
      batch: { type: 'string' },
      concurrency: { type: 'string' },
      duplicates: { type: 'string' },
      'late-ratings': { type: 'string' },
      sites: { type: 'string' },
      seed: { type: 'string' },
      'no-commitments': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}

async function main(): Promise<number> {
  let values: ReturnType<typeof readArgs>['values'];
  try {
    values = readArgs().values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e)); // unknown option, missing value
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  const rate = numberArg('rate', values.rate, 50, positive, 'a positive number');
  const total = values.total === undefined ? undefined : numberArg('total', values.total, 0, positiveInt, 'a positive integer');
  const durationSec =
    values.duration !== undefined
      ? numberArg('duration', values.duration, 60, positive, 'a positive number of seconds')
      : total === undefined
        ? 60
        : undefined;
  const batchSize = numberArg('batch', values.batch, 20, (n) => positiveInt(n) && n <= 1000, 'an integer in 1..1000');
  const concurrency = numberArg('concurrency', values.concurrency, 4, positiveInt, 'a positive integer');
  const duplicateRatio = numberArg('duplicates', values.duplicates, 0.05, ratio, 'a ratio in [0, 1)');
  const lateRatingRatio = numberArg('late-ratings', values['late-ratings'], 0.25, (n) => n >= 0 && n <= 1, 'a ratio in [0, 1]');
  const timeoutMs = numberArg('timeout', values.timeout, 10_000, positive, 'a positive number of milliseconds');

  const file = resolve(values['seed-file']);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read the seed file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const seed = parseSeed(raw);
  let sites = seed.sites;
  if (values.sites) {
    const wanted = values.sites.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted.filter((id) => !sites.some((s) => s.id === id));
    if (unknown.length) throw new UsageError(`unknown site(s) in --sites: ${unknown.join(', ')}`);
    sites = sites.filter((s) => wanted.includes(s.id));
  }
  if (sites.length === 0) throw new UsageError(`the seed file ${file} has no site keys to send with`);

  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130); // a second Ctrl-C does not wait
    controller.abort();
  });

  const target = total ?? Math.round(rate * (durationSec ?? 0));
  console.log(
    `Sending to ${values.url}: ${target} touchpoints at ${rate}/s through ${sites.length} site(s), batches of ${batchSize}, ${concurrency} in flight. Ctrl-C stops.`,
  );
  const bar = new SingleBar(
    {
      format: '{bar} {percentage}% | {value}/{total} | acc {accepted} dup {duplicates} rej {rejected} rated {ratings} err {errors} | {rate}/s',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(target, 0, { accepted: 0, duplicates: 0, rejected: 0, ratings: 0, errors: 0, rate: '0.0' });

  const summary = await runTraffic({
    url: values.url,
    units: seed.units,
    sites,
    rate,
    total,
    durationSec,
    batchSize,
    concurrency,
    duplicateRatio,
    lateRatingRatio,
    seed: values.seed,
    commitments: values['no-commitments'] ? undefined : seed.commitments,
    perceptionPoints: seed.perceptionPoints,
    client: { timeoutMs },
    signal: controller.signal,
    onProgress: (p) => {
      const done = p.accepted + p.duplicates + p.rejected + p.failed;
      if (p.target !== null && done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, {
        accepted: p.accepted,
        duplicates: p.duplicates,
        rejected: p.rejected,
        ratings: p.ratings,
        errors: p.errors,
        rate: p.elapsedMs > 0 ? (done / (p.elapsedMs / 1000)).toFixed(1) : '0.0',
      });
    },
  });
  bar.stop();
  printSummary(summary);
  return summary.errors > 0 || summary.rejected > 0 || (summary.commitments?.rejected ?? 0) > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof SeedError) console.error(e.message);
    else console.error(e);
    if (e instanceof UsageError) console.error(`\n${USAGE}`);
    process.exitCode = 2;
  },
);

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROFILE_QUERY, PROFILED_CUSTOMER, TIMELINE_QUERY } from './customers';
import { startBenchGateway } from './gateway';
import { benchOrg, EXEC } from './org';
import { startBenchDatabase } from './pg';
import { freezeRiskJob } from './scale';
import { gql, login } from './scores';
import { latency, median, round } from './stats';

// The customer lens A/B on a loaded set (issue 14, docs/PERFORMANCE.md "Customer profile at 10 M, again"):
// gateway builds in alternating rounds over one data dir, each timed on the same profiled customer.
// Besides latency it reports the gateway's own CPU per call (utime + stime from /proc), which a shared
// machine moves far less than wall time.
//   node dist/tools/bench/src/customer-ab.js --data-dir /work/data/scale12 --rounds 4 --calls 100 \
//     --variants 'before:/tmp/x/dist/apps/gateway/src/main.js;after:'
// A variant with no path runs this build's gateway.

const args = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    variants: { type: 'string', default: 'this build:' },
    rounds: { type: 'string', default: '3' },
    calls: { type: 'string', default: '100' },
    'scale-units': { type: 'string', default: '10000' },
  },
}).values;

const PROFILE = String(PROFILE_QUERY);
const TIMELINE = String(TIMELINE_QUERY);

/** The process's CPU time so far (user + system), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

interface Run {
  p50: number;
  p95: number;
  cpuMsPerCall: number;
}

async function timeCalls(url: string, pid: number, token: string, query: string, calls: number): Promise<Run> {
  for (let i = 0; i < 5; i++) await gql(url, token, query, { c: PROFILED_CUSTOMER });
  const cpu0 = cpuMs(pid);
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await gql(url, token, query, { c: PROFILED_CUSTOMER });
    ms.push(performance.now() - t0);
  }
  const l = latency(ms);
  return { p50: l.p50Ms, p95: l.p95Ms, cpuMsPerCall: round((cpuMs(pid) - cpu0) / calls, 2) };
}

async function main(): Promise<void> {
  if (!args['data-dir']) throw new Error('--data-dir is required (a set the scale phase loaded)');
  const variants = (args.variants as string).split(';').map((v) => {
    const i = v.indexOf(':');
    return { name: v.slice(0, i), main: v.slice(i + 1) || undefined };
  });
  const db = await startBenchDatabase(undefined, args['data-dir']);
  const dir = mkdtempSync(join(tmpdir(), 'qihe-customer-ab-'));
  const org = benchOrg(dir, 20, Math.ceil(Number(args['scale-units']) / 20));
  const calls = Number(args.calls);
  const results = new Map<string, { profile: Run[]; timeline: Run[]; load: number[] }>(variants.map((v) => [v.name, { profile: [], timeline: [], load: [] }]));
  try {
    await freezeRiskJob(db.url);
    for (let r = 0; r < Number(args.rounds); r++) {
      for (const v of variants) {
        const gw = await startBenchGateway({ databaseUrl: db.url, seedFile: org.file, main: v.main, startTimeoutMs: 30 * 60_000 });
        try {
          const token = await login(gw.url, EXEC.username, EXEC.password);
          const res = results.get(v.name)!;
          res.load.push(round(loadavg()[0], 1));
          const p = await timeCalls(gw.url, gw.pid, token, PROFILE, calls);
          const t = await timeCalls(gw.url, gw.pid, token, TIMELINE, calls);
          res.profile.push(p);
          res.timeline.push(t);
          console.log(`${v.name} round ${r + 1} (load ${res.load[r]}): profile ${p.p50} / ${p.p95} ms, gateway CPU ${p.cpuMsPerCall} ms/call; timeline ${t.p50} / ${t.p95} ms, ${t.cpuMsPerCall} ms/call`);
        } finally {
          await gw.stop();
        }
      }
    }
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [name, r] of results) {
    const list = (runs: Run[], k: keyof Run): string => runs.map((x) => x[k]).join(', ');
    console.log(
      `${name}: profile p50 ${median(r.profile.map((x) => x.p50))} [${list(r.profile, 'p50')}], p95 ${median(r.profile.map((x) => x.p95))} [${list(r.profile, 'p95')}] ms, ` +
        `gateway CPU ${median(r.profile.map((x) => x.cpuMsPerCall))} [${list(r.profile, 'cpuMsPerCall')}] ms/call; ` +
        `timeline p50 ${median(r.timeline.map((x) => x.p50))}, p95 ${median(r.timeline.map((x) => x.p95))} ms, CPU ${median(r.timeline.map((x) => x.cpuMsPerCall))} ms/call; load ${r.load.join(', ')}`,
    );
  }
}

main().then(
  () => process.exit(),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

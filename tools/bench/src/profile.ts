import { readFileSync } from 'node:fs';

// Reads a V8 .cpuprofile (node --cpu-prof) and tells where the time went:
// self time per function and per origin (a package in node_modules, the
// project's own code, node internals, GC, idle).

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  parent?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  name: string;
  where: string;
  selfMs: number;
  share: number; // of busy (non-idle) time
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  busyMs: number;
  topFunctions: ProfileLine[];
  byOrigin: ProfileLine[];
}

/** Where a frame comes from: the package (node_modules/x), the project path, or node itself. */
export function originOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const own = /\/dist\/((?:apps|libs|tools)\/[^/]+\/src(?:\/[^/]+)?)/.exec(url);
  return own ? own[1] : url.replace(/^file:\/\//, '');
}

export function summariseProfile(file: string, top = 25): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, ProfileLine>();
  const origin = new Map<string, ProfileLine>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const f = (byId.get(id) as ProfileNode).callFrame;
    total += ms;
    if (f.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const where = f.url ? `${f.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}` : '';
    const name = f.functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const line = fn.get(key) ?? { name, where, selfMs: 0, share: 0 };
    line.selfMs += ms;
    fn.set(key, line);
    const o = originOf(f.url, name);
    const ol = origin.get(o) ?? { name: o, where: '', selfMs: 0, share: 0 };
    ol.selfMs += ms;
    origin.set(o, ol);
  }
  const busy = total - idle;
  const finish = (xs: Iterable<ProfileLine>): ProfileLine[] =>
    [...xs]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((l) => ({ ...l, selfMs: Math.round(l.selfMs), share: Math.round((l.selfMs / busy) * 1000) / 10 }));
  return { file, totalMs: Math.round(total), busyMs: Math.round(busy), topFunctions: finish(fn.values()), byOrigin: finish(origin.values()) };
}

// The steps of the ingest path (issue 16): a sample counts for the first step
// that a frame of its stack names, from the innermost frame outwards.
const STEPS: [string, (f: CallFrame) => boolean][] = [
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
  ['JSON parse (request body)', (f) => (f.functionName === 'parse' && !f.url) || /node_modules\/(body-parser|raw-body)\//.test(f.url)],
  ['JSON serialize', (f) => f.functionName === 'stringify' && !f.url],
  ['GraphQL variable coercion', (f) => /graphql\/(utilities\/coerceInputValue|execution\/values)/.test(f.url) || /graphql-jit\/dist\/variables/.test(f.url)],
  ['GraphQL parse / validate', (f) => /graphql\/(language|validation)\//.test(f.url)],
  ['class-validator / class-transformer', (f) => /node_modules\/class-(validator|transformer)\//.test(f.url)],
  ['per-item checks (libs/server)', (f) => /libs\/server\/src\/touchpoint-input\//.test(f.url)],
  ['content hash', (f) => /touchpointContentHash|canonicalTouchpoint/.test(f.functionName)],
  ['rollup deltas + counters', (f) => /libs\/data\/src\/rollup-deltas|libs\/domain\/src\/(counters|slices|facts)/.test(f.url)],
  ['SQL building (libs/data)', (f) => /libs\/data\/src\//.test(f.url)],
  ['pg driver', (f) => /node_modules\/(pg|pg-protocol|pg-types|pg-pool)\//.test(f.url)],
  ['group commit + ingestion service', (f) => /apps\/gateway\/src\/ingestion\//.test(f.url)],
  ['other domain / gateway code', (f) => /dist\/(libs|apps)\//.test(f.url)],
  ['GraphQL execute / graphql-jit', (f) => /node_modules\/(graphql|graphql-jit)\//.test(f.url)],
  ['Apollo Server', (f) => /node_modules\/@apollo\//.test(f.url)],
  ['Nest / Express / HTTP', (f) => /node_modules\/(@nestjs|express|router|rxjs|on-finished|finalhandler)\/|node:_http|node:http/.test(f.url)],
  ['sockets + streams (node)', (f) => f.functionName === 'writev' || f.functionName === 'writeBuffer' || /^node:(net|stream|internal\/stream)/.test(f.url)],
];

export interface StepLine {
  step: string;
  ms: number;
  share: number; // of busy time
}

/** Busy time of a profile by step of the ingest path (STEPS), from the first request on; the rest is "other". */
export function profileSteps(file: string): { busyMs: number; steps: StepLine[] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) (byId.get(c) as ProfileNode).parent = n.id;
  const stepOf = new Map<number, string | null>();
  const classify = (id: number): string | null => {
    if (stepOf.has(id)) return stepOf.get(id) as string | null;
    const n = byId.get(id) as ProfileNode;
    if (n.callFrame.functionName === '(idle)') return null;
    const own = STEPS.find(([, m]) => m(n.callFrame))?.[0];
    const s = own ?? (n.parent === undefined ? 'other' : classify(n.parent) ?? 'other');
    stepOf.set(id, s);
    return s;
  };
  const ms = new Map<string, number>();
  let busy = 0;
  // From the first request on: the gateway's start (module loading, Nest, migrations) is not the ingest path.
  // (the first batch's coercion comes a moment before its group commit: half a second of margin)
  const at: number[] = [];
  p.timeDeltas.reduce((t, d, i) => (at[i] = t + d), 0);
  // Not a sample of the gateway's start that merely loads the ingestion module (its top-level code is under
  // `require`): that put the start's second of module loading — typeorm, redis, pglite under libs/data's and
  // the feed's imports — into the steps (≈ 17 % of the busy time, a quarter of "SQL building").
  // Nor one of Nest making the service at start (its constructor builds the group commit: h16c saw the window
  // open there, 6 s before the first batch, with the start's module loading and schema building in the steps).
  const loading = new Map<number, boolean>();
  const STARTING = new Set(['Module._load', 'instantiateClass']);
  const underRequire = (id: number): boolean => {
    const known = loading.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id) as ProfileNode;
    const own = STARTING.has(n.callFrame.functionName) || (n.parent !== undefined && underRequire(n.parent));
    loading.set(id, own);
    return own;
  };
  const firstWrite = p.samples.findIndex((id) => classify(id) === 'group commit + ingestion service' && !underRequire(id));
  const from = firstWrite < 0 ? 0 : at[firstWrite] - 500_000;
  p.samples.forEach((id, i) => {
    if (at[i] < from || (byId.get(id) as ProfileNode).callFrame.functionName === '(idle)') return;
    const d = (p.timeDeltas[i] ?? 0) / 1000;
    busy += d;
    const s = classify(id) ?? 'other';
    ms.set(s, (ms.get(s) ?? 0) + d);
  });
  const steps = [...ms].map(([step, t]) => ({ step, ms: Math.round(t), share: Math.round((t / busy) * 1000) / 10 })).sort((a, b) => b.ms - a.ms);
  return { busyMs: Math.round(busy), steps };
}

export function printSteps(x: { busyMs: number; steps: StepLine[] }, perTouchpoint?: number): string {
  const lines = [`  busy time by step of the ingest path (${x.busyMs} ms busy):`];
  for (const s of x.steps) {
    const us = perTouchpoint ? `  ${String(Math.round(((s.ms * 1000) / perTouchpoint) * 10) / 10).padStart(6)} µs/tp` : '';
    lines.push(`    ${String(s.share).padStart(5)} %  ${String(s.ms).padStart(7)} ms${us}  ${s.step}`);
  }
  return lines.join('\n');
}

export function printProfile(s: ProfileSummary): string {
  const lines = [`profile ${s.file}: ${s.busyMs} ms busy of ${s.totalMs} ms`, '  self time by origin:'];
  for (const l of s.byOrigin.slice(0, 15)) lines.push(`    ${String(l.share).padStart(5)} %  ${String(l.selfMs).padStart(7)} ms  ${l.name}`);
  lines.push('  top functions by self time:');
  for (const l of s.topFunctions) lines.push(`    ${String(l.share).padStart(5)} %  ${String(l.selfMs).padStart(7)} ms  ${l.name}  ${l.where}`);
  return lines.join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node dist/tools/bench/src/profile.js <file.cpuprofile> [top] [touchpoints]');
    process.exit(2);
  }
  console.log(printProfile(summariseProfile(file, Number(process.argv[3] ?? 30))));
  console.log(printSteps(profileSteps(file), process.argv[4] ? Number(process.argv[4]) : undefined));
}

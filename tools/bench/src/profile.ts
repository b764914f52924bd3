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
    console.error('usage: node dist/tools/bench/src/profile.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(printProfile(summariseProfile(file, Number(process.argv[3] ?? 30))));
}

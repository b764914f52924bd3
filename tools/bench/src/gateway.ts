import { spawn, type ChildProcess } from 'node:child_process';
import { SERVICE_NODE_FLAGS } from '@qihe/contracts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The built gateway as its own process (as test/e2e/support/gateway-process.ts
// does, plus node flags for --cpu-prof), and its footprint read from /proc.

export const GATEWAY_MAIN = resolve(__dirname, '../../../apps/gateway/src/main.js');

export interface BenchGateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
  output(): string;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export async function startBenchGateway(opts: {
  databaseUrl: string;
  seedFile: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** How long to wait for /health (60 s by default). */
  startTimeoutMs?: number;
  /** Another build's main.js (a before/after comparison); this build's by default. */
  main?: string;
}): Promise<BenchGateway> {
  const main = opts.main ?? GATEWAY_MAIN;
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'qihe-bench-gw-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NO_COLOR: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: opts.databaseUrl,
    QIHE_SEED_FILE: opts.seedFile,
    QIHE_DATA_DIR: dataDir,
    QIHE_TOKEN_SECRET: 'bench-token-secret-0123456789-abcdefghijklmnop',
    ...opts.env,
  };
  const child: ChildProcess = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...(opts.nodeArgs ?? []), main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (d: Buffer): void => {
    lines.push(...d.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  const exit = new Promise<void>((r) =>
    child.once('exit', () => {
      exited = true;
      rmSync(dataDir, { recursive: true, force: true });
      r();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  // A gateway over a 10M-row set on a loaded machine takes minutes to boot (its migrations, its boot-time checks).
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`the gateway exited before it was healthy:\n${lines.join('\n')}`);
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the gateway did not become healthy:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid ?? -1,
    output: () => lines.join('\n'),
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

const CLK_TCK = 100; // Linux USER_HZ

export interface ProcSample {
  at: number;
  rssMb: number;
  cpuSec: number; // user + system since start
}

export function procSample(pid: number): ProcSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of stat)
    return { at: Date.now(), rssMb: rssKb / 1024, cpuSec: ticks / CLK_TCK };
  } catch {
    return null;
  }
}

/**
 * CPU seconds of PostgreSQL: the postmaster, its live backends, and the
 * backends that already exited (the postmaster's cutime/cstime), so the sum
 * only grows as connections come and go.
 */
export function treeCpuSec(parentPid: number): number {
  let ticks = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(d) === parentPid) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      else if (Number(f[1]) === parentPid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / CLK_TCK;
}

export interface Footprint {
  samples: number;
  rssMbMax: number;
  rssMbMedian: number;
  cpuPercent: number; // of one core, averaged over the steady part
  /** PostgreSQL (postmaster and backends) over the same span, when its pid was given. */
  pgCpuPercent: number | null;
}

/** Samples a process every second until stopped; the first `warmupShare` of samples is left out of the summary. */
export class FootprintSampler {
  private readonly samples: (ProcSample & { pgCpuSec: number })[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    private readonly pgPid?: number,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), 1000);
  }

  private take(): void {
    const s = procSample(this.pid);
    if (s) this.samples.push({ ...s, pgCpuSec: this.pgPid ? treeCpuSec(this.pgPid) : NaN });
  }

  stop(warmupShare = 0.2): Footprint {
    clearInterval(this.timer);
    this.take();
    const steady = this.samples.slice(Math.floor(this.samples.length * warmupShare));
    const first = steady[0];
    const last = steady[steady.length - 1];
    const rss = steady.map((s) => s.rssMb).sort((a, b) => a - b);
    const wall = last && first ? (last.at - first.at) / 1000 : 0;
    return {
      samples: steady.length,
      rssMbMax: rss.length ? rss[rss.length - 1] : NaN,
      rssMbMedian: rss.length ? rss[Math.floor(rss.length / 2)] : NaN,
      cpuPercent: wall > 0 ? ((last.cpuSec - first.cpuSec) / wall) * 100 : NaN,
      pgCpuPercent: wall > 0 && this.pgPid ? ((last.pgCpuSec - first.pgCpuSec) / wall) * 100 : null,
    };
  }
}

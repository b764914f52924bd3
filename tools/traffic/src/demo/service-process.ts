import { spawn, type ChildProcess } from 'node:child_process';
import { SERVICE_NODE_FLAGS } from '@qihe/contracts';

// Runs one of Qihe's services (gateway or site) as a child process, with its
// output prefixed, and waits until its /health answers.

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited, however it ended (a code, or a signal: then exitCode is null). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone (at once if it already is). */
  stop(graceMs?: number): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startService(opts: {
  name: string;
  main: string;
  port: number;
  env: Record<string, string>;
  echo?: (line: string) => void;
  timeoutMs?: number;
  /** Told of the child as soon as it is spawned, before it answers (so a caller can clean up one that never did). */
  onSpawn?: (child: ChildProcess) => void;
}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, opts.main], {
    env: { ...process.env, NO_COLOR: '1', ...opts.env, PORT: String(opts.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Listened to from the start, so an exit before stop() (a crash, a Ctrl-C that reached the child) is never missed.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  opts.onSpawn?.(child);
  const tail: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 100) tail.shift();
      opts.echo?.(`[${opts.name}] ${line}`);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (gone()) throw new Error(`${opts.name} exited (${child.signalCode ?? `code ${child.exitCode}`}):\n${tail.join('\n')}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} did not answer ${url}/health in time:\n${tail.join('\n')}`);
    }
    await sleep(200);
  }
  return {
    name: opts.name,
    url,
    child,
    exited,
    async stop(graceMs = 3000) {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

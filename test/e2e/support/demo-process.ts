import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { TypedDocument } from '@qihe/client';

// `npm run demo` as the e2e tests start it: the built launcher in its own
// process group (as a terminal starts a job), on free loopback ports.

export const ROOT = resolve(__dirname, '../../..');
export const DEMO = join(ROOT, 'dist/tools/traffic/src/demo/main.js');
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `n` consecutive free ports (the demo takes the gateway's port and the next three for its sites). */
export async function freePorts(n: number): Promise<number> {
  const free = (port: number): Promise<boolean> =>
    new Promise((r) => {
      const srv = createServer();
      srv.once('error', () => r(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => r(true)));
    });
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let ok = true;
    for (let p = base; p < base + n && ok; p++) ok = await free(p);
    if (ok) return base;
  }
}

export interface Demo {
  child: ChildProcess;
  output: () => string;
  until(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; ms: number }>;
  /** SIGINT to the whole group, as Ctrl-C in a terminal; returns when it was sent. */
  ctrlC(): number;
}

export function startDemo(dataDir: string, port: number, args: string[] = []): Demo {
  const child = spawn(process.execPath, [DEMO, '--port', String(port), '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    detached: true, // its own process group, like a job in a terminal
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  let signalledAt = 0;
  const exited = new Promise<{ code: number | null; ms: number }>((r) => child.once('exit', (code) => r({ code, ms: Date.now() - signalledAt })));
  return {
    child,
    output: () => out,
    async until(pattern, timeoutMs = 180_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const m = pattern.exec(out);
        if (m) return m;
        if (Date.now() > end || child.exitCode !== null) throw new Error(`no ${pattern} in the demo's output:\n${out}`);
        await sleep(200);
      }
    },
    exited,
    ctrlC() {
      signalledAt = Date.now();
      process.kill(-child.pid!, 'SIGINT');
      return signalledAt;
    },
  };
}

/** One GraphQL call to the demo's gateway; GraphQL errors throw with the body. */
export async function demoCall<T>(url: string, query: TypedDocument<T, never>, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { SERVICE_NODE_FLAGS } from '@qihe/contracts';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs the built gateway as a real process, the way an operator would, so e2e,
// site and fault tests exercise exactly what ships (no Nest test module).

export const GATEWAY_MAIN = resolve(__dirname, '../../../dist/apps/gateway/src/main.js');

export interface GatewayOptions {
  databaseUrl: string;
  seedFile: string;
  env?: Record<string, string>; // overrides/extra variables
  startTimeoutMs?: number; // default 30 s
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface GatewayProcess {
  url: string; // http://127.0.0.1:<port>
  port: number;
  dataDir: string;
  pid: number;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process is gone. */
  stop(): Promise<void>;
  /** Sends a signal (default SIGKILL) and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<ExitInfo>;
  /** The last lines the process wrote to stdout/stderr, for failure messages. */
  output(): string;
  exited: Promise<ExitInfo>;
}

export const TEST_TOKEN_SECRET = 'e2e-token-secret-0123456789-abcdefghijklmnop';
const OUTPUT_LINES = 300;

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startGateway(opts: GatewayOptions): Promise<GatewayProcess> {
  if (!existsSync(GATEWAY_MAIN)) {
    throw new Error(`${GATEWAY_MAIN} is missing: run \`npm run build\` in the repository root before the e2e tests`);
  }
  const port = opts.env?.PORT ? Number(opts.env.PORT) : await freePort();
  const dataDir = opts.env?.QIHE_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'qihe-e2e-data-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    NO_COLOR: '1', // plain logs in failure messages
    PORT: String(port),
    DATABASE_URL: opts.databaseUrl,
    QIHE_SEED_FILE: opts.seedFile,
    QIHE_DATA_DIR: dataDir,
    QIHE_TOKEN_SECRET: TEST_TOKEN_SECRET,
    ...opts.env,
  };
  const child: ChildProcess = spawn(process.execPath, [...SERVICE_NODE_FLAGS, GATEWAY_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });

  const lines: string[] = [];
  const verbose = process.env.QIHE_E2E_VERBOSE === '1';
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      lines.push(line);
      if (verbose) process.stderr.write(`[gateway:${port}] ${line}\n`);
    }
    if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitInfo: ExitInfo | null = null;
  const exited = new Promise<ExitInfo>((res) =>
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      res(exitInfo);
    }),
  );
  const output = (): string => lines.join('\n');

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 30_000);
  for (;;) {
    if (exitInfo) {
      const { code, signal } = exitInfo as ExitInfo;
      throw new Error(`the gateway exited before it was healthy (code ${code}, signal ${signal}):\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`GET ${url}/health did not answer 200 within ${opts.startTimeoutMs ?? 30_000} ms:\n${output()}`);
    }
    await sleep(150);
  }

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitInfo> => {
    if (!exitInfo) child.kill(signal);
    return exited;
  };
  const stop = async (): Promise<void> => {
    if (exitInfo) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, port, dataDir, pid: child.pid ?? -1, stop, kill, output, exited };
}

/** One GraphQL call to a gateway process: its data, or an error carrying the errors and the gateway's latest output. */
export async function gatewayData<T>(gw: GatewayProcess, query: unknown, variables: Record<string, unknown>, auth: string): Promise<T> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
    body: JSON.stringify({ query: String(query), variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}\n${gw.output().slice(-3000)}`);
  return body.data as T;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// runService's process-level handlers, in a real process built from what ships
// (dist): a promise rejected with no handler is logged and the service keeps
// answering; an uncaught exception is logged and the service closes gracefully
// and exits 1 for its supervisor to restart it.

const ROOT = resolve(__dirname, '../..');
const SERVICE = String.raw`
require('reflect-metadata');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { runService } = require('@qihe/server');
class ProbeModule {}
Module({})(ProbeModule);
runService('probe', () => ({}), async () => {
  const app = await NestFactory.create(ProbeModule, { logger: ['fatal', 'error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  console.log('PORT ' + app.getHttpServer().address().port);
  process.stdin.on('data', (chunk) => {
    for (const what of String(chunk).split('\n')) {
      if (what === 'reject') Promise.reject(new Error('a dropped promise'));
      if (what === 'throw') setTimeout(() => { throw new Error('a broken callback'); });
    }
  });
  return app;
});
`;

let child: ChildProcess;
let output = '';
let exit: Promise<number | null>;
let port = 0;

beforeAll(async () => {
  if (!existsSync(resolve(ROOT, 'dist/libs/server/src/index.js'))) throw new Error('run `npm run build` first');
  child = spawn(process.execPath, ['-e', SERVICE], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  const collect = (b: Buffer): void => void (output += b.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  exit = new Promise((res) => child.once('exit', (code) => res(code)));
  const deadline = Date.now() + 20_000;
  while (!/PORT (\d+)/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the probe service did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  port = Number(/PORT (\d+)/.exec(output)![1]);
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

const answers = async (): Promise<boolean> => (await fetch(`http://127.0.0.1:${port}/anything`, { signal: AbortSignal.timeout(3000) })).status === 404;

it('logs a promise rejected with no handler and keeps serving', async () => {
  for (let i = 0; i < 3; i++) child.stdin!.write('reject\n');
  await new Promise((r) => setTimeout(r, 500));
  expect(child.exitCode).toBeNull();
  expect(await answers()).toBe(true);
  expect(output.match(/unhandled rejection \(still serving\): Error: a dropped promise/g)).toHaveLength(3);
});

it('logs an uncaught exception, closes gracefully and exits 1', async () => {
  child.stdin!.write('throw\n');
  expect(await Promise.race([exit, new Promise((r) => setTimeout(() => r('still running'), 10_000))])).toBe(1);
  expect(output).toMatch(/uncaught exception: Error: a broken callback/);
  expect(output).toMatch(/uncaught exception: shutting down/);
});

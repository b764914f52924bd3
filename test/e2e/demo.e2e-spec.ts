import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from '../__generated__/gateway';
import { LOGIN } from '../support/documents';
import { DEMO, ROOT, demoCall, freePorts, sleep, startDemo, type Demo } from './support/demo-process';

// The newcomer's demo, run as `npm run demo` runs it (the built launcher, in
// its own process group as a terminal would start it): the gateway is stopped,
// started, killed and started again with `demo:gateway` on the demo's own data;
// a crash of the gateway does not keep Ctrl-C (SIGINT to the whole group, as a
// terminal sends it) from ending everything within 5 s; a second run resumes.

const COMMAND = join(ROOT, 'dist/tools/traffic/src/demo/gateway-command.js');

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

function gatewayCommand(dataDir: string, cmd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [COMMAND, cmd, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function up(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

const DEMO_TOUCHPOINTS = graphql(`
  query DemoTouchpoints($from: DateTime!, $to: DateTime!) { engagementScore(unitId: "group", from: $from, to: $to) { touchpoints } }
`);

/** Touchpoints the gateway holds for the demo group in the last day (the demo executive's view). */
async function stored(url: string): Promise<number> {
  const { login } = await demoCall(url, LOGIN, { u: 'exec', p: 'demo-exec-2026' });
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const from = new Date(hour - 24 * 3_600_000).toISOString();
  const to = new Date(hour + 3_600_000).toISOString();
  const data = await demoCall(url, DEMO_TOUCHPOINTS, { from, to }, login.token);
  return data.engagementScore.touchpoints;
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(500);
  }
}

let dataDir: string;
const running: Demo[] = [];

beforeAll(() => {
  if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`npm run build\` first`);
  dataDir = mkdtempSync(join(tmpdir(), 'qihe-demo-'));
});

afterAll(() => {
  for (const d of running) if (d.child.pid && groupAlive(d.child.pid)) process.kill(-d.child.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('breaks and mends the gateway on the demo data, stops within 5 s of Ctrl-C after a crash, and resumes', async () => {
  const port = await freePorts(4);
  const gateway = `http://127.0.0.1:${port}`;
  const demo = startDemo(dataDir, port);
  running.push(demo);
  expect((await demo.until(/data folder: (.*) \(new;/))[1]).toBe(dataDir);
  await demo.until(/virtual contact centre is running/);
  await eventually('the gateway holds touchpoints', async () => (await stored(gateway)) > 0);

  expect(gatewayCommand(dataDir, 'stop')).toMatchObject({ status: 0, out: expect.stringMatching(/the gateway is down/) });
  expect(await up(gateway)).toBe(false);
  await sleep(3000); // the agents keep logging at their sites meanwhile
  expect(gatewayCommand(dataDir, 'start')).toMatchObject({ status: 0, out: expect.stringMatching(/the gateway is up/) });
  const afterRestart = await stored(gateway);
  await eventually('the sites forward what they took while it was down', async () => (await stored(gateway)) > afterRestart);

  // A crash the launcher did not ask for (what `kill -9 <pid>` does): the old launcher then never finished stopping.
  const beforeCrash = await stored(gateway);
  const pids = [...demo.output().matchAll(/\(pid (\d+)\)/g)].map((m) => Number(m[1]));
  process.kill(pids[pids.length - 1], 'SIGKILL');
  await demo.until(/the gateway exited \(SIGKILL\)/);

  demo.ctrlC();
  const { code, ms } = await demo.exited;
  expect({ code, withinFiveSeconds: ms < 5000, tail: code === 0 ? '' : demo.output().slice(-3000) }).toEqual({ code: 0, withinFiveSeconds: true, tail: '' });
  await eventually('no process of the demo is left', async () => !groupAlive(demo.child.pid!), 5000);
  expect(gatewayCommand(dataDir, 'status')).toMatchObject({ status: 1, out: expect.stringMatching(/no demo is running/) });

  // The second run resumes on the same data: nothing of the first is lost, and the backlog the
  // sites took while the gateway was dead is forwarded into the same database.
  const again = startDemo(dataDir, port);
  running.push(again);
  await again.until(/data folder: .* \(resuming/);
  await again.until(/virtual contact centre is running/);
  await eventually('the resumed gateway holds more than before the crash', async () => (await stored(gateway)) > beforeCrash);
  again.ctrlC();
  const second = await again.exited;
  // The demo's own words say why it did not stop cleanly, should it not.
  expect({ code: second.code, withinFiveSeconds: second.ms < 5000, tail: second.code === 0 ? '' : again.output().slice(-3000) }).toEqual({
    code: 0,
    withinFiveSeconds: true,
    tail: '',
  });
}, 600_000);

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { parseSeed } from '@qihe/domain';
import type { TypedDocument } from '@qihe/client';
import { graphql } from '../__generated__/gateway';
import { LOGIN } from '../support/documents';
import { DEMO, ROOT, demoCall, freePorts, sleep, startDemo, type Demo } from './support/demo-process';

// `npm run demo` as a newcomer runs it, watched from the feed and the API:
// within five minutes of the launch a promise (one with steps owned by other
// units) is announced at risk, then broken; its trace names the other unit's
// step that broke it; a follow-up was opened for it; the owner unit's head
// finds the broken step under "owned". The demo's traffic does this by
// itself: the commitment clock runs 1440× and the units behind the promises
// do most steps on time, some late, some never.

const FIVE_MINUTES = 5 * 60_000;
const seed = parseSeed(JSON.parse(readFileSync(join(ROOT, 'infra/seed/demo-org.json'), 'utf8')));
// Promises whose steps other units own: their breach has a trace to follow.
const WITH_STEPS = new Set(seed.commitments.filter((d) => d.level === 1 && seed.commitments.some((c) => c.parentCode === d.code)).map((d) => d.code));
const password = (username: string): string => seed.users.find((u) => u.username === username)!.password;

const TRACE = graphql(`
  query DemoTrace($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean) {
    commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, states: [BREACHED], first: 500) {
      edges { node { id code level state touchpointId unit { id } ownerUnit { id } breachedBy { id code ownerUnit { id } breachedBy { id code ownerUnit { id } } } } }
    }
  }
`);
const FOLLOW_UPS = graphql(`
  query DemoFollowUps($unitId: ID!) {
    followUps(unitId: $unitId, first: 500) { edges { node { id reason state commitmentId touchpointId unit { id } } } }
  }
`);

interface Alert {
  type: string;
  commitmentId?: string;
  code?: string;
  touchpointId?: string;
  unitId: string;
  heardAt: number;
}

let dataDir: string;
let demo: Demo | undefined;
let socket: Socket | undefined;

beforeAll(() => {
  if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`npm run build\` first`);
  dataDir = mkdtempSync(join(tmpdir(), 'qihe-demo-commitments-'));
});

afterAll(() => {
  socket?.close();
  if (demo?.child.pid) {
    try {
      process.kill(-demo.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, deadline: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline || demo?.child.exitCode !== null) throw new Error(`timed out waiting until ${what}; the demo said:\n${demo?.output().slice(-4000)}`);
    await sleep(500);
  }
}

it('within five minutes of npm run demo, a promise turns amber then red, its trace names the other unit that broke it, and a follow-up is open for it', async () => {
  const port = await freePorts(4);
  const url = `http://127.0.0.1:${port}`;
  const launched = Date.now();
  const started = startDemo(dataDir, port);
  demo = started;
  await started.until(/virtual contact centre is running/);
  expect(started.output()).toMatch(/Service commitments run on a demo clock, 1440 times faster: REPAIR_48H is due 2 min after it is promised, at risk after 1.5 min/);

  const post = <T>(query: TypedDocument<T, never>, variables: Record<string, unknown>, token?: string): Promise<T> => demoCall(url, query, variables, token);
  const token = async (username: string): Promise<string> => (await post(LOGIN, { u: username, p: password(username) })).login.token;

  // The executive's live view: every alert of the group, as it arrives.
  const exec = await token('exec');
  const heard: Alert[] = [];
  socket = io(`${url}/feed`, { auth: { token: exec }, transports: ['websocket'], forceNew: true });
  socket.on('alert', (a: Omit<Alert, 'heardAt'>) => heard.push({ ...a, heardAt: Date.now() }));
  await new Promise<void>((res, rej) => socket!.once('connect', () => res()).once('connect_error', rej));
  expect(await socket.timeout(5000).emitWithAck('subscribe', { unitId: 'group' })).toEqual({ ok: true });

  // A promise with steps, heard at risk and later broken, within five minutes of the launch.
  const hour = Math.floor(launched / 3_600_000) * 3_600_000; // windows are whole hours
  const window = { from: new Date(hour - 3 * 3_600_000).toISOString(), to: new Date(hour + 2 * 3_600_000).toISOString() };
  const amberThenRed = (): string[] => {
    const red = heard.filter((a) => a.type === 'COMMITMENT_BROKEN' && WITH_STEPS.has(a.code ?? ''));
    return red.filter((r) => heard.some((a) => a.type === 'COMMITMENT_AT_RISK' && a.commitmentId === r.commitmentId && a.heardAt < r.heardAt)).map((r) => r.commitmentId as string);
  };
  const found = await until('a promise with steps turns amber then red, its trace leading to another unit', launched + FIVE_MINUTES, async () => {
    const ids = new Set(amberThenRed());
    if (ids.size === 0) return undefined;
    const { commitments } = await post(TRACE, { unitId: 'group', ...window, owned: false }, exec);
    // The trace: down breachedBy to a step owned by a unit other than the promise's.
    for (const { node } of commitments.edges) {
      if (!ids.has(node.id)) continue;
      const steps = node.breachedBy.flatMap((s) => [s, ...s.breachedBy]);
      const other = steps.find((s) => s.ownerUnit.id !== node.unit.id);
      if (other) return { promise: node, step: other };
    }
    return undefined;
  });
  const { promise, step } = found;
  expect([promise.level, promise.state]).toEqual([1, 'BREACHED']);
  const red = heard.find((a) => a.type === 'COMMITMENT_BROKEN' && a.commitmentId === promise.id)!;
  const amber = heard.find((a) => a.type === 'COMMITMENT_AT_RISK' && a.commitmentId === promise.id)!;
  console.log(`demo: ${promise.code} heard at risk ${Math.round((amber.heardAt - launched) / 1000)} s and broken ${Math.round((red.heardAt - launched) / 1000)} s after launch; broken by ${step.code} of ${step.ownerUnit.id}`);
  expect(red.heardAt - launched).toBeLessThanOrEqual(FIVE_MINUTES);

  // The follow-up opened for it, in the promise's unit, announced on the feed too.
  const { followUps } = await post(FOLLOW_UPS, { unitId: promise.unit.id }, exec);
  const followUp = followUps.edges.map((e) => e.node).find((f) => f.reason === 'COMMITMENT_BREACHED' && f.commitmentId === promise.id);
  expect(followUp).toMatchObject({ touchpointId: promise.touchpointId, unit: { id: promise.unit.id } });
  await until('FOLLOW_UP_OPENED is heard', Date.now() + 30_000, () => (heard.some((a) => a.type === 'FOLLOW_UP_OPENED' && a.commitmentId === promise.id) ? true : undefined));

  // The owner unit's head finds the broken step among the nodes their units own.
  const ownerHead = seed.users.find((u) => u.role === 'UNIT_HEAD' && seed.units.some((x) => x.id === step.ownerUnit.id && (x.id === u.unitId || x.parentId === u.unitId)))!;
  const owned = await post(TRACE, { unitId: ownerHead.unitId, ...window, owned: true }, await token(ownerHead.username));
  expect(owned.commitments.edges.map((e) => e.node.id)).toContain(step.id);

  started.ctrlC();
  await started.exited;
}, 480_000);

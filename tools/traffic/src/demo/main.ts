import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSeed, type CommitmentDefinition } from '@qihe/domain';
import { CommitmentPlanner, compressCatalogue } from '../commitment-plan';
import { CommitmentTraffic } from '../commitment-traffic';
import { runSiteTraffic, type SiteAgent } from '../site-traffic';
import { DEFAULT_DATA_DIR, removeDemoState, ROOT, runningDemo, takeGatewayCommand, writeDemoState, type GatewayCommand } from './demo-state';
import { startService, type ServiceProcess } from './service-process';

// `npm run demo`: the whole virtual contact centre on one machine — a gateway
// and three sites (group, business unit, project) on embedded databases in one
// data folder, with agents' traffic generated at the sites. Started again on
// the same folder, it resumes on its data. `npm run demo:gateway -- stop|start|kill`
// breaks and mends the gateway alone (SIGUSR2 to this process); Ctrl-C stops
// everything within seconds.

const DEMO_SITES = [
  { id: 'site-group', agent: 'agent.group' },
  { id: 'site-grid', agent: 'agent.grid' },
  { id: 'site-grid-uhv01', agent: 'agent.uhv' },
];
// Ctrl-C in a terminal reaches this process and its children, and npm forwards
// it once more: signals this close together are one request to stop.
const REPEAT_SIGNAL_MS = 1000;
// Service commitments run on a demo clock: a day of promise passes in a minute,
// so "repaired within 48 h" turns amber after 1.5 min and red after 2.
const DEFAULT_COMMITMENT_SPEED = 1440;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      rate: { type: 'string', default: '4' },
      'commitment-speed': { type: 'string', default: String(DEFAULT_COMMITMENT_SPEED) },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      'no-traffic': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const dataDir = resolve(values['data-dir'] as string);
  const other = runningDemo(dataDir);
  if (other) throw new Error(`a demo is already running from ${dataDir} (pid ${other.pid}); stop it first (Ctrl-C in its terminal)`);
  const resuming = existsSync(join(dataDir, 'gateway'));
  mkdirSync(dataDir, { recursive: true });
  console.log(`data folder: ${dataDir} (${resuming ? 'resuming on the data kept from the last run' : 'new'}; delete it to start afresh)`);

  const speed = Number(values['commitment-speed']);
  if (!(Number.isInteger(speed) && speed >= 1)) throw new Error(`--commitment-speed must be a whole number from 1 (real time), got "${values['commitment-speed']}"`);
  // The gateway reads the demo org with its catalogue on the demo clock, from the data folder.
  const raw = JSON.parse(readFileSync(join(ROOT, 'infra/seed/demo-org.json'), 'utf8')) as Record<string, unknown>;
  const seed = parseSeed(raw);
  seed.commitments = compressCatalogue(seed.commitments, speed);
  const seedFile = join(dataDir, 'demo-org.json');
  writeFileSync(seedFile, `${JSON.stringify({ ...raw, commitments: seed.commitments }, null, 2)}\n`);
  const echo = values.verbose ? (l: string) => console.log(l) : undefined;
  // Every child ever spawned: none may outlive the demo, not even one still starting when it stops.
  const children = new Set<ChildProcess>();
  const onSpawn = (child: ChildProcess): void => void children.add(child);
  process.on('exit', () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  const gatewayOptions = { name: 'gateway', main: join(ROOT, 'dist/apps/gateway/src/main.js'), port, env: { QIHE_DATA_DIR: join(dataDir, 'gateway'), QIHE_SEED_FILE: seedFile }, echo, onSpawn };
  const sites: ServiceProcess[] = [];
  let gateway: ServiceProcess | null = null;
  let stopping = false;

  const startGateway = async (): Promise<ServiceProcess> => {
    const g = await startService(gatewayOptions);
    void g.exited.then(({ code, signal }) => {
      if (stopping || gateway !== g) return;
      gateway = null;
      console.log(`the gateway exited (${signal ?? `code ${code}`}); the sites keep accepting work. Bring it back: ${commandLine('start')}`);
    });
    return g;
  };
  const stopAll = async (): Promise<void> => {
    await Promise.all([...sites, gateway].map((s) => s?.stop()));
  };
  // npm runs scripts from the repository root: a folder inside it is named from there.
  const inRoot = relative(ROOT, dataDir);
  const dirArg = dataDir === DEFAULT_DATA_DIR ? '' : ` --data-dir ${inRoot && !inRoot.startsWith('..') ? inRoot : dataDir}`;
  const commandLine = (cmd: GatewayCommand): string => `npm run demo:gateway -- ${cmd}${dirArg}`;

  console.log('starting the gateway …');
  gateway = await startGateway();
  const gatewayUrl = gateway.url;
  writeDemoState(dataDir, { pid: process.pid, port, gatewayUrl });
  process.on('exit', () => removeDemoState(dataDir));

  const agents: SiteAgent[] = [];
  const lines: string[] = [];
  try {
    for (const [i, s] of DEMO_SITES.entries()) {
      const site = seed.sites.find((x) => x.id === s.id)!;
      const user = seed.users.find((u) => u.username === s.agent)!;
      console.log(`starting ${site.id} (unit ${site.unitId}) …`);
      const proc = await startService({
        name: site.id,
        main: join(ROOT, 'dist/apps/site/src/main.js'),
        port: port + 1 + i,
        // A short backoff cap: a mended gateway gets the backlog within seconds, which is what the demo shows.
        env: { SITE_ID: site.id, UNIT_ID: site.unitId, GATEWAY_URL: gatewayUrl, SITE_KEY: site.key, SITE_DATA_DIR: join(dataDir, site.id), SITE_BACKOFF_MAX_MS: '5000' },
        echo,
        onSpawn,
      });
      sites.push(proc);
      agents.push({ siteUrl: proc.url, username: user.username, password: user.password, unitIds: [user.unitId] });
      lines.push(`  ${site.id.padEnd(18)} ${proc.url.padEnd(24)} agent ${user.username} / ${user.password}`);
    }
  } catch (err) {
    stopping = true;
    await stopAll();
    throw err;
  }

  console.log(
    [
      '',
      'Qihe demo: the virtual contact centre is running.',
      `  gateway            ${gatewayUrl}   console ${gatewayUrl}/  GraphQL ${gatewayUrl}/graphql  feed ${gatewayUrl}/feed  (pid ${gateway.child.pid})`,
      ...lines,
      'Sign in to the gateway console with:',
      ...seed.users.filter((u) => u.role !== 'AGENT').map((u) => `  ${u.username.padEnd(14)} ${u.password.padEnd(24)} ${u.role} of ${u.unitId}`),
      'Each site serves the agent console at its URL. Break the gateway and mend it, from another terminal:',
      `  ${commandLine('stop')}    stops only the gateway: the sites keep accepting work and their backlog grows`,
      `  ${commandLine('start')}   brings it back on the same data: each site forwards its backlog into it`,
      `  ${commandLine('kill')}    SIGKILLs it, as a crash would (then start it again)`,
      speed === 1 ? 'Service commitments run in real time (--commitment-speed 1).' : `Service commitments run on a demo clock, ${speed} times faster: ${clockExample(seed.commitments)} (--commitment-speed 1: real time).`,
      values['no-traffic'] ? '' : `Agents are logging about ${values.rate} touchpoints per second; the units behind their promises do most steps on time, some late, some never. Ctrl-C stops everything; npm run demo resumes.`,
      '',
    ].join('\n'),
  );

  // Gateway commands from `npm run demo:gateway`, one at a time.
  let commands = Promise.resolve();
  const carryOut = async (cmd: GatewayCommand): Promise<void> => {
    if (stopping) return;
    const g: ServiceProcess | null = gateway;
    if (cmd === 'start') {
      if (g) return void console.log('the gateway is already running');
      console.log('starting the gateway again …');
      gateway = await startGateway();
      return void console.log(`the gateway is back at ${gatewayUrl} (pid ${gateway.child.pid}): the sites forward their backlog`);
    }
    if (!g) return void console.log('the gateway is not running');
    gateway = null;
    if (cmd === 'kill') g.child.kill('SIGKILL');
    else await g.stop(10_000);
    await g.exited;
    console.log(`the gateway is ${cmd === 'kill' ? 'killed' : 'stopped'}; the sites keep accepting work. Bring it back: ${commandLine('start')}`);
  };
  process.on('SIGUSR2', () => {
    const cmd = takeGatewayCommand(dataDir);
    if (cmd) commands = commands.then(() => carryOut(cmd)).catch((err: Error) => console.error(`gateway ${cmd} failed: ${err.message}`));
  });

  const abort = new AbortController();
  let firstSignalAt = 0;
  const shutdown = (): void => {
    if (stopping) {
      if (Date.now() - firstSignalAt > REPEAT_SIGNAL_MS) process.exit(1); // a second, deliberate Ctrl-C
      return;
    }
    stopping = true;
    firstSignalAt = Date.now();
    console.log('\nstopping …');
    abort.abort();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  if (!values['no-traffic']) {
    let last = 0;
    // Steps of the promises the agents made are done by the units behind them, sent with their site's key.
    const planner = new CommitmentPlanner(seed.commitments, { seed: Date.now() });
    const keyOfUnit = new Map<string, string>();
    for (const s of DEMO_SITES) {
      const site = seed.sites.find((x) => x.id === s.id)!;
      keyOfUnit.set(seed.users.find((u) => u.username === s.agent)!.unitId, site.key);
    }
    const steps = new CommitmentTraffic({ url: gatewayUrl, keyFor: (u) => keyOfUnit.get(u) });
    steps.start();
    const summary = await runSiteTraffic({
      agents,
      units: seed.units,
      rate: Number(values.rate),
      trackedCodes: planner.levelOneCodes,
      perceptionPoints: seed.perceptionPoints,
      onConfirmed: (input) => steps.add(planner.plan(input)),
      signal: abort.signal,
      onProgress: (p) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        const c = steps.summary;
        console.log(`agents: ${p.confirmed} touchpoints logged, ${p.ratings} rated, ${p.retries} retries; commitment steps done: ${c.accepted}`);
      },
    });
    const done = await steps.stop();
    console.log(`agents logged ${[...summary.confirmed.values()].reduce((n, s) => n + s.size, 0)} touchpoints in ${Math.round(summary.elapsedMs / 1000)} s; ${done.accepted} commitment steps done`);
  } else {
    await new Promise<void>((r) => abort.signal.addEventListener('abort', () => r()));
  }
  await stopAll();
  console.log(`stopped. npm run demo resumes on ${dataDir}`);
  // Idle keep-alive sockets of the agents' clients must not hold the exit.
  process.exit(0);
}

/** "REPAIR_48H is due 2 min after it is promised, amber after 1.5 min": the first level-1 promise with steps. */
function clockExample(catalogue: readonly CommitmentDefinition[]): string {
  const top = catalogue.find((d) => d.level === 1 && catalogue.some((c) => c.parentCode === d.code)) ?? catalogue.find((d) => d.level === 1);
  if (!top) return 'the catalogue is empty';
  const warn = (top.targetMinutes * top.warnAtPercent) / 100;
  return `${top.code} is due ${top.targetMinutes} min after it is promised, at risk after ${Number(warn.toFixed(1))} min`;
}

main().catch((err) => {
  console.error(`demo failed: ${(err as Error).message}`);
  process.exit(1);
});

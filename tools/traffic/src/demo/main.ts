import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSeed } from '@qihe/domain';
import { runSiteTraffic, type SiteAgent } from '../site-traffic';
import { startService, type ServiceProcess } from './service-process';

// `npm run demo`: the whole virtual contact centre on one machine — a gateway
// and three sites (group, business unit, project) on embedded databases, with
// agents' traffic generated at the sites. Ctrl-C stops everything cleanly.

const ROOT = resolve(__dirname, '../../../../..');
const DEMO_SITES = [
  { id: 'site-group', agent: 'agent.group' },
  { id: 'site-grid', agent: 'agent.grid' },
  { id: 'site-grid-uhv01', agent: 'agent.uhv' },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3000' },
      rate: { type: 'string', default: '4' },
      'data-dir': { type: 'string', default: join(ROOT, '.qihe-demo') },
      'no-traffic': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const dataDir = resolve(values['data-dir'] as string);
  const seed = parseSeed(JSON.parse(readFileSync(join(ROOT, 'infra/seed/demo-org.json'), 'utf8')));
  const echo = values.verbose ? (l: string) => console.log(l) : undefined;
  const services: ServiceProcess[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(services.reverse().map((s) => s.stop()));
  };

  console.log('starting the gateway …');
  const gateway = await startService({
    name: 'gateway',
    main: join(ROOT, 'dist/apps/gateway/src/main.js'),
    port,
    env: { QIHE_DATA_DIR: join(dataDir, 'gateway') },
    echo,
  });
  services.push(gateway);

  const agents: SiteAgent[] = [];
  const lines: string[] = [];
  for (const [i, s] of DEMO_SITES.entries()) {
    const site = seed.sites.find((x) => x.id === s.id)!;
    const user = seed.users.find((u) => u.username === s.agent)!;
    console.log(`starting ${site.id} (unit ${site.unitId}) …`);
    const proc = await startService({
      name: site.id,
      main: join(ROOT, 'dist/apps/site/src/main.js'),
      port: port + 1 + i,
      env: { SITE_ID: site.id, UNIT_ID: site.unitId, GATEWAY_URL: gateway.url, SITE_KEY: site.key, SITE_DATA_DIR: join(dataDir, site.id) },
      echo,
    });
    services.push(proc);
    agents.push({ siteUrl: proc.url, username: user.username, password: user.password, unitIds: [user.unitId] });
    lines.push(`  ${site.id.padEnd(18)} ${proc.url.padEnd(24)} agent ${user.username} / ${user.password}`);
  }

  console.log(
    [
      '',
      'Qihe demo: the virtual contact centre is running.',
      `  gateway            ${gateway.url}   console ${gateway.url}/  GraphQL ${gateway.url}/graphql  feed ${gateway.url}/feed`,
      ...lines,
      'Sign in to the gateway console with:',
      ...seed.users.filter((u) => u.role !== 'AGENT').map((u) => `  ${u.username.padEnd(14)} ${u.password.padEnd(24)} ${u.role} of ${u.unitId}`),
      'Each site serves the agent console at its URL. Stop the gateway (kill its PID) to watch sites keep working.',
      `  gateway pid ${gateway.child.pid}`,
      values['no-traffic'] ? '' : `Agents are logging about ${values.rate} touchpoints per second. Ctrl-C stops everything.`,
      '',
    ].join('\n'),
  );

  const abort = new AbortController();
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nstopping …');
    abort.abort();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  if (!values['no-traffic']) {
    let last = 0;
    const summary = await runSiteTraffic({
      agents,
      units: seed.units,
      rate: Number(values.rate),
      signal: abort.signal,
      onProgress: (p) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        console.log(`agents: ${p.confirmed} touchpoints logged, ${p.ratings} rated, ${p.retries} retries`);
      },
    });
    console.log(`agents logged ${[...summary.confirmed.values()].reduce((n, s) => n + s.size, 0)} touchpoints in ${Math.round(summary.elapsedMs / 1000)} s`);
  } else {
    await new Promise<void>((r) => abort.signal.addEventListener('abort', () => r()));
  }
  await stopAll();
}

main().catch((err) => {
  console.error(`demo failed: ${(err as Error).message}`);
  process.exit(1);
});

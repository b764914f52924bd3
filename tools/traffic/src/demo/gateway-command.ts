import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, GATEWAY_COMMANDS, runningDemo, sendGatewayCommand, type GatewayCommand } from './demo-state';

// `npm run demo:gateway -- stop|start|kill|status [--data-dir DIR]`: breaks and
// mends the gateway of the demo running from DIR (default ./.qihe-demo), on the
// demo's own data, and waits until it is done. The demo does the work (it owns
// the processes); this asks it with SIGUSR2 and watches the gateway's /health.

const USAGE = 'usage: npm run demo:gateway -- stop|start|kill|status [--data-dir DIR]';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string', default: DEFAULT_DATA_DIR } } });
  const command = positionals[0];
  if (positionals.length !== 1 || !(command === 'status' || (GATEWAY_COMMANDS as readonly string[]).includes(command))) {
    console.error(USAGE);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] as string);
  const demo = runningDemo(dataDir);
  if (!demo) {
    console.error(`no demo is running from ${dataDir}: start one with npm run demo${dataDir === DEFAULT_DATA_DIR ? '' : ` -- --data-dir ${dataDir}`}`);
    return 1;
  }
  const up = await healthy(demo.gatewayUrl);
  if (command === 'status') {
    console.log(`demo pid ${demo.pid}, data ${dataDir}: the gateway at ${demo.gatewayUrl} is ${up ? 'up' : 'down'}`);
    return 0;
  }
  const want = command === 'start';
  sendGatewayCommand(dataDir, demo, command as GatewayCommand);
  const deadline = Date.now() + 90_000;
  while ((await healthy(demo.gatewayUrl)) !== want) {
    if (Date.now() > deadline) {
      console.error(`the gateway did not ${want ? 'come up' : 'go down'} within 90 s: see the demo's terminal`);
      return 1;
    }
    await sleep(250);
  }
  console.log(want ? `the gateway is up at ${demo.gatewayUrl}, on ${dataDir}` : `the gateway is down (${command}); the sites keep accepting work`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`demo:gateway failed: ${err.message}`);
    process.exit(1);
  },
);

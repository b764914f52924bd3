import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// What a running demo leaves in its data folder so that `npm run demo:gateway`
// can find it: the launcher's pid and the gateway's port (demo.json), and the
// command it is asked to carry out next (gateway.command, read on SIGUSR2).

/** The repository root, from dist/tools/traffic/src/demo/. */
export const ROOT = resolve(__dirname, '../../../../..');
/** One fixed folder, so that a demo stopped and started again resumes on its own data. */
export const DEFAULT_DATA_DIR = join(ROOT, '.qihe-demo');

export const GATEWAY_COMMANDS = ['stop', 'start', 'kill'] as const;
export type GatewayCommand = (typeof GATEWAY_COMMANDS)[number];

export interface DemoState {
  pid: number;
  port: number;
  gatewayUrl: string;
}

const stateFile = (dataDir: string): string => join(dataDir, 'demo.json');
const commandFile = (dataDir: string): string => join(dataDir, 'gateway.command');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The demo running from `dataDir`, or null when none is (a state file left by a killed demo is ignored). */
export function runningDemo(dataDir: string): DemoState | null {
  if (!existsSync(stateFile(dataDir))) return null;
  try {
    const state = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as DemoState;
    return Number.isInteger(state.pid) && alive(state.pid) ? state : null;
  } catch {
    return null;
  }
}

export function writeDemoState(dataDir: string, state: DemoState): void {
  writeFileSync(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeDemoState(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true });
  rmSync(commandFile(dataDir), { force: true });
}

/** Asks the demo running from `dataDir` to carry out `command` on its gateway. */
export function sendGatewayCommand(dataDir: string, state: DemoState, command: GatewayCommand): void {
  writeFileSync(commandFile(dataDir), command);
  process.kill(state.pid, 'SIGUSR2');
}

/** The command a SIGUSR2 asked for, or null when the file holds none. */
export function takeGatewayCommand(dataDir: string): GatewayCommand | null {
  try {
    const raw = readFileSync(commandFile(dataDir), 'utf8').trim();
    rmSync(commandFile(dataDir), { force: true });
    return (GATEWAY_COMMANDS as readonly string[]).includes(raw) ? (raw as GatewayCommand) : null;
  } catch {
    return null;
  }
}

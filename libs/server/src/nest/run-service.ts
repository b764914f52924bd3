import { Logger, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config/config-error';
import { shippedFile } from '../shipped-file';

/**
 * The life of a service process: read and check its configuration (a bad
 * setting exits 2 with a sentence naming the variable), start it (a failure
 * exits 1), and on SIGTERM/SIGINT close it gracefully — in-flight work
 * finishes, the database closes — then exit 0.
 *
 * A promise rejected with no handler (a dependency failing under a library
 * that drops a promise) is logged and the process keeps serving: Node 20 would
 * exit, and every replica meets the same outage at once. An uncaught exception
 * is different: a callback stopped half-way and left state this process can
 * no longer vouch for, so it is logged and the process closes gracefully and
 * exits 1 for its supervisor to restart it — what was accepted is in the
 * database, and callers retry the rest with the same ids.
 */
export async function runService<C>(name: string, load: () => C, start: (config: C) => Promise<INestApplication>): Promise<void> {
  let config: C;
  try {
    config = load();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`qihe ${name}: bad configuration: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const log = new Logger(name);
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = (why: string, code: number): void => {
    if (stopping) return;
    stopping = true;
    log.log(`${why}: shutting down`);
    setTimeout(() => process.exit(1), 15_000).unref();
    if (!app) process.exit(code);
    app.close().then(
      () => process.exit(code),
      () => process.exit(1),
    );
  };
  process.on('unhandledRejection', rejectionLogger(log));
  process.on('uncaughtException', (err) => {
    log.fatal(`uncaught exception: ${err.stack ?? err.message}`);
    stop('uncaught exception', 1);
  });
  try {
    app = await start(config);
    process.once('SIGTERM', () => stop('SIGTERM', 0));
    process.once('SIGINT', () => stop('SIGINT', 0));
  } catch (err) {
    log.error(`could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

/** Unhandled rejections so far, for /metrics. */
export const processFaults = { unhandledRejections: 0 };

const REJECTIONS_LOGGED_PER_MINUTE = 20;

// Logs each rejection with its stack, at most 20 a minute: an outage can reject
// thousands, and a log flood would become the next outage.
function rejectionLogger(log: Logger): (reason: unknown) => void {
  let windowStart = 0;
  let inWindow = 0;
  return (reason) => {
    processFaults.unhandledRejections++;
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      if (inWindow > REJECTIONS_LOGGED_PER_MINUTE) log.error(`${inWindow - REJECTIONS_LOGGED_PER_MINUTE} more unhandled rejections were not logged in the minute before`);
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > REJECTIONS_LOGGED_PER_MINUTE) return;
    const what = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log.error(`unhandled rejection (still serving): ${what}`);
  };
}

/** Serves the built console (dist/apps/console) at / when it is there; true when it is. */
export function serveConsole(app: NestExpressApplication): boolean {
  const index = shippedFile('dist/apps/console/index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dirname(index), { index: 'index.html', maxAge: '1h' });
  return true;
}

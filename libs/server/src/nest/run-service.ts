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
  try {
    const app = await start(config);
    const stop = (signal: string): void => {
      log.log(`${signal}: shutting down`);
      setTimeout(() => process.exit(1), 15_000).unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  } catch (err) {
    log.error(`could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

/** Serves the built console (dist/apps/console) at / when it is there; true when it is. */
export function serveConsole(app: NestExpressApplication): boolean {
  const index = shippedFile('dist/apps/console/index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(dirname(index), { index: 'index.html', maxAge: '1h' });
  return true;
}

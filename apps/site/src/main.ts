import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, shippedFile } from '@qihe/server';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppModule } from './app.module';
import { loadSiteConfig, type SiteConfig } from './config/site-config';

export { loadSiteConfig, type SiteConfig } from './config/site-config';

/** Starts a site: migrates its database, listens, and starts forwarding its outbox. */
export async function startSite(config: SiteConfig, opts: { quiet?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    abortOnError: false,
    logger: opts.quiet ? ['error', 'warn'] : undefined,
  });
  // 1000 touchpoints in one logTouchpoints call fit well within this.
  app.useBodyParser('json', { limit: '8mb' });
  app.enableCors({ origin: true, credentials: true });
  // The console's agent view (apps/console, built by `npm run build`) is served at / when present.
  const consoleIndex = shippedFile('dist/apps/console/index.html');
  if (existsSync(consoleIndex)) app.useStaticAssets(dirname(consoleIndex), { index: 'index.html', maxAge: '1h' });
  await app.listen(config.port, config.host);
  if (!opts.quiet) printBanner(app, config);
  return app;
}

function printBanner(app: NestExpressApplication, config: SiteConfig): void {
  const addr = app.getHttpServer().address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const base = `http://localhost:${port}`;
  const storage = config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`;
  console.log(
    [
      `Qihe site ${config.siteId} (unit ${config.unitId}) listening on ${base}`,
      `  console  ${base}/ (agent view)`,
      `  GraphQL  ${base}/graphql`,
      `  health   ${base}/health`,
      `  gateway  ${config.gatewayUrl}`,
      `  storage  ${storage}`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  let config: SiteConfig;
  try {
    config = loadSiteConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`qihe site: bad configuration: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  try {
    const app = await startSite(config);
    // Graceful stop: no new connections, the batch in flight is sent and recorded, the database closes cleanly.
    const stop = (signal: string): void => {
      new Logger('Site').log(`${signal}: shutting down`);
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  } catch (err) {
    new Logger('Site').error(`could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

if (require.main === module) void main();

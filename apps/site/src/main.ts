import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { jsonBody, runService, serveConsole, serveMetrics } from '@qihe/server';
import { AppModule } from './app.module';
import { loadSiteConfig, type SiteConfig } from './config/site-config';
import { shiftProcessClock } from './config/test-clock';

export { loadSiteConfig, type SiteConfig } from './config/site-config';

/** Starts a site: migrates its database, listens, and starts forwarding its outbox. */
export async function startSite(config: SiteConfig, opts: { quiet?: boolean } = {}): Promise<NestExpressApplication> {
  // Quiet (tests in one process): warnings and errors only.
  const settings = opts.quiet ? { ...config, log: { ...config.log, level: 'warn' as const } } : config;
  // Start-up lines wait for pino (nestjs-pino's Logger replaces Nest's), so every line has one format.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(settings), { bodyParser: false, abortOnError: false, bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  await serveMetrics(app, config.host);
  // 1000 touchpoints in one logTouchpoints call fit well within this.
  app.use(jsonBody(8 * 1024 * 1024));
  app.enableCors({ origin: true, credentials: true });
  serveConsole(app); // the console's agent view, built by `npm run build`
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

if (require.main === module) {
  void runService(
    'site',
    () => loadSiteConfig(),
    (config) => {
      if (config.testClockOffsetMs !== 0) shiftProcessClock(config.testClockOffsetMs);
      return startSite(config);
    },
  );
}

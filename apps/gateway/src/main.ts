import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { HealthProbes, jsonBody, loadGatewayConfig, Metrics, runService, serveConsole, serveMetrics, type GatewayConfig } from '@qihe/server';
import { AppModule } from './app.module';
import { FeedIoAdapter } from './feed/feed-io.adapter';
import { SeedService, type SeedOutcome } from './bootstrap/seed.service';

export async function startGateway(config: GatewayConfig, opts: { quiet?: boolean } = {}): Promise<NestExpressApplication> {
  // Quiet (tests in one process): warnings and errors only.
  const settings = opts.quiet ? { ...config, log: { ...config.log, level: 'warn' as const } } : config;
  // Start-up lines wait for pino (nestjs-pino's Logger replaces Nest's), so every line has one format.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(settings), { bodyParser: false, abortOnError: false, bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  await serveMetrics(app, config.host);
  app.use(jsonBody(config.maxBodyBytes));
  const feedAdapter = new FeedIoAdapter(app, app.get(Metrics));
  if (config.redisUrl) {
    await feedAdapter.connect({ url: config.redisUrl, streamMaxLen: config.feedStreamMaxLen, queueMax: config.redisQueueMax });
    app.get(HealthProbes).add('redis', () => feedAdapter.redisUp);
  }
  app.useWebSocketAdapter(feedAdapter);
  app.enableCors({ origin: true, credentials: true });
  const withConsole = serveConsole(app); // apps/console, built by `npm run build`
  const outcome = await app.get(SeedService).applyAtStart();
  await app.listen(config.port, config.host);
  if (!opts.quiet) printBanner(app, config, outcome, withConsole);
  return app;
}

function printBanner(app: NestExpressApplication, config: GatewayConfig, outcome: SeedOutcome, withConsole: boolean): void {
  const addr = app.getHttpServer().address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const base = `http://localhost:${port}`;
  const lines = [`Qihe gateway listening on ${base}`, `  GraphQL  ${base}/graphql`, `  feed     ${base}/feed (socket.io)`, `  health   ${base}/health`];
  if (withConsole) lines.splice(1, 0, `  console  ${base}/`);
  if (outcome.demo) {
    lines.push('Demo org loaded. Sign in with (username / password / role / unit):');
    for (const u of outcome.seed.users) lines.push(`  ${u.username.padEnd(14)} ${u.password.padEnd(22)} ${u.role.padEnd(10)} ${u.unitId}`);
    lines.push('Demo site keys (Authorization: Bearer <key>):');
    for (const s of outcome.seed.sites) lines.push(`  ${s.id.padEnd(22)} ${s.unitId.padEnd(18)} ${s.key}`);
  }
  console.log(lines.join('\n'));
}

if (require.main === module) void runService('gateway', () => loadGatewayConfig(), (config) => startGateway(config));

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SeedError } from '@qihe/domain';
import { ConfigError, loadGatewayConfig, shippedFile, type GatewayConfig } from '@qihe/server';
import { AppModule } from './app.module';
import { jsonBody } from './json-body';
import { RedisIoAdapter } from './feed/redis-io.adapter';
import { SeedService, type SeedOutcome } from './bootstrap/seed.service';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

export async function startGateway(config: GatewayConfig, opts: { quiet?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    abortOnError: false,
    logger: opts.quiet ? ['error', 'warn'] : undefined,
  });
  app.use(jsonBody(config.maxBodyBytes));
  if (config.redisUrl) {
    const adapter = new RedisIoAdapter(app);
    await adapter.connect(config.redisUrl);
    app.useWebSocketAdapter(adapter);
  }
  app.enableCors({ origin: true, credentials: true });
  // The console (apps/console, built by `npm run build`) is served at / when present.
  const consoleIndex = shippedFile('dist/apps/console/index.html');
  if (existsSync(consoleIndex)) app.useStaticAssets(dirname(consoleIndex), { index: 'index.html', maxAge: '1h' });
  const outcome = await app.get(SeedService).applyAtStart();
  await app.listen(config.port, config.host);
  if (!opts.quiet) printBanner(app, config, outcome);
  return app;
}

function printBanner(app: NestExpressApplication, config: GatewayConfig, outcome: SeedOutcome): void {
  const addr = app.getHttpServer().address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const base = `http://localhost:${port}`;
  const lines = [`Qihe gateway listening on ${base}`, `  GraphQL  ${base}/graphql`, `  feed     ${base}/feed (socket.io)`, `  health   ${base}/health`];
  if (existsSync(shippedFile('dist/apps/console/index.html'))) lines.splice(1, 0, `  console  ${base}/`);
  if (outcome.demo) {
    lines.push('Demo org loaded. Sign in with (username / password / role / unit):');
    for (const u of outcome.seed.users) lines.push(`  ${u.username.padEnd(14)} ${u.password.padEnd(22)} ${u.role.padEnd(10)} ${u.unitId}`);
    lines.push('Demo site keys (Authorization: Bearer <key>):');
    for (const s of outcome.seed.sites) lines.push(`  ${s.id.padEnd(22)} ${s.unitId.padEnd(18)} ${s.key}`);
  }
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadGatewayConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`qihe gateway: bad configuration: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  try {
    const app = await startGateway(config);
    // Graceful stop: no new connections, in-flight requests finish, the database closes cleanly.
    const stop = (signal: string): void => {
      new Logger('Gateway').log(`${signal}: shutting down`);
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
    const message = err instanceof SeedError || err instanceof Error ? err.message : String(err);
    new Logger('Gateway').error(`could not start: ${message}`);
    process.exit(1);
  }
}

if (require.main === module) void main();

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, DEFAULT_GRAPHQL_LIMITS, readDatabaseUrl, readGraphQLLimits, readLogConfig, readMetricsConfig, readPort, readPositiveInt, type Env, type GraphQLLimits, type LogConfig, type MetricsConfig } from '@qihe/server';

export interface SiteConfig {
  siteId: string;
  unitId: string;
  gatewayUrl: string;
  siteKey: string;
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  tokenSecret: string;
  tokenTtlSeconds: number;
  production: boolean;
  /** Touchpoints per recordTouchpoints call (1 .. 1000). */
  batchSize: number;
  /** How long the forwarder sleeps when idle: new work wakes it sooner. */
  pollMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  gatewayTimeoutMs: number;
  /** How often an idle site checks the gateway (and refreshes its unit subtree). */
  heartbeatMs: number;
  /** How often the backlog is logged while there is one. */
  backlogLogMs: number;
  /** The agent API's request limits (the same variables as the gateway's; shallower by default). */
  graphqlLimits: GraphQLLimits;
  /** Where /metrics is served (QIHE_METRICS_PORT, QIHE_METRICS_TOKEN). */
  metrics: MetricsConfig;
  /** QIHE_LOG_LEVEL, QIHE_LOG_FORMAT. */
  log: LogConfig;
  /** Tests only (QIHE_TEST_CLOCK_OFFSET_MS): the site process's clock runs this far off (see test-clock.ts); 0 otherwise. */
  testClockOffsetMs: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Reads and checks the site's environment once, at boot; a bad value stops it with a sentence naming the variable. */
export function loadSiteConfig(env: Env = process.env): SiteConfig {
  const siteId = readId(env, 'SITE_ID');
  const unitId = readId(env, 'UNIT_ID');
  const gatewayUrl = readGatewayUrl(env);
  const siteKey = env.SITE_KEY ?? '';
  if (siteKey === '') throw new ConfigError('SITE_KEY', 'SITE_KEY is required: the site key the gateway issued for this site.');
  if (/\s/.test(siteKey)) throw new ConfigError('SITE_KEY', 'SITE_KEY must not contain spaces.');
  const port = readPort(env, 'PORT', 4000);
  const databaseUrl = readDatabaseUrl(env);
  const dataDir = resolve(env.SITE_DATA_DIR || `.qihe-site-${siteId}`);
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `NODE_ENV must be production, development or test, got "${nodeEnv}".`);
  }
  const backoffBaseMs = readPositiveInt(env, 'SITE_BACKOFF_BASE_MS', 500, 600_000);
  const backoffMaxMs = readPositiveInt(env, 'SITE_BACKOFF_MAX_MS', 30_000, 3_600_000);
  if (backoffMaxMs < backoffBaseMs) {
    throw new ConfigError('SITE_BACKOFF_MAX_MS', `SITE_BACKOFF_MAX_MS (${backoffMaxMs}) must not be below SITE_BACKOFF_BASE_MS (${backoffBaseMs}).`);
  }
  return {
    siteId,
    unitId,
    gatewayUrl,
    siteKey,
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir,
    tokenSecret: readTokenSecret(env, dataDir),
    tokenTtlSeconds: readPositiveInt(env, 'SITE_TOKEN_TTL_SECONDS', 12 * 3600, 30 * 24 * 3600),
    production: nodeEnv === 'production',
    batchSize: readPositiveInt(env, 'SITE_BATCH_SIZE', 1000, 1000),
    pollMs: readPositiveInt(env, 'SITE_POLL_MS', 1000, 1000),
    backoffBaseMs,
    backoffMaxMs,
    gatewayTimeoutMs: readPositiveInt(env, 'SITE_GATEWAY_TIMEOUT_MS', 10_000, 600_000),
    heartbeatMs: readPositiveInt(env, 'SITE_HEARTBEAT_MS', 15_000, 3_600_000),
    backlogLogMs: readPositiveInt(env, 'SITE_BACKLOG_LOG_MS', 10_000, 3_600_000),
    graphqlLimits: readGraphQLLimits(env, { ...DEFAULT_GRAPHQL_LIMITS, maxDepth: 6 }),
    metrics: readMetricsConfig(env, port),
    log: readLogConfig(env, nodeEnv === 'production'),
    testClockOffsetMs: readTestClockOffset(env, nodeEnv),
  };
}

function readTestClockOffset(env: Env, nodeEnv: string): number {
  const raw = env.QIHE_TEST_CLOCK_OFFSET_MS;
  if (raw === undefined || raw === '') return 0;
  if (nodeEnv !== 'test') throw new ConfigError('QIHE_TEST_CLOCK_OFFSET_MS', 'QIHE_TEST_CLOCK_OFFSET_MS is for tests only: it is refused unless NODE_ENV=test.');
  if (!/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > 365 * 86_400_000) {
    throw new ConfigError('QIHE_TEST_CLOCK_OFFSET_MS', `QIHE_TEST_CLOCK_OFFSET_MS must be a whole number of milliseconds within a year either way, got "${raw}".`);
  }
  return Number(raw);
}

function readId(env: Env, name: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') throw new ConfigError(name, `${name} is required.`);
  if (!ID.test(raw)) throw new ConfigError(name, `${name} must be 1 to 64 letters, digits, ".", "_", ":" or "-", got "${raw}".`);
  return raw;
}

function readGatewayUrl(env: Env): string {
  const raw = env.GATEWAY_URL;
  if (raw === undefined || raw === '') throw new ConfigError('GATEWAY_URL', 'GATEWAY_URL is required: the gateway this site forwards to, e.g. http://gateway:3000.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('GATEWAY_URL', `GATEWAY_URL must be a URL like http://gateway:3000, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('GATEWAY_URL', `GATEWAY_URL must start with http:// or https://, got "${url.protocol}//".`);
  }
  return raw.replace(/\/+$/, '');
}

// The site signs its own agent tokens; a generated secret kept in the data dir
// lets them survive restarts without any setting.
function readTokenSecret(env: Env, dataDir: string): string {
  const given = env.SITE_TOKEN_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new ConfigError('SITE_TOKEN_SECRET', 'SITE_TOKEN_SECRET must have at least 32 characters.');
    return given;
  }
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    return secret;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigError('SITE_DATA_DIR', `SITE_DATA_DIR "${dataDir}" is not writable (${reason}); set SITE_DATA_DIR or SITE_TOKEN_SECRET.`);
  }
}

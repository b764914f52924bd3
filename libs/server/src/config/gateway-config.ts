import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readLogConfig, type LogConfig } from '../logging/log-config';
import { readMetricsConfig, type MetricsConfig } from '../metrics/metrics-config';
import { ConfigError, readDatabaseUrl, readPort, readPositiveInt, type Env } from './config-error';
import { readFaultPoints, type FaultPoint } from './fault-points';
import { readGraphQLLimits, type GraphQLLimits } from './graphql-limits-config';

export interface GatewayConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  /** Streaming-replication standbys for reads that tolerate lag (DATABASE_READ_URL, comma-separated); empty: all reads on the primary. */
  databaseReadUrls: string[];
  /** How long a replica that failed is left alone before reads try it again (QIHE_READ_REPLICA_RETRY_SECONDS). */
  readReplicaRetrySeconds: number;
  dataDir: string;
  seedFile?: string;
  modelFile?: string;
  tokenSecret: string;
  tokenTtlSeconds: number;
  production: boolean;
  maxBodyBytes: number;
  dbPoolSize: number;
  /** Shared write transactions (group commits) a gateway runs at once (QIHE_WRITE_TRANSACTIONS; 1 on the embedded database). */
  writeTransactions: number;
  redisUrl?: string;
  /** Entries the feed's Redis stream keeps: how far a replica's reader may fall behind (README: sizing). */
  feedStreamMaxLen: number;
  /** Redis commands a replica holds while Redis is unreachable, replayed when it is back; beyond it they fail at once. */
  redisQueueMax: number;
  graphqlLimits: GraphQLLimits;
  /** The recording mutations and the customer lens's queries through a compiled executor (QIHE_GRAPHQL_JIT=on|off, default on; off: graphql-js for every operation). */
  graphqlJit: boolean;
  /** Where /metrics is served (QIHE_METRICS_PORT, QIHE_METRICS_TOKEN). */
  metrics: MetricsConfig;
  /** QIHE_LOG_LEVEL, QIHE_LOG_FORMAT. */
  log: LogConfig;
  /** Whether this replica runs the commitment monitor (every replica may; off for a feed-only replica). */
  commitmentMonitor: boolean;
  /** Customer risk: how often a replica checks whether to fit or rescore (QIHE_RISK_CHECK_SECONDS, at most 60), and the follow-up threshold (QIHE_RISK_THRESHOLD). */
  risk: { checkSeconds: number; threshold: number };
  /** A site clock off by more than this (QIHE_CLOCK_SKEW_TOLERANCE_SECONDS) has its batch's times corrected by the measured offset. */
  clockSkewToleranceMs: number;
  /** Test-only fault-injection points (QIHE_FAULT_POINTS, refused unless NODE_ENV=test; see fault-points.ts). */
  faultPoints: ReadonlySet<FaultPoint>;
  /** How long raw touchpoints (QIHE_RETENTION_DAYS) and slice hour rollups (QIHE_HOUR_ROLLUP_DAYS) are kept, in days; null: for ever (docs/retention.md). */
  retention: { rawDays: number | null; hourRollupDays: number | null };
}

/** Reads and checks the gateway's environment once, at boot. */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const port = readPort(env);
  const databaseUrl = readDatabaseUrl(env);
  const databaseReadUrls = readDatabaseReadUrls(env, databaseUrl);
  const dataDir = resolve(env.QIHE_DATA_DIR || '.qihe');
  const seedFile = readFile(env, 'QIHE_SEED_FILE');
  const modelFile = readFile(env, 'QIHE_MODEL_FILE');
  const tokenTtlSeconds = readPositiveInt(env, 'QIHE_TOKEN_TTL_SECONDS', 12 * 3600, 30 * 24 * 3600);
  const maxBodyBytes = readPositiveInt(env, 'QIHE_MAX_BODY_BYTES', 8 * 1024 * 1024);
  const dbPoolSize = readPositiveInt(env, 'QIHE_DB_POOL_SIZE', 10, 200);
  const writeTransactions = readPositiveInt(env, 'QIHE_WRITE_TRANSACTIONS', 2, 16);
  if (writeTransactions >= dbPoolSize) {
    throw new ConfigError('QIHE_WRITE_TRANSACTIONS', `QIHE_WRITE_TRANSACTIONS (${writeTransactions}) must be below QIHE_DB_POOL_SIZE (${dbPoolSize}): reads and the jobs need connections too.`);
  }
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `NODE_ENV must be production, development or test, got "${nodeEnv}".`);
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL', `REDIS_URL must start with redis:// or rediss://.`);
  // 2,000 feed events/s (the fleet's peak, the feed benchmark's rate) × 60 s a replica may lag while Redis stays up.
  const feedStreamMaxLen = readPositiveInt(env, 'QIHE_FEED_STREAM_MAXLEN', 120_000, 10_000_000);
  // 2,000 events/s (one replica's peak) × 30 s of Redis outage, held in the replica's memory.
  const redisQueueMax = readPositiveInt(env, 'QIHE_REDIS_QUEUE_MAX', 60_000, 1_000_000);
  const monitor = env.QIHE_COMMITMENT_MONITOR || 'on';
  if (monitor !== 'on' && monitor !== 'off') throw new ConfigError('QIHE_COMMITMENT_MONITOR', `QIHE_COMMITMENT_MONITOR must be on or off, got "${monitor}".`);
  const jit = env.QIHE_GRAPHQL_JIT || 'on';
  if (jit !== 'on' && jit !== 'off') throw new ConfigError('QIHE_GRAPHQL_JIT', `QIHE_GRAPHQL_JIT must be on or off, got "${jit}".`);
  const riskThreshold = env.QIHE_RISK_THRESHOLD === undefined || env.QIHE_RISK_THRESHOLD === '' ? 0.5 : Number(env.QIHE_RISK_THRESHOLD);
  if (!(riskThreshold > 0 && riskThreshold < 1)) throw new ConfigError('QIHE_RISK_THRESHOLD', `QIHE_RISK_THRESHOLD must be a probability between 0 and 1 (exclusive), got "${env.QIHE_RISK_THRESHOLD}".`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databaseReadUrls,
    readReplicaRetrySeconds: readPositiveInt(env, 'QIHE_READ_REPLICA_RETRY_SECONDS', 5, 3600),
    dataDir,
    seedFile,
    modelFile,
    tokenSecret: readTokenSecret(env, dataDir),
    tokenTtlSeconds,
    production: nodeEnv === 'production',
    maxBodyBytes,
    dbPoolSize,
    writeTransactions,
    redisUrl,
    feedStreamMaxLen,
    redisQueueMax,
    graphqlLimits: readGraphQLLimits(env),
    graphqlJit: jit === 'on',
    metrics: readMetricsConfig(env, port),
    log: readLogConfig(env, nodeEnv === 'production'),
    commitmentMonitor: monitor === 'on',
    risk: { checkSeconds: readPositiveInt(env, 'QIHE_RISK_CHECK_SECONDS', 30, 60), threshold: riskThreshold },
    clockSkewToleranceMs: readPositiveInt(env, 'QIHE_CLOCK_SKEW_TOLERANCE_SECONDS', 60, 86_400) * 1000,
    faultPoints: readFaultPoints(env),
    retention: { rawDays: readDays(env, 'QIHE_RETENTION_DAYS'), hourRollupDays: readDays(env, 'QIHE_HOUR_ROLLUP_DAYS') },
  };
}

function readDatabaseReadUrls(env: Env, primary: string | undefined): string[] {
  const raw = env.DATABASE_READ_URL;
  if (raw === undefined || raw.trim() === '') return [];
  if (!primary) throw new ConfigError('DATABASE_READ_URL', 'DATABASE_READ_URL needs DATABASE_URL: read replicas are standbys of a PostgreSQL server, not of the embedded database.');
  return raw.split(',').map((one, i) => {
    const url = one.trim();
    if (!url) throw new ConfigError('DATABASE_READ_URL', `DATABASE_READ_URL has an empty entry (number ${i + 1}): give one or more PostgreSQL URLs separated by commas.`);
    return readDatabaseUrl({ DATABASE_READ_URL: url }, 'DATABASE_READ_URL') as string;
  });
}

// At least 2 days: yesterday's partition and today's are never dropped. At most 100 years.
function readDays(env: Env, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const n = readPositiveInt(env, name, 0, 36_600);
  if (n < 2) throw new ConfigError(name, `${name} must be at least 2 (days), got "${raw}".`);
  return n;
}

function readFile(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const path = resolve(raw);
  if (!existsSync(path)) throw new ConfigError(name, `${name} points to "${raw}", which does not exist.`);
  return path;
}

// Replicas sharing one database must share QIHE_TOKEN_SECRET; a lone gateway
// keeps a generated one in its data dir so tokens survive restarts.
function readTokenSecret(env: Env, dataDir: string): string {
  const given = env.QIHE_TOKEN_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new ConfigError('QIHE_TOKEN_SECRET', 'QIHE_TOKEN_SECRET must have at least 32 characters.');
    return given;
  }
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

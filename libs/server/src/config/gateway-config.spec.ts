import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadGatewayConfig } from './gateway-config';

const dir = mkdtempSync(join(tmpdir(), 'qihe-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { QIHE_DATA_DIR: dir };

describe('loadGatewayConfig', () => {
  it('has working defaults: port 3000, embedded database in the data dir, a kept token secret', () => {
    const c = loadGatewayConfig(base);
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: dir, production: false, graphqlJit: true, maxBodyBytes: 8 * 1024 * 1024, feedStreamMaxLen: 120_000, redisQueueMax: 60_000, writeTransactions: 2, metrics: {} });
    expect(c.tokenSecret.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, 'token-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(c.tokenSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
    // The same secret on the next start: tokens survive restarts.
    expect(loadGatewayConfig(base).tokenSecret).toBe(c.tokenSecret);
  });

  it.each([
    ['PORT', { PORT: 'abc' }, /PORT must be a whole number/],
    ['PORT', { PORT: '70000' }, /PORT must be a whole number/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/x' }, /DATABASE_URL must start with postgres/],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }, /DATABASE_URL must be a PostgreSQL URL/],
    ['DATABASE_READ_URL', { DATABASE_READ_URL: 'postgres://standby/x' }, /DATABASE_READ_URL needs DATABASE_URL/],
    ['DATABASE_READ_URL', { DATABASE_URL: 'postgres://db/x', DATABASE_READ_URL: 'postgres://a/x,,postgres://b/x' }, /empty entry \(number 2\)/],
    ['DATABASE_READ_URL', { DATABASE_URL: 'postgres://db/x', DATABASE_READ_URL: 'postgres://a/x, mysql://b/x' }, /DATABASE_READ_URL must start with postgres/],
    ['QIHE_READ_REPLICA_RETRY_SECONDS', { QIHE_READ_REPLICA_RETRY_SECONDS: '0' }, /QIHE_READ_REPLICA_RETRY_SECONDS must be a whole number from 1/],
    ['QIHE_CLOCK_SKEW_TOLERANCE_SECONDS', { QIHE_CLOCK_SKEW_TOLERANCE_SECONDS: '-1' }, /QIHE_CLOCK_SKEW_TOLERANCE_SECONDS must be a whole number from 1 to 86400/],
    ['QIHE_SEED_FILE', { QIHE_SEED_FILE: '/no/such/file.json' }, /QIHE_SEED_FILE points to "\/no\/such\/file.json", which does not exist/],
    ['QIHE_TOKEN_SECRET', { QIHE_TOKEN_SECRET: 'short' }, /at least 32 characters/],
    ['QIHE_MAX_BODY_BYTES', { QIHE_MAX_BODY_BYTES: '-5' }, /QIHE_MAX_BODY_BYTES must be a whole number/],
    ['QIHE_WRITE_TRANSACTIONS', { QIHE_WRITE_TRANSACTIONS: '0' }, /QIHE_WRITE_TRANSACTIONS must be a whole number from 1 to 16/],
    ['QIHE_WRITE_TRANSACTIONS', { QIHE_DB_POOL_SIZE: '4', QIHE_WRITE_TRANSACTIONS: '4' }, /QIHE_WRITE_TRANSACTIONS \(4\) must be below QIHE_DB_POOL_SIZE \(4\)/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV must be production, development or test/],
    ['REDIS_URL', { REDIS_URL: 'http://x' }, /REDIS_URL must start with redis/],
    ['QIHE_FEED_STREAM_MAXLEN', { QIHE_FEED_STREAM_MAXLEN: '0' }, /QIHE_FEED_STREAM_MAXLEN must be a whole number from 1/],
    ['QIHE_REDIS_QUEUE_MAX', { QIHE_REDIS_QUEUE_MAX: 'lots' }, /QIHE_REDIS_QUEUE_MAX must be a whole number from 1/],
    ['QIHE_GRAPHQL_MAX_TOKENS', { QIHE_GRAPHQL_MAX_TOKENS: '0' }, /QIHE_GRAPHQL_MAX_TOKENS must be a whole number from 1/],
    ['QIHE_GRAPHQL_MAX_COST', { QIHE_GRAPHQL_MAX_COST: 'lots' }, /QIHE_GRAPHQL_MAX_COST must be a whole number from 1/],
    ['QIHE_METRICS_PORT', { QIHE_METRICS_PORT: '99999' }, /QIHE_METRICS_PORT must be a whole number/],
    ['QIHE_METRICS_PORT', { PORT: '3000', QIHE_METRICS_PORT: '3000' }, /QIHE_METRICS_PORT must differ from the service's PORT/],
    ['QIHE_METRICS_TOKEN', { QIHE_METRICS_TOKEN: 'short' }, /QIHE_METRICS_TOKEN must have at least 24 characters/],
    ['QIHE_LOG_LEVEL', { QIHE_LOG_LEVEL: 'loud' }, /QIHE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    ['QIHE_LOG_FORMAT', { QIHE_LOG_FORMAT: 'xml' }, /QIHE_LOG_FORMAT must be auto, json or pretty/],
    ['QIHE_COMMITMENT_MONITOR', { QIHE_COMMITMENT_MONITOR: 'maybe' }, /QIHE_COMMITMENT_MONITOR must be on or off/],
    ['QIHE_GRAPHQL_JIT', { QIHE_GRAPHQL_JIT: 'fast' }, /QIHE_GRAPHQL_JIT must be on or off/],
    ['QIHE_FAULT_POINTS', { QIHE_FAULT_POINTS: 'no-outbox-relay' }, /QIHE_FAULT_POINTS is for tests only: it is refused unless NODE_ENV=test/],
    ['QIHE_FAULT_POINTS', { NODE_ENV: 'test', QIHE_FAULT_POINTS: 'no-outbox-relay,kill-everything' }, /unknown fault point "kill-everything"/],
  ])('stops on a bad %s with a sentence naming it', (variable, env, message) => {
    let error: unknown;
    try {
      loadGatewayConfig({ ...base, ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(message);
  });

  it('reads one or more replica URLs from DATABASE_READ_URL, none by default', () => {
    expect(loadGatewayConfig(base).databaseReadUrls).toEqual([]);
    const c = loadGatewayConfig({ ...base, DATABASE_URL: 'postgres://db/x', DATABASE_READ_URL: ' postgres://a:6432/x , postgresql://b/x' });
    expect(c.databaseReadUrls).toEqual(['postgres://a:6432/x', 'postgresql://b/x']);
    expect(c.readReplicaRetrySeconds).toBe(5);
  });

  it('arms test-only fault points under NODE_ENV=test, none by default', () => {
    expect(loadGatewayConfig(base).faultPoints.size).toBe(0);
    expect([...loadGatewayConfig({ ...base, NODE_ENV: 'test', QIHE_FAULT_POINTS: ' kill-after-monitor-commit , no-outbox-relay' }).faultPoints]).toEqual(['kill-after-monitor-commit', 'no-outbox-relay']);
  });
});

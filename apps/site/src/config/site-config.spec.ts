import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '@qihe/server';
import { loadSiteConfig } from './site-config';

const SECRET = 'a-site-token-secret-of-at-least-32-chars';
const BASE = { SITE_ID: 'site-a', UNIT_ID: 'bu-a', GATEWAY_URL: 'http://gateway:3000/', SITE_KEY: 'site-a-key', SITE_TOKEN_SECRET: SECRET };

describe('loadSiteConfig', () => {
  it('reads a minimal environment with its defaults', () => {
    const c = loadSiteConfig(BASE);
    expect(c).toMatchObject({ siteId: 'site-a', unitId: 'bu-a', gatewayUrl: 'http://gateway:3000', siteKey: 'site-a-key', port: 4000, batchSize: 1000, pollMs: 1000 });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(resolve('.qihe-site-site-a'));
    expect(c.tokenSecret).toBe(SECRET);
  });

  it.each([
    ['SITE_ID', { SITE_ID: undefined }, /SITE_ID is required/],
    ['SITE_ID', { SITE_ID: 'has space' }, /SITE_ID must be/],
    ['UNIT_ID', { UNIT_ID: '' }, /UNIT_ID is required/],
    ['GATEWAY_URL', { GATEWAY_URL: undefined }, /GATEWAY_URL is required/],
    ['GATEWAY_URL', { GATEWAY_URL: 'gateway:3000' }, /GATEWAY_URL must start with http/],
    ['GATEWAY_URL', { GATEWAY_URL: 'not a url' }, /GATEWAY_URL must be a URL/],
    ['SITE_KEY', { SITE_KEY: undefined }, /SITE_KEY is required/],
    ['PORT', { PORT: 'eighty' }, /PORT must be a whole number/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    ['SITE_TOKEN_SECRET', { SITE_TOKEN_SECRET: 'short' }, /at least 32/],
    ['SITE_BATCH_SIZE', { SITE_BATCH_SIZE: '5000' }, /SITE_BATCH_SIZE must be a whole number from 1 to 1000/],
    ['SITE_BACKOFF_MAX_MS', { SITE_BACKOFF_BASE_MS: '5000', SITE_BACKOFF_MAX_MS: '100' }, /must not be below SITE_BACKOFF_BASE_MS/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /NODE_ENV must be/],
    ['QIHE_TEST_CLOCK_OFFSET_MS', { QIHE_TEST_CLOCK_OFFSET_MS: '600000' }, /QIHE_TEST_CLOCK_OFFSET_MS is for tests only/],
    ['QIHE_TEST_CLOCK_OFFSET_MS', { NODE_ENV: 'test', QIHE_TEST_CLOCK_OFFSET_MS: '10 min' }, /must be a whole number of milliseconds/],
    ['QIHE_METRICS_PORT', { PORT: '4100', QIHE_METRICS_PORT: '4100' }, /QIHE_METRICS_PORT must differ/],
    ['QIHE_METRICS_TOKEN', { QIHE_METRICS_TOKEN: 'has a space in it and is long enough' }, /QIHE_METRICS_TOKEN must have at least 24 characters and no spaces/],
  ])('stops on a bad %s with a sentence naming it', (variable, change, message) => {
    let caught: unknown;
    try {
      loadSiteConfig({ ...BASE, ...change });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toMatch(message);
  });

  it('keeps a generated token secret in SITE_DATA_DIR, so tokens survive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qihe-site-config-'));
    try {
      const env = { ...BASE, SITE_TOKEN_SECRET: undefined, SITE_DATA_DIR: dir };
      const first = loadSiteConfig(env);
      expect(first.tokenSecret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(join(dir, 'token-secret'), 'utf8').trim()).toBe(first.tokenSecret);
      expect(loadSiteConfig(env).tokenSecret).toBe(first.tokenSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

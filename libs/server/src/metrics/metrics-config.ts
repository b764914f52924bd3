import { ConfigError, readPort, type Env } from '../config/config-error';

/** Where /metrics is served: never to the public API's callers without the scrape token. */
export interface MetricsConfig {
  /** A separate port (on HOST) serving only /metrics, open to whoever reaches that port. */
  port?: number;
  /** `Authorization: Bearer <token>` opens /metrics on the main port. */
  token?: string;
}

/** QIHE_METRICS_PORT and QIHE_METRICS_TOKEN (either, both or neither: then /metrics is not served). */
export function readMetricsConfig(env: Env, mainPort: number): MetricsConfig {
  const config: MetricsConfig = {};
  if (env.QIHE_METRICS_PORT !== undefined && env.QIHE_METRICS_PORT !== '') {
    config.port = readPort(env, 'QIHE_METRICS_PORT');
    if (config.port !== 0 && config.port === mainPort) {
      throw new ConfigError('QIHE_METRICS_PORT', `QIHE_METRICS_PORT must differ from the service's PORT (${mainPort}): metrics stay off the public port.`);
    }
  }
  const token = env.QIHE_METRICS_TOKEN;
  if (token !== undefined && token !== '') {
    if (token.length < 24 || /\s/.test(token)) throw new ConfigError('QIHE_METRICS_TOKEN', 'QIHE_METRICS_TOKEN must have at least 24 characters and no spaces.');
    config.token = token;
  }
  return config;
}

import { ConfigError, type Env } from '../config/config-error';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface LogConfig {
  level: LogLevel;
  /** Human-readable lines (pino-pretty) instead of one JSON object a line. */
  pretty: boolean;
}

/**
 * QIHE_LOG_LEVEL (info) and QIHE_LOG_FORMAT: `json`, `pretty`, or `auto` (the
 * default) — pretty in development on a terminal, JSON everywhere else
 * (production, tests, CI, a pipe to a log collector).
 */
export function readLogConfig(env: Env, production: boolean, terminal = process.stdout.isTTY === true): LogConfig {
  const level = env.QIHE_LOG_LEVEL || 'info';
  if (!(LEVELS as readonly string[]).includes(level)) throw new ConfigError('QIHE_LOG_LEVEL', `QIHE_LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${level}".`);
  const format = env.QIHE_LOG_FORMAT || 'auto';
  if (!['auto', 'json', 'pretty'].includes(format)) throw new ConfigError('QIHE_LOG_FORMAT', `QIHE_LOG_FORMAT must be auto, json or pretty, got "${format}".`);
  const development = !production && (env.NODE_ENV ?? 'development') === 'development';
  return { level: level as LogLevel, pretty: format === 'pretty' || (format === 'auto' && development && terminal) };
}

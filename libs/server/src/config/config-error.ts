/** A bad setting: the process stops with this sentence, naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

export function readPort(env: Env, name = 'PORT', fallback = 3000): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 0 || n > 65535) {
    throw new ConfigError(name, `${name} must be a whole number from 0 to 65535, got "${raw}".`);
  }
  return n;
}

export function readDatabaseUrl(env: Env, name = 'DATABASE_URL'): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `${name} must be a PostgreSQL URL like postgres://user:pass@host:5432/db, got something that is not a URL.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `${name} must start with postgres:// or postgresql://, got "${url.protocol}//".`);
  }
  return raw;
}

export function readPositiveInt(env: Env, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max) throw new ConfigError(name, `${name} must be a whole number from 1 to ${max}, got "${raw}".`);
  return n;
}

import type { Database, Sql } from './database';

/** Storage for reads that tolerate a replica's lag: queries and read-only transactions. */
export interface ReadSql extends Sql {
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface ReplicaEvents {
  /** A read failed on a replica for a reason of the replica's (not the statement's); it was served by the primary. */
  fellBack?(replica: string, err: Error): void;
  /** A replica that had failed served a read again. */
  recovered?(replica: string): void;
}

export interface ReplicaSource {
  name: string;
  /** Opens the replica's pool (called on its first read, and again after opening failed). */
  open(): Promise<Database>;
}

interface Replica extends ReplicaSource {
  db?: Promise<Database>;
  /** While Date.now() is below, reads skip this replica (it failed lately). */
  downUntil: number;
}

// SQLSTATE classes a statement would meet on the primary too: data exceptions,
// integrity, syntax/access, PL/pgSQL raise. Anything else a replica answers with
// (connection loss, shutdown, recovery conflicts, too many connections) is the
// replica's, and the read is served again by the primary.
const STATEMENT_CLASSES = new Set(['22', '23', '42', 'P0']);
const CONNECTION_MESSAGE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ETIMEDOUT|socket hang up|the database system is (starting up|shutting down|in recovery)|terminating connection/i;

/** Whether `err` came from the replica rather than from the statement. */
export function isReplicaFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const { code, message, driverError } = e as { code?: unknown; message?: unknown; driverError?: unknown };
    if (typeof code === 'string') {
      if (/^[0-9A-Z]{5}$/.test(code)) return !STATEMENT_CLASSES.has(code.slice(0, 2));
      if (/^E[A-Z]+$/.test(code)) return true; // a Node socket error
    }
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    e = driverError;
  }
  return false;
}

/**
 * Reads spread over streaming-replication standbys (DATABASE_READ_URL), round
 * robin, with the primary behind them: a read a replica fails for its own
 * reasons is served by the primary, and that replica is left alone for
 * `retryAfterMs` so the next reads do not wait on it. With no replica, every
 * read goes to the primary.
 */
export class ReadReplicas implements ReadSql {
  private readonly replicas: Replica[];
  private next = 0;

  constructor(
    private readonly primary: Database,
    replicas: readonly ReplicaSource[],
    private readonly retryAfterMs = 5_000,
    private readonly events: ReplicaEvents = {},
  ) {
    this.replicas = replicas.map((r) => ({ name: r.name, open: () => r.open(), downUntil: 0 }));
  }

  get size(): number {
    return this.replicas.length;
  }

  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.route((db) => db.query<T>(sql, params));
  }

  /** `work` must only read: it may run twice (on a replica that fails mid-way, then on the primary). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.route((db) => db.transaction(work));
  }

  /** Names of the replicas now taken out (failed within retryAfterMs). */
  down(): string[] {
    const now = Date.now();
    return this.replicas.filter((r) => r.downUntil > now).map((r) => r.name);
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map(async (r) => (await r.db?.catch(() => undefined))?.close().catch(() => undefined)));
  }

  private async route<T>(read: (db: Database) => Promise<T>): Promise<T> {
    const replica = this.pick();
    if (!replica) return read(this.primary);
    const wasDown = replica.downUntil > 0;
    try {
      const result = await read(await this.opened(replica));
      if (wasDown) {
        replica.downUntil = 0;
        this.events.recovered?.(replica.name);
      }
      return result;
    } catch (err) {
      if (!(err instanceof ReplicaOpenError) && !isReplicaFailure(err)) throw err;
      replica.downUntil = Date.now() + this.retryAfterMs;
      this.events.fellBack?.(replica.name, err instanceof ReplicaOpenError ? err.cause : (err as Error));
      return read(this.primary);
    }
  }

  private opened(replica: Replica): Promise<Database> {
    if (!replica.db) {
      const db = replica.open();
      replica.db = db;
      // A standby that could not be opened (down at boot) is opened again on a later read.
      db.catch(() => {
        if (replica.db === db) replica.db = undefined;
      });
    }
    return replica.db.catch((err: Error) => {
      throw new ReplicaOpenError(err);
    });
  }

  private pick(): Replica | undefined {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const r = this.replicas[(this.next + i) % this.replicas.length];
      if (r.downUntil <= now) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return r;
      }
    }
    return undefined;
  }
}

class ReplicaOpenError extends Error {
  constructor(override readonly cause: Error) {
    super(`could not open the replica: ${cause.message}`);
  }
}

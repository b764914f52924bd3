import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client, type PoolClient } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { DayRollups1764100000000 } from './migrations/1764100000000-day-rollups';
import { TokenVersions1764200000000 } from './migrations/1764200000000-token-versions';
import { AuditLog1764300000000 } from './migrations/1764300000000-audit-log';
import { Commitments1764400000000 } from './migrations/1764400000000-commitments';
import { CommitmentScopes1764450000000 } from './migrations/1764450000000-commitment-scopes';
import { DrillDown1764500000000 } from './migrations/1764500000000-drill-down';
import { IndicatorCounters1764600000000 } from './migrations/1764600000000-indicator-counters';
import { TargetsPerception1764650000000 } from './migrations/1764650000000-targets-perception';
import { Customers1764700000000 } from './migrations/1764700000000-customers';
import { CustomerRisk1764750000000 } from './migrations/1764750000000-customer-risk';
import { AlertLookup1764800000000 } from './migrations/1764800000000-alert-lookup';
import { PartitionedTouchpoints1765000000000 } from './migrations/1765000000000-partitioned-touchpoints';
import { ClockSkew1765050000000 } from './migrations/1765050000000-clock-skew';
import { DrillScale1765060000000 } from './migrations/1765060000000-drill-scale';
import { RollupFillfactor1765070000000 } from './migrations/1765070000000-rollup-fillfactor';
import { NarrowRollupCounters1765090000000 } from './migrations/1765090000000-narrow-rollup-counters';
import { UnitSubtree1765110000000 } from './migrations/1765110000000-unit-subtree';
import { CustomerTouchpoints1765110000001 } from './migrations/1765110000001-customer-touchpoints';
import { DropCustomerTimeIndex1765110000002 } from './migrations/1765110000002-drop-customer-time-index';
import { CustomerTouchedQueue1765140000000 } from './migrations/1765140000000-customer-touched-queue';
import { DropCustomerNeedIndex1765140000001 } from './migrations/1765140000001-drop-customer-need-index';
import { TouchpointFillfactor1765150000000 } from './migrations/1765150000000-touchpoint-fillfactor';
import { FollowUpTimeIndex1765160000000 } from './migrations/1765160000000-follow-up-time-index';
import { CustomerTouchedXid1765210000000 } from './migrations/1765210000000-customer-touched-xid';
import { CustomerTouchpointNeedKey1765220000000 } from './migrations/1765220000000-customer-touchpoint-need-key';
import { NeutralCounter1765230000000 } from './migrations/1765230000000-neutral-counter';
import { FeedUnsentQueue1765240000000 } from './migrations/1765240000000-feed-unsent-queue';
import { TouchpointTimeKey1765250000000 } from './migrations/1765250000000-touchpoint-time-key';
import { TouchpointHashInKey1765260000000 } from './migrations/1765260000000-touchpoint-hash-in-key';
import { DrillIndexesNotNull1765270000000 } from './migrations/1765270000000-drill-indexes-not-null';
import { OwnDaySettle1765280000000 } from './migrations/1765280000000-own-day-settle';

export const MIGRATIONS = [
  InitialSchema1764000000000,
  DayRollups1764100000000,
  TokenVersions1764200000000,
  AuditLog1764300000000,
  Commitments1764400000000,
  CommitmentScopes1764450000000,
  DrillDown1764500000000,
  IndicatorCounters1764600000000,
  TargetsPerception1764650000000,
  Customers1764700000000,
  CustomerRisk1764750000000,
  AlertLookup1764800000000,
  PartitionedTouchpoints1765000000000,
  ClockSkew1765050000000,
  DrillScale1765060000000,
  RollupFillfactor1765070000000,
  NarrowRollupCounters1765090000000,
  UnitSubtree1765110000000,
  CustomerTouchpoints1765110000001,
  DropCustomerTimeIndex1765110000002,
  CustomerTouchedQueue1765140000000,
  DropCustomerNeedIndex1765140000001,
  TouchpointFillfactor1765150000000,
  FollowUpTimeIndex1765160000000,
  CustomerTouchedXid1765210000000,
  CustomerTouchpointNeedKey1765220000000,
  NeutralCounter1765230000000,
  FeedUnsentQueue1765240000000,
  TouchpointTimeKey1765250000000,
  TouchpointHashInKey1765260000000,
  DrillIndexesNotNull1765270000000,
  OwnDaySettle1765280000000,
];

/**
 * Settings of every server session. Qihe's statements are short and read
 * index ranges: JIT compilation (≈ 28 ms for a score query over a large
 * rollup table) and parallel workers (5–50 ms to start for ≈ 1 ms of work)
 * only ever added latency. Bulk work (rebuilds) reads through one cursor and
 * gains nothing from either.
 *
 * They are the role's defaults in Qihe's database (`ALTER ROLE … IN DATABASE
 * … SET`), not startup parameters: pgbouncer refuses `options` in the startup
 * packet, and a `SET` on a pooled server connection would leak to whoever gets
 * it next in transaction pooling. Role settings are stored in the primary's
 * catalogue, so hot standbys serve the same sessions.
 */
export const SESSION_SETTINGS: Readonly<Record<string, string>> = { jit: 'off', max_parallel_workers_per_gather: '0' };

/**
 * Makes SESSION_SETTINGS the defaults of the connecting role in the connected
 * database, unless they already are (no catalogue write on an ordinary boot).
 * Ordinary roles may set their own defaults; when the server refuses anyway,
 * the returned sentence says what an administrator should run.
 */
export async function applyRoleSettings(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const names = Object.keys(SESSION_SETTINGS);
    const rows = await client.query<{ name: string; value: string }>(
      `SELECT split_part(s, '=', 1) AS name, substr(s, strpos(s, '=') + 1) AS value
         FROM pg_db_role_setting d, unnest(d.setconfig) AS s
        WHERE d.setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
          AND d.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const have = new Map(rows.rows.map((r) => [r.name, r.value]));
    const missing = names.filter((n) => have.get(n) !== SESSION_SETTINGS[n]);
    if (!missing.length) return null;
    const { rows: who } = await client.query<{ role: string; db: string }>(`SELECT quote_ident(current_user) AS role, quote_ident(current_database()) AS db`);
    const statements = missing.map((n) => `ALTER ROLE ${who[0].role} IN DATABASE ${who[0].db} SET ${n} = ${SESSION_SETTINGS[n]}`);
    try {
      // Role defaults reach only sessions that start after the change. Through
      // pgbouncer in transaction pooling, this client's own server connection
      // (opened before the change, and pooled on afterwards) would keep the
      // server's defaults: in one transaction (one server connection) the same
      // values are also SET on it, so it serves like every connection opened after.
      await client.query('BEGIN');
      for (const st of statements) await client.query(st);
      for (const n of missing) await client.query(`SET ${n} = ${SESSION_SETTINGS[n]}`);
      await client.query('COMMIT');
      return null;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      return `could not set the session defaults of the database role (${(err as Error).message}); run as an administrator: ${statements.join('; ')}`;
    }
  } finally {
    await client.end();
  }
}

/**
 * What a unit of work can do: run SQL inside the surrounding transaction.
 * Storage is plain SQL in the repositories, each query with its row type
 * (`T`, named by the caller); TypeORM serves only as the driver and to run
 * the migrations, so no entity classes stand beside the migrations.
 */
export interface Sql {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * `COPY … FROM STDIN` fed with chunks (text or binary format), on the same connection (inside the
   * same transaction). Only on a PostgreSQL server: absent on the embedded database.
   */
  copyFrom?(statement: string, chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, an embedded PostgreSQL (PGlite) in `dataDir`. */
  url?: string;
  dataDir?: string;
  poolSize?: number;
  applicationName?: string;
  /** Another schema than the gateway's (a site's outbox): its migrations. */
  migrations?: DataSourceOptions['migrations'];
  migrationsTableName?: string;
  /**
   * A hot standby (a read replica): nothing is written, not even the role's
   * session defaults (they come from the primary's catalogue).
   */
  readOnly?: boolean;
  /** How long a new connection may take before it fails (10 s unless given). */
  connectTimeoutMs?: number;
  /** Told when the role's session defaults could not be set (see applyRoleSettings). */
  onWarning?: (message: string) => void;
}

/** How long a pooled connection serves before it is replaced (its server process with it). */
const CONNECTION_LIFETIME_SECONDS = 30 * 60;

/**
 * node-postgres pool settings. Connections once opened stay open while idle
 * (`min` = `max`; the pool's default closed them after 10 s idle): a new
 * server process starts with empty catalogue caches, and its first statement
 * on the partitioned touchpoint table pays for loading every day partition's
 * bounds and the indexes of those it reads — 12 ms of planning for a 30-day
 * read over a year of day partitions, against 1.5 ms warm (docs/PERFORMANCE.md,
 * "Warm connections"). So a dashboard asking every half minute met a cold
 * process on every call. Each connection is still replaced after
 * CONNECTION_LIFETIME_SECONDS, so that connections through a balancer spread
 * again over its servers and no server process grows for ever.
 */
const poolOptions = (max: number, connectionTimeoutMillis: number) => ({
  max,
  min: max,
  maxLifetimeSeconds: CONNECTION_LIFETIME_SECONDS,
  connectionTimeoutMillis,
});

/**
 * The one door to storage. Above it, code is the same for a PostgreSQL server
 * and the embedded PGlite; below it, PGlite has a single connection, so work on
 * it is serialised here (a transaction must not interleave with other queries).
 */
export class Database implements Sql {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dataSource: DataSource,
    readonly embedded: boolean,
  ) {}

  static async open(opts: DatabaseOptions): Promise<Database> {
    const common = {
      type: 'postgres' as const,
      entities: [],
      migrations: opts.migrations ?? MIGRATIONS,
      migrationsTableName: opts.migrationsTableName,
      logging: false,
    };
    let ds: DataSource;
    if (opts.url) {
      if (!opts.readOnly) {
        const warning = await applyRoleSettings(opts.url);
        if (warning) opts.onWarning?.(warning);
      }
      ds = new DataSource({
        ...common,
        url: opts.url,
        applicationName: opts.applicationName ?? 'qihe',
        poolSize: opts.poolSize ?? 10,
        extra: poolOptions(opts.poolSize ?? 10, opts.connectTimeoutMs ?? 10_000),
      });
    } else {
      const dir = join(opts.dataDir ?? '.qihe', 'pg');
      mkdirSync(dir, { recursive: true });
      ds = new DataSource({ ...common, driver: new PGliteDriver({ dataDir: dir }).driver });
    }
    await ds.initialize();
    return new Database(ds, !opts.url);
  }

  async migrate(): Promise<string[]> {
    const done = await this.exclusive(() => this.dataSource.runMigrations({ transaction: 'all' }));
    return done.map((m) => m.name);
  }

  async revertLastMigration(): Promise<void> {
    await this.exclusive(() => this.dataSource.undoLastMigration({ transaction: 'all' }));
  }

  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.exclusive(async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        return await runnerSql(runner, this.embedded).query<T>(sql, params);
      } finally {
        await runner.release();
      }
    });
  }

  /**
   * Runs `work` in one transaction: all of it commits, or none of it. READ
   * COMMITTED unless `isolation` says otherwise (REPEATABLE READ: every
   * statement reads the same snapshot).
   */
  transaction<T>(work: (tx: Sql) => Promise<T>, isolation?: 'REPEATABLE READ'): Promise<T> {
    return this.exclusive(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction(isolation);
        const result = await work(runnerSql(runner, this.embedded));
        await runner.commitTransaction();
        return result;
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw err;
      } finally {
        await runner.release();
      }
    });
  }

  /**
   * Runs `work` on a connection of its own, outside any transaction (each
   * statement commits alone): for a session-level lock held beside other work.
   * On the embedded database, `work` must not use the Database itself.
   */
  session<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        return await work(runnerSql(runner, this.embedded));
      } finally {
        await runner.release();
      }
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** The connection pool's numbers (null on the embedded database: one connection, no pool). */
  poolStats(): { total: number; idle: number; waiting: number; max: number } | null {
    if (this.embedded) return null;
    const pool = (this.dataSource.driver as unknown as { master?: PgPoolNumbers }).master;
    return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max } : null;
  }

  async close(): Promise<void> {
    await this.exclusive(() => this.dataSource.destroy());
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.embedded) return fn();
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** What node-postgres's Pool tells of itself. */
interface PgPoolNumbers {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

function runnerSql(runner: QueryRunner, embedded: boolean): Sql {
  const sql: Sql = {
    async query<T>(text: string, params?: unknown[]): Promise<T[]> {
      const res = await runner.query(text, params, true);
      return (res.records ?? []) as T[];
    },
  };
  if (!embedded) {
    sql.copyFrom = async (statement, chunks) => {
      // The runner's own pg connection: the COPY runs inside the runner's transaction.
      const client = (await runner.connect()) as PoolClient;
      await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFromStdin(statement)));
    };
  }
  return sql;
}


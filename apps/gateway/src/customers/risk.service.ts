import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  countRatings,
  customersAfter,
  customersWithOpenRiskFollowUp,
  insertRiskModel,
  latestRiskModel,
  pruneTouchedCustomers,
  riskHistories,
  currentSnapshot,
  setRiskPassMark,
  storedProbabilities,
  touchedCustomers,
  upsertRisks,
  type CustomerRiskRow,
  type Database,
  type RiskHistory,
  type Sql,
} from '@qihe/data';
import { crossesThreshold, refitDue, RISK_FEATURES, riskFeaturesAt, riskProbability, type RiskModel, type RiskSample } from '@qihe/domain';
import { PeriodicJob, type GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE } from '../core/tokens';
import { OrgService } from '../core/org.service';
import { OutboxRelay } from '../core/outbox-relay.service';
import { openFollowUps, type FollowUpCause } from '../follow-ups/follow-up-writes';
import { fitRiskModel } from './risk-fit';

const DAY = 86_400_000;
/** A rating is trained on when its touchpoint occurred in the last year; features look back at most 90 days (and to the last rating). */
const TRAINING_DAYS = 365;
const LOOKBACK_DAYS = 120;
const CUSTOMERS_PER_READ = 500;
// One key for "the risk job" across every replica sharing the database.
const LOCK_KEY = 'qihe:customer-risk';

/** How a pass reads and writes: inside one locked transaction (PostgreSQL), or query by query with short write transactions (PGlite). */
interface Session {
  read: Sql;
  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/**
 * Customer risk (MANAGEMENT-MODEL.md §7). Every replica ticks at least once a
 * minute; one at a time (a PostgreSQL advisory lock; the embedded PGlite is
 * one process, so its tick is alone by construction) it fits the model when
 * due — 200 ratings first, then daily or at 20 % more ratings — in a worker
 * thread, stores it, and rescores every customer; otherwise it rescores the
 * customers whose history changed since the last pass. A customer whose risk
 * crosses the threshold gets an AT_RISK_CUSTOMER follow-up (unless one is open).
 */
@Injectable()
export class RiskService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('CustomerRisk');
  private readonly job: PeriodicJob;
  /** The latest stored model, as this replica last read it. */
  model: RiskModel | null = null;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly org: OrgService,
    private readonly relay: OutboxRelay,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {
    this.job = new PeriodicJob({
      everyMs: config.risk.checkSeconds * 1000,
      run: () => this.pass(),
      onError: (err) => this.log.warn(`risk pass failed (retried next tick): ${err.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /**
   * One pass; resolves when done (tests and the bench call it to wait for one).
   * Passes of this replica run one after another: a call during the timer's pass
   * waits for it, then runs its own (the lock would otherwise turn it away).
   */
  pass(): Promise<void> {
    const run = this.passing.catch(() => undefined).then(() => this.passOnce());
    this.passing = run;
    return run;
  }

  private passing: Promise<void> = Promise.resolve();

  private async passOnce(): Promise<void> {
    await this.locked(async (s) => {
      const root = this.org.tree.root()?.id;
      const model = await latestRiskModel(s.read);
      this.model = model;
      if (!root) return;
      const ratings = await countRatings(s.read, root);
      const now = Date.now();
      if (refitDue(model, ratings, now)) await this.refit(s, ratings, now);
      else if (model) await this.rescoreTouched(s, model);
      // No model yet: the first fit scores everyone, so no queued touch is needed.
      else await s.write((tx) => pruneTouchedCustomers(tx, null));
    });
  }

  /**
   * Runs `fn` if no other replica holds the risk job; a no-op otherwise. The
   * lock is a transaction lock, held by a transaction of its own that does
   * nothing else: reads and writes run as short statements and short
   * transactions beside it. That transaction writes nothing and reads nothing
   * between statements, so it holds no xid and no snapshot (VACUUM of the
   * rollups ingest updates is not held back). A session lock would not do
   * behind pgbouncer in transaction pooling: the unlock could go to another
   * server connection and the lock stay held by the first, turning every
   * replica away for good (test/integration/pgbouncer.spec.ts).
   */
  private async locked(fn: (s: Session) => Promise<void>): Promise<void> {
    const s: Session = { read: this.db, write: (w) => this.db.transaction(w) };
    if (this.db.embedded) return fn(s);
    await this.db.transaction(async (lock) => {
      // No parameters: the simple protocol. A parameterised (extended-protocol)
      // statement leaves its portal, and with it a snapshot (backend_xmin), open
      // until the transaction's next statement — here, its end.
      const [{ got }] = await lock.query<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('${LOCK_KEY}')) AS got`);
      if (got) await fn(s);
    });
  }

  /** Every customer with a history in the window a pass at `now` reads, page by page (memory stays bounded by a page). */
  private async *histories(s: Session, now: number): AsyncGenerator<[string, RiskHistory][]> {
    for (let after: string | null = null; ; ) {
      const customers = await customersAfter(s.read, after, CUSTOMERS_PER_READ);
      if (customers.length === 0) return;
      after = customers[customers.length - 1];
      yield await this.historiesOf(s, customers, now);
    }
  }

  /** The histories of these customers a pass at `now` reads (a year of ratings and the features' look-back before them); those with no touchpoint in it are left out: nothing to score. */
  private async historiesOf(s: Session, customers: readonly string[], now: number): Promise<[string, RiskHistory][]> {
    return [...(await riskHistories(s.read, customers, now - (TRAINING_DAYS + LOOKBACK_DAYS) * DAY))].filter(([, h]) => h.touchpoints.length > 0);
  }

  /**
   * One sweep over every customer's history, page by page: the training
   * ratings, each with its features just before its touchpoint, and every
   * customer's features now, kept flat (RISK_FEATURES.length numbers a
   * customer) until the model is fitted; then everyone is scored from them.
   * Histories are read once: the features now are what a second read after the
   * fit would compute (the same rows, the same `now`), except for touches
   * committed since the snapshot below — those stay queued for the next pass.
   * Memory: ≈ 280 B a customer until the fit ends, beside the ≈ 325 B a
   * training rating already held (docs/PERFORMANCE.md, "the risk refit reads
   * every history once").
   */
  private async refit(s: Session, ratings: number, now: number): Promise<void> {
    const started = performance.now();
    // Every history below is read after this snapshot: the touches it saw are scored by this refit and pruned
    // behind it; the next pass rescores only those committed after it.
    const { now: snapshotAt, snapshot } = await currentSnapshot(s.read);
    const samples: RiskSample[] = [];
    const everyone: Scorable[] = [];
    const breathe = slicer();
    for await (const page of this.histories(s, now)) {
      const current = scorable(page.length);
      for (const [customerId, h] of page) {
        for (const t of h.touchpoints) {
          if (t.score !== null && t.occurredAt >= now - TRAINING_DAYS * DAY) samples.push({ id: t.id, at: t.occurredAt, x: riskFeaturesAt(h.touchpoints, h.promises, t.occurredAt), y: t.score <= 2 ? 1 : 0 });
        }
        addScorable(current, customerId, h, now);
        await breathe();
      }
      everyone.push(current);
    }
    if (samples.length < 2) return;
    const model = await fitRiskModel(samples, ratings, now);
    await s.write((tx) => insertRiskModel(tx, model));
    this.model = model;
    let opened = 0;
    let scored = 0;
    for (const page of everyone) {
      opened += await this.score(s, model, page, now);
      scored += page.customerIds.length;
    }
    await this.settlePass(s, snapshotAt, snapshot);
    this.log.log(
      `risk model ${model.version} fitted on ${model.trainingRatings} ratings (${model.holdoutRatings} held out: AUC ${fmt(model.auc)}, precision@50 ${fmt(model.precisionAt50)}, last-rating baseline ${fmt(model.baselinePrecisionAt50)}) in ${Math.round(performance.now() - started)} ms; ${scored} customers scored, ${opened} follow-ups opened`,
    );
  }

  private async rescoreTouched(s: Session, model: RiskModel): Promise<void> {
    const { now, snapshot, customers } = await touchedCustomers(s.read);
    const breathe = slicer();
    for (let i = 0; i < customers.length; i += CUSTOMERS_PER_READ) {
      const batch = customers.slice(i, i + CUSTOMERS_PER_READ);
      const histories = await this.historiesOf(s, batch, now);
      const page = scorable(histories.length);
      for (const [customerId, h] of histories) {
        addScorable(page, customerId, h, now);
        await breathe();
      }
      await this.score(s, model, page, now);
    }
    await this.settlePass(s, now, snapshot);
  }

  /** Every touch `snapshot` saw is scored: it leaves the queue (a crash before this only rescores them again). `at`: the database's clock at the snapshot. */
  private async settlePass(s: Session, at: number, snapshot: string): Promise<void> {
    await s.write(async (tx) => {
      await setRiskPassMark(tx, at);
      await pruneTouchedCustomers(tx, snapshot);
    });
  }

  /** Scores customers from their features now; opens AT_RISK_CUSTOMER follow-ups for those who crossed the threshold. Returns how many opened. */
  private async score(s: Session, model: RiskModel, page: Scorable, now: number): Promise<number> {
    const n = page.customerIds.length;
    if (n === 0) return 0;
    const threshold = this.config.risk.threshold;
    const before = await storedProbabilities(s.read, page.customerIds);
    const rows: CustomerRiskRow[] = [];
    const crossed: FollowUpCause[] = [];
    const d = RISK_FEATURES.length;
    for (let i = 0; i < n; i++) {
      const customerId = page.customerIds[i];
      const unitId = page.unitIds[i];
      const x = page.x.subarray(i * d, (i + 1) * d);
      const probability = riskProbability(model, x);
      rows.push({ customerId, unitId, latestTouchpointId: page.latestTouchpointIds[i], probability, features: Array.from(x), modelVersion: model.version, asOf: now });
      if (crossesThreshold(before.get(customerId) ?? null, probability, threshold)) {
        crossed.push({ reason: 'AT_RISK_CUSTOMER', unitId, customerId, touchpointId: page.latestTouchpointIds[i], commitmentId: null });
      }
    }
    const opened = await s.write(async (tx) => {
      await upsertRisks(tx, rows);
      const open = await customersWithOpenRiskFollowUp(tx, crossed.map((c) => c.customerId));
      return (await openFollowUps(tx, crossed.filter((c) => !open.has(c.customerId)))).length;
    });
    if (opened) this.relay.poke();
    return opened;
  }
}

/** Customers as a pass scores them: the unit and id of each one's latest touchpoint, and their features now, RISK_FEATURES.length numbers each. */
interface Scorable {
  customerIds: string[];
  unitIds: string[];
  latestTouchpointIds: string[];
  x: Float64Array;
}

const scorable = (capacity: number): Scorable => ({ customerIds: [], unitIds: [], latestTouchpointIds: [], x: new Float64Array(capacity * RISK_FEATURES.length) });

/** Adds a customer with a history (at least one touchpoint), their features as of now (or just after a touchpoint dated ahead of it). */
function addScorable(page: Scorable, customerId: string, h: RiskHistory, now: number): void {
  const latest = h.touchpoints[h.touchpoints.length - 1];
  page.x.set(riskFeaturesAt(h.touchpoints, h.promises, Math.max(now, latest.occurredAt + 1)), page.customerIds.length * RISK_FEATURES.length);
  page.customerIds.push(customerId);
  page.unitIds.push(latest.unitId);
  page.latestTouchpointIds.push(latest.id);
}

/** A yield to the event loop once `ms` of work has run since the last: a long pass never holds the loop longer. */
function slicer(ms = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < ms) return;
    await new Promise((r) => setImmediate(r));
    since = performance.now();
  };
}

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

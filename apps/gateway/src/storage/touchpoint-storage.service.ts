import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { aloneAcrossReplicas, createPartitionsAhead, runRetention, type Database, type RetentionReport } from '@qihe/data';
import { PeriodicJob, type GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE } from '../core/tokens';

/** Partitions exist from yesterday through this many days ahead (more are made on demand); the job runs hourly. */
const DAYS_AHEAD = 2;
const TICK_MS = 3_600_000;
const DAY_MS = 86_400_000;
// One key for "the retention run" across every replica sharing the database.
const LOCK_KEY = 'qihe:touchpoint-retention';

/**
 * Keeps touchpoint storage in shape, hourly on every replica: the coming
 * days' partitions made ahead (safe on several replicas at once), then the
 * retention run (docs/retention.md) on one replica at a time.
 */
@Injectable()
export class TouchpointStorageService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('TouchpointStorage');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {
    this.job = new PeriodicJob({
      everyMs: TICK_MS,
      run: async () => void (await this.pass()),
      onError: (err) => this.log.warn(`touchpoint storage upkeep failed (retried next hour): ${err.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
  }

  /** One upkeep pass; resolves with the retention report (null: another replica runs it). */
  async pass(now = Date.now()): Promise<RetentionReport | null> {
    const made = await createPartitionsAhead(this.db, now - DAY_MS, now + DAYS_AHEAD * DAY_MS);
    if (made) this.log.log(`${made} touchpoint partitions made ahead`);
    const { rawDays, hourRollupDays } = this.config.retention;
    if (rawDays === null && hourRollupDays === null) return null;
    let report: RetentionReport | null = null;
    await aloneAcrossReplicas(this.db, LOCK_KEY, async () => {
      const started = performance.now();
      report = await runRetention(this.db, now, this.config.retention);
      const dropped = report.droppedTouchpointPartitions.length + report.droppedKeyPartitions.length;
      if (dropped || report.foldedHourRows || report.settledDays) {
        this.log.log(`retention: ${report.settledDays} days settled (${report.settledTouchpoints} touchpoints' own slices), ${dropped} partitions dropped, ${report.legacyKeysDeleted} legacy keys deleted, ${report.foldedHourRows} slice hour rows folded into days, in ${Math.round(performance.now() - started)} ms`);
      }
    });
    return report;
  }
}

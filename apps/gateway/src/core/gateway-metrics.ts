import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { LATENCY_BUCKETS, Metrics } from '@qihe/server';
import type { Counter, Histogram } from 'prom-client';
import { DATABASE } from './tokens';

/** What a write call answered: counts and refusals by code. */
interface WriteAnswer {
  rejected: readonly { code: string }[];
}

const BATCH_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1000];
const GROUP_BUCKETS = [1, 2, 4, 8, 16, 32, 64];
const GROUP_ITEM_BUCKETS = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000];

/**
 * The gateway's own metrics (beside Node's and GraphQL's, see @qihe/server):
 * ingestion outcomes, group commits, the database pool. Counting happens once
 * per call or per shared transaction, never per item in a loop of its own.
 */
@Injectable()
export class GatewayMetrics {
  private readonly touchpoints: Counter<'outcome'>;
  private readonly ratings: Counter<'outcome'>;
  private readonly batchItems: Histogram<'operation'>;
  private readonly groupCalls: Histogram;
  private readonly groupItems: Histogram;
  private readonly groupSeconds: Histogram;

  constructor(
    metrics: Metrics,
    @Inject(DATABASE) db: Database,
  ) {
    this.touchpoints = metrics.counter('qihe_ingest_touchpoints_total', 'Touchpoints received, by outcome: accepted, duplicate, or the refusal code (INVALID, UNKNOWN_UNIT, FORBIDDEN_UNIT, CONFLICT).', ['outcome']);
    this.ratings = metrics.counter('qihe_ingest_ratings_total', 'Late satisfaction ratings received, by outcome: rated, unchanged, or the refusal code.', ['outcome']);
    this.batchItems = metrics.histogram('qihe_ingest_batch_items', 'Items per write call, by mutation.', ['operation'], BATCH_BUCKETS);
    this.groupCalls = metrics.histogram('qihe_group_commit_calls', 'Write calls sharing one group-commit transaction.', [], GROUP_BUCKETS);
    this.groupItems = metrics.histogram('qihe_group_commit_items', 'Touchpoints and ratings written in one group-commit transaction.', [], GROUP_ITEM_BUCKETS);
    this.groupSeconds = metrics.histogram('qihe_group_commit_seconds', 'Duration of one group-commit transaction, begin to commit.', [], LATENCY_BUCKETS);
    metrics.gauge('qihe_db_pool_connections', 'PostgreSQL pool connections: open (total), idle, callers waiting for one, and the pool size (max).', ['state'], (g) => {
      const pool = db.poolStats();
      if (!pool) return;
      g.set({ state: 'total' }, pool.total);
      g.set({ state: 'idle' }, pool.idle);
      g.set({ state: 'waiting' }, pool.waiting);
      g.set({ state: 'max' }, pool.max);
    });
  }

  /** A recordTouchpoints answer. */
  recorded(items: number, answer: WriteAnswer & { accepted: number; duplicates: number }): void {
    this.batchItems.observe({ operation: 'recordTouchpoints' }, items);
    if (answer.accepted) this.touchpoints.inc({ outcome: 'accepted' }, answer.accepted);
    if (answer.duplicates) this.touchpoints.inc({ outcome: 'duplicate' }, answer.duplicates);
    for (const r of answer.rejected) this.touchpoints.inc({ outcome: r.code });
  }

  /** A recordSatisfactions answer, or one recordSatisfaction (`items` 1). */
  rated(items: number, answer: WriteAnswer & { rated: number; unchanged: number }): void {
    this.batchItems.observe({ operation: 'recordSatisfactions' }, items);
    if (answer.rated) this.ratings.inc({ outcome: 'rated' }, answer.rated);
    if (answer.unchanged) this.ratings.inc({ outcome: 'unchanged' }, answer.unchanged);
    for (const r of answer.rejected) this.ratings.inc({ outcome: r.code });
  }

  /** One shared transaction of the group commit. */
  groupCommitted(calls: number, items: number, seconds: number): void {
    this.groupCalls.observe(calls);
    this.groupItems.observe(items);
    this.groupSeconds.observe(seconds);
  }
}

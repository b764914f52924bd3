import { GatewayClient, type SatisfactionInput, type TouchpointInput } from '@qihe/client';
import type { Seed } from '@qihe/domain';
import { planBatches, type PlannedBatch } from './workload';

// The soak's steady load: touchpoints at a fixed rate from the traffic
// generator, planned ten seconds at a time (so memory on this side stays flat
// too), sent by site keys with a bounded number of calls in flight; the late
// ratings of each batch sent once due, those of one site gathered in one
// recordSatisfactions call, as a site's forwarder sends them. Everything the
// gateway accepted is remembered, with the rating it must end up with, for the
// check at the end; per-minute counters and call latencies for the report.

export interface LoadMinute {
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Items of calls that failed after retries: their fate is unknown to the sender. */
  unknown: number;
  ratingsSent: number;
  ratingsRejected: number;
  batchMs: number[];
}

export interface LoadOutcome {
  /** Accepted touchpoint id → the satisfaction score it must have at the end (null: unrated). */
  expected: Map<string, number | null>;
  /** Ids of calls that failed: stored or not, nobody was told. */
  unknown: Set<string>;
  /** Late ratings whose call failed: the touchpoint may have this score or the one in `expected`. */
  ratingUnknown: Map<string, number>;
  rejectedSamples: string[];
}

interface Due {
  dueAt: number;
  siteKey: string;
  touchpointId: string;
  satisfaction: SatisfactionInput;
}

const PLAN_SECONDS = 10;
const RATING_TICK_MS = 1000;
const MAX_RATINGS_PER_CALL = 1000;

export class SoakLoad {
  readonly outcome: LoadOutcome = { expected: new Map(), unknown: new Set(), ratingUnknown: new Map(), rejectedSamples: [] };
  private readonly clients = new Map<string, GatewayClient>();
  private readonly due: Due[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private minute: LoadMinute = SoakLoad.emptyMinute();

  constructor(
    private readonly url: string,
    private readonly seed: Seed,
    private readonly opts: { rate: number; batchSize: number; concurrency: number; lateRatingRatio: number },
  ) {}

  static emptyMinute(): LoadMinute {
    return { sent: 0, accepted: 0, duplicates: 0, rejected: 0, unknown: 0, ratingsSent: 0, ratingsRejected: 0, batchMs: [] };
  }

  /** The counters since the last call (one call per minute). */
  takeMinute(): LoadMinute {
    const m = this.minute;
    this.minute = SoakLoad.emptyMinute();
    return m;
  }

  /** Sends at the set rate until `until` (epoch ms), then drains the calls and ratings still due. */
  async run(until: number): Promise<void> {
    const start = Date.now();
    let sent = 0;
    let chunk = 0;
    const ratings = setInterval(() => void this.sendDueRatings(Date.now()), RATING_TICK_MS);
    try {
      while (Date.now() < until) {
        const total = Math.min(this.opts.rate * PLAN_SECONDS, Math.ceil(((until - Date.now()) / 1000) * this.opts.rate));
        if (total <= 0) break;
        const batches = planBatches(this.seed, {
          total,
          batchSize: this.opts.batchSize,
          seed: `soak-${start}-${chunk++}`,
          lateRatingRatio: this.opts.lateRatingRatio,
        });
        for (const b of batches) {
          // The k-th touchpoint is due k/rate seconds after the start: a slow gateway makes the sender late, never faster.
          const wait = start + (sent / this.opts.rate) * 1000 - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (Date.now() >= until) break;
          while (this.inflight.size >= this.opts.concurrency) await Promise.race(this.inflight);
          const p: Promise<void> = this.record(b).finally(() => this.inflight.delete(p));
          this.inflight.add(p);
          sent += b.items.length;
        }
      }
      await Promise.all(this.inflight);
    } finally {
      clearInterval(ratings);
    }
    // The ratings still due go now, as a site's forwarder sends its backlog.
    while (this.due.length) await this.sendDueRatings(Number.POSITIVE_INFINITY);
  }

  private client(key: string): GatewayClient {
    let c = this.clients.get(key);
    if (!c) this.clients.set(key, (c = new GatewayClient({ url: this.url, token: key, timeoutMs: 60_000, retries: 3, backoffBaseMs: 100, maxBatch: 1000 })));
    return c;
  }

  private async record(b: PlannedBatch): Promise<void> {
    const m = this.minute;
    m.sent += b.items.length;
    const t0 = performance.now();
    try {
      const r = await this.client(b.siteKey).recordTouchpoints(b.items);
      m.batchMs.push(performance.now() - t0);
      m.accepted += r.accepted;
      m.duplicates += r.duplicates;
      m.rejected += r.rejected.length;
      const refused = new Set(r.rejected.map((x) => x.index));
      for (const x of r.rejected) if (this.outcome.rejectedSamples.length < 5) this.outcome.rejectedSamples.push(`${x.code}: ${x.message}`);
      b.items.forEach((it: TouchpointInput, i) => {
        if (!refused.has(i)) this.outcome.expected.set(it.id, it.satisfaction?.score ?? null);
      });
      const now = Date.now();
      for (const l of b.late) {
        if (!this.outcome.expected.has(l.touchpointId)) continue;
        this.due.push({ dueAt: now + l.delayMs, siteKey: b.siteKey, touchpointId: l.touchpointId, satisfaction: l.satisfaction });
      }
    } catch {
      m.unknown += b.items.length;
      for (const it of b.items) this.outcome.unknown.add(it.id);
    }
  }

  /** One call per site for the ratings due by `until` (at most 1000 each). */
  private async sendDueRatings(until: number): Promise<void> {
    const bySite = new Map<string, Due[]>();
    for (let i = 0; i < this.due.length; ) {
      const d = this.due[i];
      const list = bySite.get(d.siteKey) ?? [];
      if (d.dueAt <= until && list.length < MAX_RATINGS_PER_CALL) {
        list.push(d);
        bySite.set(d.siteKey, list);
        this.due.splice(i, 1);
      } else i++;
    }
    await Promise.all(
      [...bySite].map(async ([siteKey, list]) => {
        const m = this.minute;
        m.ratingsSent += list.length;
        try {
          const r = await this.client(siteKey).recordSatisfactions(list.map((d) => ({ touchpointId: d.touchpointId, satisfaction: d.satisfaction })));
          const refused = new Set(r.rejected.map((x) => x.index));
          m.ratingsRejected += refused.size;
          list.forEach((d, i) => {
            if (!refused.has(i)) this.outcome.expected.set(d.touchpointId, d.satisfaction.score);
          });
          for (const x of r.rejected) if (this.outcome.rejectedSamples.length < 5) this.outcome.rejectedSamples.push(`rating ${x.code}: ${x.message}`);
        } catch {
          // Not told whether it was stored: the check accepts either score for these.
          m.ratingsRejected += list.length;
          for (const d of list) this.outcome.ratingUnknown.set(d.touchpointId, d.satisfaction.score);
        }
      }),
    );
  }
}

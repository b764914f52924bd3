import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayClient, type IngestResult } from '@qihe/client';
import type { LateRating, PlannedBatch } from './workload';

// Sends planned batches with `concurrency` clients in flight, like sites do,
// and the late ratings as they fall due, sharing the same slots.

export interface IngestRun {
  touchpoints: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejectedSamples: string[];
  ratings: number;
  ratingErrors: number;
  /** recordSatisfactions calls: the late ratings due at one moment for one site go in one call. */
  ratingCalls: number;
  batches: number;
  elapsedMs: number;
  /** Wall time of each recordTouchpoints call. */
  batchMs: number[];
  /** Wall time of each recordSatisfactions call (they share the clients' slots with the batches). */
  ratingMs: number[];
  /** Touchpoints/s over consecutive tenths of the run (by batches completed). */
  segmentRates: number[];
}

const MAX_RATINGS_PER_CALL = 1000;
const RATING_LINGER_MS = 1000;

interface Due extends LateRating {
  dueAt: number;
  siteKey: string;
}

export async function runIngest(
  url: string,
  batches: readonly PlannedBatch[],
  opts: { concurrency: number; onBatch?: (done: number, items: number) => void },
): Promise<IngestRun> {
  const clients = new Map<string, GatewayClient>();
  const client = (key: string): GatewayClient => {
    let c = clients.get(key);
    if (!c) clients.set(key, (c = new GatewayClient({ url, token: key, timeoutMs: 120_000, retries: 2, backoffBaseMs: 50, maxBatch: 1000 })));
    return c;
  };
  const run: IngestRun = {
    touchpoints: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    rejectedSamples: [],
    ratings: 0,
    ratingErrors: 0,
    ratingCalls: 0,
    batches: 0,
    elapsedMs: 0,
    batchMs: [],
    ratingMs: [],
    segmentRates: [],
  };
  const due: Due[] = [];
  const doneAt: { at: number; items: number }[] = [];
  let next = 0;
  const start = performance.now();

  const record = async (b: PlannedBatch): Promise<void> => {
    const t0 = performance.now();
    const r: IngestResult = await client(b.siteKey).recordTouchpoints(b.items);
    const t1 = performance.now();
    run.batchMs.push(t1 - t0);
    run.touchpoints += b.items.length;
    run.accepted += r.accepted;
    run.duplicates += r.duplicates;
    run.rejected += r.rejected.length;
    for (const x of r.rejected) if (run.rejectedSamples.length < 5) run.rejectedSamples.push(`${x.code}: ${x.message}`);
    run.batches++;
    doneAt.push({ at: t1, items: b.items.length });
    const now = Date.now();
    const rejected = new Set(r.rejected.map((x) => x.id));
    for (const l of b.late) if (!rejected.has(l.touchpointId)) due.push({ ...l, dueAt: now + l.delayMs, siteKey: b.siteKey });
    opts.onBatch?.(run.batches, run.touchpoints);
  };

  // One recordSatisfactions call for the ratings of one site: those due by `until`, oldest first, at most 1000.
  // Like a site's forwarder, a client lets due ratings gather for up to RATING_LINGER_MS before it sends them.
  const rateDue = async (until: number): Promise<boolean> => {
    const first = due.find((d) => d.dueAt <= until - RATING_LINGER_MS);
    if (!first) return false;
    const mine: Due[] = [];
    for (let i = 0; i < due.length && mine.length < MAX_RATINGS_PER_CALL; ) {
      if (due[i].siteKey === first.siteKey && due[i].dueAt <= until) mine.push(...due.splice(i, 1));
      else i++;
    }
    const t0 = performance.now();
    try {
      const r = await client(first.siteKey).recordSatisfactions(mine.map((d) => ({ touchpointId: d.touchpointId, satisfaction: d.satisfaction })));
      run.ratings += r.rated + r.unchanged;
      run.ratingErrors += r.rejected.length;
    } catch {
      run.ratingErrors += mine.length;
    }
    run.ratingMs.push(performance.now() - t0);
    run.ratingCalls++;
    return true;
  };

  // Each worker sends the ratings that are due, else the next batch; at the end it drains the ratings left.
  const worker = async (): Promise<void> => {
    for (;;) {
      if (await rateDue(Date.now())) continue;
      if (next < batches.length) {
        await record(batches[next++]);
        continue;
      }
      // No batch left: the remaining ratings go at once, as before the last answer.
      if (!(await rateDue(Number.POSITIVE_INFINITY))) return;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  run.elapsedMs = performance.now() - start;

  // Throughput per tenth of the run: spread of the rate over time.
  const tenth = Math.max(1, Math.floor(doneAt.length / 10));
  let prevAt = start;
  for (let i = 0; i + tenth <= doneAt.length; i += tenth) {
    const seg = doneAt.slice(i, i + tenth);
    const at = seg[seg.length - 1].at;
    run.segmentRates.push(seg.reduce((s, x) => s + x.items, 0) / ((at - prevAt) / 1000));
    prevAt = at;
  }
  return run;
}

/** A plan's history (workload.ts, Plan.history) stored before the plan, unmeasured: every touchpoint must be accepted. */
export async function storeHistory(url: string, history: readonly PlannedBatch[], concurrency: number, label: string): Promise<void> {
  const run = await runIngest(url, history, { concurrency });
  if (run.accepted !== run.touchpoints) throw new Error(`${label}: history stored ${run.accepted} of ${run.touchpoints} (${run.rejectedSamples.join('; ')})`);
  await sleep(1100); // backends flush their table statistics at most once a second: the history's stay out of the plan's counts
}

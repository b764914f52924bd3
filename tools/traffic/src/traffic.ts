import { OrgTree, type CommitmentDefinition, type PerceptionPointDefinition, type OrgUnitRecord } from '@qihe/domain';
import { GatewayClient, GatewayError, type GatewayClientOptions, type SatisfactionInput, type TouchpointInput } from '@qihe/client';
import { CommitmentPlanner } from './commitment-plan';
import { CommitmentTraffic, type CommitmentTrafficSummary } from './commitment-traffic';
import { TouchpointGenerator, type GeneratedTouchpoint } from './generator';
import { Rng } from './prng';

// Drives a gateway like a fleet of sites would: each site sends batches of its
// own units' touchpoints with its own key, re-sends some of them (as a site's
// outbox does after a lost answer), and rates some touchpoints later.

export interface TrafficSite {
  id: string;
  unitId: string;
  key: string;
}

export interface TrafficOptions {
  url: string;
  sites: readonly TrafficSite[];
  /** The org tree, as in the seed file. */
  units: readonly OrgUnitRecord[];
  /** Touchpoints per second on the wire, re-sends included. */
  rate: number;
  /** Stop after this many touchpoints were sent … */
  total?: number;
  /** … or after this many seconds; with neither, run until `signal` aborts. */
  durationSec?: number;
  batchSize?: number;
  /** Calls in flight at once, batches and ratings together. */
  concurrency?: number;
  /** Share of sent items that are re-sends of already accepted ones. */
  duplicateRatio?: number;
  /** Share of served, unrated touchpoints that are rated later with recordSatisfaction. */
  lateRatingRatio?: number;
  lateRatingDelayMs?: readonly [number, number];
  /** PRNG seed; a run is reproducible from it (up to timing). */
  seed?: number | string;
  client?: Partial<Omit<GatewayClientOptions, 'url' | 'token'>>;
  /** The commitment catalogue: promises naming its level-1 codes are made, and their steps done later (recordCommitmentEvents). */
  commitments?: readonly CommitmentDefinition[];
  /** The perception-point catalogue: each touchpoint names one of its points for the need. */
  perceptionPoints?: readonly PerceptionPointDefinition[];
  signal?: AbortSignal;
  onProgress?: (progress: TrafficProgress) => void;
}

export interface TrafficSummary {
  seed: string;
  /** Touchpoints sent, re-sends included. */
  sent: number;
  /** Of those, re-sends of already accepted touchpoints. */
  resent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Touchpoints in calls that failed for good (after the client's retries). */
  failed: number;
  /** Late ratings recorded. */
  ratings: number;
  /** Late ratings still waiting when the run was stopped early. */
  ratingsSkipped: number;
  /** Calls that failed for good, batches and ratings. */
  errors: number;
  batches: number;
  rejectedByCode: Record<string, number>;
  /** The first few distinct failure messages, to tell what went wrong. */
  errorSamples: string[];
  elapsedMs: number;
  /** Commitment events, when a catalogue was given. */
  commitments?: CommitmentTrafficSummary;
}

export interface TrafficProgress extends TrafficSummary {
  /** Touchpoints the run means to send, when known. */
  target: number | null;
}

interface PendingRating {
  dueMs: number;
  siteId: string;
  touchpointId: string;
  satisfaction: SatisfactionInput;
}

/**
 * Which site sends which unit's touchpoints: the nearest site at or above the
 * unit (a project with its own site sends through it, the rest through their
 * business unit's or the group's). Sites that end up with no unit are left out.
 */
export function routeUnitsToSites(units: readonly OrgUnitRecord[], sites: readonly TrafficSite[]): Map<string, string[]> {
  const tree = new OrgTree(units);
  const siteAt = new Map<string, TrafficSite>();
  for (const s of sites) if (!siteAt.has(s.unitId)) siteAt.set(s.unitId, s);
  const routes = new Map<string, string[]>();
  for (const u of tree.all()) {
    const site = tree
      .lineage(u.id)
      .map((id) => siteAt.get(id))
      .find((s) => s !== undefined);
    if (!site) continue;
    const list = routes.get(site.id) ?? [];
    list.push(u.id);
    routes.set(site.id, list);
  }
  for (const list of routes.values()) list.sort();
  return routes;
}

/** The last accepted touchpoints of a site, to re-send from. */
class ResendPool {
  private readonly items: TouchpointInput[] = [];
  private next = 0;
  constructor(private readonly capacity = 2000) {}

  add(item: TouchpointInput): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  pick(rng: Rng): TouchpointInput | undefined {
    return this.items.length ? rng.pick(this.items) : undefined;
  }
}

const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

const message = (e: unknown): string => (e instanceof GatewayError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e));

export async function runTraffic(opts: TrafficOptions): Promise<TrafficSummary> {
  const batchSize = opts.batchSize ?? 20;
  const concurrency = opts.concurrency ?? 4;
  const duplicateRatio = opts.duplicateRatio ?? 0.05;
  if (!(opts.rate > 0)) throw new RangeError(`rate must be positive, got ${opts.rate}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  if (!(duplicateRatio >= 0 && duplicateRatio < 1)) throw new RangeError(`duplicateRatio must be in [0, 1), got ${duplicateRatio}`);

  const seed = String(opts.seed ?? Date.now());
  const routes = routeUnitsToSites(opts.units, opts.sites);
  if (routes.size === 0) throw new RangeError('no site covers any unit: nothing to send');
  const sites = new Map(opts.sites.filter((s) => routes.has(s.id)).map((s) => [s.id, s]));
  const generator = new TouchpointGenerator({
    seed,
    units: opts.units,
    activeUnitIds: [...routes.values()].flat(),
    lateRatingRatio: opts.lateRatingRatio,
    lateRatingDelayMs: opts.lateRatingDelayMs,
    trackedCodes: opts.commitments?.filter((d) => d.level === 1).map((d) => d.code),
    perceptionPoints: opts.perceptionPoints,
  });
  const rng = Rng.for(seed, 'runner');
  const siteWeights: Record<string, number> = {};
  for (const [siteId, unitIds] of routes) siteWeights[siteId] = generator.volumeOf(unitIds);
  const clients = new Map<string, GatewayClient>();
  const pools = new Map<string, ResendPool>();
  for (const s of sites.values()) {
    clients.set(s.id, new GatewayClient({ ...opts.client, url: opts.url, token: s.key, maxBatch: Math.min(batchSize, 1000) }));
    pools.set(s.id, new ResendPool());
  }

  const unitKey = new Map<string, string>();
  for (const [siteId, unitIds] of routes) for (const u of unitIds) unitKey.set(u, (sites.get(siteId) as TrafficSite).key);
  const planner = opts.commitments?.length ? new CommitmentPlanner(opts.commitments, { seed }) : null;
  const events = planner ? new CommitmentTraffic({ url: opts.url, keyFor: (u) => unitKey.get(u), timeoutMs: opts.client?.timeoutMs }) : null;
  events?.start();

  const summary: TrafficSummary = {
    seed,
    sent: 0,
    resent: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    failed: 0,
    ratings: 0,
    ratingsSkipped: 0,
    errors: 0,
    batches: 0,
    rejectedByCode: {},
    errorSamples: [],
    elapsedMs: 0,
  };
  const start = Date.now();
  const target = opts.total ?? (opts.durationSec !== undefined ? Math.round(opts.rate * opts.durationSec) : null);
  const report = (): void => {
    summary.elapsedMs = Date.now() - start;
    opts.onProgress?.({ ...summary, rejectedByCode: { ...summary.rejectedByCode }, errorSamples: [...summary.errorSamples], target });
  };
  const fail = (e: unknown): void => {
    summary.errors++;
    const m = message(e);
    if (summary.errorSamples.length < 5 && !summary.errorSamples.includes(m)) summary.errorSamples.push(m);
  };

  const inflight = new Set<Promise<void>>();
  const track = (p: Promise<void>): void => {
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  };
  const slot = async (): Promise<void> => {
    while (inflight.size >= concurrency) await Promise.race(inflight);
  };

  const pending: PendingRating[] = [];
  const schedule = (r: PendingRating): void => {
    let i = pending.length;
    while (i > 0 && pending[i - 1].dueMs > r.dueMs) i--;
    pending.splice(i, 0, r);
  };

  const sendBatch = async (siteId: string, items: { tp: GeneratedTouchpoint; resend: boolean }[]): Promise<void> => {
    try {
      const result = await (clients.get(siteId) as GatewayClient).recordTouchpoints(items.map((i) => i.tp.input));
      summary.accepted += result.accepted;
      summary.duplicates += result.duplicates;
      summary.rejected += result.rejected.length;
      for (const r of result.rejected) summary.rejectedByCode[r.code] = (summary.rejectedByCode[r.code] ?? 0) + 1;
      const rejected = new Set(result.rejected.map((r) => r.index));
      items.forEach(({ tp, resend }, index) => {
        if (resend || rejected.has(index)) return;
        if (planner) events?.add(planner.plan(tp.input));
        if (tp.lateRating) {
          schedule({ dueMs: Date.now() + tp.lateRating.delayMs, siteId, touchpointId: tp.input.id, satisfaction: tp.lateRating.satisfaction });
        } else {
          // Only items that will not be rated later are re-sent: their stored content stays what was sent.
          (pools.get(siteId) as ResendPool).add(tp.input);
        }
      });
    } catch (e) {
      summary.failed += items.length;
      fail(e);
    } finally {
      summary.batches++;
      report();
    }
  };

  const sendRating = async (r: PendingRating): Promise<void> => {
    try {
      await (clients.get(r.siteId) as GatewayClient).recordSatisfaction(r.touchpointId, r.satisfaction);
      summary.ratings++;
    } catch (e) {
      fail(e);
    } finally {
      report();
    }
  };

  const flushRatings = async (upTo: number): Promise<void> => {
    while (pending.length && pending[0].dueMs <= upTo) {
      await slot();
      track(sendRating(pending.shift() as PendingRating));
    }
  };

  const deadline = opts.durationSec !== undefined ? start + opts.durationSec * 1000 : Infinity;
  const stopped = (): boolean => !!opts.signal?.aborted || Date.now() >= deadline || (opts.total !== undefined && summary.sent >= opts.total);

  while (!stopped()) {
    await flushRatings(Date.now());
    // The k-th touchpoint is due k/rate seconds after the start.
    const wait = start + (summary.sent / opts.rate) * 1000 - Date.now();
    if (wait > 0) {
      await pause(Math.min(wait, 100), opts.signal);
      continue;
    }
    await slot();
    if (stopped()) break;
    const siteId = rng.weighted(siteWeights);
    const unitIds = routes.get(siteId) as string[];
    const pool = pools.get(siteId) as ResendPool;
    const size = opts.total !== undefined ? Math.min(batchSize, opts.total - summary.sent) : batchSize;
    const now = Date.now();
    const chosen = new Set<string>();
    const items: { tp: GeneratedTouchpoint; resend: boolean }[] = [];
    for (let i = 0; i < size; i++) {
      const again = rng.chance(duplicateRatio) ? pool.pick(rng) : undefined;
      if (again && !chosen.has(again.id)) {
        chosen.add(again.id);
        items.push({ tp: { input: again }, resend: true });
      } else {
        items.push({ tp: generator.next(now, unitIds), resend: false });
      }
    }
    summary.sent += items.length;
    summary.resent += items.filter((i) => i.resend).length;
    track(sendBatch(siteId, items));
  }

  await Promise.all(inflight);
  // Ratings still waiting are sent now rather than waited for, unless the run was cut short.
  if (opts.signal?.aborted) summary.ratingsSkipped = pending.splice(0).length;
  else await flushRatings(Infinity);
  await Promise.all(inflight);
  // Steps due by now are sent; later ones are left (the run is over before they happen).
  if (events) summary.commitments = await events.stop(!opts.signal?.aborted);
  report();
  return { ...summary, elapsedMs: Date.now() - start };
}

import { GatewayClient, GatewayError, type IngestResult } from '@qihe/client';
import type { CommitmentEvent, PlannedEvent } from './commitment-plan';

// Sends planned commitment events to the gateway when they happen, each with
// the key of the site that sent its touchpoint (a site key may complete the
// nodes of its own units' touchpoints). An event that arrives before its
// touchpoint (a site forwards touchpoints from its outbox, a little later) is
// NOT_FOUND: it is tried again until the touchpoint is there or the event is
// given up. Re-sending is safe: events are idempotent by id.

// The mutation as a plain string: the traffic tool sends no other gateway document of its own.
const RECORD_EVENTS = `mutation TrafficCommitmentEvents($input: [CommitmentEventInput!]!) {
  recordCommitmentEvents(input: $input) { accepted duplicates rejected { index id code message } }
}`;
const BATCH = 500;
const TICK_MS = 250;
const RETRY_MS = 2_000;

export interface CommitmentTrafficOptions {
  url: string;
  /** The site key whose scope holds a unit (its touchpoints' events go with it). */
  keyFor: (unitId: string) => string | undefined;
  /** How long an event may keep failing (NOT_FOUND, gateway away) before it is given up. */
  giveUpAfterMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

export interface CommitmentTrafficSummary {
  planned: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  rejectedByCode: Record<string, number>;
  /** Events that kept failing for giveUpAfterMs. */
  givenUp: number;
  /** Calls that failed (they are retried). */
  errors: number;
  /** Events still waiting for their moment when stopped. */
  waiting: number;
}

interface Queued extends PlannedEvent {
  tryAtMs: number;
}

export class CommitmentTraffic {
  private queue: Queued[] = [];
  private readonly clients = new Map<string, GatewayClient>();
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private readonly giveUpAfterMs: number;
  private readonly now: () => number;
  readonly summary: CommitmentTrafficSummary = { planned: 0, accepted: 0, duplicates: 0, rejected: 0, rejectedByCode: {}, givenUp: 0, errors: 0, waiting: 0 };

  constructor(private readonly opts: CommitmentTrafficOptions) {
    this.giveUpAfterMs = opts.giveUpAfterMs ?? 10 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  add(events: readonly PlannedEvent[]): void {
    for (const e of events) {
      if (!this.opts.keyFor(e.unitId)) throw new RangeError(`no site key covers unit "${e.unitId}"`);
      this.queue.push({ ...e, tryAtMs: e.atMs });
    }
    this.summary.planned += events.length;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sendDue().finally(() => (this.running = null));
    }, TICK_MS);
    this.timer.unref();
  }

  /** Stops sending; with `flush`, sends what is due by now first (events planned for later stay unsent). */
  async stop(flush = false): Promise<CommitmentTrafficSummary> {
    clearInterval(this.timer);
    await this.running;
    if (flush) await this.sendDue();
    this.summary.waiting = this.queue.length;
    return { ...this.summary, rejectedByCode: { ...this.summary.rejectedByCode } };
  }

  /** Sends every event whose moment (or retry) has come; one call per site key and batch. */
  async sendDue(): Promise<void> {
    const now = this.now();
    const due = this.queue.filter((q) => q.tryAtMs <= now);
    if (due.length === 0) return;
    this.queue = this.queue.filter((q) => q.tryAtMs > now);
    const byKey = new Map<string, Queued[]>();
    for (const q of due.sort((a, b) => a.atMs - b.atMs)) {
      const key = this.opts.keyFor(q.unitId) as string;
      byKey.set(key, [...(byKey.get(key) ?? []), q]);
    }
    await Promise.all(
      [...byKey].map(async ([key, items]) => {
        for (let i = 0; i < items.length; i += BATCH) await this.send(key, items.slice(i, i + BATCH));
      }),
    );
  }

  private async send(key: string, items: Queued[]): Promise<void> {
    let result: IngestResult;
    try {
      const input: CommitmentEvent[] = items.map((q) => q.event);
      result = (await this.client(key).request<{ recordCommitmentEvents: IngestResult }>(RECORD_EVENTS, { input })).recordCommitmentEvents;
    } catch (err) {
      this.summary.errors++;
      if (err instanceof GatewayError && !err.retryable && err.code !== 'UNAUTHENTICATED') {
        this.reject(items.length, err.code);
        return;
      }
      items.forEach((q) => this.retry(q));
      return;
    }
    this.summary.accepted += result.accepted;
    this.summary.duplicates += result.duplicates;
    for (const r of result.rejected) {
      // Its touchpoint is not at the gateway yet (still in a site's outbox): later.
      if (r.code === 'NOT_FOUND') this.retry(items[r.index]);
      else this.reject(1, r.code);
    }
  }

  private retry(q: Queued): void {
    if (this.now() - q.atMs > this.giveUpAfterMs) this.summary.givenUp++;
    else this.queue.push({ ...q, tryAtMs: this.now() + RETRY_MS });
  }

  private reject(n: number, code: string): void {
    this.summary.rejected += n;
    this.summary.rejectedByCode[code] = (this.summary.rejectedByCode[code] ?? 0) + n;
  }

  private client(key: string): GatewayClient {
    let c = this.clients.get(key);
    if (!c) {
      c = new GatewayClient({ url: this.opts.url, token: key, retries: 0, timeoutMs: this.opts.timeoutMs ?? 10_000 });
      this.clients.set(key, c);
    }
    return c;
  }
}

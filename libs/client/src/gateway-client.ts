import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  CLOSE_FOLLOW_UP_MUTATION,
  COMMITMENT_CATALOGUE_QUERY,
  CUSTOMER_LOOKUP_QUERY,
  FOLLOW_UPS_QUERY,
  LOGIN_MUTATION,
  PERCEPTION_POINT_CATALOGUE_QUERY,
  RECORD_COMMITMENT_EVENTS_MUTATION,
  RECORD_SATISFACTION_MUTATION,
  RECORD_SATISFACTIONS_MUTATION,
  RECORD_TOUCHPOINTS_MUTATION,
  UNIT_TREE_QUERY,
} from './documents';
import type {
  CatalogueEntry,
  CommitmentEventInput,
  CustomerLookup,
  GatewayFollowUp,
  GraphQLErrorPayload,
  GraphQLResponse,
  IngestResult,
  PerceptionPointEntry,
  RatedTouchpoint,
  RatingResult,
  SatisfactionInput,
  SatisfactionRating,
  Session,
  TouchpointInput,
} from './types';

/**
 * A document typed by GraphQL Code Generator in string mode (`graphql(…)` from
 * any `__generated__` folder): its text, and the types of its variables and answer.
 */
export type TypedDocument<T, V> = DocumentTypeDecoration<T, V> & { toString(): string };

/** The contract's cap on one recordTouchpoints call. */
export const MAX_TOUCHPOINTS_PER_CALL = 1000;

export interface GatewayClientOptions {
  /** The gateway's base URL (`http://host:3000`, `/graphql` is appended) or the full endpoint. */
  url: string;
  /** A site key or a user token; `login` replaces it. */
  token?: string;
  timeoutMs?: number;
  /** At most this many touchpoints per request (1 .. 1000). */
  maxBatch?: number;
  /** Extra attempts after the first one, for retryable failures only. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  fetch?: typeof globalThis.fetch;
  /** Source of jitter; tests may pin it. */
  random?: () => number;
  /**
   * The sender's clock (ms since the epoch), sent as `sentAt` with every
   * touchpoint batch, each attempt anew: the gateway corrects the batch's times
   * when it is off. Date.now unless given.
   */
  clock?: () => number;
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Capped exponential backoff with full jitter: a uniform delay in
 * [0, min(maxMs, baseMs · 2^attempt)), attempt counted from 0. Full jitter keeps
 * many senders that failed together from retrying together.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(Math.min(Math.max(random(), 0), 1 - Number.EPSILON) * cap);
}

export interface GatewayErrorInit {
  code: string;
  retryable: boolean;
  status?: number;
  errors?: GraphQLErrorPayload[];
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Every failure of a gateway call. `code` is the GraphQL `extensions.code`
 * (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, TOO_MANY_REQUESTS …) or one the client
 * assigns (NETWORK, TIMEOUT, HTTP_ERROR, PAYLOAD_TOO_LARGE, RATE_LIMITED,
 * BAD_RESPONSE). `retryable` says whether sending the same request again may work.
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly code: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly errors: GraphQLErrorPayload[];
  readonly retryAfterMs?: number;
  /** How many attempts were made before giving up (set by the retrying calls). */
  attempts = 1;

  constructor(message: string, init: GatewayErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable;
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }
}

export interface RequestOptions {
  /** Retry retryable failures with backoff; only for idempotent operations. */
  retry?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 5xx and 429 may pass on a second try; other statuses will not. */
const retryableStatus = (status: number): boolean => status >= 500 || status === 429;

function retryAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function endpointOf(url: string): string {
  const u = new URL(url);
  if (u.pathname === '/' || u.pathname === '') u.pathname = '/graphql';
  return u.toString();
}

/** A typed client of the gateway's public GraphQL contract, for any service that pushes touchpoints. */
export class GatewayClient {
  readonly endpoint: string;
  private token: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxBatch: number;
  private readonly retries: number;
  private readonly backoff: BackoffOptions;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly random: () => number;
  private readonly clock: () => number;

  constructor(opts: GatewayClientOptions) {
    this.endpoint = endpointOf(opts.url);
    this.token = opts.token;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxBatch = opts.maxBatch ?? MAX_TOUCHPOINTS_PER_CALL;
    this.retries = opts.retries ?? 5;
    this.backoff = { baseMs: opts.backoffBaseMs ?? 200, maxMs: opts.backoffMaxMs ?? 10_000 };
    this.fetchImpl = opts.fetch ?? globalThis.fetch;
    this.random = opts.random ?? Math.random;
    this.clock = opts.clock ?? Date.now;
    if (!Number.isInteger(this.maxBatch) || this.maxBatch < 1 || this.maxBatch > MAX_TOUCHPOINTS_PER_CALL) {
      throw new RangeError(`maxBatch must be an integer in 1..${MAX_TOUCHPOINTS_PER_CALL}, got ${this.maxBatch}`);
    }
    if (!Number.isInteger(this.retries) || this.retries < 0) throw new RangeError(`retries must be a non-negative integer, got ${this.retries}`);
    if (!(this.timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${this.timeoutMs}`);
  }

  setToken(token: string | undefined): void {
    this.token = token;
  }

  /**
   * Sends one GraphQL operation and returns its `data`; any GraphQL error becomes a GatewayError.
   * A generated document (`graphql(…)`, npm run codegen) types the variables and the answer.
   */
  async request<T, V extends Record<string, unknown> = Record<string, unknown>>(
    query: TypedDocument<T, V>,
    ...rest: V extends Record<string, never> ? [variables?: V, opts?: RequestOptions] : [variables: V, opts?: RequestOptions]
  ): Promise<T>;
  async request<T>(query: string, variables?: Record<string, unknown>, opts?: RequestOptions): Promise<T>;
  async request<T>(query: string | TypedDocument<T, Record<string, unknown>>, variables: Record<string, unknown> = {}, opts: RequestOptions = {}): Promise<T> {
    const text = String(query);
    if (!opts.retry) return this.attempt<T>(text, variables);
    return this.withRetry(() => this.attempt<T>(text, variables));
  }

  /**
   * Records any number of touchpoints: split into calls of at most `maxBatch`,
   * each retried on retryable failures (safe: the ids make ingestion
   * idempotent). Returns one result whose rejected indices point into `items`.
   */
  async recordTouchpoints(items: readonly TouchpointInput[]): Promise<IngestResult> {
    const merged: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
    for (let offset = 0; offset < items.length; offset += this.maxBatch) {
      await this.sendBatch(items.slice(offset, offset + this.maxBatch), offset, merged);
    }
    merged.rejected.sort((a, b) => a.index - b.index);
    return merged;
  }

  /** Rates a touchpoint after the fact; the same rating again is a no-op, so it is retried too. */
  async recordSatisfaction(touchpointId: string, satisfaction: SatisfactionInput): Promise<RatedTouchpoint> {
    const data = await this.request(RECORD_SATISFACTION_MUTATION, { touchpointId, satisfaction }, { retry: true });
    return data.recordSatisfaction;
  }

  /**
   * Rates many touchpoints after the fact: split into calls of at most
   * `maxBatch`, each retried on retryable failures (safe: the same rating
   * again comes back as unchanged). Rejected indices point into `ratings`.
   */
  async recordSatisfactions(ratings: readonly SatisfactionRating[]): Promise<RatingResult> {
    const merged: RatingResult = { rated: 0, unchanged: 0, rejected: [] };
    for (let offset = 0; offset < ratings.length; offset += this.maxBatch) {
      const data = await this.request(RECORD_SATISFACTIONS_MUTATION, { input: ratings.slice(offset, offset + this.maxBatch) }, { retry: true });
      const r = data.recordSatisfactions;
      merged.rated += r.rated;
      merged.unchanged += r.unchanged;
      for (const x of r.rejected) merged.rejected.push({ ...x, index: x.index + offset });
    }
    return merged;
  }

  /** Logs a user in and uses the returned token for the following calls. */
  async login(username: string, password: string): Promise<Session> {
    const data = await this.request(LOGIN_MUTATION, { username, password }, { retry: true });
    this.token = data.login.token;
    return data.login;
  }

  /** The units in the caller's scope, each with its parent's id (a site key sees its subtree). */
  async unitTree(): Promise<{ id: string; parentId: string | null }[]> {
    const data = await this.request(UNIT_TREE_QUERY);
    return data.orgUnits.map((u) => ({ id: u.id, parentId: u.parent?.id ?? null }));
  }

  /** The service-commitment catalogue (any caller). */
  async commitmentCatalogue(): Promise<CatalogueEntry[]> {
    return (await this.request(COMMITMENT_CATALOGUE_QUERY)).commitmentCatalogue;
  }

  async perceptionPointCatalogue(): Promise<PerceptionPointEntry[]> {
    return (await this.request(PERCEPTION_POINT_CATALOGUE_QUERY)).perceptionPointCatalogue;
  }

  /**
   * Records commitment events: split into calls of at most `maxBatch`, each
   * retried on retryable failures (safe: idempotent by id). Rejected indices point into `events`.
   */
  async recordCommitmentEvents(events: readonly CommitmentEventInput[]): Promise<IngestResult> {
    const merged: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
    for (let offset = 0; offset < events.length; offset += this.maxBatch) {
      const r = (await this.request(RECORD_COMMITMENT_EVENTS_MUTATION, { input: events.slice(offset, offset + this.maxBatch) }, { retry: true })).recordCommitmentEvents;
      merged.accepted += r.accepted;
      merged.duplicates += r.duplicates;
      for (const x of r.rejected) merged.rejected.push({ ...x, index: x.index + offset });
    }
    return merged;
  }

  /** The follow-ups of a unit's subtree in the caller's scope, newest first, every page up to `max`. */
  async followUps(unitId: string, states: ('OPEN' | 'DONE')[] | null, max: number): Promise<{ items: GatewayFollowUp[]; complete: boolean }> {
    const items: GatewayFollowUp[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { edges: { node: GatewayFollowUp }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
        await this.request(FOLLOW_UPS_QUERY, { unitId, states, first: Math.min(500, max - items.length), after })
      ).followUps;
      items.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return { items, complete: true };
      if (items.length >= max) return { items, complete: false };
      after = page.pageInfo.endCursor;
    }
  }

  /**
   * A customer's profile and latest touchpoints within `unitId`'s subtree (a
   * site key asks for its agent's unit; the gateway refuses a unit outside the key's scope).
   */
  async customer(customerId: string, unitId: string, timeline: number): Promise<CustomerLookup> {
    return this.request(CUSTOMER_LOOKUP_QUERY, { customerId, unitId, first: timeline });
  }

  /** Closes a follow-up with its outcome (not retried here: closing twice is refused). */
  async closeFollowUp(id: string, outcome: string): Promise<{ id: string; state: string; outcome: string | null; closedAt: string | null }> {
    return (await this.request(CLOSE_FOLLOW_UP_MUTATION, { id, outcome })).closeFollowUp;
  }

  private async sendBatch(batch: TouchpointInput[], offset: number, into: IngestResult): Promise<void> {
    if (batch.length === 0) return;
    let result: IngestResult;
    try {
      const text = String(RECORD_TOUCHPOINTS_MUTATION);
      // sentAt is read at each attempt: a retry after a backoff tells the gateway the time it is sent.
      const data = await this.withRetry(() => this.attempt<{ recordTouchpoints: IngestResult }>(text, { input: batch, sentAt: new Date(this.clock()).toISOString() }));
      result = data.recordTouchpoints;
    } catch (e) {
      // The gateway caps the body size: a batch of bulky items is halved until it fits.
      if (e instanceof GatewayError && e.code === 'PAYLOAD_TOO_LARGE' && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await this.sendBatch(batch.slice(0, half), offset, into);
        await this.sendBatch(batch.slice(half), offset + half, into);
        return;
      }
      throw e;
    }
    into.accepted += result.accepted;
    into.duplicates += result.duplicates;
    for (const r of result.rejected) into.rejected.push({ ...r, index: r.index + offset });
  }

  private async withRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!(e instanceof GatewayError)) throw e;
        e.attempts = attempt + 1;
        if (!e.retryable || attempt >= this.retries) throw e;
        // A server that names its own wait (Retry-After) is honoured, within the cap.
        const hinted = Math.min(e.retryAfterMs ?? 0, this.backoff.maxMs);
        await sleep(Math.max(backoffDelay(attempt, this.backoff, this.random), hinted));
      }
    }
  }

  private async attempt<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      // The timer also covers reading the body: a server that stalls mid-response times out too.
      const res = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
      const text = await res.text();
      return this.parse<T>(res.status, res.headers, text);
    } catch (e) {
      if (e instanceof GatewayError) throw e;
      if (controller.signal.aborted) {
        throw new GatewayError(`the gateway did not answer within ${this.timeoutMs} ms`, { code: 'TIMEOUT', retryable: true, cause: e });
      }
      const reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      throw new GatewayError(`cannot reach the gateway at ${this.endpoint}: ${reason}`, { code: 'NETWORK', retryable: true, cause: e });
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<T>(status: number, headers: Headers, text: string): T {
    const retryable = retryableStatus(status);
    const retryAfter = retryAfterMs(headers);
    if (status === 413) {
      return fail('the request body is too large for the gateway (HTTP 413)', { code: 'PAYLOAD_TOO_LARGE', retryable: false, status });
    }
    let body: GraphQLResponse<T>;
    try {
      body = JSON.parse(text) as GraphQLResponse<T>;
    } catch {
      const code = status === 429 ? 'RATE_LIMITED' : status >= 400 ? 'HTTP_ERROR' : 'BAD_RESPONSE';
      return fail(`the gateway answered HTTP ${status} without a GraphQL body: ${text.slice(0, 200)}`, {
        code,
        retryable,
        status,
        retryAfterMs: retryAfter,
      });
    }
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    if (errors.length > 0) {
      const first = errors[0];
      const code = first.extensions?.code ?? (status === 429 ? 'RATE_LIMITED' : 'GRAPHQL_ERROR');
      // The gateway's own rate limit (login attempts of a username) names a wait of up to a minute:
      // the caller, not a retry loop, decides whether to wait for it.
      const limited = code === 'TOO_MANY_REQUESTS';
      return fail(errors.map((e) => e.message).join('; '), { code, retryable: retryable && !limited, status, errors, retryAfterMs: retryAfter });
    }
    if (status < 200 || status >= 300) {
      return fail(`the gateway answered HTTP ${status}`, {
        code: status === 429 ? 'RATE_LIMITED' : 'HTTP_ERROR',
        retryable,
        status,
        retryAfterMs: retryAfter,
      });
    }
    if (body?.data === undefined || body.data === null) {
      return fail('the gateway answered without data or errors', { code: 'BAD_RESPONSE', retryable: false, status });
    }
    return body.data;
  }
}

function fail(message: string, init: GatewayErrorInit): never {
  throw new GatewayError(message, init);
}

import type { OrgUnitRecord, PerceptionPointDefinition } from '@qihe/domain';
import { GatewayClient, GatewayError, type TouchpointInput, type TypedDocument } from '@qihe/client';
import { siteGraphql } from './__generated__/site';
import { TouchpointGenerator } from './generator';

// Agents working at their sites: each logs short flows one call at a time
// through the site's agent API, retrying with the same id when the site does not
// answer (the site is idempotent on id), and rates some touchpoints later.
// What the sites confirmed is returned, so a test can compare it with the gateway.

export interface SiteAgent {
  siteUrl: string;
  username: string;
  password: string;
  /** Units this agent logs touchpoints for (inside the site's subtree). */
  unitIds: readonly string[];
}

export interface SiteTrafficOptions {
  agents: readonly SiteAgent[];
  units: readonly OrgUnitRecord[];
  /** Touchpoints per second over all agents. */
  rate: number;
  total?: number;
  durationSec?: number;
  /** Touchpoints per logTouchpoints call (an agent's short burst). */
  batchSize?: number;
  lateRatingRatio?: number;
  /** Level-1 commitment codes: promises naming them are made "not yet" kept (see TouchpointGenerator). */
  trackedCodes?: Iterable<string>;
  /** The perception-point catalogue: each touchpoint names one of its points for the need. */
  perceptionPoints?: readonly PerceptionPointDefinition[];
  /** Told of each touchpoint a site confirmed, as the agent sent it (the site fills in the agent). */
  onConfirmed?: (input: TouchpointInput, agent: SiteAgent) => void;
  seed?: number | string;
  signal?: AbortSignal;
  /** How long one touchpoint may keep failing before it is given up (ms). */
  giveUpAfterMs?: number;
  onProgress?: (p: { sent: number; confirmed: number; ratings: number; retries: number }) => void;
}

export interface SiteTrafficSummary {
  /** Touchpoint ids the sites confirmed (committed locally), per site URL. */
  confirmed: Map<string, Set<string>>;
  /** Ratings the sites confirmed: touchpoint id → score (immediate ratings included). */
  ratings: Map<string, number>;
  sent: number;
  retries: number;
  /** Touchpoints given up after giveUpAfterMs of failures (their fate is unknown to the agent). */
  givenUp: string[];
  elapsedMs: number;
}

const LOG = siteGraphql(`mutation Log($input: [SiteTouchpointInput!]!) { logTouchpoints(input: $input) { id } }`);
const RATE = siteGraphql(`mutation Rate($id: ID!, $s: SatisfactionInput!) { rateTouchpoint(touchpointId: $id, satisfaction: $s) { id } }`);
const LOGIN = siteGraphql(`mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);

/** Waits `ms`, or less when `signal` aborts first. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((r) => {
    if (signal?.aborted) return r();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      r();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Retries a call until it succeeds, the deadline passes, `signal` aborts (a stop), or the error is the caller's (not retryable). */
async function persist<T>(fn: () => Promise<T>, deadline: number, onRetry: () => void, signal?: AbortSignal): Promise<T> {
  for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
    try {
      return await fn();
    } catch (err) {
      const retryable = !(err instanceof GatewayError) || err.retryable || err.code === 'UNAUTHENTICATED';
      if (!retryable || Date.now() > deadline || signal?.aborted) throw err;
      onRetry();
      await sleep(wait, signal);
    }
  }
}

export async function runSiteTraffic(opts: SiteTrafficOptions): Promise<SiteTrafficSummary> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 1;
  const giveUp = opts.giveUpAfterMs ?? 120_000;
  const end = opts.durationSec ? started + opts.durationSec * 1000 : Number.POSITIVE_INFINITY;
  const total = opts.total ?? Number.POSITIVE_INFINITY;
  const summary: SiteTrafficSummary = { confirmed: new Map(), ratings: new Map(), sent: 0, retries: 0, givenUp: [], elapsedMs: 0 };
  const gen = new TouchpointGenerator({ seed: opts.seed ?? Date.now(), units: opts.units, lateRatingRatio: opts.lateRatingRatio ?? 0.2, trackedCodes: opts.trackedCodes, perceptionPoints: opts.perceptionPoints });
  const pendingRatings: Promise<void>[] = [];
  const progress = (): void => opts.onProgress?.({ sent: summary.sent, confirmed: [...summary.confirmed.values()].reduce((n, s) => n + s.size, 0), ratings: summary.ratings.size, retries: summary.retries });

  const clients = opts.agents.map((a) => ({ agent: a, client: new GatewayClient({ url: a.siteUrl, retries: 0, timeoutMs: 5000 }) }));
  const login = async (c: (typeof clients)[number]): Promise<void> => {
    const r = await c.client.request(LOGIN, { u: c.agent.username, p: c.agent.password });
    c.client.setToken(r.login.token);
  };
  const call = async <T, V extends Record<string, unknown>>(c: (typeof clients)[number], q: TypedDocument<T, V>, v: V, deadline: number): Promise<T> =>
    persist(
      async () => {
        try {
          return await c.client.request<T>(String(q), v);
        } catch (err) {
          if (err instanceof GatewayError && err.code === 'UNAUTHENTICATED') await login(c); // restarted site: sign in again
          throw err;
        }
      },
      deadline,
      () => summary.retries++,
      opts.signal,
    );

  await Promise.all(clients.map((c) => persist(() => login(c), Date.now() + giveUp, () => summary.retries++, opts.signal)));

  // Each agent works in its own loop; together they keep the requested rate.
  const perAgentInterval = (1000 * batchSize * clients.length) / opts.rate;
  await Promise.all(
    clients.map(async (c, i) => {
      await sleep((perAgentInterval * i) / clients.length, opts.signal);
      let next = Date.now();
      while (!opts.signal?.aborted && Date.now() < end && summary.sent < total) {
        const count = Math.min(batchSize, total - summary.sent);
        summary.sent += count;
        const items = gen.batch(count, Date.now(), c.agent.unitIds).map((g) => {
          const { agentId: _agent, ...input } = g.input; // the site fills in the signed-in agent
          void _agent;
          return { input, late: g.lateRating };
        });
        try {
          await call(c, LOG, { input: items.map((x) => x.input) }, Date.now() + giveUp);
          const confirmed = summary.confirmed.get(c.agent.siteUrl) ?? new Set<string>();
          summary.confirmed.set(c.agent.siteUrl, confirmed);
          for (const x of items) {
            confirmed.add(x.input.id);
            opts.onConfirmed?.(x.input, c.agent);
            if (x.input.satisfaction) summary.ratings.set(x.input.id, x.input.satisfaction.score);
            const late = x.late;
            if (late) {
              pendingRatings.push(
                sleep(Math.min(late.delayMs, 3000), opts.signal).then(async () => {
                  try {
                    await call(c, RATE, { id: x.input.id, s: late.satisfaction }, Date.now() + giveUp);
                    summary.ratings.set(x.input.id, late.satisfaction.score);
                  } catch {
                    // a rating given up is simply not counted as confirmed
                  }
                  progress();
                }),
              );
            }
          }
        } catch {
          summary.givenUp.push(...items.map((x) => x.input.id));
        }
        progress();
        next += perAgentInterval;
        await sleep(Math.max(0, next - Date.now()), opts.signal);
      }
    }),
  );
  await Promise.all(pendingRatings);
  summary.elapsedMs = Date.now() - started;
  return summary;
}

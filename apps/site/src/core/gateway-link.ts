import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayClient, GatewayError } from '@qihe/client';
import type { SiteConfig } from '../config/site-config';
import type { KnownUnit } from '../storage/directory.repository';
import { CONFIG } from './tokens';

/** True when the failure says nothing about the request itself: the gateway (or the way to it) is down. */
export function gatewayDown(err: unknown): boolean {
  if (!(err instanceof GatewayError)) return false;
  return err.retryable || ['INTERNAL_SERVER_ERROR', 'BAD_RESPONSE', 'HTTP_ERROR'].includes(err.code);
}

const describeError = (err: unknown): string => (err instanceof GatewayError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err));

/**
 * The site's line to the gateway, and what it knows of it: reachable or not,
 * the last error. Transitions are logged once, not on every retry.
 */
@Injectable()
export class GatewayLink {
  private readonly log = new Logger('GatewayLink');
  /** Authenticated by the site key; no retries of its own, the forwarder backs off itself. */
  readonly client: GatewayClient;
  reachable = false;
  lastError: string | null = null;
  lastErrorAt: Date | null = null;
  private everTried = false;

  constructor(@Inject(CONFIG) private readonly config: SiteConfig) {
    this.client = new GatewayClient({ url: config.gatewayUrl, token: config.siteKey, retries: 0, timeoutMs: config.gatewayTimeoutMs, maxBatch: config.batchSize });
  }

  /** A fresh client for one user's sign-in (its token must not leak into the site's calls). */
  userClient(): GatewayClient {
    return new GatewayClient({ url: this.config.gatewayUrl, retries: 0, timeoutMs: Math.min(this.config.gatewayTimeoutMs, 5000) });
  }

  /** The gateway answered (whatever it said). */
  answered(): void {
    if (!this.reachable) this.log.log(`gateway ${this.everTried ? 'reachable again' : 'reachable'} at ${this.config.gatewayUrl}`);
    this.reachable = true;
    this.everTried = true;
  }

  /** A call failed; when the gateway itself is down, say so once. */
  failed(err: unknown): void {
    const message = describeError(err);
    this.lastError = message;
    this.lastErrorAt = new Date();
    if (gatewayDown(err)) {
      if (this.reachable || !this.everTried) this.log.warn(`gateway unreachable at ${this.config.gatewayUrl} (${message}); work stays in the outbox and is retried with backoff`);
      this.reachable = false;
      this.everTried = true;
    } else if (err instanceof GatewayError) {
      this.answered();
      this.log.error(`the gateway refused the site's call: ${message}`);
    } else {
      this.log.error(`forwarding failed: ${message}`);
    }
  }

  /** The gateway's /health (beside its /graphql): true when it and its database answer. */
  async healthy(): Promise<boolean> {
    const url = new URL(this.client.endpoint);
    url.pathname = url.pathname.replace(/graphql\/?$/, 'health');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.config.gatewayTimeoutMs) });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false;
    }
  }

  /** The units the site key may record for: the site's subtree. */
  async fetchUnits(): Promise<KnownUnit[]> {
    const units = await this.client.unitTree();
    this.answered();
    return units;
  }
}

import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { FeedRefusal } from '@qihe/contracts';
import { canOpenFeed, type Caller } from '@qihe/domain';
import jwt from 'jsonwebtoken';
import { AuthService } from '../auth/auth.service';
import type { FeedNamespace, FeedSocket } from './feed-socket';

/** How often every live socket's token is checked again (revocation shows within this). */
export const FEED_RECHECK_MS = 5_000;
/** Tokens checked by one database read. */
const RECHECK_BATCH = 500;
/** setTimeout's longest delay (≈ 24.8 days); a later expiry is left to the periodic check. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Feed sessions live no longer than their token: a handshake needs a user
 * token, a socket is dropped when its token expires, and every few seconds the
 * tokens of live sockets are checked again by the rule of AuthService.callerOf
 * (what every GraphQL request is checked with), in one read per batch, dropping those it no longer accepts
 * as the same caller (revoked, or role or unit changed).
 */
@Injectable()
export class FeedSessions implements OnModuleDestroy {
  private readonly log = new Logger('FeedSessions');
  private ns?: FeedNamespace;
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(private readonly auth: AuthService) {}

  start(ns: FeedNamespace): void {
    this.ns = ns;
    ns.use((socket, next) => {
      this.admit(socket).then(
        (refusal) => next(refusal ? new Error(refusal) : undefined),
        () => next(new Error(FeedRefusal.unauthenticated)),
      );
    });
    this.timer = setInterval(() => void this.recheckAll(), FEED_RECHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** A new connection: dropped when its token expires. */
  track(socket: FeedSocket): void {
    const exp = expiryOf(socket.data.token);
    if (exp === null) return;
    const delay = exp - Date.now();
    if (delay > MAX_DELAY_MS) return;
    socket.data.expiry = setTimeout(() => this.end(socket), Math.max(0, delay));
    socket.data.expiry.unref();
  }

  forget(socket: FeedSocket): void {
    clearTimeout(socket.data.expiry);
  }

  /** The socket's caller, checked again now; null (and the socket dropped) when its token no longer holds. */
  async current(socket: FeedSocket): Promise<Caller | null> {
    const { caller, token } = socket.data;
    const now = await this.auth.callerOf(token).catch(() => null);
    if (now && sameCaller(now, caller)) return caller;
    this.end(socket);
    return null;
  }

  /** The handshake: null when admitted, else the connect_error message. */
  private async admit(socket: FeedSocket): Promise<string | null> {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string' || token === '') return FeedRefusal.unauthenticated;
    const caller = await this.auth.callerOf(token);
    if (!caller) return FeedRefusal.unauthenticated;
    if (!canOpenFeed(caller)) return FeedRefusal.forbidden;
    socket.data.caller = caller;
    socket.data.token = token;
    return null;
  }

  /** Every live socket's token once, sockets sharing a token together. */
  private async recheckAll(): Promise<void> {
    if (this.checking || !this.ns) return;
    this.checking = true;
    try {
      const byToken = new Map<string, FeedSocket[]>();
      for (const s of this.ns.sockets.values()) {
        const list = byToken.get(s.data.token);
        if (list) list.push(s);
        else byToken.set(s.data.token, [s]);
      }
      const tokens = [...byToken.keys()];
      for (let i = 0; i < tokens.length; i += RECHECK_BATCH) {
        if (i > 0) await new Promise((r) => setImmediate(r));
        const batch = tokens.slice(i, i + RECHECK_BATCH);
        // Could not tell (e.g. the database is away): keep the sockets, try again next round.
        const callers = await this.auth.userCallersOf(batch).catch(() => undefined);
        if (!callers) continue;
        batch.forEach((token, j) => {
          const c = callers[j];
          for (const s of byToken.get(token) ?? []) if (!c || !sameCaller(c, s.data.caller)) this.end(s);
        });
      }
    } catch (err) {
      this.log.warn(`token re-check failed: ${(err as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  private end(socket: FeedSocket): void {
    this.forget(socket);
    socket.disconnect(true);
  }
}

/** When a user token expires (ms), or null when it carries no expiry. Called only on tokens callerOf accepted. */
function expiryOf(token: string): number | null {
  const claims = jwt.decode(token, { json: true });
  return typeof claims?.exp === 'number' ? claims.exp * 1000 : null;
}

function sameCaller(a: Caller, b: Caller): boolean {
  if (a.kind === 'user' && b.kind === 'user') return a.username === b.username && a.role === b.role && a.unitId === b.unitId;
  if (a.kind === 'site' && b.kind === 'site') return a.siteId === b.siteId && a.unitId === b.unitId;
  return false;
}

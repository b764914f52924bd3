import { Inject, Injectable } from '@nestjs/common';
import { findSiteByKeyHash, findUser, type Database } from '@qihe/data';
import type { Caller } from '@qihe/domain';
import { bearer, hashSiteKey, looksLikeJwt, signUserToken, unauthenticated, verifyPassword, verifyUserToken, type GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE } from '../core/tokens';

export interface SessionView {
  token: string;
  role: string;
  unitId: string;
}

const SITE_CACHE_MS = 30_000;

@Injectable()
export class AuthService {
  // Site keys are checked on every batch; a short cache spares the database.
  private readonly siteCache = new Map<string, { caller: Caller | null; until: number }>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Who a bearer token is: a user (signed token) or a site (key); null when neither. */
  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const token = bearer(authorization);
    return token ? this.callerOf(token) : null;
  }

  async callerOf(token: string): Promise<Caller | null> {
    if (looksLikeJwt(token)) {
      const claims = verifyUserToken(token, this.config.tokenSecret);
      return claims && { kind: 'user', ...claims };
    }
    const hash = hashSiteKey(token);
    const cached = this.siteCache.get(hash);
    if (cached && cached.until > Date.now()) return cached.caller;
    const site = await findSiteByKeyHash(this.db, hash);
    const caller: Caller | null = site && { kind: 'site', siteId: site.id, unitId: site.unitId };
    if (this.siteCache.size > 10_000) this.siteCache.clear();
    this.siteCache.set(hash, { caller, until: Date.now() + SITE_CACHE_MS });
    return caller;
  }

  forgetSites(): void {
    this.siteCache.clear();
  }

  async login(username: string, password: string): Promise<SessionView> {
    const user = username.includes('\u0000') ? null : await findUser(this.db, username);
    // Same answer for an unknown user and a wrong password: no user enumeration.
    if (!user || !(await verifyPassword(password, user.passwordHash))) throw unauthenticated('wrong username or password');
    const token = signUserToken({ username: user.username, role: user.role, unitId: user.unitId }, this.config.tokenSecret, this.config.tokenTtlSeconds);
    return { token, role: user.role, unitId: user.unitId };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { findSiteByKeyHash, findUser, findUserAccess, findUsersAccess, revokeUserTokens, type Database, type UserAccess } from '@qihe/data';
import { actorOf, canRevokeTokensOf, type Caller, type RequestOrigin, type UserCaller } from '@qihe/domain';
import {
  bearer,
  forbidden,
  hashPassword,
  hashSiteKey,
  looksLikeJwt,
  notFound,
  signUserToken,
  unauthenticated,
  verifyPassword,
  verifyUserToken,
  type GatewayConfig,
} from '@qihe/server';
import { AuditService } from '../audit/audit.service';
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
  // What an unknown username's password is checked against: the same scrypt
  // cost as a real user's, so the answer's timing tells no usernames.
  private readonly dummyHash = hashPassword(randomBytes(18).toString('base64'));

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    private readonly audit: AuditService,
  ) {}

  /** Who a bearer token is: a user (signed token) or a site (key); null when neither. */
  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const token = bearer(authorization);
    return token ? this.callerOf(token) : null;
  }

  /**
   * Who a token is now, or null. A user token is checked against the user as
   * stored — one primary-key read per call, no cache — so a change of role,
   * unit or password, or a revocation, on any replica refuses it at once.
   */
  async callerOf(token: string): Promise<Caller | null> {
    if (looksLikeJwt(token)) {
      const claims = this.userClaims(token);
      return claims && userCallerOf(claims, await findUserAccess(this.db, claims.username));
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

  /**
   * callerOf for many user tokens at once, with one read for all of them (the
   * feed re-checks every live token every few seconds); null where callerOf
   * would answer null. Site keys are not feed callers and answer null here.
   */
  async userCallersOf(tokens: readonly string[]): Promise<(Caller | null)[]> {
    const claims = tokens.map((t) => (looksLikeJwt(t) ? this.userClaims(t) : null));
    const names = [...new Set(claims.flatMap((c) => (c ? [c.username] : [])))];
    const access = names.length > 0 ? await findUsersAccess(this.db, names) : new Map<string, UserAccess>();
    return claims.map((c) => c && userCallerOf(c, access.get(c.username) ?? null));
  }

  /** A signed, unexpired user token's claims; null for tokens from before versions too (their users sign in again). */
  private userClaims(token: string): UserClaims | null {
    const claims = verifyUserToken(token, this.config.tokenSecret);
    return claims && claims.tokenVersion !== undefined ? claims : null;
  }

  forgetSites(): void {
    this.siteCache.clear();
  }

  async login(username: string, password: string): Promise<SessionView> {
    const user = username.includes('\u0000') ? null : await findUser(this.db, username);
    // An unknown user costs one scrypt too, and gets the same answer as a wrong password: no user enumeration.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !matches) throw unauthenticated('wrong username or password');
    const token = signUserToken(
      { username: user.username, role: user.role, unitId: user.unitId, tokenVersion: user.tokenVersion },
      this.config.tokenSecret,
      this.config.tokenTtlSeconds,
    );
    return { token, role: user.role, unitId: user.unitId };
  }

  /** Refuses every token `username` holds, on every replica. An ADMIN may revoke anyone's tokens, a user their own. */
  async revokeTokens(caller: UserCaller, username: string, origin: RequestOrigin): Promise<void> {
    if (!canRevokeTokensOf(caller, username)) throw forbidden("only an ADMIN may revoke another user's tokens");
    // The revocation and its audit entry commit together.
    await this.db.transaction(async (tx) => {
      if (!(await revokeUserTokens(tx, username))) throw notFound(`no user "${username}"`);
      await this.audit.record({ actor: actorOf(caller), action: 'TOKENS_REVOKED', target: username, details: { reason: 'revokeTokens' }, origin }, tx);
    });
  }
}

type UserClaims = NonNullable<ReturnType<typeof verifyUserToken>>;

/** The caller a token's claims still stand for, given the user's access now: null once revoked, or role or unit changed. */
function userCallerOf(claims: UserClaims, now: UserAccess | null): Caller | null {
  if (!now || now.tokenVersion !== claims.tokenVersion || now.role !== claims.role || now.unitId !== claims.unitId) return null;
  return { kind: 'user', username: claims.username, role: claims.role, unitId: claims.unitId };
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayError } from '@qihe/client';
import type { Database } from '@qihe/data';
import { ROLES, type Role } from '@qihe/domain';
import { forbidden, hashPassword, signUserToken, tooManyRequests, unauthenticated, verifyPassword, verifyUserToken, type UserClaims } from '@qihe/server';
import type { SiteConfig } from '../config/site-config';
import { gatewayDown, GatewayLink } from '../core/gateway-link';
import { CONFIG, DATABASE } from '../core/tokens';
import { UnitsService } from '../core/units.service';
import { findKnownUser, forgetKnownUser, saveKnownUser } from '../storage/directory.repository';
import type { SiteSessionModel } from './site-session.model';

const WRONG = 'wrong username or password';

@Injectable()
export class AuthService {
  private readonly log = new Logger('Auth');

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SiteConfig,
    private readonly link: GatewayLink,
    private readonly units: UnitsService,
  ) {}

  /** The user a site token stands for; null for anything else (gateway tokens included: other secret). */
  userOf(token: string): UserClaims | null {
    return verifyUserToken(token, this.config.tokenSecret);
  }

  /**
   * Online: the gateway checks the password, and the site remembers a hash of it.
   * Offline (the gateway cannot answer, as opposed to saying no): a known user
   * whose remembered hash matches signs in.
   */
  async login(username: string, password: string): Promise<SiteSessionModel> {
    let user: UserClaims;
    try {
      const session = await this.link.userClient().login(username, password);
      this.link.answered();
      if (!ROLES.includes(session.role)) throw unauthenticated(`the gateway answered an unknown role "${session.role}"`);
      user = { username, role: session.role, unitId: session.unitId };
      // Learn the subtree now when the unit is not known yet: a new sub-unit may have been added.
      if (!this.units.serves(user.unitId)) await this.units.refresh().catch((err: unknown) => this.link.failed(err));
      if (!this.units.serves(user.unitId)) await forgetKnownUser(this.db, username); // moved away: no offline sign-in either
      this.assertServed(user);
      await saveKnownUser(this.db, { username, passwordHash: await hashPassword(password), role: user.role, unitId: user.unitId });
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      // The gateway is up and said "wait": no offline sign-in around its limit on password guesses.
      if (err.code === 'TOO_MANY_REQUESTS') throw tooManyRequests(err.message, Math.ceil((err.retryAfterMs ?? 60_000) / 1000));
      if (!gatewayDown(err)) throw unauthenticated(err.code === 'UNAUTHENTICATED' ? WRONG : `the gateway refused the sign-in: ${err.message}`);
      this.link.failed(err);
      user = await this.offline(username, password);
    }
    const token = signUserToken(user, this.config.tokenSecret, this.config.tokenTtlSeconds);
    return { token, username: user.username, role: user.role, unitId: user.unitId, siteId: this.config.siteId };
  }

  session(user: UserClaims, token: string): SiteSessionModel {
    return { token, username: user.username, role: user.role, unitId: user.unitId, siteId: this.config.siteId };
  }

  private async offline(username: string, password: string): Promise<UserClaims> {
    const known = await findKnownUser(this.db, username);
    // Same answer for an unknown user and a wrong password: no user enumeration.
    if (!known || !(await verifyPassword(password, known.passwordHash))) throw unauthenticated(WRONG);
    const user: UserClaims = { username: known.username, role: known.role as Role, unitId: known.unitId };
    this.assertServed(user);
    this.log.log(`"${username}" signed in offline (the gateway is unreachable)`);
    return user;
  }

  private assertServed(user: UserClaims): void {
    if (!this.units.serves(user.unitId)) {
      throw forbidden(`user "${user.username}" belongs to unit "${user.unitId}", which this site does not serve (unit "${this.config.unitId}" and the units below it)`);
    }
  }
}

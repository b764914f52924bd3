import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@qihe/data';
import type { SiteConfig } from '../config/site-config';
import { GatewayLink } from '../core/gateway-link';
import { CONFIG, DATABASE } from '../core/tokens';
import { backlogOf, outboxNumbers } from '../storage/outbox.repository';
import type { SiteStatusModel } from '../touchpoints/models/local-touchpoint.model';

@Injectable()
export class StatusService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SiteConfig,
    private readonly link: GatewayLink,
  ) {}

  /** The outbox's numbers from the database, the line's state from this process. */
  async status(): Promise<SiteStatusModel> {
    const n = await outboxNumbers(this.db);
    return {
      siteId: this.config.siteId,
      unitId: this.config.unitId,
      gatewayUrl: this.config.gatewayUrl,
      gatewayReachable: this.link.reachable,
      backlog: backlogOf(n),
      oldestPendingAgeSeconds: n.oldestPendingAgeSeconds,
      lastSuccessAt: n.lastSuccessAt,
      lastError: this.link.lastError,
      lastErrorAt: this.link.lastErrorAt,
      deadLetters: n.deadLetters,
      forwarded: n.forwarded,
    };
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { NEED_CATEGORIES, PerceptionCatalogue, type NeedCategory, type PerceptionPointDefinition } from '@qihe/domain';
import { copiedAt } from '../storage/commitments.repository';
import { loadPerceptionPoints, replacePerceptionPoints } from '../storage/perception-points.repository';
import { GatewayLink } from './gateway-link';
import { DATABASE } from './tokens';

/** A code missing from the copy asks the gateway again at most this often (it may have just been added). */
const MISS_REFRESH_MS = 2_000;

/**
 * The gateway's perception-point catalogue as this site last fetched it (kept
 * in the database, like the commitment catalogue): agents pick from it, and an
 * unknown code is refused here instead of dying at the gateway later.
 */
@Injectable()
export class PerceptionCatalogueService implements OnModuleInit {
  private current = new PerceptionCatalogue([]);
  private fetchedAt: Date | null = null;
  private missTriedAt = 0;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly link: GatewayLink,
  ) {}

  async onModuleInit(): Promise<void> {
    this.current = new PerceptionCatalogue(await loadPerceptionPoints(this.db));
    this.fetchedAt = await copiedAt(this.db, 'PERCEPTION_POINTS');
  }

  get catalogue(): PerceptionCatalogue {
    return this.current;
  }

  /** null until the site first reached the gateway. */
  get asOf(): Date | null {
    return this.fetchedAt;
  }

  /** Fetches the catalogue and keeps it; throws when the gateway cannot answer. */
  async refresh(): Promise<void> {
    const entries = await this.link.client.perceptionPointCatalogue();
    this.link.answered();
    const points: PerceptionPointDefinition[] = entries.map((e) => ({
      code: e.code,
      name: e.name,
      nameZh: e.nameZh ?? null,
      // The site's schema may lag the gateway's: a need it does not know is dropped, not stored.
      needCategories: e.needCategories.filter((n): n is NeedCategory => (NEED_CATEGORIES as readonly string[]).includes(n)),
      target: e.target,
    }));
    await this.db.transaction((tx) => replacePerceptionPoints(tx, points));
    this.current = new PerceptionCatalogue(points);
    this.fetchedAt = new Date();
  }

  /**
   * The copy, asked again first when it lacks `code` and the gateway is
   * reachable (rate-limited; a failed ask leaves the copy as it is).
   */
  async knowing(code: string): Promise<PerceptionCatalogue> {
    if (this.current.has(code) || !this.link.reachable || Date.now() - this.missTriedAt < MISS_REFRESH_MS) return this.current;
    this.missTriedAt = Date.now();
    await this.refresh().catch((err: unknown) => this.link.failed(err));
    return this.current;
  }
}

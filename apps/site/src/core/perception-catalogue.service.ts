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
   * reachable (rate-limited; a failed ask leaves the copy as it is). An ask
   * that found the gateway down does not count against the limit: the copy
   * answers until the gateway is reachable again, and then the next miss asks
   * at once. Before, a point added meanwhile was refused for up to 2 s after
   * the gateway came back: the likely cause of one failure of
   * site-perception-points.spec in CI (3 December, stop 25).
   */
  async knowing(code: string): Promise<PerceptionCatalogue> {
    if (this.current.has(code) || !this.link.reachable || Date.now() - this.missTriedAt < MISS_REFRESH_MS) return this.current;
    const before = this.missTriedAt;
    this.missTriedAt = Date.now();
    await this.refresh().catch((err: unknown) => {
      this.link.failed(err);
      if (!this.link.reachable) this.missTriedAt = before;
    });
    return this.current;
  }
}

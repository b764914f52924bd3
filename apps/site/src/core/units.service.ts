import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Database } from '@qihe/data';
import type { SiteConfig } from '../config/site-config';
import { loadSiteUnits, replaceSiteUnits, type KnownUnit } from '../storage/directory.repository';
import { GatewayLink } from './gateway-link';
import { CONFIG, DATABASE } from './tokens';

/**
 * The units this site serves: UNIT_ID and, once the gateway has told it, every
 * unit below. Kept in the database so a restarted site knows them offline.
 */
@Injectable()
export class UnitsService implements OnModuleInit {
  private readonly log = new Logger('Units');
  private ids = new Set<string>();
  private known: KnownUnit[] = [];
  private warned = false;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SiteConfig,
    private readonly link: GatewayLink,
  ) {}

  async onModuleInit(): Promise<void> {
    this.known = await loadSiteUnits(this.db);
    this.ids = new Set(this.known.map((u) => u.id));
  }

  /** Every unit this site serves. */
  all(): string[] {
    return [...new Set([this.config.unitId, ...this.ids])];
  }

  /** `unitId` and the units below it that this site serves (what a user of `unitId` sees here). */
  subtree(unitId: string): string[] {
    const below = subtreeOf(unitId, this.known).map((u) => u.id);
    return below.length > 0 ? below : this.serves(unitId) ? [unitId] : [];
  }

  serves(unitId: string): boolean {
    return unitId === this.config.unitId || this.ids.has(unitId);
  }

  /** Asks the gateway for the site's subtree and remembers it; throws when the gateway cannot answer. */
  async refresh(): Promise<void> {
    const subtree = subtreeOf(this.config.unitId, await this.link.fetchUnits());
    if (subtree.length === 0 && !this.warned) {
      this.warned = true;
      this.log.warn(`the gateway does not list UNIT_ID "${this.config.unitId}" among the units SITE_KEY may record for; only "${this.config.unitId}" itself is served`);
    }
    await this.db.transaction((tx) => replaceSiteUnits(tx, subtree));
    this.ids = new Set(subtree.map((u) => u.id));
    this.known = subtree;
  }
}

/** `rootId` and everything below it, from a flat list with parent links. */
export function subtreeOf(rootId: string, units: KnownUnit[]): KnownUnit[] {
  const root = units.find((u) => u.id === rootId);
  if (!root) return [];
  const children = new Map<string, KnownUnit[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out = [root];
  const seen = new Set([root.id]);
  for (let i = 0; i < out.length; i++) {
    for (const c of children.get(out[i].id) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
    }
  }
  return out;
}

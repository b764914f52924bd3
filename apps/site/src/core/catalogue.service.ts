import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Database } from '@qihe/data';
import { CommitmentCatalogue, type CommitmentDefinition } from '@qihe/domain';
import { copiedAt, loadCatalogue, replaceCatalogue } from '../storage/commitments.repository';
import { GatewayLink } from './gateway-link';
import { DATABASE } from './tokens';

/**
 * The gateway's commitment catalogue as this site last fetched it (kept in the
 * database, so a restarted site knows its trees while the gateway is away).
 */
@Injectable()
export class CatalogueService implements OnModuleInit {
  private current = new CommitmentCatalogue([]);
  private fetchedAt: Date | null = null;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly link: GatewayLink,
  ) {}

  async onModuleInit(): Promise<void> {
    this.current = new CommitmentCatalogue(await loadCatalogue(this.db));
    this.fetchedAt = await copiedAt(this.db, 'CATALOGUE');
  }

  get catalogue(): CommitmentCatalogue {
    return this.current;
  }

  /** null until the site first reached the gateway. */
  get asOf(): Date | null {
    return this.fetchedAt;
  }

  /** Fetches the catalogue and keeps it; throws when the gateway cannot answer. */
  async refresh(): Promise<void> {
    const entries = await this.link.client.commitmentCatalogue();
    this.link.answered();
    const defs: CommitmentDefinition[] = entries.map((e) => ({
      code: e.code,
      name: e.name,
      level: e.level,
      parentCode: e.parentCode ?? null,
      targetMinutes: e.targetMinutes,
      warnAtPercent: e.warnAtPercent,
      ownerUnitId: e.ownerUnit?.id ?? null,
    }));
    await this.db.transaction((tx) => replaceCatalogue(tx, defs));
    this.current = new CommitmentCatalogue(defs);
    this.fetchedAt = new Date();
  }
}

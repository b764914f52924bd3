import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '@qihe/data';
import type { SiteConfig } from '../config/site-config';
import { openSiteDatabase } from '../storage/site-database';
import { CatalogueService } from './catalogue.service';
import { FollowUpCopy } from './follow-up-copy.service';
import { GatewayLink } from './gateway-link';
import { PerceptionCatalogueService } from './perception-catalogue.service';
import { SiteMetrics } from './site-metrics';
import { CONFIG, DATABASE } from './tokens';
import { UnitsService } from './units.service';

/** Configuration, the site's own database, the line to the gateway and the units served: what every feature needs. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  private static readonly log = new Logger('Storage');

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  static forRoot(config: SiteConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: DATABASE,
          useFactory: async (): Promise<Database> => {
            const db = await openSiteDatabase(config);
            const applied = await db.migrate();
            const where = config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
            CoreModule.log.log(`${where}; migrations applied now: ${applied.length ? applied.join(', ') : 'none (up to date)'}`);
            return db;
          },
        },
        GatewayLink,
        UnitsService,
        SiteMetrics,
        CatalogueService,
        PerceptionCatalogueService,
        FollowUpCopy,
      ],
      exports: [CONFIG, DATABASE, GatewayLink, UnitsService, SiteMetrics, CatalogueService, PerceptionCatalogueService, FollowUpCopy],
    };
  }

  // Runs after every module's onModuleDestroy: the forwarder has finished its batch by then.
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

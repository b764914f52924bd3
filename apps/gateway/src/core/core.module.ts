import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Database } from '@qihe/data';
import { DEFAULT_MODEL, parseEngagementModel } from '@qihe/domain';
import type { GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE, ENGAGEMENT_MODEL } from './tokens';
import { FeedBus } from './feed-bus';
import { GatewayMetrics } from './gateway-metrics';
import { OrgService } from './org.service';
import { CatalogueService } from '../commitments/catalogue.service';
import { PerceptionCatalogueService } from '../indicators/perception-catalogue.service';
import { OutboxRelay } from './outbox-relay.service';

/** Storage, configuration, the model and the org tree: what every feature needs. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  private static readonly log = new Logger('Storage');

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  static forRoot(config: GatewayConfig) {
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: DATABASE,
          useFactory: async (): Promise<Database> => {
            const db = await Database.open({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, applicationName: 'qihe-gateway' });
            const applied = await db.migrate();
            const where = config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
            CoreModule.log.log(`${where}; migrations applied now: ${applied.length ? applied.join(', ') : 'none (up to date)'}`);
            return db;
          },
        },
        {
          provide: ENGAGEMENT_MODEL,
          useFactory: () => (config.modelFile ? parseEngagementModel(JSON.parse(readFileSync(config.modelFile, 'utf8'))) : DEFAULT_MODEL),
        },
        OrgService,
        CatalogueService,
        PerceptionCatalogueService,
        FeedBus,
        GatewayMetrics,
        OutboxRelay,
      ],
      exports: [CONFIG, DATABASE, ENGAGEMENT_MODEL, OrgService, CatalogueService, PerceptionCatalogueService, FeedBus, GatewayMetrics, OutboxRelay],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

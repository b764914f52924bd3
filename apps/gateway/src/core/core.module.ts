import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Database, ReadReplicas } from '@qihe/data';
import { DEFAULT_MODEL, parseEngagementModel } from '@qihe/domain';
import type { GatewayConfig } from '@qihe/server';
import { CONFIG, DATABASE, ENGAGEMENT_MODEL, READ_DATABASE } from './tokens';
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

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(READ_DATABASE) private readonly reads: ReadReplicas,
  ) {}

  static forRoot(config: GatewayConfig) {
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: DATABASE,
          useFactory: async (): Promise<Database> => {
            const onWarning = (message: string) => CoreModule.log.warn(message);
            const db = await Database.open({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, applicationName: 'qihe-gateway', onWarning });
            const applied = await db.migrate();
            const where = config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
            CoreModule.log.log(`${where}; migrations applied now: ${applied.length ? applied.join(', ') : 'none (up to date)'}`);
            return db;
          },
        },
        {
          provide: READ_DATABASE,
          inject: [DATABASE],
          useFactory: (db: Database): ReadReplicas => openReadReplicas(db, config),
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
      exports: [CONFIG, DATABASE, READ_DATABASE, ENGAGEMENT_MODEL, OrgService, CatalogueService, PerceptionCatalogueService, FeedBus, GatewayMetrics, OutboxRelay],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reads.close();
    await this.db.close();
  }
}

/**
 * The standbys of DATABASE_READ_URL, in front of the primary. Each is opened on
 * its first read, so a standby that is down at boot does not stop the gateway:
 * reads fall back to the primary until it answers.
 */
function openReadReplicas(primary: Database, config: GatewayConfig): ReadReplicas {
  const log = new Logger('ReadReplicas');
  const replicas = config.databaseReadUrls.map((url, i) => ({
    name: `replica ${i + 1} (${new URL(url).host})`,
    // A short connect timeout: a dead standby must cost a read little before the primary serves it.
    open: () => Database.open({ url, readOnly: true, poolSize: config.dbPoolSize, connectTimeoutMs: 2_000, applicationName: 'qihe-gateway-reads' }),
  }));
  if (replicas.length) log.log(`reads that tolerate lag go to ${replicas.map((r) => r.name).join(', ')}; the primary serves them when a replica fails`);
  return new ReadReplicas(primary, replicas, config.readReplicaRetrySeconds * 1000, {
    fellBack: (name, err) => log.warn(`${name} failed a read (${err.message}); the primary serves reads for ${config.readReplicaRetrySeconds} s before it is tried again`),
    recovered: (name) => log.log(`${name} serves reads again`),
  });
}

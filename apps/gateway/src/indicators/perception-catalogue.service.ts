import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { loadPerceptionPoints, type Database } from '@qihe/data';
import { PerceptionCatalogue } from '@qihe/domain';
import { DATABASE } from '../core/tokens';

/** How often a replica re-reads the catalogue (the bootstrap file of another replica may have changed it). */
const REFRESH_MS = 15_000;
/** A code this replica does not know triggers a re-read at most this often. */
const MISS_REFRESH_MS = 2_000;

/** The perception-point catalogue, kept in memory: small, and read by every ingest. */
@Injectable()
export class PerceptionCatalogueService implements OnModuleInit, OnModuleDestroy {
  private current = new PerceptionCatalogue([]);
  private loadedAt = 0;
  private timer?: NodeJS.Timeout;
  private readonly log = new Logger('PerceptionPoints');

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  get catalogue(): PerceptionCatalogue {
    return this.current;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.reload().catch((err: Error) => this.log.warn(`could not re-read the perception points: ${err.message}`));
    }, REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async reload(): Promise<PerceptionCatalogue> {
    this.current = new PerceptionCatalogue(await loadPerceptionPoints(this.db));
    this.loadedAt = Date.now();
    return this.current;
  }

  /** The catalogue, re-read first when it lacks one of `codes` and was not just read. */
  async knowing(codes: Iterable<string>): Promise<PerceptionCatalogue> {
    for (const code of codes) {
      if (!this.current.has(code) && Date.now() - this.loadedAt > MISS_REFRESH_MS) return this.reload();
    }
    return this.current;
  }
}

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Database } from '@qihe/data';
import type { SiteConfig } from '../config/site-config';
import { copiedAt } from '../storage/commitments.repository';
import { replaceFollowUps } from '../storage/follow-ups.repository';
import { GatewayLink } from './gateway-link';
import { CONFIG, DATABASE } from './tokens';

/** The most open follow-ups a site copies (the oldest due first are what agents work on). */
export const MAX_COPIED_FOLLOW_UPS = 2000;
/** A copy this old is asked again when an agent looks (at most one call at a time). */
export const FOLLOW_UP_COPY_MAX_AGE_MS = 5000;
/** How long an agent's request waits for a fresh copy before it is served the one it has. */
const WAIT_FOR_COPY_MS = 1500;
/** A copy older than this is stale even when the last attempt did not fail (yet). */
const STALE_AFTER_MS = 60_000;

/**
 * The open follow-ups of the site's subtree, copied from the gateway (by the
 * forwarder's heartbeat and when agents look), so the agent console still
 * shows them while the gateway is away: marked stale, with the time of the copy.
 */
@Injectable()
export class FollowUpCopy implements OnModuleInit {
  private readonly log = new Logger('FollowUps');
  private fetchedAt: Date | null = null;
  private lastAttemptAt = 0;
  private lastFailed = false;
  private inflight: Promise<void> | null = null;
  private warnedIncomplete = false;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SiteConfig,
    private readonly link: GatewayLink,
  ) {}

  async onModuleInit(): Promise<void> {
    this.fetchedAt = await copiedAt(this.db, 'FOLLOW_UPS');
  }

  get asOf(): Date | null {
    return this.fetchedAt;
  }

  get stale(): boolean {
    return this.fetchedAt === null || this.lastFailed || Date.now() - this.fetchedAt.getTime() > STALE_AFTER_MS;
  }

  /** Fetches the list and replaces the copy; one call at a time; throws what the gateway or the line answered. */
  refresh(): Promise<void> {
    this.inflight ??= this.fetch().finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** Before a read: a new copy when this one is old, waited for briefly; never throws (the copy is served). */
  async freshen(): Promise<void> {
    if (Date.now() - this.lastAttemptAt < FOLLOW_UP_COPY_MAX_AGE_MS && !this.inflight) return;
    const attempt = this.refresh().catch((err: unknown) => this.link.failed(err));
    await Promise.race([attempt, new Promise((r) => setTimeout(r, WAIT_FOR_COPY_MS).unref())]);
  }

  private async fetch(): Promise<void> {
    this.lastAttemptAt = Date.now();
    try {
      const { items, complete } = await this.link.client.followUps(this.config.unitId, ['OPEN'], MAX_COPIED_FOLLOW_UPS);
      this.link.answered();
      if (!complete && !this.warnedIncomplete) {
        this.warnedIncomplete = true;
        this.log.warn(`more than ${MAX_COPIED_FOLLOW_UPS} open follow-ups under ${this.config.unitId}: the site keeps the newest ${MAX_COPIED_FOLLOW_UPS}`);
      }
      const rows = items.map((f) => ({
        id: f.id,
        unitId: f.unit.id,
        unitName: f.unit.name,
        reason: f.reason,
        customerId: f.customerId,
        touchpointId: f.touchpointId ?? null,
        commitmentId: f.commitmentId ?? null,
        createdAt: new Date(f.createdAt),
        dueAt: new Date(f.dueAt),
        assignee: f.assignee ?? null,
        note: f.note ?? null,
      }));
      await this.db.transaction((tx) => replaceFollowUps(tx, rows));
      this.fetchedAt = new Date();
      this.lastFailed = false;
    } catch (err) {
      this.lastFailed = true;
      throw err;
    }
  }
}

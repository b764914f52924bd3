import type { TouchpointRecord } from '@qihe/domain';

/**
 * A sender's clock, as the gateway measures it from one batch: the sender
 * stamps the batch with its own time (`sentAt`), the gateway compares it with
 * its own time of receipt (as Segment does with `sentAt`). When the two differ
 * by more than the tolerance (QIHE_CLOCK_SKEW_TOLERANCE_SECONDS), the batch's
 * times (`occurredAt`, `service.servedAt`) are moved by the difference before
 * they are judged (the 5-minute future rule) and stored; the time as the site
 * sent it is kept beside them. Within the tolerance nothing moves: the
 * difference is then mostly transit, not a wrong clock.
 */
export class ClockCorrection {
  static readonly NONE = new ClockCorrection(0);

  private constructor(
    /** Added to the sender's times: receivedAt − sentAt; 0 when within the tolerance or no sentAt was sent. */
    readonly offsetMs: number,
  ) {}

  static measure(sentAt: Date | null | undefined, receivedAtMs: number, toleranceMs: number): ClockCorrection {
    if (!sentAt || Number.isNaN(sentAt.getTime())) return ClockCorrection.NONE;
    const offset = receivedAtMs - sentAt.getTime();
    return Math.abs(offset) > toleranceMs ? new ClockCorrection(offset) : ClockCorrection.NONE;
  }

  /** The raw item with its times moved by the offset (a copy; the item itself is untouched). Anything that is not a time is left for the checks to judge. */
  correct(raw: unknown): unknown {
    if (this.offsetMs === 0 || typeof raw !== 'object' || raw === null) return raw;
    const item = raw as Record<string, unknown>;
    const out: Record<string, unknown> = { ...item, occurredAt: this.shift(item.occurredAt) };
    const service = item.service;
    if (typeof service === 'object' && service !== null && 'servedAt' in service) {
      out.service = { ...(service as Record<string, unknown>), servedAt: this.shift((service as Record<string, unknown>).servedAt) };
    }
    return out;
  }

  /**
   * The record as the site sent it, for its content hash: a re-send measured
   * with another offset (another sentAt, a clock put right) is then the same
   * touchpoint — a duplicate, never a CONFLICT or a second count.
   */
  asSent(record: TouchpointRecord): TouchpointRecord {
    if (this.offsetMs === 0) return record;
    const servedAt = record.service?.servedAt;
    return {
      ...record,
      occurredAt: new Date(record.occurredAt.getTime() - this.offsetMs),
      service: record.service && servedAt ? { ...record.service, servedAt: new Date(servedAt.getTime() - this.offsetMs) } : record.service,
    };
  }

  /** What is stored beside the corrected times: the offset (null: not corrected). */
  get stored(): number | null {
    return this.offsetMs === 0 ? null : this.offsetMs;
  }

  private shift(v: unknown): unknown {
    const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
    if (Number.isNaN(t)) return v;
    const moved = new Date(t + this.offsetMs);
    return v instanceof Date ? moved : moved.toISOString();
  }
}

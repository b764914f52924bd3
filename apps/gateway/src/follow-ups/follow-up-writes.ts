import { randomUUID } from 'node:crypto';
import { answerFollowUps, insertFollowUps, insertOutbox, type FollowUpRow, type NewFollowUp, type OutboxEvent, type RatingSeen, type Sql } from '@qihe/data';
import type { FollowUpOpenedAlert } from '@qihe/contracts';
import { causeKey, DEFAULT_FOLLOW_UP_HOURS, isLowRating, type FollowUpReason } from '@qihe/domain';

// Follow-ups opened by the gateway itself (a low rating, a broken promise):
// in the transaction that saw the cause, at most one per cause, announced on
// the feed through the outbox of that same transaction.

export interface FollowUpCause {
  reason: FollowUpReason;
  unitId: string;
  customerId: string;
  touchpointId: string | null;
  commitmentId: string | null;
  note?: string | null;
}

export const lowRatingCause = (tp: { id: string; unitId: string; customerId: string }, score: number | null): FollowUpCause | null =>
  isLowRating(score) ? { reason: 'LOW_SATISFACTION', unitId: tp.unitId, customerId: tp.customerId, touchpointId: tp.id, commitmentId: null } : null;

export function followUpOpenedEvent(f: FollowUpRow): OutboxEvent {
  const what = f.reason === 'LOW_SATISFACTION' ? 'a low rating' : f.reason === 'COMMITMENT_BREACHED' ? 'a broken commitment' : f.reason === 'MANUAL' ? 'a request' : 'a customer at risk';
  const alert: FollowUpOpenedAlert = {
    type: 'FOLLOW_UP_OPENED',
    id: `FOLLOW_UP_OPENED:${f.id}`,
    unitId: f.unitId,
    followUpId: f.id,
    reason: f.reason,
    customerId: f.customerId,
    touchpointId: f.touchpointId,
    commitmentId: f.commitmentId,
    at: new Date(f.createdAt).toISOString(),
    message: `follow-up opened for customer ${f.customerId} after ${what}`,
  };
  return { unitId: f.unitId, dedupeKey: alert.id, event: 'alert', rooms: [f.unitId], payload: { ...alert } };
}

/** Opens the follow-ups of these causes (those already followed up are skipped) and queues FOLLOW_UP_OPENED. */
export async function openFollowUps(tx: Sql, causes: readonly FollowUpCause[], dueHours = DEFAULT_FOLLOW_UP_HOURS): Promise<FollowUpRow[]> {
  if (causes.length === 0) return [];
  const items: NewFollowUp[] = causes.map((c) => ({
    id: randomUUID(),
    unitId: c.unitId,
    reason: c.reason,
    causeKey: causeKey(c.reason, c),
    customerId: c.customerId,
    touchpointId: c.touchpointId,
    commitmentId: c.commitmentId,
    note: c.note ?? null,
    dueHours,
  }));
  const created = await insertFollowUps(tx, items);
  await insertOutbox(tx, created.map(followUpOpenedEvent));
  return created;
}

/** Ratings stored in this transaction: answer earlier follow-ups of their customers, open follow-ups for the low ones. */
export async function followUpRatings(tx: Sql, ratings: readonly (RatingSeen & { unitId: string })[]): Promise<void> {
  if (ratings.length === 0) return;
  await answerFollowUps(tx, ratings);
  const low = ratings.map((r) => lowRatingCause({ id: r.touchpointId, unitId: r.unitId, customerId: r.customerId }, r.score)).filter((c): c is FollowUpCause => c !== null);
  await openFollowUps(tx, low);
}

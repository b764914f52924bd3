// Follow-ups: a person acts on a signal (MANAGEMENT-MODEL.md §2).

export const FOLLOW_UP_REASONS = ['LOW_SATISFACTION', 'COMMITMENT_BREACHED', 'AT_RISK_CUSTOMER', 'MANUAL'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];
export const FOLLOW_UP_STATES = ['OPEN', 'DONE'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const DEFAULT_FOLLOW_UP_HOURS = 24;
export const MAX_OUTCOME_CHARS = 2000;

/** A rating of 1 or 2 (at capture or later) opens a LOW_SATISFACTION follow-up. */
export const isLowRating = (score: number | null | undefined): boolean => score != null && score >= 1 && score <= 2;

export const followUpDueAt = (createdAt: number, hours = DEFAULT_FOLLOW_UP_HOURS): number => createdAt + hours * 3_600_000;

/**
 * The cause a follow-up answers: at most one follow-up per cause. A low rating
 * is its touchpoint's, a breach its level-1 node's; a MANUAL one has no cause
 * of its own (each openFollowUp is a person's decision).
 */
export function causeKey(reason: FollowUpReason, ids: { touchpointId?: string | null; commitmentId?: string | null; customerId?: string }): string | null {
  switch (reason) {
    case 'LOW_SATISFACTION':
      return `touchpoint:${ids.touchpointId}`;
    case 'COMMITMENT_BREACHED':
      return `commitment:${ids.commitmentId}`;
    case 'AT_RISK_CUSTOMER':
      // One per crossing (the customer's latest touchpoint then); at most one OPEN per customer is the database's rule.
      return `at-risk:${ids.customerId}:${ids.touchpointId}`;
    case 'MANUAL':
      return null;
  }
}

/** What the customer's next rating says: ≥ 4 recovered, 1..3 not, none yet null. */
export const recoveredBy = (score: number | null | undefined): boolean | null => (score == null ? null : score >= 4);

export interface CustomerRating {
  touchpointId: string;
  occurredAt: number;
  score: number;
}

/**
 * The customer's first rating on a touchpoint that occurred after `createdAt`
 * (earliest occurredAt; equal times: the smaller id), or null.
 */
export function firstRatingAfter(createdAt: number, ratings: readonly CustomerRating[]): CustomerRating | null {
  let best: CustomerRating | null = null;
  for (const r of ratings) {
    if (r.occurredAt <= createdAt) continue;
    if (!best || r.occurredAt < best.occurredAt || (r.occurredAt === best.occurredAt && r.touchpointId < best.touchpointId)) best = r;
  }
  return best;
}

/** A closing outcome: 1..2000 characters of text. Returns the problem, or null. */
export function outcomeProblem(outcome: unknown): string | null {
  if (typeof outcome !== 'string' || outcome.trim() === '') return '"outcome" is required to close a follow-up';
  if (outcome.length > MAX_OUTCOME_CHARS) return `"outcome" may have at most ${MAX_OUTCOME_CHARS} characters, got ${outcome.length}`;
  if (outcome.includes('\u0000')) return '"outcome" must not contain NUL characters';
  return null;
}

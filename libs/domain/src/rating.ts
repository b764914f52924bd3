import { RefusalCode } from './refusal';

// A late satisfaction rating: a touchpoint is rated once. The same rating
// again (a retry, a resend) is a no-op; a different one is refused, so a
// rating is never counted twice nor silently replaced. The gateway and the
// sites judge alike with this one rule.

export interface Rating {
  score: number;
  comment: string | null;
}

/** What to do with `next` given the rating already held (null when none); a refusal is its refusal code. */
export type RatingVerdict = 'RATE' | 'UNCHANGED' | typeof RefusalCode.CONFLICT;

export function judgeRating(held: Rating | null, next: Rating): RatingVerdict {
  if (held === null) return 'RATE';
  return held.score === next.score && (held.comment ?? null) === (next.comment ?? null) ? 'UNCHANGED' : RefusalCode.CONFLICT;
}

/** The message of a refused second rating (field: satisfaction). */
export const ratingConflictMessage = (touchpointId: string, held: Rating): string =>
  `satisfaction: touchpoint "${touchpointId}" is already rated ${held.score}; a rating cannot be changed`;

import { judgeRating, ratingConflictMessage, type Rating, type RatingVerdict } from './rating';

const r = (score: number, comment: string | null = null): Rating => ({ score, comment });

describe('judgeRating: rated once, the same rating again is a no-op, a different one is refused', () => {
  it.each<[string, Rating | null, Rating, RatingVerdict]>([
    ['no rating held', null, r(4), 'RATE'],
    ['no rating held, with a comment', null, r(1, 'rude'), 'RATE'],
    ['the same score, no comment', r(4), r(4), 'UNCHANGED'],
    ['the same score and comment', r(2, 'slow'), r(2, 'slow'), 'UNCHANGED'],
    ['another score', r(4), r(5), 'CONFLICT'],
    ['the same score, a comment added', r(4), r(4, 'late'), 'CONFLICT'],
    ['the same score, the comment dropped', r(4, 'late'), r(4), 'CONFLICT'],
    ['the same score, another comment', r(4, 'late'), r(4, 'Late'), 'CONFLICT'],
    ['an empty comment is not no comment', r(3, ''), r(3), 'CONFLICT'],
  ])('%s', (_, held, next, verdict) => {
    expect(judgeRating(held, next)).toBe(verdict);
  });

  it('reads an absent comment of a stored row (undefined) as none', () => {
    expect(judgeRating({ score: 3, comment: undefined as unknown as null }, r(3))).toBe('UNCHANGED');
  });

  it('names the field and the rating held when it refuses', () => {
    expect(ratingConflictMessage('tp-1', r(4))).toBe('satisfaction: touchpoint "tp-1" is already rated 4; a rating cannot be changed');
  });
});

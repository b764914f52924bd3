// Customer risk (MANAGEMENT-MODEL.md §7): the probability that a customer's
// next rating is 1 or 2, from their history before now. Features are always
// taken "as of" a moment t — only touchpoints that occurred strictly before t
// count — so a rating is explained by what was known before it (no leakage),
// and a profile by what happened before now.

const DAY = 86_400_000;

export const RISK_FEATURES = [
  'lastRating', // the last rating before t, 1..5; 3 (neutral) when never rated — a linear term must not read "never" as "worse than 1"
  'lowRatings90d', // ratings of 1..2 in the 90 days before t
  'unresolved30d', // served, not resolved, 30 days
  'repeats30d', // repeat contacts (same need within 7 days, §4), 30 days
  'complaints30d', // need COMPLAINT, 30 days
  'brokenPromises30d', // level-1 commitments that turned BREACHED in the 30 days before t
  'handoffs30d', // served with a hand-off to another unit, 30 days
  'contacts30d', // touchpoints, 30 days
  'daysSinceLastContact', // capped at 365 (365 when none)
  // Rates and recency, not only counts: a customer who calls daily has many
  // of everything; what tells their mood is how their recent contacts went.
  'recentRating', // ratings of the 90 days before t weighted by recency (half-life 14 days), pulled towards the neutral 3 by one neutral rating's weight
  'ratingTrend', // the last rating minus the mean of the earlier ones in 90 days (0 with fewer than two): > 0 improving
  'lowRatingShare90d', // low ratings ÷ ratings in 90 days, with one neutral (not low) rating added (0 when none)
  'lastUnresolved', // 1 when the latest served touchpoint before t was left unresolved
  'unresolvedShare30d', // unresolved ÷ served in 30 days (0 when none served)
  'complaintShare30d', // complaints ÷ contacts in 30 days (0 when none)
  'repeats7d', // repeat contacts in the 7 days before t
  'contacts7d', // touchpoints in the 7 days before t
] as const;
export type RiskFeature = (typeof RISK_FEATURES)[number];

/** One touchpoint of a customer's history, as the features see it. */
export interface RiskTouchpoint {
  id: string;
  occurredAt: number;
  needCategory: string;
  served: boolean;
  resolved: boolean | null;
  handoff: boolean;
  score: number | null;
}

/** One level-1 commitment of the customer: when due, when completed. */
export interface RiskPromise {
  dueAt: number;
  completedAt: number | null;
}

// The repeat rule of §4: the same need within the 7 days before.
const REPEAT_WINDOW_MS = 7 * DAY;

// recentRating: a rating's weight halves every 14 days; the neutral prior weighs as much as one rating of today.
const RECENT_HALF_LIFE_MS = 14 * DAY;
const RECENT_PRIOR = 1;

/** What a customer who never rated counts as: the middle of the scale (as the last-rating baseline ranks them). */
export const NEUTRAL_RATING = 3;

const byTime = (a: RiskTouchpoint, b: RiskTouchpoint): number => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sorts a history in place by (occurredAt, id), the order the features read it in. */
export const sortHistory = <T extends RiskTouchpoint>(history: T[]): T[] => history.sort(byTime);

/** Is `history[i]` a repeat: another touchpoint with its need in [t − 7 d, t), or at t with a smaller id (history sorted)? */
export function isRepeatAt(history: readonly RiskTouchpoint[], i: number): boolean {
  const t = history[i];
  for (let j = i - 1; j >= 0 && history[j].occurredAt >= t.occurredAt - REPEAT_WINDOW_MS; j--) {
    if (history[j].needCategory === t.needCategory) return true;
  }
  return false;
}

/** A BREACHED level-1 promise turned so at dueAt (late or unfinished then). */
const brokeAt = (p: RiskPromise): number | null => (p.completedAt !== null && p.completedAt <= p.dueAt ? null : p.dueAt);

/**
 * The feature vector (RISK_FEATURES order) as of `t`, from a history sorted by
 * sortHistory: only what occurred strictly before `t` is read, and a promise
 * counts as broken only once its due time has passed before `t`.
 */
export function riskFeaturesAt(history: readonly RiskTouchpoint[], promises: readonly RiskPromise[], t: number): number[] {
  // The touchpoints before t: history[0 .. end).
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid].occurredAt < t) lo = mid + 1;
    else hi = mid;
  }
  const end = lo;
  let lastRating = NEUTRAL_RATING;
  let lastRatedAt = -1;
  for (let j = end - 1; j >= 0; j--) {
    if (history[j].score !== null) {
      lastRating = history[j].score as number;
      lastRatedAt = j;
      break;
    }
  }
  let lowRatings90d = 0;
  let rated90d = 0;
  let earlierSum = 0;
  let weighted = RECENT_PRIOR * NEUTRAL_RATING;
  let weights = RECENT_PRIOR;
  let unresolved = 0;
  let served = 0;
  let repeats = 0;
  let repeats7d = 0;
  let complaints = 0;
  let handoffs = 0;
  let contacts = 0;
  let contacts7d = 0;
  let lastUnresolved = 0;
  let sawServed = false;
  for (let j = end - 1; j >= 0 && history[j].occurredAt >= t - 90 * DAY; j--) {
    const h = history[j];
    if (h.score !== null) {
      rated90d++;
      if (h.score <= 2) lowRatings90d++;
      if (j !== lastRatedAt) earlierSum += h.score;
      const w = 0.5 ** ((t - h.occurredAt) / RECENT_HALF_LIFE_MS);
      weighted += w * h.score;
      weights += w;
    }
    if (!sawServed && h.served) {
      sawServed = true;
      lastUnresolved = h.resolved === false ? 1 : 0;
    }
    if (h.occurredAt < t - 30 * DAY) continue;
    const recent = h.occurredAt >= t - 7 * DAY;
    const repeat = isRepeatAt(history, j);
    contacts++;
    if (recent) contacts7d++;
    if (h.served) served++;
    if (h.served && h.resolved === false) unresolved++;
    if (h.served && h.handoff) handoffs++;
    if (h.needCategory === 'COMPLAINT') complaints++;
    if (repeat) repeats++;
    if (repeat && recent) repeats7d++;
  }
  let broken = 0;
  for (const p of promises) {
    const at = brokeAt(p);
    if (at !== null && at < t && at >= t - 30 * DAY) broken++;
  }
  const days = end === 0 ? 365 : Math.min(365, (t - history[end - 1].occurredAt) / DAY);
  const trend = rated90d >= 2 && lastRatedAt >= 0 && history[lastRatedAt].occurredAt >= t - 90 * DAY ? lastRating - earlierSum / (rated90d - 1) : 0;
  return [
    lastRating,
    lowRatings90d,
    unresolved,
    repeats,
    complaints,
    broken,
    handoffs,
    contacts,
    days,
    weighted / weights,
    trend,
    lowRatings90d / (rated90d + 1),
    lastUnresolved,
    served === 0 ? 0 : unresolved / served,
    contacts === 0 ? 0 : complaints / contacts,
    repeats7d,
    contacts7d,
  ];
}

/** A fitted model: log-odds = intercept + Σ coefficient × (value − mean), in raw feature units. */
export interface RiskModel {
  version: string;
  features: readonly string[];
  means: readonly number[];
  coefficients: readonly number[];
  /** The log-odds of a customer at the training means. */
  intercept: number;
  trainedAt: number;
  trainingRatings: number;
  holdoutRatings: number;
  auc: number | null;
  precisionAt50: number | null;
  baselinePrecisionAt50: number | null;
  /** Every rating the deployment held when it was fitted (the 20 % growth rule counts from here). */
  ratingsAtFit: number;
}

export interface RiskDriver {
  feature: string;
  value: number;
  contribution: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

type Scorer = Pick<RiskModel, 'features' | 'means' | 'coefficients' | 'intercept'>;

/** The probability and its drivers: coefficient × (value − training mean), largest first. */
export function predictRisk(model: Scorer, x: ArrayLike<number>): { probability: number; drivers: RiskDriver[] } {
  const drivers: RiskDriver[] = model.features.map((feature, i) => ({ feature, value: x[i], contribution: model.coefficients[i] * (x[i] - model.means[i]) }));
  const probability = riskProbability(model, x);
  drivers.sort((a, b) => b.contribution - a.contribution || (a.feature < b.feature ? -1 : 1));
  return { probability, drivers };
}

/** predictRisk's probability alone, the same sum in the same order (so the same bits), without the drivers: what a pass scoring every customer needs. */
export function riskProbability(model: Scorer, x: ArrayLike<number>): number {
  let z = model.intercept;
  for (let i = 0; i < model.features.length; i++) z += model.coefficients[i] * (x[i] - model.means[i]);
  return sigmoid(z);
}

/** Area under the ROC curve (ties count half); null without both classes. */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const pos = labels.reduce((n, y) => n + (y ? 1 : 0), 0);
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return null;
  // Mann–Whitney: the sum of the positives' mid-ranks.
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[idx[k]]) rankSum += mid;
    i = j + 1;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Share of positives among the k highest scores; a group tied across the cut
 * counts at its own rate (the expectation over any order of the tie). null
 * when there are no scores.
 */
export function precisionAt(k: number, scores: readonly number[], labels: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const n = Math.min(k, scores.length);
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let taken = 0;
  let hits = 0;
  for (let i = 0; i < idx.length && taken < n; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const size = j - i + 1;
    let pos = 0;
    for (let q = i; q <= j; q++) pos += labels[idx[q]] ? 1 : 0;
    const take = Math.min(size, n - taken);
    hits += (pos * take) / size;
    taken += take;
    i = j + 1;
  }
  return hits / n;
}

/** The baseline's ranking: the lower the last rating, the riskier (never rated sits in the middle, NEUTRAL_RATING). */
export const lastRatingScore = (x: readonly number[]): number => -x[0];

export const RISK_HOLDOUT_SHARE = 0.2;
export const MIN_RATINGS_TO_FIT = 200;
export const REFIT_GROWTH = 0.2;
export const REFIT_AFTER_MS = DAY;
export const DEFAULT_RISK_THRESHOLD = 0.5;

/** One rated touchpoint as a training example: its features just before it, and whether it was rated 1..2. */
export interface RiskSample {
  id: string;
  at: number;
  x: number[];
  y: 0 | 1;
}

/** The latest 20 % by time are held out (ties in time by id). */
export function splitByTime(samples: RiskSample[]): { train: RiskSample[]; holdout: RiskSample[] } {
  const sorted = [...samples].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cut = Math.round(sorted.length * (1 - RISK_HOLDOUT_SHARE));
  return { train: sorted.slice(0, cut), holdout: sorted.slice(cut) };
}

/** Should a model be fitted now? None yet: at 200 ratings; then daily and at 20 % more ratings. */
export function refitDue(model: Pick<RiskModel, 'trainedAt' | 'ratingsAtFit'> | null, ratings: number, now: number): boolean {
  if (ratings < MIN_RATINGS_TO_FIT) return false;
  if (!model) return true;
  return now - model.trainedAt >= REFIT_AFTER_MS || ratings >= model.ratingsAtFit * (1 + REFIT_GROWTH);
}

/** A crossing: the customer's risk rose to the threshold or above from below it (or from none). */
export const crossesThreshold = (before: number | null, after: number, threshold: number): boolean => after >= threshold && (before === null || before < threshold);

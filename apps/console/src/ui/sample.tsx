import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtScore } from './format';

/**
 * Below this many cases a number is shown as "too few to judge": a score over
 * fewer than 30 touchpoints, a measure over a denominator under 30. Two ratings
 * can swing a measure from 0 to 100; at 30 one case moves it by about 3 points.
 * One constant for every screen.
 */
export const MIN_SAMPLE = 30;

export const tooFew = (n: number): boolean => n < MIN_SAMPLE;

/** "n = 12" with the too-few mark when under MIN_SAMPLE. */
export function SampleSize({ n }: { n: number }): ReactNode {
  const { t } = useTranslation();
  return tooFew(n) ? (
    <span className="too-few" data-testid="too-few" title={t('sample.tooFewHint', { min: MIN_SAMPLE })}>
      {t('sample.tooFew')} · n = {n}
    </span>
  ) : (
    <span className="muted" data-testid="sample-size">
      n = {n}
    </span>
  );
}

interface DeltaProps {
  /** The value now and in the previous window (scores 0..100, or ratios 0..1 with `ratio`). */
  now: number | null | undefined;
  before: number | null | undefined;
  /** Sample sizes now and before: no delta is judged when either is under MIN_SAMPLE. */
  nNow: number;
  nBefore: number;
  ratio?: boolean;
}

/** The change against the previous window of the same length: ▲ 2.3 / ▼ 1.0 / = ; "—" when there is nothing to compare. */
export function Delta({ now, before, nNow, nBefore, ratio }: DeltaProps): ReactNode {
  const { t } = useTranslation();
  const show = (v: number | null | undefined): string => (ratio ? (v == null ? '—' : v.toFixed(3)) : fmtScore(v));
  const title = t('delta.previous', { value: show(before), n: nBefore });
  if (now == null || before == null) {
    return (
      <span className="delta none" data-testid="delta" data-delta="" title={title}>
        {t('delta.none')}
      </span>
    );
  }
  const d = now - before;
  const shown = ratio ? Math.abs(d).toFixed(3) : Math.abs(d).toFixed(1);
  const judged = !tooFew(nNow) && !tooFew(nBefore);
  const dir = Number(shown) === 0 ? 'same' : d > 0 ? 'up' : 'down';
  return (
    <span className={`delta ${dir} ${judged ? '' : 'unjudged'}`} data-testid="delta" data-delta={String(d)} title={title}>
      {dir === 'same' ? '=' : dir === 'up' ? '▲' : '▼'} {dir === 'same' ? '' : shown}
    </span>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chain } from '@qihe/domain';
import { fmtScore } from '../ui/format';
import { Delta, SampleSize, tooFew } from '../ui/sample';
import { fmtZoned, useTimeZone } from '../ui/time-zone';
import type { EngagementScoreData } from './gateway-api';

interface Props {
  score: EngagementScoreData;
  /** The same unit over the previous window of the same length: deltas beside every score. */
  previous?: EngagementScoreData | null;
  selectedChain?: Chain | null;
  onSelectChain?: (chain: Chain) => void;
  /** Where the unit's touchpoints in this window are listed (the count links there). */
  touchpointsHref?: string;
}

/** The overall score and the four chains, exactly as the API returned them (one decimal). */
export function ScorePanel({ score, previous, selectedChain, onSelectChain, touchpointsHref }: Props): ReactNode {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const few = tooFew(score.touchpoints);
  const delta = (now: number | null | undefined, before: number | null | undefined): ReactNode =>
    previous !== undefined && <Delta now={now} before={before} nNow={score.touchpoints} nBefore={previous?.touchpoints ?? 0} />;
  return (
    <div className="score-panel" data-testid="score-panel">
      <div className={`score-card overall ${few ? 'few' : ''}`}>
        <div className="score-label">{t('score.overall')}</div>
        <div className="score-line">
          <span className="score-value big" data-testid="overall-score">
            {fmtScore(score.overall)}
          </span>
          {delta(score.overall, previous?.overall)}
        </div>
        <div className="muted small">
          {touchpointsHref ? (
            <a href={touchpointsHref} data-testid="overall-touchpoints">
              {t('score.touchpoints', { count: score.touchpoints })} →
            </a>
          ) : (
            t('score.touchpoints', { count: score.touchpoints })
          )}
          {few && (
            <>
              {' '}
              <SampleSize n={score.touchpoints} />
            </>
          )}
          <br />
          {fmtZoned(score.from, zone)} – {fmtZoned(score.to, zone)} {zone}
          {score.modelVersion && (
            <>
              <br />
              {score.modelVersion}
            </>
          )}
        </div>
      </div>
      {score.chains.map((c) => (
        <button
          key={c.chain}
          type="button"
          className={`score-card chain chain-${c.chain} ${selectedChain === c.chain ? 'selected' : ''} ${few ? 'few' : ''}`}
          onClick={onSelectChain ? () => onSelectChain(c.chain) : undefined}
          aria-pressed={selectedChain === c.chain}
          data-testid={`chain-${c.chain}`}
        >
          <div className="score-label">{t(`chain.${c.chain}`)}</div>
          <div className="score-line">
            <span className="score-value" data-testid={`chain-score-${c.chain}`}>
              {fmtScore(c.score)}
            </span>
            {delta(c.score, previous?.chains.find((p) => p.chain === c.chain)?.score)}
          </div>
          <div className="bar">
            <span style={{ width: `${c.score ?? 0}%` }} />
          </div>
          <div className="muted small">{t('score.measuresHint', { count: c.measures?.length ?? 0 })}</div>
        </button>
      ))}
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chain } from '@qihe/domain';
import { fmtScore, fmtUtc } from '../ui/format';
import type { EngagementScoreData } from './gateway-api';

interface Props {
  score: EngagementScoreData;
  selectedChain?: Chain | null;
  onSelectChain?: (chain: Chain) => void;
}

/** The overall score and the four chains, exactly as the API returned them (one decimal). */
export function ScorePanel({ score, selectedChain, onSelectChain }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="score-panel" data-testid="score-panel">
      <div className="score-card overall">
        <div className="score-label">{t('score.overall')}</div>
        <div className="score-value big" data-testid="overall-score">
          {fmtScore(score.overall)}
        </div>
        <div className="muted small">
          {t('score.touchpoints', { count: score.touchpoints })}
          <br />
          {fmtUtc(score.from)} – {fmtUtc(score.to)} UTC
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
          className={`score-card chain chain-${c.chain} ${selectedChain === c.chain ? 'selected' : ''}`}
          onClick={onSelectChain ? () => onSelectChain(c.chain) : undefined}
          aria-pressed={selectedChain === c.chain}
          data-testid={`chain-${c.chain}`}
        >
          <div className="score-label">{t(`chain.${c.chain}`)}</div>
          <div className="score-value" data-testid={`chain-score-${c.chain}`}>
            {fmtScore(c.score)}
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

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAINS } from '@qihe/domain';
import { fmtScore, fmtUtc } from '../ui/format';
import type { TileScore } from './feed-events';

interface Props {
  unitId: string;
  name: string;
  score: TileScore | undefined;
  refused?: string;
  href: string;
}

/** One unit's rolling hour: overall and the four chains, moving as `scores` events arrive. */
export function UnitTile({ unitId, name, score, refused, href }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <article className={`tile ${score?.source === 'live' ? 'is-live' : ''}`} data-testid="unit-tile" data-unit={unitId}>
      <header>
        <a href={href} className="tile-name">
          {name}
        </a>
        <span className={`pill ${score?.source === 'live' ? 'pill-FORWARDED' : 'pill-PENDING'}`} title={score ? `${fmtUtc(score.from)} – ${fmtUtc(score.to)} UTC` : undefined}>
          {score?.source === 'live' ? t('live.rolling') : score ? t('live.snapshot', { from: score.from.slice(11, 16), to: score.to.slice(11, 16) }) : '…'}
        </span>
      </header>
      {refused ? (
        <div className="field-error" role="alert">
          {refused}
        </div>
      ) : (
        <>
          <div className="tile-overall">
            <span className="score-value big" key={`${score?.at}`} data-testid="tile-overall">
              {fmtScore(score?.overall)}
            </span>
            <span className="muted small">{t('score.touchpoints', { count: score?.touchpoints ?? 0 })}</span>
          </div>
          <ul className="tile-chains">
            {CHAINS.map((c) => (
              <li key={c} className={`chain-${c}`}>
                <span className="chain-name">{t(`chainShort.${c}`)}</span>
                <span className="bar">
                  <span style={{ width: `${score?.chains[c] ?? 0}%` }} />
                </span>
                <span className="num" data-testid={`tile-${c}`}>
                  {fmtScore(score?.chains[c])}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

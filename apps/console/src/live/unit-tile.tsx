import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAINS } from '@qihe/domain';
import { fmtScore, fmtTime, fmtUtc } from '../ui/format';
import type { TileScore } from './feed-events';
import { tileStatus, useOverallTarget } from './tile-status';

interface Props {
  unitId: string;
  name: string;
  score: TileScore | undefined;
  refused?: string;
  href: string;
  /** When the feed was lost (ms); null while it is live. A tile with a score then goes grey, marked stale. */
  staleSince?: number | null;
}

/** One unit's rolling hour: overall and the four chains, moving as `scores` events arrive. */
export function UnitTile({ unitId, name, score, refused, href, staleSince }: Props): ReactNode {
  const { t, i18n } = useTranslation();
  const target = useOverallTarget(unitId);
  const status = tileStatus(score?.overall, target);
  const stale = Boolean(score) && staleSince != null;
  const cls = ['tile', score?.source === 'live' ? 'is-live' : '', stale ? 'is-stale' : `status-${status ?? 'NONE'}`].filter(Boolean).join(' ');
  return (
    <article className={cls} data-testid="unit-tile" data-unit={unitId} data-status={stale ? 'STALE' : (status ?? 'NONE')}>
      <header>
        <a href={href} className="tile-name">
          {name}
        </a>
        {stale ? (
          <span className="pill pill-stale" data-testid="tile-stale" title={t('liveStatus.staleHint', { at: fmtTime(new Date(staleSince as number).toISOString(), i18n.language) })}>
            {t('liveStatus.stale')}
          </span>
        ) : (
          <span className={`pill ${score?.source === 'live' ? 'pill-FORWARDED' : 'pill-PENDING'}`} title={score ? `${fmtUtc(score.from)} – ${fmtUtc(score.to)} UTC` : undefined}>
            {score?.source === 'live' ? t('live.rolling') : score ? t('live.snapshot', { from: score.from.slice(11, 16), to: score.to.slice(11, 16) }) : '…'}
          </span>
        )}
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
            {target && !stale && (
              <span className={`status-pill status-${status ?? 'NONE'}`} data-testid="tile-status">
                {status ? t(`status.${status}`) : t('status.noData')} · {t('liveStatus.vsTarget', { target: fmtScore(target.target) })}
              </span>
            )}
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

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/errors';
import { fmtTime } from '../ui/format';
import { Empty } from '../ui/states';
import { CommitmentSteps } from './commitment-steps';
import { LateRating } from './late-rating';
import type { LocalTouchpoint } from './site-api';

interface Props {
  rows: LocalTouchpoint[];
  onRate: (id: string, score: number, comment: string | null) => Promise<ApiProblem | null>;
  /** Completes a node of a touchpoint's commitment now. */
  onComplete: (touchpointId: string, code: string) => Promise<ApiProblem | null>;
}

/** The agent's own latest touchpoints with where each one is on its way to the gateway. */
export function RecentTouchpoints({ rows, onRate, onComplete }: Props): ReactNode {
  const { t, i18n } = useTranslation();
  const [rating, setRating] = useState<string | null>(null);
  if (rows.length === 0) return <Empty>{t('agent.noneYet')}</Empty>;
  return (
    <ul className="recent" data-testid="my-touchpoints">
      {rows.map((r) => (
        <li key={r.id} className={`recent-item state-${r.state}`} data-testid="my-touchpoint" data-id={r.id} data-state={r.state}>
          <div className="recent-head">
            <span className="time">{fmtTime(r.occurredAt, i18n.language)}</span>
            <span className="need">{t(`enum.need.${r.needCategory}`)}</span>
            <span className="customer muted">{r.customerId}</span>
            <span className={`pill pill-${r.state}`} title={r.error ?? undefined} data-testid="forward-state">
              {t(`forward.${r.state}`)}
            </span>
          </div>
          <div className="recent-body">
            {r.serviceAction ? <span>{r.serviceAction}</span> : <span className="muted">{t('agent.noService')}</span>}
            {r.resolved != null && <span className={r.resolved ? 'ok' : 'bad'}> · {r.resolved ? t('field.resolved') : t('agent.unresolved')}</span>}
            {r.satisfaction ? (
              <span className="score-given">
                {' '}
                · {'★'.repeat(r.satisfaction.score)}
                <span className={`pill pill-${r.satisfaction.state}`}>{t(`forward.${r.satisfaction.state}`)}</span>
              </span>
            ) : rating !== r.id && r.state !== 'DEAD' ? (
              <button type="button" className="link small" onClick={() => setRating(r.id)} data-testid="rate-later">
                {t('agent.rateLater')}
              </button>
            ) : null}
          </div>
          {r.state === 'DEAD' && r.error && <div className="field-error">{r.error}</div>}
          {r.commitment && r.state !== 'DEAD' && <CommitmentSteps commitment={r.commitment} onComplete={(code) => onComplete(r.id, code)} />}
          {rating === r.id && <LateRating onRate={(score, comment) => onRate(r.id, score, comment)} onClose={() => setRating(null)} />}
        </li>
      ))}
    </ul>
  );
}

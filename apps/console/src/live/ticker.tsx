import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtTime } from '../ui/format';
import { Empty } from '../ui/states';
import type { TouchpointEvent } from './feed-events';

/** Touchpoints as the gateway commits them, newest on top. */
export function Ticker({ events, nameOf }: { events: TouchpointEvent[]; nameOf: (unitId: string) => string }): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel ticker" data-testid="ticker">
      <h2>{t('live.ticker')}</h2>
      {events.length === 0 ? (
        <Empty>{t('live.waiting')}</Empty>
      ) : (
        <ul>
          {events.map((e) => (
            <li key={e.id} className="ticker-item" data-testid="ticker-item" data-id={e.id}>
              <span className="time">{fmtTime(e.receivedAt, i18n.language)}</span>
              <span className="unit">{nameOf(e.unitId)}</span>
              <span className="need">{t(`enum.need.${e.needCategory}`, { defaultValue: e.needCategory })}</span>
              <span className="muted">{t(`enum.channel.${e.channel}`, { defaultValue: e.channel })}</span>
              <span className={e.resolved == null ? 'muted' : e.resolved ? 'ok' : 'bad'}>{e.resolved == null ? '·' : e.resolved ? '✓' : '✗'}</span>
              <span className="stars">{e.satisfaction ? `★${e.satisfaction}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

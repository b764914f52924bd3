import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtTime } from '../ui/format';
import { Empty } from '../ui/states';
import type { AlertEvent } from './feed-events';

/** Broken commitments and satisfaction drops, as the feed reports them. */
export function AlertsPanel({ alerts, nameOf }: { alerts: (AlertEvent & { seq?: number })[]; nameOf: (unitId: string) => string }): ReactNode {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel alerts" data-testid="alerts">
      <h2>
        {t('live.alerts')} {alerts.length > 0 && <span className="count">{alerts.length}</span>}
      </h2>
      {alerts.length === 0 ? (
        <Empty>{t('live.noAlerts')}</Empty>
      ) : (
        <ul>
          {alerts.map((a, i) => (
            <li key={String(a.seq ?? i)} className={`alert alert-${a.type}`} data-testid="alert-item">
              <div>
                <span className="alert-type">{t(`alertType.${a.type}`, { defaultValue: a.type })}</span>
                <span className="muted small"> {nameOf(a.unitId)} · {fmtTime(a.at, i18n.language)}</span>
              </div>
              <div className="small">{a.message}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { traceHref } from '../commitments/board-parts';
import { buildHash } from '../routing/hash-route';
import { fmtTime } from '../ui/format';
import { Empty } from '../ui/states';
import type { AlertItem } from './alert-items';

interface Props {
  alerts: AlertItem[];
  nameOf: (unitId: string) => string;
  /** The unit the live view watches: traces open on its board. */
  rootId: string;
}

/** Commitments at risk and broken, follow-ups opened, satisfaction drops: loaded on open, then as the feed reports them. */
export function AlertsPanel({ alerts, nameOf, rootId }: Props): ReactNode {
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
          {alerts.map((a) => {
            const tracked = (a.type === 'COMMITMENT_AT_RISK' || a.type === 'COMMITMENT_BROKEN') && a.commitmentId;
            return (
              <li key={a.key} className={`alert alert-${a.type}`} data-testid="alert-item" data-type={a.type} data-commitment={a.commitmentId}>
                <div>
                  <span className="alert-type">{t(`alertType.${a.type}`, { defaultValue: a.type })}</span>
                  <span className="muted small">
                    {' '}
                    {a.unitName ?? nameOf(a.unitId)} · {fmtTime(a.at, i18n.language)}
                  </span>
                </div>
                {tracked ? (
                  <div className="small alert-body">
                    <strong>{a.name ?? a.code}</strong> <code>{a.code}</code>
                    <div>
                      {t('live.alertCustomer')}: <span data-testid="alert-customer">{a.customerId}</span> · {t('live.alertOwner')}:{' '}
                      <span data-testid="alert-owner">{a.ownerName ?? (a.ownerUnitId ? nameOf(a.ownerUnitId) : '—')}</span>
                    </div>
                    <a href={traceHref(rootId, a.commitmentId ?? '')} data-testid="alert-trace">
                      {t('board.trace')} →
                    </a>
                  </div>
                ) : a.type === 'FOLLOW_UP_OPENED' ? (
                  <div className="small alert-body">
                    {a.reason && t(`followUps.reason.${a.reason}`, { defaultValue: a.reason })} · {a.customerId}{' '}
                    <a href={buildHash(['follow-ups', a.unitId])}>{t('live.toInbox')} →</a>
                  </div>
                ) : (
                  <div className="small">{a.message}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

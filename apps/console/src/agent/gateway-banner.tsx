import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtDuration } from '../ui/format';
import type { SiteStatus } from './site-api';

/** The site's link to the gateway: a loud banner while it is down, a quiet line otherwise. */
export function GatewayBanner({ status }: { status: SiteStatus }): ReactNode {
  const { t } = useTranslation();
  if (!status.gatewayReachable) {
    return (
      <div className="banner banner-warn" role="alert" data-testid="gateway-unreachable">
        <strong>{t('agent.unreachable', { count: status.backlog })}</strong>
        <span className="muted">
          {' '}
          {t('agent.backlog', { count: status.backlog })}
          {status.oldestPendingAgeSeconds != null && ` · ${t('agent.oldest', { age: fmtDuration(status.oldestPendingAgeSeconds) })}`}
          {status.lastError && ` · ${status.lastError}`}
        </span>
      </div>
    );
  }
  return (
    <div className="site-status muted" data-testid="site-status">
      <span className="dot dot-ok" /> {t('agent.reachable')} · {t('agent.backlog', { count: status.backlog })} · {t('agent.forwarded', { count: status.forwarded })}
      {status.deadLetters > 0 && <span className="bad"> · {t('agent.deadLetters', { count: status.deadLetters })}</span>}
    </div>
  );
}

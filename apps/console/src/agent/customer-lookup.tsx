import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { siteGraphql } from '../__generated__/site';
import { problemOf } from '../api/errors';
import { EngagementTypesView, fmtWhen, RiskView } from '../customer/customer-parts';
import { fmtTime } from '../ui/format';
import { Loading, ProblemBox } from '../ui/states';

/** Typing pauses this long before the site is asked. */
export const LOOKUP_DEBOUNCE_MS = 300;
/** Touchpoints shown in the card (the site keeps the latest 20). */
const SHOWN = 8;

export const SITE_CUSTOMER = siteGraphql(`
  query AgentCustomer($customerId: String!) {
    customer(customerId: $customerId) {
      customerId
      scopeUnitId
      asOf
      stale
      profile {
        touchpoints
        lastContactAt
        units { unitId unitName touchpoints lastContactAt }
        engagement { type score }
        risk { probability asOf drivers { feature value contribution } }
        openCommitments { id name state dueAt unitName }
        followUps { id reason state unitName }
        timeline { id unitId unitName occurredAt channel needCategory serviceAction resolved satisfaction }
      }
    }
  }
`);

/** While the card is stale, the site is asked again this often, so it turns fresh once the gateway is back. */
export const STALE_RECHECK_MS = 3000;

/** A lookup the agent settled on: the id once typing pauses, and which pause it was. */
interface Settled {
  id: string;
  n: number;
}

/**
 * The value once it has not changed for `ms`. Every pause counts, even one that
 * ends on the id already shown (cleared and typed again): the agent asked again.
 */
function useSettled(value: string, ms: number): Settled {
  const [s, setS] = useState<Settled>({ id: value, n: 0 });
  const mounted = useRef(false);
  useEffect(() => {
    // The value at mount is settled already (asked once, by the card's mount).
    if (!mounted.current) {
      mounted.current = true;
      return undefined;
    }
    const id = setTimeout(() => setS((p) => ({ id: value, n: p.n + 1 })), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return s;
}

/** Runs `fn` when `value` changes from one known value to another (not on mount, not when it first becomes known). */
function useOnChange(value: unknown, fn: () => void): void {
  const seen = useRef(value);
  useEffect(() => {
    if (Object.is(seen.current, value)) return;
    const known = seen.current !== undefined;
    seen.current = value;
    if (known) fn();
  });
}

interface Props {
  customerId: string;
  /** The site's link to the gateway, as its status says (the agent view polls it). */
  gatewayReachable?: boolean;
}

/**
 * Beside the short-flow form's customer field: what the rest of the
 * organisation, as far as the agent's unit may see, did for this customer —
 * units, the four engagement types, risk with its top drivers, latest
 * touchpoints — from the site (its last copy, marked stale, when the gateway is away).
 */
export function CustomerLookup({ customerId, gatewayReachable }: Props): ReactNode {
  const settled = useSettled(customerId.trim(), LOOKUP_DEBOUNCE_MS);
  // One card per id (another id never shows this one's answer, even for a moment).
  return settled.id.length === 0 ? null : <LookupCard key={settled.id} id={settled.id} asked={settled.n} gatewayReachable={gatewayReachable} />;
}

/**
 * The site's answer is as of the moment it was asked, so the card asks again
 * whenever that may have changed: the agent settles on the id again, the site's
 * link to the gateway goes or comes back, and, while stale, every few seconds.
 * Until the new answer arrives, the one on screen stays.
 */
function LookupCard({ id, asked, gatewayReachable }: { id: string; asked: number; gatewayReachable?: boolean }): ReactNode {
  const { t, i18n } = useTranslation();
  const q = useQuery(SITE_CUSTOMER, { variables: { customerId: id }, fetchPolicy: 'network-only' });
  const stale = q.data?.customer.stale === true;
  const { refetch, startPolling, stopPolling } = q;
  const askAgain = (): void => void refetch().catch(() => undefined); // a failure shows through q.error
  useOnChange(asked, askAgain);
  useOnChange(gatewayReachable, askAgain);
  useEffect(() => {
    if (!stale) return undefined;
    startPolling(STALE_RECHECK_MS);
    return () => stopPolling();
  }, [stale, startPolling, stopPolling]);
  const problem = problemOf(q.error);
  const c = q.data?.customer.customerId === id ? q.data.customer : null;
  const lang = i18n.language;
  return (
    <div className="customer-card" data-testid="customer-lookup" data-customer={id} aria-live="polite">
      {problem ? (
        <ProblemBox problem={problem} />
      ) : !c ? (
        <Loading label={t('customer.looking')} />
      ) : (
        <>
          {c.stale && (
            <div className="banner banner-warn small" role="status" data-testid="customer-stale">
              {c.asOf ? t('customer.stale', { time: fmtTime(c.asOf, lang) }) : t('customer.staleNone')}
            </div>
          )}
          {!c.profile ? (
            !c.stale && <div className="muted" data-testid="customer-none">{t('customer.none')}</div>
          ) : (
            <>
              <h3 data-testid="customer-summary">
                {t('customer.summary', { count: c.profile.touchpoints, units: c.profile.units.length })}
                <span className="muted small"> · {t('customer.lastContact', { time: fmtWhen(c.profile.lastContactAt, lang) })}</span>
              </h3>
              <div className="customer-grid">
                <div>
                  <RiskView risk={c.profile.risk} />
                  <ul className="customer-units small" data-testid="customer-units">
                    {c.profile.units.map((u) => (
                      <li key={u.unitId} data-testid="customer-unit" data-unit={u.unitId}>
                        <span>{u.unitName}</span>
                        <span className="muted">{u.touchpoints}</span>
                      </li>
                    ))}
                  </ul>
                  {(c.profile.followUps.some((f) => f.state === 'OPEN') || c.profile.openCommitments.length > 0) && (
                    <div className="small bad" data-testid="customer-open">
                      {t('customer.openItems', { followUps: c.profile.followUps.filter((f) => f.state === 'OPEN').length, promises: c.profile.openCommitments.length })}
                    </div>
                  )}
                </div>
                <EngagementTypesView types={c.profile.engagement} />
              </div>
              <ul className="customer-timeline small" data-testid="customer-timeline">
                {c.profile.timeline.slice(0, SHOWN).map((tp) => (
                  <li key={tp.id} data-testid="customer-touchpoint" data-unit={tp.unitId}>
                    <span className="muted">{fmtWhen(tp.occurredAt, lang)}</span>
                    <span className="clip" title={tp.serviceAction ?? undefined}>
                      {tp.unitName} · {t(`enum.need.${tp.needCategory}`)} · {t(`enum.channel.${tp.channel}`)}
                    </span>
                    <span>
                      {tp.resolved == null ? '' : tp.resolved ? '✓' : '✗'} {tp.satisfaction != null && <b>{tp.satisfaction}★</b>}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

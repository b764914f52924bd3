import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { customerHref } from '../routing/customer-route';
import { touchpointsHref } from '../routing/touchpoints-link';
import { presetWindow } from '../unit/window';
import { navigate } from '../routing/hash-route';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { CUSTOMER_PAGE, CUSTOMER_TIMELINE } from './customer-api';
import { EngagementTypesView, fmtWhen, RiskView } from './customer-parts';
import { KeysetPager, useKeysetCursors } from '../ui/keyset-pager';

const PAGE = 25;

/**
 * One customer across the organisation, as far as the caller may see
 * (#/customer/<id>): profile, the four engagement types, risk with every
 * driver, open promises and follow-ups, and the timeline a page at a time
 * (keyset cursors: going back needs no server support).
 */
export function CustomerPage({ customerId }: { customerId: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery(CUSTOMER_PAGE, { variables: { customerId }, fetchPolicy: 'cache-and-network' });
  const problem = problemOf(q.error);
  const c = q.data?.customer;
  return (
    <div className="customer-page" data-testid="customer-page" data-customer={customerId}>
      <div className="unit-head">
        <div>
          <h1 data-testid="customer-id">{customerId}</h1>
          <span className="muted small">{t('customer.inScope')}</span>
        </div>
        <CustomerSearch key={customerId} initial={customerId} />
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : !c ? (
        <Empty>
          <span data-testid="customer-none">{t('customer.none')}</span>
        </Empty>
      ) : (
        <>
          <div className="customer-grid">
            <section className="panel" data-testid="customer-profile">
              <h2 data-testid="customer-summary">{t('customer.summary', { count: c.touchpoints, units: c.units.length })}</h2>
              <div className="muted small">
                {t('customer.firstContact', { time: fmtWhen(c.firstContactAt, lang) })} · {t('customer.lastContact', { time: fmtWhen(c.lastContactAt, lang) })}
              </div>
              <ul className="customer-units small" data-testid="customer-units">
                {c.units.map((u) => (
                  <li key={u.unit.id} data-testid="customer-unit" data-unit={u.unit.id}>
                    {/* The unit's drill-down narrowed to this customer, over the last 30 days. */}
                    <a href={touchpointsHref(u.unit.id, { customerId }, presetWindow('30d', Date.now()))} data-testid="customer-unit-touchpoints">
                      {u.unit.name}
                    </a>
                    <span className="muted">
                      {u.touchpoints} · {fmtWhen(u.lastContactAt, lang)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
            <section className="panel">
              <h2>{t('customer.types')}</h2>
              <EngagementTypesView types={c.engagement} />
            </section>
            <section className="panel">
              <h2>{t('customer.risk')}</h2>
              <RiskView risk={c.risk} top={c.risk?.drivers.length ?? 0} />
              {c.risk && <div className="muted small">{t('customer.riskAsOf', { time: fmtWhen(c.risk.asOf, lang), version: c.risk.modelVersion })}</div>}
            </section>
          </div>
          {(c.openCommitments.length > 0 || c.followUps.length > 0) && (
            <section className="panel" data-testid="customer-open">
              <h2>{t('customer.open')}</h2>
              <ul className="customer-units small">
                {c.openCommitments.map((o) => (
                  <li key={o.id}>
                    <span>
                      <span className={`pill state-${o.state}`}>{t(`commitmentState.${o.state}`, { defaultValue: o.state })}</span> {o.name}
                    </span>
                    <span className="muted">
                      {o.unit.name} · {t('customer.due', { time: fmtWhen(o.dueAt, lang) })}
                    </span>
                  </li>
                ))}
                {c.followUps.map((f) => (
                  <li key={f.id} data-testid="customer-follow-up" data-reason={f.reason} data-state={f.state}>
                    <span>
                      <span className="pill">{t(`followUps.reason.${f.reason}`)}</span> {t(`followUps.state.${f.state}`)}
                      {f.outcome && <span className="muted"> · {f.outcome}</span>}
                    </span>
                    <span className="muted">
                      {f.unit.name} · {fmtWhen(f.createdAt, lang)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <CustomerTimeline customerId={customerId} />
        </>
      )}
    </div>
  );
}

function CustomerSearch({ initial }: { initial: string }): ReactNode {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const go = (e: FormEvent): void => {
    e.preventDefault();
    if (value.trim()) navigate(customerHref(value.trim()));
  };
  return (
    <form className="customer-search" onSubmit={go} role="search">
      <input aria-label={t('customer.search')} placeholder={t('customer.search')} value={value} onChange={(e) => setValue(e.target.value)} data-testid="customer-search" />
      <button type="submit" className="small">
        {t('customer.go')}
      </button>
    </form>
  );
}

function CustomerTimeline({ customerId }: { customerId: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const cursors = useKeysetCursors();
  const after = cursors.after;
  const q = useQuery(CUSTOMER_TIMELINE, { variables: { customerId, first: PAGE, after } });
  const problem = problemOf(q.error);
  const conn = q.data?.customerTimeline;
  return (
    <section className="panel" data-testid="customer-timeline-panel">
      <div className="panel-head">
        <h2>
          {t('customer.timeline')}
          {conn && <span className="muted small" data-testid="customer-timeline-total"> · {t('customer.total', { count: conn.totalCount })}</span>}
        </h2>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !conn ? (
        <Loading />
      ) : conn.edges.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-scroll">
          <table className="table compact" data-testid="customer-timeline-table">
            <thead>
              <tr>
                <th>{t('customer.when')}</th>
                <th>{t('tp.unit')}</th>
                <th>{t('field.channel')}</th>
                <th>{t('field.needCategory')}</th>
                <th>{t('field.action')}</th>
                <th>{t('field.resolved')}</th>
                <th className="num">{t('field.score')}</th>
              </tr>
            </thead>
            <tbody>
              {conn.edges.map(({ node: n }) => (
                <tr key={n.id} data-testid="customer-timeline-row" data-id={n.id} data-unit={n.unit.id}>
                  <td className="nowrap">{fmtWhen(n.occurredAt, i18n.language)}</td>
                  <td className="clip-s" title={n.unit.name}>{n.unit.name}</td>
                  <td>{t(`enum.channel.${n.channel}`)}</td>
                  <td title={n.needDescription ?? undefined}>{t(`enum.need.${n.needCategory}`)}</td>
                  <td className="clip-s" title={n.serviceAction ?? undefined}>
                    {n.serviceAction ?? <span className="muted">—</span>}
                  </td>
                  <td>{n.resolved == null ? '—' : n.resolved ? '✓' : '✗'}</td>
                  <td className="num">{n.satisfaction?.score ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager cursors={cursors} pageInfo={conn?.pageInfo} testIds={{ newer: 'customer-timeline-newer', page: 'customer-timeline-page', older: 'customer-timeline-older' }} />
    </section>
  );
}

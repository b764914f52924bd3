import { type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { customerHref } from '../routing/customer-route';
import { drillFilterInput, type DrillFilter } from '../routing/touchpoints-link';
import { DownloadCsv } from '../ui/download-csv';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { fmtZoned, useTimeZone } from '../ui/time-zone';
import type { TouchpointFilter } from '../__generated__/gateway/graphql';
import { TOUCHPOINTS } from './gateway-api';
import { KeysetPager, useKeysetCursors } from '../ui/keyset-pager';

interface Props {
  unitId: string;
  from: string;
  to: string;
  filter: DrillFilter;
  /** The active filters, each removable (rendered above the count). */
  chips?: ReactNode;
}

const PAGE = 25;

/**
 * The touchpoints behind a number: the unit's subtree in the window that the
 * filter selects (MANAGEMENT-MODEL.md §3), how many in all (totalCount), newest
 * first, a page at a time, and the whole list as CSV with the same filter.
 */
export function TouchpointsPanel({ unitId, from, to, filter, chips }: Props): ReactNode {
  const { t } = useTranslation();
  const zone = useTimeZone();
  // Cursors of the pages seen so far: going back needs no server support.
  const cursors = useKeysetCursors();
  const after = cursors.after;
  // Enum values come from the URL as text: the gateway refuses one it lacks, naming the field (shown below).
  const input = drillFilterInput(filter);
  const q = useQuery(TOUCHPOINTS, { skip: !input.ok, variables: { unitId, from, to, first: PAGE, after, filter: input.ok ? (input.filter as TouchpointFilter) : null } });
  const problem = input.ok ? problemOf(q.error) : { code: 'BAD_USER_INPUT', message: input.message, field: input.field };
  const conn = q.data?.touchpoints;
  return (
    <section className="panel" data-testid="touchpoints-panel">
      <div className="panel-head wrap">
        <h2>
          {t('unit.touchpoints')}{' '}
          {conn && (
            <span className="drill-total" data-testid="touchpoints-total" data-total={conn.totalCount}>
              {t('drill.total', { count: conn.totalCount })}
            </span>
          )}
        </h2>
        <DownloadCsv list="touchpoints" params={{ unitId, from, to, ...filter }} />
      </div>
      {chips}
      {problem ? (
        <ProblemBox problem={problem} onRetry={input.ok ? () => void q.refetch() : undefined} />
      ) : !conn ? (
        <Loading />
      ) : conn.edges.length === 0 ? (
        <Empty>{t('drill.none')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table compact" data-testid="touchpoints-table">
            <thead>
              <tr>
                <th>
                  {t('tp.occurredAtLocal')} <span className="muted small">({zone})</span>
                </th>
                <th>{t('tp.unit')}</th>
                <th>{t('tp.customer')}</th>
                <th>{t('field.channel')}</th>
                <th>{t('field.needCategory')}</th>
                <th>{t('field.action')}</th>
                <th>{t('tp.agent')}</th>
                <th>{t('field.resolved')}</th>
                <th className="num">{t('field.score')}</th>
              </tr>
            </thead>
            <tbody>
              {conn.edges.map(({ node: n }) => (
                <tr key={n.id} data-testid="touchpoint-row" data-id={n.id}>
                  <td className="nowrap" title={n.occurredAt}>
                    {fmtZoned(n.occurredAt, zone)}
                  </td>
                  <td className="clip-s" title={n.unit.name}>
                    {n.unit.name}
                  </td>
                  <td className="clip-s" title={n.customerId}>
                    <a href={customerHref(n.customerId)} data-testid="touchpoint-customer">
                      {n.customerId}
                    </a>
                  </td>
                  <td>{t(`enum.channel.${n.channel}`)}</td>
                  <td title={n.needDescription ?? undefined}>{t(`enum.need.${n.needCategory}`)}</td>
                  <td className="clip" title={n.serviceAction ?? undefined}>
                    {n.serviceAction ?? <span className="muted">—</span>}
                  </td>
                  <td className="clip-s">{n.agentId ?? <span className="muted">—</span>}</td>
                  <td>{n.resolved == null ? '—' : n.resolved ? '✓' : '✗'}</td>
                  <td className="num">{n.satisfaction?.score ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager cursors={cursors} pageInfo={conn?.pageInfo} testIds={{ older: 'touchpoints-next' }} />
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { fmtCount, fmtUtc } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { TOUCHPOINTS, type MeasureData } from './gateway-api';

interface Props {
  unitId: string;
  from: string;
  to: string;
  measure?: MeasureData | null;
  /** Only the touchpoints of this perception point (a short-board row's click-through). */
  perceptionPoint?: string | null;
  onClose: () => void;
}

const PAGE = 25;

/** The touchpoints behind a number: the unit's subtree in the window, newest first, a page at a time. */
export function TouchpointsPanel({ unitId, from, to, measure, perceptionPoint, onClose }: Props): ReactNode {
  const { t } = useTranslation();
  // Cursors of the pages seen so far: going back needs no server support.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const filter = perceptionPoint ? { perceptionPoint } : null;
  const q = useQuery(TOUCHPOINTS, { variables: { unitId, from, to, first: PAGE, after, filter } });
  const problem = problemOf(q.error);
  const conn = q.data?.touchpoints;
  return (
    <section className="panel" data-testid="touchpoints-panel">
      <div className="panel-head">
        <h2>
          {t('unit.touchpoints')}
          {measure && (
            <span className="muted small">
              {' '}
              · {t(`measureName.${measure.key}`, { defaultValue: measure.key })} {fmtCount(measure.numerator)} / {fmtCount(measure.denominator)}
            </span>
          )}
          {perceptionPoint && (
            <span className="muted small" data-testid="touchpoints-filter">
              {' '}
              · {t('shortBoard.point')} <code>{perceptionPoint}</code>
            </span>
          )}
          {conn && (
            <span className="muted small" data-testid="touchpoints-total">
              {' '}
              · {t('score.touchpoints', { count: conn.totalCount })}
            </span>
          )}
        </h2>
        <button type="button" className="link" onClick={onClose}>
          {t('agent.cancel')} ✕
        </button>
      </div>
      {measure && <p className="muted small">{t('unit.behindMeasure')}</p>}
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !conn ? (
        <Loading />
      ) : conn.edges.length === 0 ? (
        <Empty>{t('unit.noTouchpoints')}</Empty>
      ) : (
        <table className="table compact" data-testid="touchpoints-table">
          <thead>
            <tr>
              <th>{t('tp.occurredAt')}</th>
              <th>{t('tp.unit')}</th>
              <th>{t('tp.customer')}</th>
              <th>{t('field.channel')}</th>
              <th>{t('field.needCategory')}</th>
              <th>{t('field.action')}</th>
              <th>{t('field.resolved')}</th>
              <th className="num">{t('field.score')}</th>
              <th>{t('tp.receivedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {conn.edges.map(({ node: n }) => (
              <tr key={n.id} data-testid="touchpoint-row">
                <td className="nowrap">{fmtUtc(n.occurredAt)}</td>
                <td className="clip-s" title={n.unit.name}>{n.unit.name}</td>
                <td className="clip-s" title={n.customerId}>{n.customerId}</td>
                <td>{t(`enum.channel.${n.channel}`)}</td>
                <td title={n.needDescription ?? undefined}>{t(`enum.need.${n.needCategory}`)}</td>
                <td className="clip" title={n.serviceAction ?? undefined}>
                  {n.serviceAction ?? <span className="muted">—</span>}
                </td>
                <td>{n.resolved == null ? '—' : n.resolved ? '✓' : '✗'}</td>
                <td className="num">{n.satisfaction?.score ?? '—'}</td>
                <td className="nowrap muted">{fmtUtc(n.receivedAt).slice(11)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button type="button" className="small" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          ← {t('pager.newer')}
        </button>
        <span className="muted small">{t('pager.page', { page: cursors.length })}</span>
        <button type="button" className="small" disabled={!conn?.pageInfo.hasNextPage} onClick={() => conn?.pageInfo.endCursor && setCursors((c) => [...c, conn.pageInfo.endCursor])} data-testid="touchpoints-next">
          {t('pager.older')} →
        </button>
      </div>
    </section>
  );
}

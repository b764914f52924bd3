import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { touchpointsHref } from '../routing/touchpoints-link';
import { fmtCount } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { fmtIndicator } from './indicator-format';
import { PERCEPTION_POINTS_PANEL, type PointScore } from './indicators-api';
import type { UnitWindow } from './window';

interface Props {
  unitId: string;
  window: UnitWindow;
}

/**
 * The touchpoints that belong to a perception point, in the unit view's window
 * (the drill-down's perceptionPoint filter), on #/unit/<id>/touchpoints.
 */
export function pointTouchpointsHref(unitId: string, code: string, w: Pick<UnitWindow, 'preset' | 'from' | 'to'>): string {
  return touchpointsHref(unitId, { perceptionPoint: code }, w);
}

/** A point's name in the console's language (the catalogue may give a Chinese one). */
export const pointName = (p: PointScore['point'], lang: string): string => (lang.startsWith('zh') && p.nameZh ? p.nameZh : p.name);

/**
 * Perception points ranked by impact (MANAGEMENT-MODEL.md §5), as the gateway
 * ranks them; short boards marked and named first. Each row opens the
 * touchpoints behind it.
 */
export function ShortBoardPanel({ unitId, window: w }: Props): ReactNode {
  const { t, i18n } = useTranslation();
  const q = useQuery(PERCEPTION_POINTS_PANEL, { variables: { unitId, from: w.from, to: w.to }, fetchPolicy: 'cache-and-network' });
  const problem = problemOf(q.error);
  const data = q.dataState === 'complete' ? q.data : undefined;
  const rows = (data?.perceptionPoints ?? []).filter((p) => p.touchpoints > 0);
  const boards = rows.filter((p) => p.shortBoard);
  const quiet = (data?.perceptionPoints.length ?? 0) - rows.length;
  return (
    <section className="panel short-board-panel" data-testid="short-board-panel">
      <div className="panel-head">
        <h2>{t('shortBoard.title')}</h2>
        <span className="muted small">{t('shortBoard.hint')}</span>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{data.perceptionPoints.length === 0 ? t('shortBoard.noCatalogue') : t('shortBoard.noTouchpoints')}</Empty>
      ) : (
        <>
          <p className="short-board-summary" data-testid="short-board-summary">
            {boards.length === 0
              ? t('shortBoard.none')
              : t('shortBoard.summary', { count: boards.length, names: boards.map((b) => pointName(b.point, i18n.language)).join(i18n.language.startsWith('zh') ? '、' : ', ') })}
          </p>
          <div className="table-scroll">
            <table className="table short-board-table" data-testid="short-board-table">
              <thead>
                <tr>
                  <th className="num">{t('score.rank')}</th>
                  <th>{t('shortBoard.point')}</th>
                  <th className="num">{t('shortBoard.touchpoints')}</th>
                  <th className="num">{t('shortBoard.rated')}</th>
                  <th className="num">{t('shortBoard.csat')}</th>
                  <th className="num">{t('shortBoard.target')}</th>
                  <th className="num">{t('shortBoard.lowRatings')}</th>
                  <th className="num">{t('shortBoard.impact')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p, i) => (
                  <tr key={p.point.code} className={p.shortBoard ? 'short-board' : ''} data-testid="short-board-row" data-code={p.point.code} data-short-board={p.shortBoard}>
                    <td className="num rank">{i + 1}</td>
                    <td>
                      <a href={pointTouchpointsHref(unitId, p.point.code, w)} data-testid="short-board-link">
                        {pointName(p.point, i18n.language)}
                      </a>{' '}
                      {p.shortBoard && <span className="pill short-board-pill">{t('shortBoard.badge')}</span>}
                      <div className="muted small">{p.point.needCategories.map((n) => t(`enum.need.${n}`)).join(' · ')}</div>
                    </td>
                    <td className="num" data-testid="short-board-touchpoints">
                      {p.touchpoints}
                    </td>
                    <td className="num">{p.rated}</td>
                    <td className="num" data-testid="short-board-csat">
                      {fmtIndicator(p.csat, 'ratio')}
                    </td>
                    <td className="num muted">{fmtIndicator(p.point.target, 'ratio')}</td>
                    <td className="num">{p.lowRatings}</td>
                    <td className="num strong" data-testid="short-board-impact">
                      {fmtCount(p.impact)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {quiet > 0 && <p className="muted small">{t('shortBoard.quiet', { count: quiet })}</p>}
        </>
      )}
    </section>
  );
}

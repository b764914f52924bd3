import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { fmtCount } from '../ui/format';
import { Loading, ProblemBox } from '../ui/states';
import { fmtDelta, fmtIndicator, trendOf } from './indicator-format';
import { INDICATORS_PANEL, type IndicatorRow, type TargetRow } from './indicators-api';
import { TargetCell } from './target-cell';

interface Props {
  unitId: string;
  from: string;
  to: string;
}

// Seed 003: assess mainly by KCI and KQI, with KPI as support — so they come first.
const GROUPS = ['KCI', 'KQI', 'KPI'] as const;

/**
 * The unit's indicators (MANAGEMENT-MODEL.md §4) grouped by class: value with
 * numerator / denominator, target and where it comes from, the window before
 * and the change, and the status the gateway gave (neutral without data or target).
 */
export function IndicatorsPanel({ unitId, from, to }: Props): ReactNode {
  const { t } = useTranslation();
  const q = useQuery(INDICATORS_PANEL, { variables: { unitId, from, to }, fetchPolicy: 'cache-and-network' });
  const problem = problemOf(q.error);
  const data = q.dataState === 'complete' ? q.data : undefined;
  const targets = new Map((data?.targets ?? []).map((x) => [x.key, x]));
  return (
    <section className="panel indicators-panel" data-testid="indicators-panel">
      <div className="panel-head">
        <h2>{t('indicators.title')}</h2>
        <span className="muted small">{t('indicators.hint')}</span>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <div className="indicator-groups">
          {GROUPS.map((cls) => (
            <IndicatorGroup key={cls} cls={cls} rows={data.indicators.filter((i) => i.class === cls)} targets={targets} unitId={unitId} onSaved={() => void q.refetch()} />
          ))}
        </div>
      )}
    </section>
  );
}

function IndicatorGroup({ cls, rows, targets, unitId, onSaved }: { cls: string; rows: IndicatorRow[]; targets: Map<string, TargetRow>; unitId: string; onSaved: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className={`indicator-group class-${cls}`} data-testid={`indicators-${cls}`}>
      <h3>
        {cls} <span className="muted small">{t(`indicators.class.${cls}`)}</span>
      </h3>
      <div className="table-scroll">
        <table className="table indicators-table">
          <thead>
            <tr>
              <th>{t('indicators.indicator')}</th>
              <th className="num">{t('indicators.value')}</th>
              <th className="num">{t('indicators.fraction')}</th>
              <th>{t('indicators.target')}</th>
              <th className="num">{t('indicators.previous')}</th>
              <th className="num">{t('indicators.delta')}</th>
              <th>{t('indicators.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => {
              const trend = trendOf(i.value, i.previous, i.higherIsBetter);
              const status = i.status ?? 'NONE';
              return (
                <tr key={i.key} className={`status-row status-${status}`} data-testid={`indicator-${i.key}`} data-status={status}>
                  <td>
                    <strong>{t(`indicatorName.${i.key}`, { defaultValue: i.key })}</strong> <code className="muted small">{i.key}</code>
                    <span className="muted small" title={t(i.higherIsBetter ? 'indicators.higherBetter' : 'indicators.lowerBetter')}>
                      {' '}
                      {i.higherIsBetter ? '↑' : '↓'}
                    </span>
                  </td>
                  <td className="num strong" data-testid={`indicator-${i.key}-value`}>
                    {fmtIndicator(i.value, i.measureUnit)}
                  </td>
                  <td className="num muted small" data-testid={`indicator-${i.key}-fraction`}>
                    {fmtCount(i.numerator)} / {fmtCount(i.denominator)}
                  </td>
                  <td>
                    <TargetCell unitId={unitId} indicator={i} target={targets.get(i.key)} onSaved={onSaved} />
                  </td>
                  <td className="num" data-testid={`indicator-${i.key}-previous`}>
                    {fmtIndicator(i.previous, i.measureUnit)}
                  </td>
                  <td className={`num delta-${trend ?? 'none'}`} data-testid={`indicator-${i.key}-delta`}>
                    {fmtDelta(i.value, i.previous, i.measureUnit)}
                  </td>
                  <td>
                    <StatusPill status={i.status} hasValue={i.value != null} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** GREEN / AMBER / RED as the gateway judged it; neutral when there is no value or no target. */
export function StatusPill({ status, hasValue }: { status: string | null | undefined; hasValue: boolean }): ReactNode {
  const { t } = useTranslation();
  const label = status ? t(`status.${status}`) : hasValue ? t('status.noTarget') : t('status.noData');
  return (
    <span className={`status-pill status-${status ?? 'NONE'}`} data-testid="status-pill">
      {label}
    </span>
  );
}

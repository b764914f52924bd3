import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SLICE_DIMENSIONS, UNKNOWN_SLICE, type SliceDimension } from '@qihe/domain';
import { problemOf } from '../api/errors';
import { sliceFilter, touchpointsHref } from '../routing/touchpoints-link';
import { DownloadCsv } from '../ui/download-csv';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { BREAKDOWN } from './gateway-api';
import { ScoresTable } from './scores-table';
import { previousWindow, type UnitWindow } from './window';

interface Props {
  unitId: string;
  win: UnitWindow;
  by: SliceDimension;
  onBy: (by: SliceDimension) => void;
}

const ENUM_PREFIX: Partial<Record<SliceDimension, string>> = { CHANNEL: 'channel', KIND: 'kind', STAGE: 'stage', NEED_CATEGORY: 'need' };

/**
 * The unit's score sliced by one dimension: one row per value present in the
 * window, each against the same value in the previous window, its count a link
 * to exactly the touchpoints of that slice.
 */
export function BreakdownPanel({ unitId, win, by, onBy }: Props): ReactNode {
  const { t } = useTranslation();
  const { from, to } = win;
  const q = useQuery(BREAKDOWN, { variables: { unitId, from, to, by } });
  const prev = useQuery(BREAKDOWN, { variables: { unitId, ...previousWindow(win), by } });
  const problem = problemOf(q.error);
  const label = (value: string): string => {
    if (value === UNKNOWN_SLICE) return t('slice.unknown');
    const prefix = ENUM_PREFIX[by];
    return prefix ? t(`enum.${prefix}.${value}`, { defaultValue: value }) : value;
  };
  const before = new Map((prev.data?.engagementBreakdown ?? []).map((r) => [r.value, r.score]));
  const rows = [...(q.data?.engagementBreakdown ?? [])].sort((a, b) => b.score.touchpoints - a.score.touchpoints);
  const hrefOf = (value: string): string | null => {
    const f = sliceFilter(by, value);
    return f && touchpointsHref(unitId, f, win);
  };
  return (
    <section className="panel" data-testid="breakdown">
      <div className="panel-head wrap">
        <h2>{t('unit.breakdown')}</h2>
        <DownloadCsv list="breakdown" params={{ unitId, from, to, by }} />
      </div>
      <div className="seg small seg-wrap">
        {SLICE_DIMENSIONS.map((d) => (
          <button key={d} type="button" className={d === by ? 'active' : ''} onClick={() => onBy(d)} data-testid={`by-${d}`}>
            {t(`dimension.${d}`)}
          </button>
        ))}
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('unit.noTouchpoints')}</Empty>
      ) : (
        <ScoresTable
          testId="breakdown-table"
          withPrevious={!!prev.data}
          rows={rows.map((r) => {
            const href = hrefOf(r.value);
            return {
              key: r.value,
              label: href ? <a href={href}>{label(r.value)}</a> : label(r.value),
              score: r.score,
              previous: prev.data ? (before.get(r.value) ?? null) : undefined,
              href,
            };
          })}
        />
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SLICE_DIMENSIONS, UNKNOWN_SLICE, type SliceDimension } from '@qihe/domain';
import { problemOf } from '../api/errors';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { BREAKDOWN } from './gateway-api';
import { ScoresTable } from './scores-table';

interface Props {
  unitId: string;
  from: string;
  to: string;
  by: SliceDimension;
  onBy: (by: SliceDimension) => void;
}

const ENUM_PREFIX: Partial<Record<SliceDimension, string>> = { CHANNEL: 'channel', KIND: 'kind', STAGE: 'stage', NEED_CATEGORY: 'need' };

/** The unit's score sliced by one dimension: one row per value present in the window. */
export function BreakdownPanel({ unitId, from, to, by, onBy }: Props): ReactNode {
  const { t } = useTranslation();
  const q = useQuery(BREAKDOWN, { variables: { unitId, from, to, by } });
  const problem = problemOf(q.error);
  const label = (value: string): string => {
    if (value === UNKNOWN_SLICE) return t('slice.unknown');
    const prefix = ENUM_PREFIX[by];
    return prefix ? t(`enum.${prefix}.${value}`, { defaultValue: value }) : value;
  };
  const rows = [...(q.data?.engagementBreakdown ?? [])].sort((a, b) => b.score.touchpoints - a.score.touchpoints);
  return (
    <section className="panel" data-testid="breakdown">
      <div className="panel-head">
        <h2>{t('unit.breakdown')}</h2>
        <div className="seg small">
          {SLICE_DIMENSIONS.map((d) => (
            <button key={d} type="button" className={d === by ? 'active' : ''} onClick={() => onBy(d)} data-testid={`by-${d}`}>
              {t(`dimension.${d}`)}
            </button>
          ))}
        </div>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('unit.noTouchpoints')}</Empty>
      ) : (
        <ScoresTable testId="breakdown-table" rows={rows.map((r) => ({ key: r.value, label: label(r.value), score: r.score }))} />
      )}
    </section>
  );
}

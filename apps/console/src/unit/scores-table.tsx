import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAINS } from '@qihe/domain';
import { fmtScore } from '../ui/format';
import type { EngagementScoreData } from './gateway-api';

export interface ScoreRow {
  key: string;
  label: ReactNode;
  score: EngagementScoreData;
}

interface Props {
  rows: ScoreRow[];
  /** Rank rows by overall score (best first, absent scores last). */
  ranked?: boolean;
  testId: string;
}

const byOverall = (a: ScoreRow, b: ScoreRow): number => (b.score.overall ?? -1) - (a.score.overall ?? -1);

/** Units or slices side by side: touchpoints, overall and the four chains. */
export function ScoresTable({ rows, ranked, testId }: Props): ReactNode {
  const { t } = useTranslation();
  const shown = ranked ? [...rows].sort(byOverall) : rows;
  return (
    <table className="table scores-table" data-testid={testId}>
      <thead>
        <tr>
          {ranked && <th className="num">{t('score.rank')}</th>}
          <th />
          <th className="num">{t('score.touchpointsShort')}</th>
          <th className="num">{t('score.overall')}</th>
          {CHAINS.map((c) => (
            <th key={c} className="num">
              {t(`chainShort.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((r, i) => (
          <tr key={r.key} data-testid={`${testId}-row`}>
            {ranked && <td className="num rank">{r.score.overall == null ? '—' : i + 1}</td>}
            <td>{r.label}</td>
            <td className="num">{r.score.touchpoints}</td>
            <td className="num strong">{fmtScore(r.score.overall)}</td>
            {CHAINS.map((c) => (
              <td key={c} className="num">
                {fmtScore(r.score.chains.find((x) => x.chain === c)?.score)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHAINS, type TrendInterval } from '@qihe/domain';
import { problemOf } from '../api/errors';
import { fmtScore } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { TREND } from './gateway-api';

interface Props {
  unitId: string;
  from: string;
  to: string;
  interval: TrendInterval;
}

export const CHAIN_COLORS: Record<string, string> = { overall: '#1f2937', VALUE: '#c2410c', BUSINESS: '#1d4ed8', KNOWLEDGE: '#15803d', DATA: '#7e22ce' };

/** Overall and chain scores per interval, as engagementTrend returns them; absent points leave gaps. */
export function TrendChart({ unitId, from, to, interval }: Props): ReactNode {
  const { t } = useTranslation();
  const q = useQuery(TREND, { variables: { unitId, from, to, interval } });
  const problem = problemOf(q.error);
  const points = (q.data?.engagementTrend ?? []).map((s) => ({
    at: s.from,
    touchpoints: s.touchpoints,
    overall: s.overall,
    ...Object.fromEntries(s.chains.map((c) => [c.chain, c.score])),
  }));
  // Sparse series (few scored points) need dots, or a lone point would not show at all.
  const dots = points.filter((p) => p.overall != null).length <= 48 ? { r: 2 } : false;
  const tick = (isoString: string): string => (interval === 'HOUR' ? isoString.slice(11, 16) : isoString.slice(5, 10));
  return (
    <section className="panel" data-testid="trend">
      <div className="panel-head">
        <h2>{t('unit.trend')}</h2>
        <span className="muted small">{t(`interval.${interval}`)} · UTC</span>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : points.every((p) => p.touchpoints === 0) ? (
        <Empty>{t('unit.noTouchpoints')}</Empty>
      ) : (
        <div className="chart" data-testid="trend-chart">
          <ResponsiveContainer width="100%" height={230}>
            <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -18 }}>
              <CartesianGrid stroke="#e5e7eb" vertical={false} />
              <XAxis dataKey="at" tickFormatter={tick} fontSize={11} minTickGap={24} />
              <YAxis domain={[0, 100]} fontSize={11} />
              <Tooltip
                labelFormatter={(v) => `${String(v).replace('T', ' ').slice(0, 16)} UTC`}
                formatter={(v, name) => [fmtScore(typeof v === 'number' ? v : null), name === 'overall' ? t('score.overall') : t(`chain.${String(name)}`)]}
              />
              <Legend formatter={(name: string) => (name === 'overall' ? t('score.overall') : t(`chainShort.${name}`))} wrapperStyle={{ fontSize: 12 }} />
              <Line type="linear" dataKey="overall" stroke={CHAIN_COLORS.overall} strokeWidth={2.5} dot={dots} isAnimationActive={false} />
              {CHAINS.map((c) => (
                <Line key={c} type="linear" dataKey={c} stroke={CHAIN_COLORS[c]} strokeWidth={1.3} dot={dots} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}

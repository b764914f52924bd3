import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHAINS, type TrendInterval } from '@qihe/domain';
import { problemOf } from '../api/errors';
import { DownloadCsv } from '../ui/download-csv';
import { fmtScore } from '../ui/format';
import { MIN_SAMPLE, tooFew } from '../ui/sample';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { fmtZoned, fmtZonedTick, useTimeZone } from '../ui/time-zone';
import { TREND } from './gateway-api';

interface Props {
  unitId: string;
  from: string;
  to: string;
  interval: TrendInterval;
}

export const CHAIN_COLORS: Record<string, string> = { overall: '#1f2937', VALUE: '#c2410c', BUSINESS: '#1d4ed8', KNOWLEDGE: '#15803d', DATA: '#7e22ce' };

interface Point {
  at: string;
  to: string;
  touchpoints: number;
  overall: number | null;
  [chain: string]: number | string | null;
}

/**
 * Overall and chain scores per interval, as engagementTrend returns them; absent
 * points leave gaps. Days and weeks start at midnight in the console's time zone
 * (the gateway buckets them: engagementTrend timeZone) and every label is local.
 * Points over fewer than MIN_SAMPLE touchpoints are drawn hollow and say so.
 */
export function TrendChart({ unitId, from, to, interval }: Props): ReactNode {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const q = useQuery(TREND, { variables: { unitId, from, to, interval, timeZone: zone } });
  const problem = problemOf(q.error);
  const points: Point[] = (q.data?.engagementTrend ?? []).map((s) => ({
    at: s.from,
    to: s.to,
    touchpoints: s.touchpoints,
    overall: s.overall,
    ...Object.fromEntries(s.chains.map((c) => [c.chain, c.score])),
  }));
  const few = points.filter((p) => p.touchpoints > 0 && tooFew(p.touchpoints)).length;
  // Sparse series (few scored points) need dots, or a lone point would not show at all.
  const dotted = points.filter((p) => p.overall != null).length <= 48;
  const overallDot = (props: { cx?: number; cy?: number; payload?: Point; index?: number }): ReactNode => {
    const { cx, cy, payload, index } = props;
    if (cx == null || cy == null || !payload || payload.overall == null) return <g key={index} />;
    const hollow = tooFew(payload.touchpoints);
    if (!dotted && !hollow) return <g key={index} />;
    return <circle key={index} cx={cx} cy={cy} r={hollow ? 3.5 : 2.5} fill={hollow ? '#fff' : CHAIN_COLORS.overall} stroke={CHAIN_COLORS.overall} strokeWidth={1.3} />;
  };
  const hourly = interval === 'HOUR';
  return (
    <section className="panel" data-testid="trend">
      <div className="panel-head wrap">
        <h2>{t('unit.trend')}</h2>
        <span className="muted small" data-testid="trend-zone">
          {t(`interval.${interval}`)} · {zone}
        </span>
        <DownloadCsv list="trend" params={{ unitId, from, to, interval, timeZone: zone }} />
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : points.every((p) => p.touchpoints === 0) ? (
        <Empty>{t('unit.noTouchpoints')}</Empty>
      ) : (
        <div className="chart" data-testid="trend-chart" data-ticks={points.map((p) => fmtZonedTick(p.at, zone, hourly)).join(',')}>
          <ResponsiveContainer width="100%" height={230}>
            <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -18 }}>
              <CartesianGrid stroke="#e5e7eb" vertical={false} />
              <XAxis dataKey="at" tickFormatter={(v: string) => fmtZonedTick(v, zone, hourly)} fontSize={11} minTickGap={24} />
              <YAxis domain={[0, 100]} fontSize={11} />
              <Tooltip
                content={({ active, payload }) => {
                  const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
                  if (!p) return null;
                  return (
                    <div className="chart-tip" data-testid="trend-tooltip">
                      <strong>
                        {fmtZoned(p.at, zone)} – {fmtZoned(p.to, zone).slice(hourly ? 11 : 0)}
                      </strong>
                      <div className={tooFew(p.touchpoints) ? 'too-few' : 'muted'}>
                        n = {p.touchpoints}
                        {tooFew(p.touchpoints) && ` · ${t('sample.tooFew')}`}
                      </div>
                      {['overall', ...CHAINS].map((k) => (
                        <div key={k} style={{ color: CHAIN_COLORS[k] }}>
                          {k === 'overall' ? t('score.overall') : t(`chain.${k}`)}: {fmtScore(p[k] as number | null)}
                        </div>
                      ))}
                    </div>
                  );
                }}
              />
              <Legend formatter={(name: string) => (name === 'overall' ? t('score.overall') : t(`chainShort.${name}`))} wrapperStyle={{ fontSize: 12 }} />
              <Line type="linear" dataKey="overall" stroke={CHAIN_COLORS.overall} strokeWidth={2.5} dot={overallDot} isAnimationActive={false} />
              {CHAINS.map((c) => (
                <Line key={c} type="linear" dataKey={c} stroke={CHAIN_COLORS[c]} strokeWidth={1.3} dot={dotted ? { r: 2 } : false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
          {few > 0 && (
            <p className="muted small" data-testid="trend-few">
              {t('sample.fewPoints', { count: few, min: MIN_SAMPLE })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CHAINS, SLICE_DIMENSIONS, type Chain, type SliceDimension } from '@qihe/domain';
import { problemOf } from '../api/errors';
import { buildHash, navigate } from '../routing/hash-route';
import { touchpointsHref } from '../routing/touchpoints-link';
import { DownloadCsv } from '../ui/download-csv';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { TimeZonePicker } from '../ui/time-zone-picker';
import { useTimeZone } from '../ui/time-zone';
import { AtRiskPanel } from './at-risk-panel';
import { BreakdownPanel } from './breakdown-panel';
import { EngagementTypesPanel } from './engagement-types-panel';
import { ORG_UNITS, UNIT_SCORES } from './gateway-api';
import { IndicatorsPanel } from './indicators-panel';
import { MeasuresTable } from './measures-table';
import { OrgTreeNav } from './org-tree-nav';
import { ScorePanel } from './score-panel';
import { ScoresTable } from './scores-table';
import { ShortBoardPanel } from './short-board-panel';
import { TrendChart } from './trend-chart';
import { previousWindow, windowFromParams, windowParams, type UnitWindow } from './window';
import { WindowPicker } from './window-picker';

interface Props {
  unitId: string;
  params: URLSearchParams;
}

/**
 * One unit over one window: its scores and chains, its children ranked, its
 * slices, its trend, and the touchpoints behind a measure. Everything is in the
 * URL (#/unit/<id>?window=7d&chain=VALUE…), and the gateway decides what the
 * caller may see: a unit outside their scope shows the server's refusal.
 */
export function UnitView({ unitId, params }: Props): ReactNode {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const win = windowFromParams(params, Date.now(), zone);
  const org = useQuery(ORG_UNITS, { fetchPolicy: 'cache-first' });
  const chain = (CHAINS as readonly string[]).includes(params.get('chain') ?? '') ? (params.get('chain') as Chain) : null;
  const measureKey = params.get('measure');
  const by = (SLICE_DIMENSIONS as readonly string[]).includes(params.get('by') ?? '') ? (params.get('by') as SliceDimension) : 'CHANNEL';

  // Keeps the other params, changes some; the window is re-derived from `w` when given.
  const go = (changes: Record<string, string | null>, target = unitId, w?: Pick<UnitWindow, 'preset' | 'from' | 'to'>): void => {
    const next: Record<string, string | null | undefined> = Object.fromEntries(params.entries());
    if (w) {
      delete next.from;
      delete next.to;
      Object.assign(next, windowParams(w));
    }
    navigate(buildHash(['unit', target], { ...next, ...changes }));
  };
  const hrefOf = (id: string): string => buildHash(['unit', id], { ...windowParamsOf(params), by: params.get('by') });

  const vars = win.ok ? { unitId, from: win.window.from, to: win.window.to } : { unitId, from: '', to: '' };
  const scores = useQuery(UNIT_SCORES, { skip: !win.ok, variables: vars });
  // The previous window of the same length, for the deltas beside every score.
  const before = useQuery(UNIT_SCORES, { skip: !win.ok, variables: win.ok ? { unitId, ...previousWindow(win.window) } : vars });
  const prev = before.dataState === 'complete' ? before.data : undefined;
  const drill = (id: string, filter: Parameters<typeof touchpointsHref>[1] = {}): string => (win.ok ? touchpointsHref(id, filter, win.window) : '');
  const problem = problemOf(scores.error);
  const data = scores.dataState === 'complete' ? scores.data : undefined;
  const here = data?.engagementScore;
  const childScores = data?.engagementScores ?? [];
  const selectedChain = here?.chains.find((c) => c.chain === chain) ?? null;
  const unitName = org.data?.orgUnits.find((u) => u.id === unitId)?.name ?? here?.unit.name ?? unitId;

  return (
    <div className="unit-view" data-testid="unit-view">
      <aside className="sidebar">
        <h2 className="small-caps">{t('unit.tree')}</h2>
        {org.data ? (
          <OrgTreeNav units={org.data.orgUnits} currentId={unitId} hrefOf={hrefOf} />
        ) : org.error ? (
          <ProblemBox problem={problemOf(org.error) ?? { code: 'ERROR', message: '' }} onRetry={() => void org.refetch()} />
        ) : (
          <Loading />
        )}
      </aside>
      <div className="unit-main">
        <div className="unit-head">
          <div>
            <h1 data-testid="unit-name">{unitName}</h1>
            <code className="muted small">{unitId}</code>
          </div>
          <div className="unit-controls">
            <WindowPicker
              key={win.ok ? `${win.window.preset}${win.window.from}` : 'bad'}
              current={win.ok ? win.window : { preset: 'custom', from: params.get('from') ?? '', to: params.get('to') ?? '' }}
              onChange={(w) => go({}, unitId, w)}
            />
            <TimeZonePicker />
          </div>
        </div>
        {!win.ok && <ProblemBox problem={{ code: 'BAD_USER_INPUT', message: win.message, field: win.field }} />}
        {win.ok && problem && <ProblemBox problem={problem} onRetry={() => void scores.refetch()} />}
        {win.ok && !problem && !here && <Loading />}
        {win.ok && here && (
          <>
            <ScorePanel
              score={here}
              previous={prev ? prev.engagementScore : undefined}
              selectedChain={chain}
              onSelectChain={(c) => go({ chain: c === chain ? null : c, measure: null })}
              touchpointsHref={drill(unitId)}
            />
            <EngagementTypesPanel key={`types|${unitId}|${win.window.from}|${win.window.to}`} unitId={unitId} from={win.window.from} to={win.window.to} />
            {here.touchpoints === 0 && <Empty>{t('unit.noTouchpoints')}</Empty>}
            {selectedChain && (
              <section className="panel">
                <MeasuresTable
                  chain={selectedChain}
                  previous={prev ? (prev.engagementScore.chains.find((c) => c.chain === chain) ?? null) : undefined}
                  selectedMeasure={measureKey}
                  hrefOf={(measure, part) => drill(unitId, { measure, part })}
                />
              </section>
            )}
            <IndicatorsPanel key={`ind|${unitId}|${win.window.from}|${win.window.to}`} unitId={unitId} from={win.window.from} to={win.window.to} />
            <ShortBoardPanel key={`pp|${unitId}|${win.window.from}|${win.window.to}`} unitId={unitId} window={win.window} />
            <div className="two-cols">
              <section className="panel" data-testid="children">
                <div className="panel-head wrap">
                  <h2>{t('unit.children')}</h2>
                  <DownloadCsv list="children" params={{ parentId: unitId, from: win.window.from, to: win.window.to }} />
                </div>
                {childScores.length === 0 ? (
                  <Empty>{t('unit.noChildren')}</Empty>
                ) : (
                  <ScoresTable
                    ranked
                    testId="children-table"
                    withPrevious={!!prev}
                    rows={childScores.map((s) => ({
                      key: s.unit.id,
                      score: s,
                      previous: prev ? (prev.engagementScores.find((p) => p.unit.id === s.unit.id) ?? null) : undefined,
                      href: drill(s.unit.id),
                      label: <a href={hrefOf(s.unit.id)}>{s.unit.name}</a>,
                    }))}
                  />
                )}
              </section>
              <TrendChart unitId={unitId} from={win.window.from} to={win.window.to} interval={win.window.interval} />
            </div>
            <BreakdownPanel unitId={unitId} win={win.window} by={by} onBy={(d) => go({ by: d })} />
            <AtRiskPanel unitId={unitId} />
          </>
        )}
      </div>
    </div>
  );
}

function windowParamsOf(params: URLSearchParams): Record<string, string | null> {
  return { window: params.get('window'), from: params.get('from'), to: params.get('to') };
}

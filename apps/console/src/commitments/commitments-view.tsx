import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { buildHash, navigate } from '../routing/hash-route';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { ORG_UNITS } from '../unit/gateway-api';
import { windowFromParams, windowParams, type UnitWindow } from '../unit/window';
import { WindowPicker } from '../unit/window-picker';
import { BoardCounts } from './board-counts';
import { statesFromParam } from './board-parts';
import { CommitmentList } from './commitment-list';
import { CommitmentTrace } from './commitment-trace';
import { PERFORMANCE } from './commitments-api';
import { PerformanceTable } from './performance-table';

interface Props {
  unitId: string;
  /** #/commitments/<unit>/trace/<id>: one promise traced down to the step that broke it. */
  traceId?: string;
  params: URLSearchParams;
}

/**
 * A unit head's commitments board: open / at risk / breached now, kept rate per
 * code, and the promises filterable by state, each traced to the step and the
 * unit that broke it. `?owned=1` is the owner view: the steps this unit owns
 * and the promises they broke. Everything is in the URL
 * (#/commitments/<unit>?window=7d&owned=1&state=BREACHED).
 */
export function CommitmentsView({ unitId, traceId, params }: Props): ReactNode {
  const { t } = useTranslation();
  const org = useQuery(ORG_UNITS, { fetchPolicy: 'cache-first' });
  // Promises run for days: the board looks back a week unless told otherwise.
  const withDefault = new URLSearchParams(params);
  if (!withDefault.get('window')) withDefault.set('window', '7d');
  const win = windowFromParams(withDefault, Date.now());
  const owned = params.get('owned') === '1';
  const states = statesFromParam(params.get('state'));
  const unitName = org.data?.orgUnits.find((u) => u.id === unitId)?.name ?? unitId;

  const go = (changes: Record<string, string | null>, w?: Pick<UnitWindow, 'preset' | 'from' | 'to'>): void => {
    const next: Record<string, string | null | undefined> = Object.fromEntries(withDefault.entries());
    if (w) {
      delete next.from;
      delete next.to;
      Object.assign(next, windowParams(w));
    }
    navigate(buildHash(['commitments', unitId], { ...next, ...changes }));
  };
  const hrefWith = (changes: Record<string, string | null>): string => buildHash(['commitments', unitId], { ...Object.fromEntries(withDefault.entries()), ...changes });

  if (traceId) return <CommitmentTrace id={traceId} boardUnitId={unitId} />;

  return (
    <div className="board-view" data-testid="commitments-view">
      <div className="unit-head">
        <div>
          <h1 data-testid="board-title">
            {t('board.title')} · {unitName}
          </h1>
          <code className="muted small">{unitId}</code>
        </div>
        <WindowPicker
          key={win.ok ? `${win.window.preset}${win.window.from}` : 'bad'}
          current={win.ok ? win.window : { preset: 'custom', from: params.get('from') ?? '', to: params.get('to') ?? '' }}
          onChange={(w) => go({}, w)}
        />
      </div>
      <div className="seg board-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={!owned} className={owned ? '' : 'active'} onClick={() => go({ owned: null, state: null })} data-testid="tab-promises">
          {t('board.tab.promises')}
        </button>
        <button type="button" role="tab" aria-selected={owned} className={owned ? 'active' : ''} onClick={() => go({ owned: '1', state: null })} data-testid="tab-owned">
          {t('board.tab.owned')}
        </button>
      </div>
      <p className="muted small board-hint">{t(owned ? 'board.hint.owned' : 'board.hint.promises')}</p>
      {!win.ok && <ProblemBox problem={{ code: 'BAD_USER_INPUT', message: win.message, field: win.field }} />}
      {win.ok && (
        <>
          <BoardCounts
            key={`${unitId}|${owned}`}
            unitId={unitId}
            from={win.window.from}
            to={win.window.to}
            owned={owned}
            level={owned ? null : 1}
            hrefOf={(state) => hrefWith({ state })}
          />
          <PerformancePanel unitId={unitId} from={win.window.from} to={win.window.to} owned={owned} />
          <CommitmentList
            key={`${unitId}|${owned}|${states.join(',')}|${win.window.from}|${win.window.to}`}
            unitId={unitId}
            from={win.window.from}
            to={win.window.to}
            owned={owned}
            states={states}
            onStates={(s) => go({ state: s.length ? s.join(',') : null })}
          />
        </>
      )}
    </div>
  );
}

function PerformancePanel({ unitId, from, to, owned }: { unitId: string; from: string; to: string; owned: boolean }): ReactNode {
  const { t } = useTranslation();
  const q = useQuery(PERFORMANCE, { variables: { unitId, from, to, owned }, pollInterval: 30_000 });
  const problem = problemOf(q.error);
  const rows = q.data?.commitmentPerformance;
  return (
    <section className="panel" data-testid="performance">
      <div className="panel-head">
        <h2>{t('board.perf.title')}</h2>
        <span className="muted small">{t('board.perf.hint')}</span>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !rows ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('board.perf.none')}</Empty>
      ) : (
        <PerformanceTable rows={rows} />
      )}
    </section>
  );
}

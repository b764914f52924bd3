import { type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { CommitmentState } from '../__generated__/gateway/graphql';
import { problemOf } from '../api/errors';
import { fmtUtc } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { StatePill, STATES, traceHref, UnitName } from './board-parts';
import { COMMITMENT_LIST } from './commitments-api';
import { KeysetPager, useKeysetCursors } from '../ui/keyset-pager';

const PAGE = 25;

interface Props {
  unitId: string;
  from: string;
  to: string;
  owned: boolean;
  states: CommitmentState[];
  onStates: (states: CommitmentState[]) => void;
}

/**
 * The promises of the unit's subtree (or, owned, the steps the unit owns and
 * the promise each belongs to), newest first, filtered by state now, a page at
 * a time; every row links to its trace.
 */
export function CommitmentList({ unitId, from, to, owned, states, onStates }: Props): ReactNode {
  const { t } = useTranslation();
  const cursors = useKeysetCursors();
  const after = cursors.after;
  const q = useQuery(COMMITMENT_LIST, {
    variables: { unitId, from, to, owned, states: states.length ? states : null, level: owned ? null : 1, first: PAGE, after },
    pollInterval: 15_000,
  });
  const problem = problemOf(q.error);
  const conn = q.data?.commitments;
  const toggle = (s: CommitmentState): void => onStates(states.includes(s) ? states.filter((x) => x !== s) : [...states, s]);

  return (
    <section className="panel" data-testid="commitment-list">
      <div className="panel-head wrap">
        <h2>
          {t(owned ? 'board.ownedList' : 'board.list')} {conn && <span className="muted small">· {t('board.total', { count: conn.totalCount })}</span>}
        </h2>
        <div className="chips" role="group" aria-label={t('board.filter')}>
          <button type="button" className={`chip ${states.length === 0 ? 'on' : ''}`} onClick={() => onStates([])} data-testid="filter-all">
            {t('board.all')}
          </button>
          {STATES.map((s) => (
            <button key={s} type="button" className={`chip chip-${s} ${states.includes(s) ? 'on' : ''}`} aria-pressed={states.includes(s)} onClick={() => toggle(s)} data-testid={`filter-${s}`}>
              {t(`commitmentState.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !conn ? (
        <Loading />
      ) : conn.edges.length === 0 ? (
        <Empty>{t(owned ? 'board.noneOwned' : 'board.none')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table commitments-table" data-testid="commitments-table">
            <thead>
              <tr>
                <th>{t('board.col.state')}</th>
                <th>{t(owned ? 'board.col.step' : 'board.col.promise')}</th>
                {owned && <th>{t('board.col.ofPromise')}</th>}
                <th>{t('board.col.customer')}</th>
                <th>{t('board.col.unit')}</th>
                {!owned && <th>{t('board.col.brokenBy')}</th>}
                <th>{t('board.col.due')}</th>
                <th>{t('board.col.completed')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {conn.edges.map(({ node: n }) => (
                <tr key={n.id} data-testid="commitment-row" data-id={n.id} data-code={n.code} data-state={n.state}>
                  <td data-label={t('board.col.state')}>
                    <StatePill state={n.state} />
                  </td>
                  <td data-label={t(owned ? 'board.col.step' : 'board.col.promise')}>
                    <code>{n.code}</code>
                    <div className="muted small clip">{n.name}</div>
                  </td>
                  {owned && (
                    <td data-label={t('board.col.ofPromise')}>
                      <code>{n.promise.code}</code> <StatePill state={n.promise.state} />
                    </td>
                  )}
                  <td className="clip-s" title={n.customerId} data-label={t('board.col.customer')}>
                    {n.customerId}
                  </td>
                  <td data-label={t('board.col.unit')}>
                    <UnitName unit={n.unit} />
                  </td>
                  {!owned && (
                    <td data-testid="broken-by" data-label={t('board.col.brokenBy')}>
                      {n.breachedBy.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        n.breachedBy.map((b) => (
                          <div key={b.code} className="small">
                            <code>{b.code}</code> · <UnitName unit={b.ownerUnit} />
                          </div>
                        ))
                      )}
                    </td>
                  )}
                  <td className="nowrap" data-label={t('board.col.due')}>
                    {fmtUtc(n.dueAt)}
                  </td>
                  <td className="nowrap" data-label={t('board.col.completed')}>
                    {n.completedAt ? fmtUtc(n.completedAt) : <span className="muted">—</span>}</td>
                  <td>
                    <a href={traceHref(unitId, n.id)} data-testid="trace-link">
                      {t('board.trace')} →
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager cursors={cursors} pageInfo={conn?.pageInfo} testIds={{ older: 'commitments-next' }} />
    </section>
  );
}

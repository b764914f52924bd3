import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { buildHash } from '../routing/hash-route';
import { fmtUtc } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { ORG_UNITS } from '../unit/gateway-api';
import { StatePill, UnitName } from './board-parts';
import { COMMITMENT_TRACE, FOLLOW_UP_INBOX, type TraceNode } from './commitments-api';

/** A node of the promise's tree as the trace query returns it (levels 1..3). */
interface TreeNode {
  id: string;
  code: string;
  name: string;
  level: number;
  state: TraceNode['state'];
  dueAt: string;
  completedAt?: string | null;
  ownerUnit: { id: string; name: string };
  breachedBy: { id: string }[];
  steps?: TreeNode[];
}

/** The chains of steps that broke `node`: from the promise down to the last late link. */
export function breachPaths(node: TreeNode): TreeNode[][] {
  const culprits = (node.steps ?? []).filter((s) => node.breachedBy.some((b) => b.id === s.id));
  if (culprits.length === 0) return [];
  return culprits.flatMap((c) => {
    const below = breachPaths(c);
    return below.length ? below.map((p) => [c, ...p]) : [[c]];
  });
}

/**
 * One promise traced: its facts, who broke it (each chain of late steps down
 * to the unit that owns the last one), its whole tree with the linked node
 * marked, and the follow-up opened for it.
 */
export function CommitmentTrace({ id, boardUnitId }: { id: string; boardUnitId: string }): ReactNode {
  const { t } = useTranslation();
  const q = useQuery(COMMITMENT_TRACE, { variables: { id }, pollInterval: 15_000 });
  const org = useQuery(ORG_UNITS, { fetchPolicy: 'cache-first' });
  const problem = problemOf(q.error);
  const node = q.data?.commitment;
  const promise = node?.promise as TreeNode | undefined;
  const back = buildHash(['commitments', boardUnitId]);
  // Follow-ups live with the touchpoint's unit: asked only when that unit is in the caller's scope.
  const promiseUnit = node?.promise.unit.id;
  const canSeeUnit = !!promiseUnit && !!org.data?.orgUnits.some((u) => u.id === promiseUnit);

  return (
    <div className="trace-view" data-testid="trace-view">
      <a href={back} className="small" data-testid="back-to-board">
        ← {t('trace.back')}
      </a>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Loading />
      ) : !node || !promise ? (
        <Empty>{t('trace.notFound', { id })}</Empty>
      ) : (
        <>
          <div className="unit-head">
            <div>
              <h1 data-testid="trace-title">
                {promise.name} <StatePill state={promise.state} />
              </h1>
              <code className="muted small">{promise.code}</code>
            </div>
          </div>
          <section className="panel trace-facts" data-testid="trace-facts">
            <dl>
              <dt>{t('board.col.customer')}</dt>
              <dd data-testid="trace-customer">{node.customerId}</dd>
              <dt>{t('board.col.unit')}</dt>
              <dd>
                <UnitName unit={node.promise.unit} />
              </dd>
              <dt>{t('trace.touchpoint')}</dt>
              <dd>
                <code className="small">{node.touchpointId}</code>
              </dd>
              <dt>{t('trace.started')}</dt>
              <dd>{fmtUtc(node.promise.startedAt)} UTC</dd>
              <dt>{t('board.col.due')}</dt>
              <dd>{fmtUtc(promise.dueAt)} UTC</dd>
              <dt>{t('board.col.completed')}</dt>
              <dd>{promise.completedAt ? `${fmtUtc(promise.completedAt)} UTC` : '—'}</dd>
            </dl>
          </section>
          <BrokenBy promise={promise} />
          <section className="panel" data-testid="trace-tree">
            <h2>{t('trace.tree')}</h2>
            <ul className="trace-tree">
              <TreeRow node={promise} current={node.id} culprit={false} />
            </ul>
          </section>
          {canSeeUnit && <PromiseFollowUps unitId={node.promise.unit.id} commitmentId={promise.id} touchpointId={node.touchpointId} />}
        </>
      )}
    </div>
  );
}

function BrokenBy({ promise }: { promise: TreeNode }): ReactNode {
  const { t } = useTranslation();
  if (promise.state !== 'BREACHED') return null;
  const paths = breachPaths(promise);
  return (
    <section className="panel broken-by" data-testid="broken-by-panel">
      <h2>{t('trace.brokenBy')}</h2>
      {paths.length === 0 ? (
        <p data-testid="broken-by-none">{t('trace.brokenByItself')}</p>
      ) : (
        <ol>
          {paths.map((p) => {
            const last = p[p.length - 1];
            return (
              <li key={p.map((n) => n.id).join('>')} data-testid="breach-path">
                {p.map((n, i) => (
                  <span key={n.id}>
                    {i > 0 && ' → '}
                    <code>{n.code}</code>
                  </span>
                ))}
                <div className="small">
                  {t('trace.brokeIt', { name: last.name })} <strong data-testid="breaking-unit">{last.ownerUnit.name}</strong>{' '}
                  <span className="muted">({last.completedAt ? t('trace.lateAt', { at: fmtUtc(last.completedAt) }) : t('trace.neverDone')})</span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function TreeRow({ node, current, culprit }: { node: TreeNode; current: string; culprit: boolean }): ReactNode {
  const { t } = useTranslation();
  return (
    <li>
      <div className={`trace-node ${node.id === current ? 'current' : ''} ${culprit ? 'culprit' : ''}`} data-testid="trace-node" data-code={node.code} data-state={node.state} data-culprit={culprit}>
        <StatePill state={node.state} />
        <span className="trace-name">
          <code>{node.code}</code> {node.name}
        </span>
        <span className="small muted trace-owner">
          {t('trace.owner')}: <UnitName unit={node.ownerUnit} />
        </span>
        <span className="small muted nowrap">
          {t('board.col.due')} {fmtUtc(node.dueAt)}
          {node.completedAt ? ` · ${t('board.col.completed')} ${fmtUtc(node.completedAt)}` : ''}
        </span>
        {culprit && <span className="pill culprit-pill">{t('trace.culprit')}</span>}
      </div>
      {node.steps && node.steps.length > 0 && (
        <ul>
          {node.steps.map((s) => (
            <TreeRow key={s.id} node={s} current={current} culprit={node.breachedBy.some((b) => b.id === s.id)} />
          ))}
        </ul>
      )}
    </li>
  );
}

function PromiseFollowUps({ unitId, commitmentId, touchpointId }: { unitId: string; commitmentId: string; touchpointId: string }): ReactNode {
  const { t } = useTranslation();
  // The unit's newest follow-ups; the one of this promise is among them while it matters.
  const q = useQuery(FOLLOW_UP_INBOX, { variables: { unitId, states: null, first: 200, after: null } });
  const mine = q.data?.followUps.edges.map((e) => e.node).filter((f) => f.commitmentId === commitmentId) ?? [];
  return (
    <section className="panel" data-testid="trace-follow-ups">
      <div className="panel-head">
        <h2>{t('trace.followUps')}</h2>
        <a href={buildHash(['follow-ups', unitId], { touchpoint: touchpointId })} className="small" data-testid="open-follow-up-link">
          {t('followUps.openManual')} →
        </a>
      </div>
      {!q.data ? (
        <Loading />
      ) : mine.length === 0 ? (
        <Empty>{t('trace.noFollowUp')}</Empty>
      ) : (
        <ul className="plain">
          {mine.map((f) => (
            <li key={f.id} data-testid="trace-follow-up" data-state={f.state}>
              <span className="pill">{t(`followUps.reason.${f.reason}`)}</span> <span className="pill">{t(`followUps.state.${f.state}`)}</span>{' '}
              <span className="small">{f.assignee ? t('followUps.assignedTo', { user: f.assignee }) : t('followUps.unassigned')}</span>{' '}
              <a href={buildHash(['follow-ups', unitId], { state: f.state })} className="small">
                {t('trace.toInbox')} →
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

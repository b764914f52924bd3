import { useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { FollowUpState } from '../__generated__/gateway/graphql';
import { problemOf } from '../api/errors';
import { useSession, viewsFor } from '../auth/session';
import { buildHash, navigate } from '../routing/hash-route';
import { fmtUtc } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { ORG_UNITS } from '../unit/gateway-api';
import { traceHref, UnitName } from './board-parts';
import { FOLLOW_UP_INBOX, type FollowUpRow } from './commitments-api';
import { FollowUpActions, OpenFollowUpForm } from './follow-up-forms';
import { KeysetPager, useKeysetCursors } from '../ui/keyset-pager';

const PAGE = 25;
const TABS: (FollowUpState | 'ALL')[] = ['OPEN', 'DONE', 'ALL'];

/**
 * A unit's follow-up inbox (#/follow-ups/<unit>?state=OPEN): the follow-ups of
 * its subtree, newest first; assign one, close it with an outcome, or open a
 * MANUAL one from a touchpoint (?touchpoint=<id> fills the form in).
 */
export function FollowUpsView({ unitId, params }: { unitId: string; params: URLSearchParams }): ReactNode {
  const { t } = useTranslation();
  const org = useQuery(ORG_UNITS, { fetchPolicy: 'cache-first' });
  const raw = params.get('state') ?? 'OPEN';
  const tab = (TABS as string[]).includes(raw) ? (raw as FollowUpState | 'ALL') : 'OPEN';
  const unitName = org.data?.orgUnits.find((u) => u.id === unitId)?.name ?? unitId;
  const go = (changes: Record<string, string | null>): void => navigate(buildHash(['follow-ups', unitId], { ...Object.fromEntries(params.entries()), ...changes }));

  return (
    <div className="inbox-view" data-testid="follow-ups-view">
      <div className="unit-head">
        <div>
          <h1 data-testid="inbox-title">
            {t('followUps.title')} · {unitName}
          </h1>
          <code className="muted small">{unitId}</code>
        </div>
        <div className="seg" role="tablist">
          {TABS.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={tab === s} className={tab === s ? 'active' : ''} onClick={() => go({ state: s })} data-testid={`inbox-tab-${s}`}>
              {t(`followUps.tab.${s}`)}
            </button>
          ))}
        </div>
      </div>
      <OpenFollowUpForm key={params.get('touchpoint') ?? ''} initialTouchpoint={params.get('touchpoint') ?? ''} onOpened={() => go({ state: 'OPEN', touchpoint: null })} />
      <Inbox key={`${unitId}|${tab}`} unitId={unitId} states={tab === 'ALL' ? null : [tab]} />
    </div>
  );
}

function Inbox({ unitId, states }: { unitId: string; states: FollowUpState[] | null }): ReactNode {
  const { t } = useTranslation();
  const { session } = useSession();
  const cursors = useKeysetCursors();
  const [openRow, setOpenRow] = useState<string | null>(null);
  const after = cursors.after;
  const q = useQuery(FOLLOW_UP_INBOX, { variables: { unitId, states, first: PAGE, after }, pollInterval: 15_000 });
  const problem = problemOf(q.error);
  const conn = q.data?.followUps;
  const now = Date.now();
  // Traces open on the caller's own board; an agent has none (it works the inbox only).
  const hasBoard = viewsFor(session).includes('commitments');
  const traceOf = (f: FollowUpRow): string | null => (f.commitmentId && hasBoard ? traceHref(session.unitId, f.commitmentId) : null);

  return (
    <section className="panel" data-testid="inbox">
      <div className="panel-head">
        <h2>
          {t('followUps.list')} {conn && <span className="muted small">· {t('board.total', { count: conn.totalCount })}</span>}
        </h2>
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !conn ? (
        <Loading />
      ) : conn.edges.length === 0 ? (
        <Empty>{t('followUps.none')}</Empty>
      ) : (
        <ul className="inbox-list">
          {conn.edges.map(({ node: f }) => {
            const overdue = f.state === 'OPEN' && Date.parse(f.dueAt) < now;
            const trace = traceOf(f);
            return (
              <li key={f.id} className={`inbox-item state-${f.state} ${overdue ? 'overdue' : ''}`} data-testid="follow-up" data-id={f.id} data-state={f.state} data-reason={f.reason}>
                <div className="inbox-head">
                  <span className={`pill reason-${f.reason}`}>{t(`followUps.reason.${f.reason}`)}</span>
                  <strong className="customer" title={f.customerId}>
                    {f.customerId}
                  </strong>
                  <span className="small muted">
                    <UnitName unit={f.unit} />
                  </span>
                  <span className={`small ${overdue ? 'bad' : 'muted'}`}>
                    {f.state === 'OPEN' ? t('followUps.due', { at: fmtUtc(f.dueAt) }) : t('followUps.closedAt', { at: fmtUtc(f.closedAt ?? f.dueAt) })}
                  </span>
                  <span className="small">{f.assignee ? t('followUps.assignedTo', { user: f.assignee }) : <span className="muted">{t('followUps.unassigned')}</span>}</span>
                  {trace && (
                    <a href={trace} className="small" data-testid="follow-up-trace">
                      {t('board.trace')} →
                    </a>
                  )}
                </div>
                {f.note && <div className="small">“{f.note}”</div>}
                {f.outcome && (
                  <div className="small" data-testid="follow-up-outcome">
                    {t('followUps.outcome')}: {f.outcome}
                    {f.recovered != null && <span className={f.recovered ? 'ok' : 'bad'}> · {t(f.recovered ? 'followUps.recovered' : 'followUps.notRecovered')}</span>}
                  </div>
                )}
                {f.state === 'OPEN' &&
                  (openRow === f.id ? (
                    <FollowUpActions followUp={f} onDone={() => setOpenRow(null)} />
                  ) : (
                    <button type="button" className="link small" onClick={() => setOpenRow(f.id)} data-testid="follow-up-act">
                      {t('followUps.act')} ▾
                    </button>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
      <KeysetPager cursors={cursors} pageInfo={conn?.pageInfo} />
    </section>
  );
}

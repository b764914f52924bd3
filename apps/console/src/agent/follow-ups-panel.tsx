import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf, type ApiProblem } from '../api/errors';
import { fmtTime } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';
import { CLOSE_FOLLOW_UP, FOLLOW_UPS, type SiteFollowUp } from './site-api';

const POLL_MS = 3000;
const MAX_OUTCOME = 2000;

/**
 * The open follow-ups of the agent's unit (the site's copy of the gateway's
 * list: marked stale, with the time of the copy, while the gateway is away),
 * each closed with an outcome. A close is kept at the site and forwarded when
 * the gateway answers, so it is recorded at once, gateway or not.
 */
export function FollowUpsPanel(): ReactNode {
  const { t, i18n } = useTranslation();
  const list = useQuery(FOLLOW_UPS, { variables: { first: 100 }, pollInterval: POLL_MS, fetchPolicy: 'network-only' });
  const [closeFollowUp] = useMutation(CLOSE_FOLLOW_UP);
  const [closing, setClosing] = useState<string | null>(null);
  const problem = problemOf(list.error);

  async function close(id: string, outcome: string): Promise<ApiProblem | null> {
    try {
      await closeFollowUp({ variables: { id, outcome } });
      void list.refetch();
      return null;
    } catch (err) {
      return problemOf(err);
    }
  }

  const data = list.data?.followUps;
  return (
    <section className="panel agent-follow-ups" data-testid="follow-ups">
      <h2>
        {t('agentFollowUps.title')}
        {data && <span className="muted small"> · {t('agentFollowUps.count', { count: data.totalCount })}</span>}
      </h2>
      {data?.stale && (
        <div className="banner banner-warn small" role="status" data-testid="follow-ups-stale">
          {data.asOf ? t('agentFollowUps.stale', { time: fmtTime(data.asOf, i18n.language) }) : t('agentFollowUps.neverFetched')}
        </div>
      )}
      {!data ? (
        problem ? <ProblemBox problem={problem} onRetry={() => void list.refetch()} /> : <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('agentFollowUps.none')}</Empty>
      ) : (
        <ul className="follow-up-list">
          {data.items.map((f) => (
            <FollowUpItem key={f.id} f={f} open={closing === f.id} onOpen={() => setClosing(f.id)} onCancel={() => setClosing(null)} onClose={(o) => close(f.id, o)} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  f: SiteFollowUp;
  open: boolean;
  onOpen: () => void;
  onCancel: () => void;
  onClose: (outcome: string) => Promise<ApiProblem | null>;
}

function FollowUpItem({ f, open, onOpen, onCancel, onClose }: ItemProps): ReactNode {
  const { t, i18n } = useTranslation();
  const overdue = Date.parse(f.dueAt) < Date.now();
  const closeState = f.close?.state ?? null;
  return (
    <li className={`follow-up ${overdue ? 'overdue' : ''}`} data-testid="follow-up" data-id={f.id} data-close-state={closeState ?? 'NONE'}>
      <div className="recent-head">
        <span className={`pill reason-${f.reason}`}>{t(`agentFollowUps.reason.${f.reason}`)}</span>
        <span className="customer">{f.customerId}</span>
        <span className={overdue ? 'bad small' : 'muted small'}>{t('agentFollowUps.due', { time: new Date(f.dueAt).toLocaleString(i18n.language.startsWith('zh') ? 'zh-CN' : 'en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) })}</span>
      </div>
      <div className="recent-body muted small">
        {f.unitName ?? f.unitId}
        {f.assignee && ` · ${t('agentFollowUps.assignee', { user: f.assignee })}`}
        {f.note && ` · ${f.note}`}
      </div>
      {f.close && closeState !== 'DEAD' ? (
        <div className="small" data-testid="follow-up-closed">
          <span className={`pill pill-${closeState}`}>{closeState === 'FORWARDED' ? t('agentFollowUps.closed') : t('agentFollowUps.closeQueued')}</span> {f.close.outcome}
        </div>
      ) : (
        <>
          {f.close?.state === 'DEAD' && (
            <div className="field-error" data-testid="follow-up-refused">
              {t('agentFollowUps.refused')}: {f.close.error}
            </div>
          )}
          {open ? (
            <CloseForm onClose={onClose} onCancel={onCancel} />
          ) : (
            <button type="button" className="link small" onClick={onOpen} data-testid="close-follow-up">
              {t('agentFollowUps.close')}
            </button>
          )}
        </>
      )}
    </li>
  );
}

function CloseForm({ onClose, onCancel }: { onClose: (outcome: string) => Promise<ApiProblem | null>; onCancel: () => void }): ReactNode {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const text = outcome.trim();
    if (!text) return setError(t('agentFollowUps.outcomeRequired'));
    if (text.length > MAX_OUTCOME) return setError(t('validation.maxLength', { field: t('agentFollowUps.outcome'), max: MAX_OUTCOME, actual: text.length }));
    setBusy(true);
    const problem = await onClose(text);
    setBusy(false);
    if (problem) setError(`${problem.code}: ${problem.message}`);
    else onCancel();
  }

  return (
    <form className="close-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onCancel()} data-testid="close-form">
      <textarea
        autoFocus
        rows={2}
        placeholder={t('agentFollowUps.outcomeHint')}
        aria-label={t('agentFollowUps.outcome')}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        data-testid="close-outcome"
      />
      <div className="form-actions">
        <button type="submit" className="primary small" disabled={busy} data-testid="close-submit">
          {t('agentFollowUps.submit')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('agent.cancel')}
        </button>
        {error && (
          <span className="field-error" role="alert" data-testid="close-error">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf, type ApiProblem } from '../api/errors';
import { ProblemBox } from '../ui/states';
import { ASSIGN_FOLLOW_UP, CLOSE_FOLLOW_UP, OPEN_FOLLOW_UP, type FollowUpRow } from './commitments-api';

const OUTCOME_MAX = 2000;

/** Assign an open follow-up to a user, or close it with an outcome; the gateway's refusal is shown as it says it. */
export function FollowUpActions({ followUp, onDone }: { followUp: FollowUpRow; onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const [assignee, setAssignee] = useState(followUp.assignee ?? '');
  const [outcome, setOutcome] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [assign, assigning] = useMutation(ASSIGN_FOLLOW_UP);
  const [close, closing] = useMutation(CLOSE_FOLLOW_UP, { refetchQueries: ['FollowUpInbox', 'CommitmentTrace'] });

  const run = async (e: FormEvent, call: () => Promise<unknown>): Promise<void> => {
    e.preventDefault();
    setProblem(null);
    try {
      await call();
      onDone();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };

  return (
    <div className="follow-up-actions" data-testid="follow-up-actions">
      <form className="row" onSubmit={(e) => void run(e, () => assign({ variables: { id: followUp.id, assignee: assignee.trim() } }))}>
        <div className="field grow">
          <label htmlFor={`assignee-${followUp.id}`}>{t('followUps.assignee')}</label>
          <input id={`assignee-${followUp.id}`} value={assignee} onChange={(e) => setAssignee(e.target.value)} placeholder={t('followUps.assigneeHint')} data-testid="assignee-input" />
        </div>
        <button type="submit" disabled={!assignee.trim() || assigning.loading} data-testid="assign-submit">
          {t('followUps.assign')}
        </button>
      </form>
      <form className="row" onSubmit={(e) => void run(e, () => close({ variables: { id: followUp.id, outcome: outcome.trim() } }))}>
        <div className="field grow">
          <label htmlFor={`outcome-${followUp.id}`}>{t('followUps.outcome')}</label>
          <textarea id={`outcome-${followUp.id}`} rows={2} maxLength={OUTCOME_MAX} value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="outcome-input" />
        </div>
        <button type="submit" className="primary" disabled={!outcome.trim() || closing.loading} data-testid="close-submit">
          {t('followUps.close')}
        </button>
        <button type="button" className="link small" onClick={onDone}>
          {t('agent.cancel')}
        </button>
      </form>
      {problem && <ProblemBox problem={problem} />}
    </div>
  );
}

/** A MANUAL follow-up for a touchpoint (its id, e.g. from a trace or the touchpoints list), with a note. */
export function OpenFollowUpForm({ initialTouchpoint, onOpened }: { initialTouchpoint: string; onOpened: () => void }): ReactNode {
  const { t } = useTranslation();
  const [shown, setShown] = useState(initialTouchpoint !== '');
  const [touchpointId, setTouchpointId] = useState(initialTouchpoint);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [open, opening] = useMutation(OPEN_FOLLOW_UP, { refetchQueries: ['FollowUpInbox'] });
  if (!shown) {
    return (
      <button type="button" className="small open-manual" onClick={() => setShown(true)} data-testid="open-manual">
        + {t('followUps.openManual')}
      </button>
    );
  }
  return (
    <form
      className="panel row open-follow-up"
      data-testid="open-follow-up-form"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        open({ variables: { touchpointId: touchpointId.trim(), note: note.trim() || null } }).then(
          () => {
            setNote('');
            setTouchpointId('');
            setShown(false);
            onOpened();
          },
          (err: unknown) => setProblem(problemOf(err)),
        );
      }}
    >
      <div className="field grow">
        <label htmlFor="manual-touchpoint">{t('followUps.touchpointId')}</label>
        <input id="manual-touchpoint" value={touchpointId} onChange={(e) => setTouchpointId(e.target.value)} data-testid="manual-touchpoint" />
      </div>
      <div className="field grow">
        <label htmlFor="manual-note">{t('followUps.note')}</label>
        <input id="manual-note" value={note} maxLength={OUTCOME_MAX} onChange={(e) => setNote(e.target.value)} data-testid="manual-note" />
      </div>
      <button type="submit" className="primary" disabled={!touchpointId.trim() || opening.loading} data-testid="manual-submit">
        {t('followUps.open')}
      </button>
      <button type="button" className="link small" onClick={() => setShown(false)}>
        {t('agent.cancel')}
      </button>
      {problem && (
        <div className="grow">
          <ProblemBox problem={problem} />
        </div>
      )}
    </form>
  );
}

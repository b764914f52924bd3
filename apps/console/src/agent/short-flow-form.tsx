import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '@qihe/contracts';
import { CHANNELS, LIFECYCLE_STAGES, NEED_CATEGORIES, TOUCHPOINT_KINDS } from '@qihe/domain';
import type { ApiProblem } from '../api/errors';
import { fmtDuration } from '../ui/format';
import { Check, Field } from './field';
import { PerceptionPointPicker, pointsOfNeed, type PickablePoint } from './perception-point-picker';
import { checkShortFlow, formFieldOf, initialShortFlow, LIMITS, toSiteInput, type FieldIssue, type FormField, type ShortFlowState } from './short-flow-rules';
import type { SiteTouchpointInput } from './site-api';
import { useHandleTimer } from './use-handle-timer';

export type SubmitOutcome = { ok: true; id: string } | { ok: false; problem: ApiProblem };

interface Props {
  /** The agent's unit; the site fills in its own when absent. */
  unitId?: string;
  onSubmit: (input: SiteTouchpointInput) => Promise<SubmitOutcome>;
  /** The promises of the site's catalogue copy, offered for the commitment code. */
  promises?: readonly { code: string; name: string }[];
  /** The site's copy of the perception-point catalogue, offered by the touchpoint's need. */
  perceptionPoints?: readonly PickablePoint[];
  /** Shown under the customer field as it is typed (the agent view passes the customer lookup). */
  customerLookup?: (customerId: string) => ReactNode;
}

// Alt+<letter> moves to a field or flips a switch; Alt+1..9,0 picks the need category.
const FOCUS_KEYS: Record<string, FormField> = {
  KeyU: 'customerId',
  KeyN: 'needCategory',
  KeyD: 'description',
  KeyA: 'action',
  KeyK: 'knowledgeRefs',
  KeyH: 'handoffUnitId',
  KeyC: 'commitmentCode',
  KeyP: 'perceptionPoint',
  KeyS: 'score',
};
const focusField = (f: FormField): void => document.getElementById(`f-${f}`)?.focus();

/** The short flow (need → service → satisfaction) on one keyboard-first form. */
export function ShortFlowForm({ unitId, onSubmit, promises = [], perceptionPoints = [], customerLookup }: Props): ReactNode {
  const { t } = useTranslation();
  const timer = useHandleTimer();
  const [s, setS] = useState<ShortFlowState>(() => initialShortFlow());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ field: FormField | null; problem: ApiProblem } | null>(null);
  const [busy, setBusy] = useState(false);
  const [logged, setLogged] = useState<string | null>(null);
  // Made at the first send and kept until the form is cleared: a re-send after
  // a lost answer is the same touchpoint to the site, never a second one.
  const [id, setId] = useState<string | null>(null);

  const issues: FieldIssue[] = attempted ? checkShortFlow(s, timer.seconds) : [];
  const label = (f: FormField): string => t(`field.${f}`);
  const errorFor = (f: FormField): string | null => {
    const issue = issues.find((i) => i.field === f);
    if (issue) return t(issue.key, { field: label(f), ...issue.values });
    return server && server.field === f ? `${label(f)}: ${server.problem.message}` : null;
  };
  const set = <K extends keyof ShortFlowState>(k: K, v: ShortFlowState[K]): void => {
    setS((prev) => {
      const next = { ...prev, [k]: v };
      // A point picked for another need does not follow the need: back to "by need".
      if (k === 'needCategory' && !pointsOfNeed(perceptionPoints, next.needCategory).some((p) => p.code === next.perceptionPoint)) next.perceptionPoint = '';
      return next;
    });
    if (server?.field === k || (k === 'handleText' && server?.field === 'handleSeconds')) setServer(null);
  };

  // A promise of the catalogue is tracked from now on: not kept yet unless the agent says so.
  function pickCommitment(code: string): void {
    set('commitmentCode', code);
    if (promises.some((p) => p.code === code.trim())) set('commitmentMet', false);
  }

  function reset(): void {
    setS((prev) => initialShortFlow({ channel: prev.channel, kind: prev.kind, stage: prev.stage }));
    setAttempted(false);
    setServer(null);
    setId(null);
    timer.restart();
    focusField('customerId');
  }

  async function submit(e?: FormEvent): Promise<void> {
    e?.preventDefault();
    if (busy) return;
    setAttempted(true);
    setLogged(null);
    const found = checkShortFlow(s, timer.seconds);
    if (found.length > 0) return focusField(found[0].field);
    setBusy(true);
    const sendId = id ?? newId();
    setId(sendId);
    const outcome = await onSubmit({ id: sendId, ...toSiteInput(s, timer.seconds, unitId) });
    setBusy(false);
    if (outcome.ok) {
      reset();
      setLogged(outcome.id);
      return;
    }
    const field = outcome.problem.code === 'BAD_USER_INPUT' ? formFieldOf(outcome.problem) : null;
    setServer({ field, problem: outcome.problem });
    if (field) focusField(field);
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>): void {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      return reset();
    }
    if (e.key === 'Enter') {
      if (target.tagName === 'BUTTON' || (target.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey))) return;
      e.preventDefault();
      return void submit();
    }
    if (!e.altKey) return;
    const digit = /^Digit(\d)$/.exec(e.code);
    if (digit) {
      e.preventDefault();
      const i = digit[1] === '0' ? 9 : Number(digit[1]) - 1;
      if (NEED_CATEGORIES[i]) set('needCategory', NEED_CATEGORIES[i]);
      return;
    }
    const toggles: Record<string, () => void> = {
      KeyR: () => set('resolved', !s.resolved),
      KeyF: () => set('firstContact', !s.firstContact),
      KeyT: () => timer.toggle(),
      KeyV: () => set('served', !s.served),
    };
    if (toggles[e.code]) {
      e.preventDefault();
      return toggles[e.code]();
    }
    if (FOCUS_KEYS[e.code]) {
      e.preventDefault();
      focusField(FOCUS_KEYS[e.code]);
    }
  }

  const err = (f: FormField): { 'aria-invalid': boolean; 'aria-describedby'?: string } =>
    errorFor(f) ? { 'aria-invalid': true, 'aria-describedby': `e-${f}` } : { 'aria-invalid': false };
  const handleShown = s.handleText ?? fmtDuration(timer.seconds);
  const formProblem = server && !server.field ? server.problem : null;

  return (
    <form className="short-flow" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate data-testid="short-flow-form">
      {formProblem && (
        <div className="form-error" role="alert" data-testid="form-error">
          <code>{formProblem.code}</code> {formProblem.message}
        </div>
      )}
      <fieldset className="step step-need">
        <legend>{t('shortFlow.need')}</legend>
        <div className="row">
          <Field name="customerId" label={label('customerId')} hint="Alt+U" error={errorFor('customerId')} className="grow">
            <input id="f-customerId" name="customerId" autoFocus autoComplete="off" value={s.customerId} onChange={(e) => set('customerId', e.target.value)} {...err('customerId')} />
          </Field>
          <Field name="channel" label={label('channel')} error={errorFor('channel')}>
            <select id="f-channel" value={s.channel} onChange={(e) => set('channel', e.target.value as ShortFlowState['channel'])}>
              {CHANNELS.map((c) => <option key={c} value={c}>{t(`enum.channel.${c}`)}</option>)}
            </select>
          </Field>
          <Field name="kind" label={label('kind')} error={errorFor('kind')}>
            <select id="f-kind" value={s.kind} onChange={(e) => set('kind', e.target.value as ShortFlowState['kind'])}>
              {TOUCHPOINT_KINDS.map((c) => <option key={c} value={c}>{t(`enum.kind.${c}`)}</option>)}
            </select>
          </Field>
          <Field name="stage" label={label('stage')} error={errorFor('stage')}>
            <select id="f-stage" value={s.stage} onChange={(e) => set('stage', e.target.value as ShortFlowState['stage'])}>
              {LIFECYCLE_STAGES.map((c) => <option key={c} value={c}>{t(`enum.stage.${c}`)}</option>)}
            </select>
          </Field>
        </div>
        {customerLookup?.(s.customerId)}
        <Field name="needCategory" label={label('needCategory')} hint="Alt+1…0" error={errorFor('needCategory')}>
          <div className="chips" role="radiogroup" aria-label={label('needCategory')}>
            <select id="f-needCategory" className="sr-only-select" value={s.needCategory} onChange={(e) => set('needCategory', e.target.value as ShortFlowState['needCategory'])}>
              {NEED_CATEGORIES.map((c) => <option key={c} value={c}>{t(`enum.need.${c}`)}</option>)}
            </select>
            {NEED_CATEGORIES.map((c, i) => (
              <button key={c} type="button" tabIndex={-1} role="radio" aria-checked={s.needCategory === c} className={`chip ${s.needCategory === c ? 'on' : ''}`} onClick={() => set('needCategory', c)}>
                <kbd>{(i + 1) % 10}</kbd>
                {t(`enum.need.${c}`)}
              </button>
            ))}
          </div>
        </Field>
        <Field name="perceptionPoint" label={label('perceptionPoint')} hint="Alt+P" error={errorFor('perceptionPoint')}>
          <PerceptionPointPicker
            need={s.needCategory}
            points={perceptionPoints}
            value={s.perceptionPoint}
            onChange={(code) => set('perceptionPoint', code)}
            invalid={Boolean(errorFor('perceptionPoint'))}
            describedBy={errorFor('perceptionPoint') ? 'e-perceptionPoint' : undefined}
          />
        </Field>
        <Field name="description" label={`${label('description')} (${s.description.length}/${LIMITS.description})`} hint="Alt+D" error={errorFor('description')}>
          <textarea id="f-description" rows={2} value={s.description} onChange={(e) => set('description', e.target.value)} {...err('description')} />
        </Field>
      </fieldset>

      <fieldset className="step step-service">
        <legend>
          {t('shortFlow.service')}
          <Check name="served" label={t('field.served')} hint="Alt+V" checked={s.served} onChange={(v) => set('served', v)} />
        </legend>
        <div className="row">
          <Field name="action" label={label('action')} hint="Alt+A" error={errorFor('action')} className="grow">
            <input id="f-action" autoComplete="off" disabled={!s.served} value={s.action} onChange={(e) => set('action', e.target.value)} {...err('action')} />
          </Field>
          <Field name="handleSeconds" label={label('handleSeconds')} hint="Alt+T" error={errorFor('handleSeconds')} className="timer-field">
            <div className="timer">
              <input
                id="f-handleSeconds"
                className={s.handleText == null && timer.running ? 'running' : ''}
                disabled={!s.served}
                value={handleShown}
                onChange={(e) => set('handleText', e.target.value)}
                {...err('handleSeconds')}
                data-testid="handle-time"
              />
              <button type="button" tabIndex={-1} className="icon" disabled={!s.served} title={t('shortFlow.timerToggle')} onClick={() => (s.handleText != null ? set('handleText', null) : timer.toggle())}>
                {s.handleText != null ? '↺' : timer.running ? '❚❚' : '▶'}
              </button>
            </div>
          </Field>
        </div>
        <div className="row checks">
          <Check name="resolved" label={label('resolved')} hint="Alt+R" disabled={!s.served} checked={s.resolved} onChange={(v) => set('resolved', v)} />
          <Check name="firstContact" label={label('firstContact')} hint="Alt+F" disabled={!s.served} checked={s.firstContact} onChange={(v) => set('firstContact', v)} />
          <Check name="knowledgeCreated" label={label('knowledgeCreated')} disabled={!s.served} checked={s.knowledgeCreated} onChange={(v) => set('knowledgeCreated', v)} />
        </div>
        <div className="row">
          <Field name="knowledgeRefs" label={label('knowledgeRefs')} hint="Alt+K" error={errorFor('knowledgeRefs')} className="grow">
            <input id="f-knowledgeRefs" autoComplete="off" disabled={!s.served} placeholder="KB-1021, KB-88" value={s.knowledgeRefs} onChange={(e) => set('knowledgeRefs', e.target.value)} {...err('knowledgeRefs')} />
          </Field>
          <Field name="handoffUnitId" label={label('handoffUnitId')} hint="Alt+H" error={errorFor('handoffUnitId')}>
            <input id="f-handoffUnitId" autoComplete="off" disabled={!s.served} placeholder="bu-rail" value={s.handoffUnitId} onChange={(e) => set('handoffUnitId', e.target.value)} {...err('handoffUnitId')} />
          </Field>
          <Field name="commitmentCode" label={label('commitmentCode')} hint="Alt+C" error={errorFor('commitmentCode')}>
            <input id="f-commitmentCode" list="commitment-codes" autoComplete="off" disabled={!s.served} placeholder="REPAIR_48H" value={s.commitmentCode} onChange={(e) => pickCommitment(e.target.value)} {...err('commitmentCode')} />
          </Field>
          <Check name="commitmentMet" label={label('commitmentMet')} disabled={!s.served || !s.commitmentCode.trim()} checked={s.commitmentMet} onChange={(v) => set('commitmentMet', v)} />
          <datalist id="commitment-codes">
            {promises.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </datalist>
        </div>
      </fieldset>

      <fieldset className="step step-satisfaction">
        <legend>{t('shortFlow.satisfaction')}</legend>
        <div className="row">
          <Field name="score" label={label('score')} hint="Alt+S" error={errorFor('score')}>
            <div className="score-pick">
              <input id="f-score" className="score-input" inputMode="numeric" autoComplete="off" placeholder={t('shortFlow.later')} value={s.score} onChange={(e) => set('score', e.target.value)} {...err('score')} />
              {['', '1', '2', '3', '4', '5'].map((v) => (
                <button key={v || 'later'} type="button" tabIndex={-1} className={`chip ${s.score.trim() === v ? 'on' : ''}`} onClick={() => set('score', v)}>
                  {v || t('shortFlow.later')}
                </button>
              ))}
            </div>
          </Field>
          <Field name="comment" label={label('comment')} error={errorFor('comment')} className="grow">
            <input id="f-comment" autoComplete="off" disabled={!s.score.trim()} value={s.comment} onChange={(e) => set('comment', e.target.value)} {...err('comment')} />
          </Field>
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="short-flow-submit">
          {busy ? t('shortFlow.saving') : t('shortFlow.submit')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="link" onClick={reset}>
          {t('shortFlow.reset')} <kbd>Esc</kbd>
        </button>
        {logged && (
          <span className="ok" role="status" data-testid="logged">
            {t('shortFlow.logged', { id: logged.slice(0, 8) })}
          </span>
        )}
      </div>
    </form>
  );
}

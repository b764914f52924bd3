import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf, type ApiProblem } from '../api/errors';
import { fmtIndicator, parseTarget, targetText } from './indicator-format';
import { SET_TARGET, type IndicatorRow, type TargetRow } from './indicators-api';

interface Props {
  unitId: string;
  indicator: IndicatorRow;
  /** The target in force for the key: set here, inherited, or the model's default. */
  target: TargetRow | undefined;
  onSaved: () => void;
}

/** An indicator's target, where it comes from, and setting it in place (setTarget for this unit). */
export function TargetCell({ unitId, indicator, target, onSaved }: Props): ReactNode {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [save, saving] = useMutation(SET_TARGET);
  const key = indicator.key;
  const unit = indicator.measureUnit;

  function open(): void {
    setText(target ? targetText(target.target, unit) : '');
    setProblem(null);
    setEditing(true);
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const value = parseTarget(text, unit);
    // The server names the field of what it refuses; a non-number never reaches it (it cannot be sent as a Float).
    if (value === null) return setProblem({ code: 'BAD_USER_INPUT', field: 'input.target', message: t('indicators.notANumber') });
    try {
      await save({ variables: { input: { unitId, key, target: value } } });
      setEditing(false);
      setProblem(null);
      onSaved();
    } catch (err) {
      setProblem(problemOf(err));
    }
  }

  // inheritedFrom is null when the unit it is set on lies above the caller's scope.
  const source = !target ? null : target.source === 'UNIT' ? t('indicators.own') : target.source === 'INHERITED' ? target.inheritedFrom ? t('indicators.inherited', { unit: target.inheritedFrom.name }) : t('indicators.inheritedAbove') : t('indicators.modelDefault');
  if (!editing) {
    return (
      <div className="target-cell">
        <span data-testid={`indicator-${key}-target`}>{fmtIndicator(indicator.target, unit)}</span>
        {source && (
          <span className={`target-source source-${target?.source}`} data-testid={`indicator-${key}-source`} data-source={target?.source}>
            {source}
          </span>
        )}
        <button type="button" className="link small" onClick={open} data-testid={`indicator-${key}-edit`} aria-label={t('indicators.setTarget', { key })}>
          ✎
        </button>
      </div>
    );
  }
  return (
    <form className="target-form" onSubmit={(e) => void submit(e)} data-testid={`indicator-${key}-form`}>
      <input
        autoFocus
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
        aria-label={t('indicators.target')}
        aria-invalid={problem ? true : false}
        data-testid={`indicator-${key}-input`}
      />
      <span className="muted small">{unit === 'ratio' ? '%' : unit === 'seconds' ? 's' : ''}</span>
      <button type="submit" className="small" disabled={saving.loading} data-testid={`indicator-${key}-save`}>
        {t('indicators.save')}
      </button>
      <button type="button" className="link small" onClick={() => setEditing(false)}>
        {t('agent.cancel')}
      </button>
      {problem && (
        <div className="field-error" role="alert" data-testid={`indicator-${key}-error`}>
          <code>{problem.field ?? problem.code}</code> {problem.message}
        </div>
      )}
    </form>
  );
}

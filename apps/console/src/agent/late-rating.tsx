import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/errors';

interface Props {
  onRate: (score: number, comment: string | null) => Promise<ApiProblem | null>;
  onClose: () => void;
}

/** A satisfaction rating that arrives after the touchpoint was logged. */
export function LateRating({ onRate, onClose }: Props): ReactNode {
  const { t } = useTranslation();
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!/^[1-5]$/.test(score.trim())) return setError(t('validation.score', { field: t('field.score') }));
    if (comment.length > 2000) return setError(t('validation.maxLength', { field: t('field.comment'), max: 2000, actual: comment.length }));
    setBusy(true);
    const problem = await onRate(Number(score.trim()), comment.trim() || null);
    setBusy(false);
    if (problem) setError(`${problem.code}: ${problem.message}`);
    else onClose();
  }

  return (
    <form className="late-rating" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()} data-testid="late-rating">
      <input autoFocus className="score-input" inputMode="numeric" placeholder="1–5" aria-label={t('field.score')} value={score} onChange={(e) => setScore(e.target.value)} />
      <input placeholder={t('field.comment')} aria-label={t('field.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
      <button type="submit" className="primary small" disabled={busy}>
        {t('agent.rate')}
      </button>
      <button type="button" className="link" onClick={onClose}>
        {t('agent.cancel')}
      </button>
      {error && (
        <span className="field-error" role="alert" data-testid="rating-error">
          {error}
        </span>
      )}
    </form>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/errors';

// Asking again will not change these answers: no retry button.
const FINAL = new Set(['FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']);

export function Loading({ label }: { label?: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden /> {label ?? t('state.loading')}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="state state-empty" data-testid="empty">
      {children ?? t('state.empty')}
    </div>
  );
}

/** The server's own words: code and message, never a softened paraphrase. */
export function ProblemBox({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }): ReactNode {
  const { t } = useTranslation();
  const title = t(`state.title.${problem.code}`, { defaultValue: t('state.error') });
  return (
    <div className={`state state-error code-${problem.code}`} role="alert" data-testid="problem">
      <strong>{title}</strong> <code>{problem.code}</code>
      <div className="problem-message" data-testid="problem-message">
        {problem.message}
      </div>
      {onRetry && !FINAL.has(problem.code) && (
        <button type="button" className="link" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/errors';
import { fmtTime } from '../ui/format';
import type { LocalCommitment, LocalCommitmentNode } from './site-api';

interface Props {
  commitment: LocalCommitment;
  /** Completes a node now; resolves to the problem, or null once the site committed it. */
  onComplete: (code: string) => Promise<ApiProblem | null>;
}

const fmtDue = (iso: string, lang: string): string => {
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? fmtTime(iso, lang).slice(0, 5) : d.toLocaleString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
};

/**
 * The promise a touchpoint made and the steps behind it, as the site knows
 * them: each with its state now, when it is due and who owns it; the agent
 * marks one done when it happened.
 */
export function CommitmentSteps({ commitment, onComplete }: Props): ReactNode {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ code: string; text: string } | null>(null);

  async function complete(n: LocalCommitmentNode): Promise<void> {
    setBusy(n.code);
    setProblem(null);
    const p = await onComplete(n.code);
    setBusy(null);
    if (p) setProblem({ code: n.code, text: `${p.code}: ${p.message}` });
  }

  return (
    <ul className="commitment-steps" data-testid="commitment-steps" data-code={commitment.code}>
      {commitment.nodes.map((n) => (
        <li key={n.code} className={`step-node level-${n.level}`} data-testid="commitment-node" data-code={n.code} data-state={n.state}>
          <span className={`pill state-${n.state}`} data-testid="node-state">
            {t(`agentSteps.state.${n.state}`)}
          </span>
          <span className="step-name" title={n.code}>
            {n.name}
          </span>
          {n.completedBy && n.completedBy.state !== 'FORWARDED' && (
            <span className={`pill pill-${n.completedBy.state}`} title={n.completedBy.error ?? undefined} data-testid="event-state">
              {t(`forward.${n.completedBy.state}`)}
            </span>
          )}
          {!n.completedAt && (
            <button type="button" className="link small" disabled={busy !== null} onClick={() => void complete(n)} data-testid="complete-step">
              {busy === n.code ? t('agentSteps.saving') : t('agentSteps.markDone')}
            </button>
          )}
          <span className="step-meta muted small">
            {n.completedAt
              ? t('agentSteps.doneAt', { time: fmtDue(n.completedAt, i18n.language) })
              : t('agentSteps.dueAt', { time: fmtDue(n.dueAt, i18n.language) })}
            {n.level > 1 && ` · ${t('agentSteps.owner', { unit: n.ownerUnitId })}`}
          </span>
          {problem?.code === n.code && (
            <div className="field-error" role="alert" data-testid="step-error">
              {problem.text}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

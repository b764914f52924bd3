import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtScore } from '../ui/format';

// Pieces of the customer lens shared by the agent's lookup (the site's copy)
// and the customer page (the gateway): display only, every number from the API.

export interface DriverView {
  feature: string;
  value: number;
  contribution: number;
}

/** How many drivers a compact view shows. */
export const TOP_DRIVERS = 3;

const band = (p: number): 'high' | 'mid' | 'low' => (p >= 0.5 ? 'high' : p >= 0.25 ? 'mid' : 'low');
export const fmtPercent = (p: number): string => `${(p * 100).toFixed(0)} %`;
const fmtValue = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The probability of a low next rating and the drivers that push it up most (coefficient × (value − training mean)). */
export function RiskView({ risk, top = TOP_DRIVERS }: { risk: { probability: number; drivers: readonly DriverView[] } | null; top?: number }): ReactNode {
  const { t } = useTranslation();
  if (!risk) return <div className="muted small" data-testid="risk-none">{t('customer.noRisk')}</div>;
  const drivers = risk.drivers.filter((d) => d.contribution > 0).slice(0, top);
  return (
    <div data-testid="customer-risk">
      <div className="risk-line">
        <span className="muted small">{t('customer.risk')}</span>
        <span className={`risk-p ${band(risk.probability)}`} data-testid="risk-probability" data-value={risk.probability}>
          {fmtPercent(risk.probability)}
        </span>
      </div>
      {drivers.length > 0 && (
        <ul className="drivers small" data-testid="risk-drivers">
          {drivers.map((d) => (
            <li key={d.feature} data-testid="risk-driver" data-feature={d.feature}>
              <span>
                {t(`customer.feature.${d.feature}`, { defaultValue: d.feature })} <span className="muted">= {fmtValue(d.value)}</span>
              </span>
              <span className="muted">+{d.contribution.toFixed(2)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The four engagement types (四维契合) over the customer's in-scope touchpoints of the last 365 days. */
export function EngagementTypesView({ types }: { types: readonly { type: string; score: number | null }[] }): ReactNode {
  const { t } = useTranslation();
  return (
    <ul className="types small" data-testid="customer-types">
      {types.map((e) => (
        <li key={e.type} data-testid="customer-type" data-type={e.type}>
          <span>{t(`customer.type.${e.type}`)}</span>
          <span className="bar" aria-hidden>
            <span style={{ width: `${Math.max(0, Math.min(100, e.score ?? 0))}%` }} />
          </span>
          <span className="num">{fmtScore(e.score)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A short local date and time of an instant. */
export const fmtWhen = (iso: string, lang: string): string =>
  new Date(iso).toLocaleString(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

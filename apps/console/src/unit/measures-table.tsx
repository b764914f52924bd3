import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtCount, fmtRatio, fmtScore } from '../ui/format';
import type { ChainScoreData } from './gateway-api';

interface Props {
  chain: ChainScoreData;
  selectedMeasure?: string | null;
  onSelectMeasure?: (key: string) => void;
}

/** A chain's measures: numerator / denominator as counted, value, normalized, weight. Absent measures show "—". */
export function MeasuresTable({ chain, selectedMeasure, onSelectMeasure }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="measures" data-testid={`measures-${chain.chain}`}>
      <h3>
        {t(`chain.${chain.chain}`)} <span className="score-inline">{fmtScore(chain.score)}</span>
      </h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('measure.name')}</th>
            <th className="num">{t('measure.numerator')}</th>
            <th className="num">{t('measure.denominator')}</th>
            <th className="num">{t('measure.value')}</th>
            <th className="num">{t('measure.normalized')}</th>
            <th className="num">{t('measure.weight')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(chain.measures ?? []).map((m) => (
            <tr key={m.key} className={`${m.value == null ? 'absent' : ''} ${selectedMeasure === m.key ? 'selected' : ''}`} data-testid={`measure-${m.key}`}>
              <td>
                <strong>{t(`measureName.${m.key}`, { defaultValue: m.key })}</strong> <code className="muted small">{m.key}</code>
              </td>
              <td className="num" data-testid={`measure-${m.key}-numerator`}>
                {fmtCount(m.numerator)}
              </td>
              <td className="num" data-testid={`measure-${m.key}-denominator`}>
                {fmtCount(m.denominator)}
              </td>
              <td className="num" data-testid={`measure-${m.key}-value`}>
                {fmtRatio(m.value)}
              </td>
              <td className="num">{fmtRatio(m.normalized)}</td>
              <td className="num">{fmtCount(m.weight)}</td>
              <td>
                {onSelectMeasure && (
                  <button type="button" className="link small" onClick={() => onSelectMeasure(m.key)} data-testid={`measure-${m.key}-touchpoints`}>
                    {t('measure.touchpoints')} →
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasurePart } from '@qihe/domain';
import { fmtCount, fmtRatio, fmtScore } from '../ui/format';
import { Delta, MIN_SAMPLE, tooFew } from '../ui/sample';
import type { ChainScoreData } from './gateway-api';
import { pointsPerTouchpoint } from './measure-points';

interface Props {
  chain: ChainScoreData;
  /** The chain over the previous window of the same length: a delta beside every value. */
  previous?: ChainScoreData | null;
  selectedMeasure?: string | null;
  /** The touchpoints behind a part of a measure (MANAGEMENT-MODEL.md §3): numbers become links. */
  hrefOf?: (measure: string, part: MeasurePart) => string;
}

/**
 * A chain's measures: numerator / denominator as counted (each a link to the
 * touchpoints it counts), the missed ones, value against the previous window,
 * normalized, weight. Absent measures show "—"; a denominator under MIN_SAMPLE
 * is marked too few to judge.
 */
export function MeasuresTable({ chain, previous, selectedMeasure, hrefOf }: Props): ReactNode {
  const { t } = useTranslation();
  // A measure of points (csat: rating − 1, out of 4 per rated touchpoint) is not a
  // count of touchpoints: its numbers stay plain, and each link says what it lists
  // (MANAGEMENT-MODEL.md §3: rated 4–5, rated — that is the denominator ÷ 4 —, rated 1–3).
  const pointsLink = (key: string, part: MeasurePart, count?: number): ReactNode =>
    hrefOf && (
      <>
        {' '}
        <a href={hrefOf(key, part)} className="small nowrap" data-testid={`measure-${key}-${part.toLowerCase()}-link`}>
          {t(`drill.points.${part}`, { count })} →
        </a>
      </>
    );
  const link = (key: string, part: MeasurePart, label: string, testId: string): ReactNode =>
    hrefOf ? (
      <a href={hrefOf(key, part)} data-testid={testId}>
        {label}
      </a>
    ) : (
      label
    );
  return (
    <div className="measures" data-testid={`measures-${chain.chain}`}>
      <h3>
        {t(`chain.${chain.chain}`)} <span className="score-inline">{fmtScore(chain.score)}</span>
      </h3>
      <div className="table-scroll">
        <table className="table measures-table">
          <thead>
            <tr>
              <th>{t('measure.name')}</th>
              <th className="num">{t('measure.numerator')}</th>
              <th className="num">{t('measure.denominator')}</th>
              <th className="num">{t('measure.missed')}</th>
              <th className="num">{t('measure.value')}</th>
              {previous !== undefined && <th className="num">{t('measure.previous')}</th>}
              <th className="num col-optional">{t('measure.normalized')}</th>
              <th className="num col-optional">{t('measure.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {(chain.measures ?? []).map((m) => {
              const before = previous?.measures?.find((p) => p.key === m.key);
              const few = m.denominator > 0 && tooFew(m.denominator);
              const points = pointsPerTouchpoint(m.key);
              return (
                <tr
                  key={m.key}
                  className={`${m.value == null ? 'absent' : ''} ${selectedMeasure === m.key ? 'selected' : ''} ${few ? 'few' : ''}`}
                  data-testid={`measure-${m.key}`}
                >
                  <td>
                    <strong>{t(`measureName.${m.key}`, { defaultValue: m.key })}</strong> <code className="muted small">{m.key}</code>
                    {few && (
                      <span className="too-few" data-testid="too-few" title={t('sample.tooFewHint', { min: MIN_SAMPLE })}>
                        {' '}
                        {t('sample.tooFew')}
                      </span>
                    )}
                  </td>
                  {points > 1 ? (
                    <>
                      <td className="num" title={t('drill.points.hint')}>
                        <span data-testid={`measure-${m.key}-numerator`}>{fmtCount(m.numerator)}</span>
                        {pointsLink(m.key, 'NUMERATOR')}
                      </td>
                      <td className="num">
                        <span data-testid={`measure-${m.key}-denominator`}>{fmtCount(m.denominator)}</span>
                        {pointsLink(m.key, 'DENOMINATOR', m.denominator / points)}
                      </td>
                      <td className="num" data-testid={`measure-${m.key}-missed`}>
                        {m.denominator > 0 ? pointsLink(m.key, 'MISSED') : null}
                        {!(hrefOf && m.denominator > 0) && <span className="muted">—</span>}
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="num" data-testid={`measure-${m.key}-numerator`}>
                        {link(m.key, 'NUMERATOR', fmtCount(m.numerator), `measure-${m.key}-numerator-link`)}
                      </td>
                      <td className="num" data-testid={`measure-${m.key}-denominator`}>
                        {link(m.key, 'DENOMINATOR', fmtCount(m.denominator), `measure-${m.key}-denominator-link`)}
                      </td>
                      <td className="num" data-testid={`measure-${m.key}-missed`}>
                        {hrefOf && m.denominator > 0 ? link(m.key, 'MISSED', '→', `measure-${m.key}-missed-link`) : <span className="muted">—</span>}
                      </td>
                    </>
                  )}
                  <td className="num" data-testid={`measure-${m.key}-value`}>
                    {fmtRatio(m.value)}
                  </td>
                  {previous !== undefined && (
                    <td className="num nowrap">
                      <span className="muted small" data-testid={`measure-${m.key}-previous`}>
                        {fmtRatio(before?.value)}
                      </span>{' '}
                      <Delta now={m.value} before={before?.value} nNow={m.denominator} nBefore={before?.denominator ?? 0} ratio />
                    </td>
                  )}
                  <td className="num col-optional">{fmtRatio(m.normalized)}</td>
                  <td className="num col-optional">{fmtCount(m.weight)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

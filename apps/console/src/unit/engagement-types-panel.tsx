import { useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../api/errors';
import { fmtCount, fmtRatio, fmtScore } from '../ui/format';
import { Loading, ProblemBox } from '../ui/states';
import { ENGAGEMENT_TYPES, type TypeScore } from './indicators-api';

interface Props {
  unitId: string;
  from: string;
  to: string;
}

/**
 * The four engagement types (四维契合, MANAGEMENT-MODEL.md §6): the second lens
 * on the same touchpoints, drawn like the four chains — a card per type with
 * its score and bar; a card opens its measures.
 */
export function EngagementTypesPanel({ unitId, from, to }: Props): ReactNode {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery(ENGAGEMENT_TYPES, { variables: { unitId, from, to }, fetchPolicy: 'cache-and-network' });
  const problem = problemOf(q.error);
  const types = q.dataState === 'complete' ? q.data.engagementTypes : undefined;
  const selected = types?.find((x) => x.type === open) ?? null;
  return (
    <section className="types-lens" data-testid="types-panel">
      <h2 className="small-caps">{t('types.title')}</h2>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void q.refetch()} />
      ) : !types ? (
        <Loading />
      ) : (
        <>
          <div className="type-cards">
            {types.map((x) => (
              <button
                key={x.type}
                type="button"
                className={`score-card chain type-${x.type} ${open === x.type ? 'selected' : ''}`}
                onClick={() => setOpen(open === x.type ? null : x.type)}
                aria-pressed={open === x.type}
                data-testid={`type-${x.type}`}
              >
                <div className="score-label">{t(`types.name.${x.type}`)}</div>
                <div className="score-value" data-testid={`type-score-${x.type}`}>
                  {fmtScore(x.score)}
                </div>
                <div className="bar">
                  <span style={{ width: `${x.score ?? 0}%` }} />
                </div>
                <div className="muted small">{t('score.measuresHint', { count: x.measures.length })}</div>
              </button>
            ))}
          </div>
          {selected && <TypeMeasures type={selected} />}
        </>
      )}
    </section>
  );
}

function TypeMeasures({ type }: { type: TypeScore }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="panel type-measures" data-testid={`type-measures-${type.type}`}>
      <h3>
        {t(`types.name.${type.type}`)} <span className="score-inline">{fmtScore(type.score)}</span>
      </h3>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t('measure.name')}</th>
              <th className="num">{t('measure.numerator')}</th>
              <th className="num">{t('measure.denominator')}</th>
              <th className="num">{t('measure.value')}</th>
              <th className="num">{t('measure.normalized')}</th>
              <th className="num">{t('measure.weight')}</th>
            </tr>
          </thead>
          <tbody>
            {type.measures.map((m) => (
              <tr key={m.key} className={m.value == null ? 'absent' : ''} data-testid={`type-measure-${m.key}`}>
                <td>
                  <strong>{t(`types.measure.${m.key}`, { defaultValue: t(`measureName.${m.key}`, { defaultValue: m.key }) })}</strong> <code className="muted small">{m.key}</code>
                </td>
                <td className="num">{fmtCount(m.numerator)}</td>
                <td className="num">{fmtCount(m.denominator)}</td>
                <td className="num">{fmtRatio(m.value)}</td>
                <td className="num">{fmtRatio(m.normalized)}</td>
                <td className="num">{fmtCount(m.weight)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

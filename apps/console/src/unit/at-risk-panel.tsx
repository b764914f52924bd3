import { useState, type ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf, type ApiProblem } from '../api/errors';
import { OPEN_FOLLOW_UP } from '../commitments/commitments-api';
import { AT_RISK_CUSTOMERS, CUSTOMER_TIMELINE, OPEN_FOLLOW_UPS, type AtRiskRow } from '../customer/customer-api';
import { fmtPercent, TOP_DRIVERS } from '../customer/customer-parts';
import { customerHref } from '../routing/customer-route';
import { buildHash } from '../routing/hash-route';
import { fmtRatio } from '../ui/format';
import { Empty, Loading, ProblemBox } from '../ui/states';

const SHOWN = 20;
/** Follow-ups that mean someone is already on the customer. */
const ON_IT = new Set(['AT_RISK_CUSTOMER', 'MANUAL']);

/**
 * The customers of this unit most likely to rate their next contact 1 or 2,
 * each with the drivers that push it up, and one click to act: open a
 * follow-up on their latest touchpoint here, or go to the one already open.
 */
export function AtRiskPanel({ unitId }: { unitId: string }): ReactNode {
  const { t } = useTranslation();
  const client = useApolloClient();
  const list = useQuery(AT_RISK_CUSTOMERS, { variables: { unitId, first: SHOWN } });
  const open = useQuery(OPEN_FOLLOW_UPS, { variables: { unitId } });
  const [openFollowUp] = useMutation(OPEN_FOLLOW_UP);
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, ApiProblem>>({});
  const problem = problemOf(list.error);
  const rows = list.data?.atRiskCustomers;
  const model = list.data?.riskModel;
  const followUpOf = new Map<string, string>();
  for (const { node } of open.data?.followUps.edges ?? []) if (ON_IT.has(node.reason) && !followUpOf.has(node.customerId)) followUpOf.set(node.customerId, node.id);

  async function act(row: AtRiskRow): Promise<void> {
    setBusy(row.customerId);
    try {
      // The customer's latest touchpoint in this unit's subtree carries the follow-up (its unit owns it).
      const tl = await client.query({ query: CUSTOMER_TIMELINE, variables: { customerId: row.customerId, first: 1, unitId }, fetchPolicy: 'network-only' });
      const latest = tl.data?.customerTimeline.edges[0]?.node;
      if (!latest) throw new Error(t('atRisk.noTouchpoint'));
      const drivers = row.drivers.filter((d) => d.contribution > 0).slice(0, TOP_DRIVERS).map((d) => t(`customer.feature.${d.feature}`, { defaultValue: d.feature }));
      await openFollowUp({ variables: { touchpointId: latest.id, note: t('atRisk.note', { p: fmtPercent(row.probability), drivers: drivers.join(', ') }) } });
      setProblems((p) => Object.fromEntries(Object.entries(p).filter(([id]) => id !== row.customerId)));
      await open.refetch();
    } catch (err) {
      setProblems((p) => ({ ...p, [row.customerId]: problemOf(err) ?? { code: 'ERROR', message: err instanceof Error ? err.message : String(err) } }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" data-testid="at-risk-panel">
      <div className="panel-head wrap">
        <h2>{t('atRisk.title')}</h2>
        {model && (
          <span className="muted small" data-testid="risk-model">
            {t('atRisk.model', { auc: fmtRatio(model.auc), p50: fmtRatio(model.precisionAt50), base: fmtRatio(model.baselinePrecisionAt50) })}
          </span>
        )}
      </div>
      {problem ? (
        <ProblemBox problem={problem} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : !model ? (
        <Empty>{t('atRisk.noModel')}</Empty>
      ) : !rows || rows.length === 0 ? (
        <Empty>{t('atRisk.none')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table compact at-risk-table" data-testid="at-risk-table">
            <thead>
              <tr>
                <th>{t('tp.customer')}</th>
                <th className="num">{t('atRisk.probability')}</th>
                <th>{t('atRisk.drivers')}</th>
                <th>{t('atRisk.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const followUp = followUpOf.get(r.customerId);
                const rowProblem = problems[r.customerId];
                return (
                  <tr key={r.customerId} data-testid="at-risk-row" data-customer={r.customerId}>
                    <td className="clip-s" title={r.customerId}>
                      <a href={customerHref(r.customerId)} data-testid="at-risk-customer">
                        {r.customerId}
                      </a>
                    </td>
                    <td className="num" data-testid="at-risk-probability">{fmtPercent(r.probability)}</td>
                    <td className="wrap">
                      <span className="drivers-inline">
                        {r.drivers
                          .filter((d) => d.contribution > 0)
                          .slice(0, TOP_DRIVERS)
                          .map((d) => `${t(`customer.feature.${d.feature}`, { defaultValue: d.feature })} +${d.contribution.toFixed(2)}`)
                          .join(' · ')}
                      </span>
                    </td>
                    <td>
                      {followUp ? (
                        <a href={buildHash(['follow-ups', unitId])} data-testid="at-risk-follow-up" data-id={followUp}>
                          {t('atRisk.followUpOpen')}
                        </a>
                      ) : (
                        <button type="button" className="small" disabled={busy !== null} onClick={() => void act(r)} data-testid="at-risk-open">
                          {t('atRisk.open')}
                        </button>
                      )}
                      {rowProblem && (
                        <div className="field-error small" role="alert">
                          {rowProblem.code}: {rowProblem.message}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

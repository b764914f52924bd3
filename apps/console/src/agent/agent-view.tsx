import { useRef, type ReactNode } from 'react';
import { newId } from '@qihe/contracts';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { problemOf, type ApiProblem } from '../api/errors';
import { useSession } from '../auth/session';
import { Loading, ProblemBox } from '../ui/states';
import { CustomerLookup } from './customer-lookup';
import { FollowUpsPanel } from './follow-ups-panel';
import { GatewayBanner } from './gateway-banner';
import { RecentTouchpoints } from './recent-touchpoints';
import { ShortFlowForm, type SubmitOutcome } from './short-flow-form';
import { COMMITMENT_CATALOGUE, LOG_TOUCHPOINT, PERCEPTION_POINT_CATALOGUE, MY_TOUCHPOINTS, RATE_TOUCHPOINT, RECORD_COMMITMENT_EVENT, SITE_STATUS, type SiteTouchpointInput } from './site-api';

const POLL_MS = 1500;

/** The agent console of a site: log a short flow, watch it reach the gateway, add late ratings. */
export function AgentView(): ReactNode {
  const { t } = useTranslation();
  const { session } = useSession();
  const mine = useQuery(MY_TOUCHPOINTS, { variables: { first: 20 }, pollInterval: POLL_MS, fetchPolicy: 'network-only' });
  const status = useQuery(SITE_STATUS, { pollInterval: POLL_MS, fetchPolicy: 'network-only' });
  // The site's copy of the catalogue: asked again until it has one, then now and then.
  const catalogue = useQuery(COMMITMENT_CATALOGUE, { pollInterval: 10_000, fetchPolicy: 'network-only' });
  const promises = (catalogue.data?.commitmentCatalogue ?? []).filter((d) => d.level === 1);
  const points = useQuery(PERCEPTION_POINT_CATALOGUE, { pollInterval: 10_000, fetchPolicy: 'network-only' });
  const [logTouchpoint] = useMutation(LOG_TOUCHPOINT);
  const [rateTouchpoint] = useMutation(RATE_TOUCHPOINT);
  const [recordEvent] = useMutation(RECORD_COMMITMENT_EVENT);
  // One event per step, made at the first click and kept: a retry after a lost answer is the same event.
  const events = useRef(new Map<string, { id: string; completedAt: string }>());

  async function log(input: SiteTouchpointInput): Promise<SubmitOutcome> {
    try {
      const r = await logTouchpoint({ variables: { input } });
      void mine.refetch();
      void status.refetch();
      const id = r.data?.logTouchpoint.id;
      return id ? { ok: true, id } : { ok: false, problem: problemOf(r.error) ?? { code: 'ERROR', message: 'no answer' } };
    } catch (err) {
      return { ok: false, problem: problemOf(err) ?? { code: 'ERROR', message: String(err) } };
    }
  }

  async function rate(id: string, score: number, comment: string | null): Promise<ApiProblem | null> {
    try {
      await rateTouchpoint({ variables: { touchpointId: id, satisfaction: { score, comment } } });
      void mine.refetch();
      return null;
    } catch (err) {
      return problemOf(err);
    }
  }

  async function complete(touchpointId: string, code: string): Promise<ApiProblem | null> {
    const key = `${touchpointId}/${code}`;
    const event = events.current.get(key) ?? { id: newId(), completedAt: new Date().toISOString() };
    events.current.set(key, event);
    try {
      await recordEvent({ variables: { input: { ...event, touchpointId, code } } });
      void mine.refetch();
      void status.refetch();
      return null;
    } catch (err) {
      const problem = problemOf(err);
      // Refused by the site: a new click is a new attempt, not a resend.
      if (problem && problem.code !== 'NETWORK') events.current.delete(key);
      return problem;
    }
  }

  const statusProblem = problemOf(status.error);
  const mineProblem = problemOf(mine.error);
  return (
    <div className="agent-view" data-testid="agent-view">
      {status.data ? <GatewayBanner status={status.data.siteStatus} /> : statusProblem ? <ProblemBox problem={statusProblem} /> : null}
      <div className="agent-columns">
        <section className="panel agent-form">
          <h2>{t('agent.title')}</h2>
          <p className="muted small shortcuts">{t('agent.shortcuts')}</p>
          <ShortFlowForm unitId={session.unitId} onSubmit={log} promises={promises} perceptionPoints={points.data?.perceptionPointCatalogue} customerLookup={(id) => <CustomerLookup customerId={id} gatewayReachable={status.data?.siteStatus.gatewayReachable} />} />
        </section>
        <div className="agent-side">
          <FollowUpsPanel />
          <section className="panel agent-recent">
          <h2>{t('agent.recent')}</h2>
          {mine.data ? (
            <RecentTouchpoints rows={mine.data.myTouchpoints} onRate={rate} onComplete={complete} />
          ) : mineProblem ? (
            <ProblemBox problem={mineProblem} onRetry={() => void mine.refetch()} />
          ) : (
            <Loading />
          )}
          {mine.data && mineProblem && <div className="muted small">{mineProblem.message}</div>}
          </section>
        </div>
      </div>
    </div>
  );
}

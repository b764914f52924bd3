import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiEndpoints } from './api/config';
import { useSession, viewsFor, type View } from './auth/session';
import { customerOfRoute } from './routing/customer-route';
import { buildHash, navigate, useHashRoute } from './routing/hash-route';
import { LanguageSwitch } from './ui/language-switch';
import { Empty, Loading } from './ui/states';

// Each view is its own chunk: an agent's console never loads the charts.
const AgentView = lazy(() => import('./agent/agent-view').then((m) => ({ default: m.AgentView })));
const UnitView = lazy(() => import('./unit/unit-view').then((m) => ({ default: m.UnitView })));
const TouchpointsView = lazy(() => import('./unit/touchpoints-view').then((m) => ({ default: m.TouchpointsView })));
const LiveView = lazy(() => import('./live/live-view').then((m) => ({ default: m.LiveView })));
const CommitmentsView = lazy(() => import('./commitments/commitments-view').then((m) => ({ default: m.CommitmentsView })));
const CustomerPage = lazy(() => import('./customer/customer-page').then((m) => ({ default: m.CustomerPage })));
const FollowUpsView = lazy(() => import('./commitments/follow-ups-view').then((m) => ({ default: m.FollowUpsView })));

/** The signed-in frame: header with the role's views, then the routed view. */
export function Shell({ endpoints }: { endpoints: ApiEndpoints }): ReactNode {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const route = useHashRoute();
  const views = viewsFor(session);
  const wanted = route.segments[0] as View | undefined;
  const fallback: View | undefined = session.role === 'UNIT_HEAD' ? 'unit' : views[views.length - 1];
  // #/customer/<id>: a page of its own, open to every gateway user (the gateway scopes the answer).
  const customerId = session.backend === 'gateway' ? customerOfRoute(route.segments) : null;
  const current: View | undefined = customerId ? undefined : session.backend === 'site' ? 'agent' : wanted && views.includes(wanted) ? wanted : fallback;

  // An empty or unknown hash lands on the role's home view.
  useEffect(() => {
    if (session.backend === 'gateway' && !customerId && current && current !== wanted) navigate(buildHash([current]), true);
  }, [current, wanted, session.backend, customerId]);

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">契合</span> Qihe
        </div>
        <nav className="views">
          {views.map((v) => (
            <a key={v} href={buildHash([v])} className={v === current ? 'active' : ''} data-testid={`nav-${v}`}>
              {t(`nav.${v}`)}
            </a>
          ))}
        </nav>
        <div className="who" data-testid="who">
          <span>{session.username}</span>
          <span className="badge">{t(`role.${session.role}`)}</span>
          <span className="muted">{session.siteId ? `${session.siteId} · ${session.unitId}` : session.unitId}</span>
        </div>
        <LanguageSwitch />
        <button type="button" className="link" onClick={() => signOut()} data-testid="sign-out">
          {t('nav.signOut')}
        </button>
      </header>
      <main className="content">
        <Suspense fallback={<Loading />}>
          {current === 'agent' && <AgentView />}
          {current === 'unit' && route.segments[2] !== 'touchpoints' && <UnitView unitId={route.segments[1] ?? session.unitId} params={route.params} />}
          {current === 'unit' && route.segments[2] === 'touchpoints' && <TouchpointsView unitId={route.segments[1] ?? session.unitId} params={route.params} />}
          {current === 'commitments' && <CommitmentsView unitId={route.segments[1] ?? session.unitId} traceId={route.segments[2] === 'trace' ? route.segments[3] : undefined} params={route.params} />}
          {current === 'follow-ups' && <FollowUpsView unitId={route.segments[1] ?? session.unitId} params={route.params} />}
          {current === 'live' && <LiveView feedUrl={endpoints.feed} rootId={route.segments[1] ?? session.unitId} />}
          {customerId && <CustomerPage customerId={customerId} />}
          {!current && !customerId && (
            <div data-testid="no-views">
              <Empty>{t('nav.noViews', { role: t(`role.${session.role}`) })}</Empty>
            </div>
          )}
        </Suspense>
      </main>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CHAINS, floorToHour, HOUR_MS, type Chain } from '@qihe/domain';
import { problemOf, type ApiProblem } from '../api/errors';
import { useSession } from '../auth/session';
import { buildHash } from '../routing/hash-route';
import { fmtScore } from '../ui/format';
import { Loading, ProblemBox } from '../ui/states';
import { ORG_UNITS, UNIT_SCORES, type EngagementScoreData } from '../unit/gateway-api';
import { COMMITMENT_ALERTS } from '../commitments/commitments-api';
import { alertFromApi, alertFromFeed, mergeAlerts, type AlertItem } from './alert-items';
import { AlertsPanel } from './alerts-panel';
import type { AlertEvent, ScoresEvent, TileScore, TouchpointEvent } from './feed-events';
import { Ticker } from './ticker';
import { UnitTile } from './unit-tile';
import { useFeed, type FeedStatus } from './use-feed';

const TICKER_MAX = 40;
const ALERTS_MAX = 30;

/** The whole hours covering the last 60 minutes: the GraphQL API takes whole hours only. */
export function snapshotWindow(now: number): { from: string; to: string } {
  const to = floorToHour(now) + HOUR_MS;
  return { from: new Date(to - 2 * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
}

const fromApi = (s: EngagementScoreData): TileScore => ({
  source: 'snapshot',
  from: s.from,
  to: s.to,
  touchpoints: s.touchpoints,
  overall: s.overall,
  chains: Object.fromEntries(CHAINS.map((c) => [c, s.chains.find((x) => x.chain === c)?.score ?? null])) as Record<Chain, number | null>,
  at: Date.now(),
});

/** Executives watch every business unit, heads their own unit's children, as the feed moves them. */
export function LiveView({ feedUrl, rootId }: { feedUrl: string; rootId: string }): ReactNode {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useApolloClient();
  const org = useQuery(ORG_UNITS, { fetchPolicy: 'cache-first' });
  const [scores, setScores] = useState<Record<string, TileScore>>({});
  const [ticker, setTicker] = useState<TouchpointEvent[]>([]);
  const [alerts, setAlerts] = useState<AlertItem[]>([]);
  // The alert list survives a reload: what the feed said is read back from the gateway, again on every (re)connect.
  const loaded = useQuery(COMMITMENT_ALERTS, { variables: { unitId: rootId, first: ALERTS_MAX }, fetchPolicy: 'network-only' });
  const [snapshotProblem, setSnapshotProblem] = useState<ApiProblem | null>(null);

  const units = org.data?.orgUnits ?? [];
  const nameOf = useCallback((id: string) => units.find((u) => u.id === id)?.name ?? id, [units]);
  const children = units.filter((u) => u.parent?.id === rootId).map((u) => u.id);
  const tiles = children.length > 0 ? children : org.data ? [rootId] : [];
  const watched = tiles.length ? [rootId, ...tiles.filter((id) => id !== rootId)] : [];

  // A snapshot after every (re)connect; live values that arrived meanwhile are newer and win.
  const fetchSnapshot = useCallback(() => {
    const asked = Date.now();
    const w = snapshotWindow(asked);
    client.query({ query: UNIT_SCORES, variables: { unitId: rootId, ...w }, fetchPolicy: 'network-only' }).then(
      (r) => {
        if (!r.data) return setSnapshotProblem(problemOf(r.error));
        setSnapshotProblem(null);
        const fresh = [r.data.engagementScore, ...r.data.engagementScores];
        setScores((prev) => {
          const next = { ...prev };
          for (const s of fresh) if (!(next[s.unit.id]?.source === 'live' && next[s.unit.id].at >= asked)) next[s.unit.id] = fromApi(s);
          return next;
        });
      },
      (err: unknown) => setSnapshotProblem(problemOf(err)),
    );
  }, [client, rootId]);

  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchSoon = (): void => {
    if (refetchTimer.current) return;
    refetchTimer.current = setTimeout(() => {
      refetchTimer.current = null;
      void loaded.refetch().catch(() => undefined);
    }, 500);
  };
  useEffect(() => () => clearTimeout(refetchTimer.current ?? undefined), []);

  const feed = useFeed(feedUrl, session.token, watched, {
    onConnect: () => {
      fetchSnapshot();
      void loaded.refetch().catch(() => undefined); // shown by the panel's own state; the live alerts go on
    },
    onScores: (e: ScoresEvent) => setScores((prev) => ({ ...prev, [e.unitId]: { source: 'live', ...e, chains: e.chains, at: Date.now() } })),
    onTouchpoint: (e: TouchpointEvent) => setTicker((prev) => [e, ...prev.filter((x) => x.id !== e.id)].slice(0, TICKER_MAX)),
    onAlert: (e: AlertEvent) => {
      setAlerts((prev) => mergeAlerts([alertFromFeed(e)], prev, ALERTS_MAX));
      // The socket names units by id; the API's copy names them (also an owner outside the caller's scope).
      if ('commitmentId' in e && e.type !== 'FOLLOW_UP_OPENED') refetchSoon();
    },
  });

  // When the feed was lost: tiles keep their last numbers, grey and marked stale, until it is back.
  const [lostAt, setLostAt] = useState<number | null>(null);
  const isLive = feed.status === 'live';
  useEffect(() => setLostAt((was) => (isLive ? null : (was ?? Date.now()))), [isLive]);

  if (org.error) return <ProblemBox problem={problemOf(org.error) ?? { code: 'ERROR', message: '' }} onRetry={() => void org.refetch()} />;
  if (!org.data) return <Loading />;
  const root = scores[rootId];
  const href = (id: string): string => buildHash(['unit', id], { window: '24h' });

  return (
    <div className="live-view" data-testid="live-view">
      <div className="live-head">
        <div>
          <h1>{nameOf(rootId)}</h1>
          <span className="muted small">{t('live.subtitle')}</span>
        </div>
        <div className="live-root-score">
          <span className="score-label">{t('score.overall')}</span>
          <span className="score-value big" data-testid="overall-score">
            {fmtScore(root?.overall)}
          </span>
          <span className="muted small">{root ? t('score.touchpoints', { count: root.touchpoints }) : ''}</span>
        </div>
        <ConnectionIndicator status={feed.status} error={feed.error} reconnects={feed.reconnects} onRetry={feed.retry} />
      </div>
      {feed.refused[rootId] && <ProblemBox problem={{ code: feed.refused[rootId], message: t('live.refused', { unit: rootId, code: feed.refused[rootId] }) }} />}
      {snapshotProblem && <ProblemBox problem={snapshotProblem} onRetry={fetchSnapshot} />}
      <div className="live-grid">
        <div className="tiles" data-testid="tiles">
          {tiles.map((id) => (
            <UnitTile key={id} unitId={id} name={nameOf(id)} score={scores[id]} refused={feed.refused[id]} href={href(id)} staleSince={lostAt} />
          ))}
        </div>
        <div className="live-side">
          {loaded.error && <ProblemBox problem={problemOf(loaded.error) ?? { code: 'ERROR', message: '' }} onRetry={() => void loaded.refetch()} />}
          <AlertsPanel alerts={mergeAlerts(alerts, (loaded.data?.commitmentAlerts ?? []).map(alertFromApi), ALERTS_MAX)} nameOf={nameOf} rootId={rootId} />
          <Ticker events={ticker} nameOf={nameOf} />
        </div>
      </div>
    </div>
  );
}

function ConnectionIndicator({ status, error, reconnects, onRetry }: { status: FeedStatus; error: string | null; reconnects: number; onRetry: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className={`conn conn-${status}`} data-testid="connection" data-status={status} role="status">
      <span className="dot" />
      <span>{t(`conn.${status}`)}</span>
      {reconnects > 0 && <span className="muted small"> · {t('conn.reconnects', { count: reconnects })}</span>}
      {error && status !== 'live' && <span className="muted small"> · {error}</span>}
      {(status === 'offline' || status === 'refused') && (
        <button type="button" className="link small" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

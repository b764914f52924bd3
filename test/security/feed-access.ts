import { connected, openFeed, record, subscribe, waitFor } from '../support/feed-client';
import { BAD_CALLERS, touchpoint, type CallerName } from './access-fixture';

// The live feed's rows of the access matrix: who may connect, subscribe to
// which unit, and which events then arrive. The feed carries what GraphQL lets
// the same caller read: `touchpoint` where `touchpoints` is allowed, `scores`
// where `engagementScore` is; site keys read nothing, so they cannot connect.

export type FeedExpected = 'touchpoint+scores' | 'touchpoint' | 'FORBIDDEN_UNIT' | 'UNKNOWN_UNIT' | 'FORBIDDEN' | 'UNAUTHENTICATED';
export type FeedRow = [CallerName, string, FeedExpected];

export const FEED_TABLE: FeedRow[] = [
  ['admin', 'bu-b', 'touchpoint+scores'],
  ['admin', 'group', 'touchpoint+scores'],
  ['exec', 'group', 'touchpoint+scores'],
  ['exec', 'prj-b1', 'touchpoint+scores'],
  ['exec', 'no-such-unit', 'UNKNOWN_UNIT'],
  ['head.a', 'bu-a', 'touchpoint+scores'],
  ['head.a', 'prj-a1', 'touchpoint+scores'],
  ['head.a', 'bu-b', 'FORBIDDEN_UNIT'],
  ['head.a', 'group', 'FORBIDDEN_UNIT'],
  ['head.a', 'no-such-unit', 'UNKNOWN_UNIT'],
  ['agent.a1', 'prj-a1', 'touchpoint'], // touchpoints yes, scores no: as engagementScore refuses agents
  ['agent.a1', 'prj-a2', 'FORBIDDEN_UNIT'],
  ['agent.a1', 'bu-a', 'FORBIDDEN_UNIT'],
  ['site-a', 'bu-a', 'FORBIDDEN'], // GraphQL refuses site keys every read
  ['site-a', 'prj-a1', 'FORBIDDEN'],
  ...BAD_CALLERS.map((c): FeedRow => [c, 'prj-a1', 'UNAUTHENTICATED']),
];

/** How long an event that should not come is waited for: longer than the rolling scores' 1 s tick. */
const QUIET_MS = 1500;

/**
 * Connects as the caller, subscribes to `unitId`, has `recordAs` commit a touchpoint
 * there, and checks which events arrived (or that the connection or subscription was refused).
 */
export async function checkFeedRow(url: string, token: string | undefined, unitId: string, expected: FeedExpected, commit: (tp: Record<string, unknown>) => Promise<void>): Promise<void> {
  const s = openFeed(url, token === undefined ? {} : { token });
  try {
    const refusal = await connected(s).then(
      () => null,
      (e: Error) => e.message,
    );
    if (expected === 'FORBIDDEN' || expected === 'UNAUTHENTICATED') return expect(refusal).toBe(expected);
    expect(refusal).toBeNull();
    const scores = record(s, 'scores');
    const touchpoints = record(s, 'touchpoint');
    const ack = await subscribe(s, unitId);
    if (expected === 'FORBIDDEN_UNIT' || expected === 'UNKNOWN_UNIT') return expect(ack).toEqual({ ok: false, code: expected });
    expect(ack).toEqual({ ok: true });
    const tp = touchpoint(unitId);
    const arrived = waitFor(s, 'touchpoint', (e) => e.id === tp.id);
    await commit(tp);
    await arrived;
    if (expected === 'touchpoint+scores') {
      expect(scores[0]).toMatchObject({ unitId }); // the snapshot on subscribe
      return;
    }
    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(scores).toEqual([]);
    expect(touchpoints.map((e) => e.id)).toEqual([tp.id]);
  } finally {
    s.disconnect();
  }
}

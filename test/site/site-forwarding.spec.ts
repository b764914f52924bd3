import { randomUUID } from 'node:crypto';
import { hourWindow, RATE, RECORD, SCORE, touchpoint, type IngestResult } from '../support/touchpoint-factory';
import {
  agentFlow,
  DEAD_LETTERS,
  LOG_MANY,
  LOG_ONE,
  MINE,
  RATE_LOCAL,
  SITE_A,
  SwitchableGateway,
  TestSite,
  TOUCHPOINT,
  waitFor,
  type LocalTouchpoint,
} from './support/site-harness';
import { LOGIN } from '../support/documents';

// A site against the real gateway, which goes down and comes back: the site
// keeps answering, its outbox holds the work, and the gateway ends up with each
// touchpoint exactly once. Both run in this process on the test cluster.

jest.setTimeout(90_000);

describe('site outbox and forwarder', () => {
  let gw: SwitchableGateway;
  let site: TestSite;
  let agent: string;

  beforeAll(async () => {
    gw = await SwitchableGateway.create();
  });

  afterAll(async () => {
    await gw?.destroy();
  });

  beforeEach(async () => {
    await gw.up();
    site = await TestSite.start(gw.url);
    agent = await site.login('agent.a1', 'agent-a1-password'); // online once, so the site knows the agent
  });

  afterEach(async () => {
    await site?.destroy();
  });

  const logOne = async (input: Record<string, unknown>): Promise<LocalTouchpoint> => {
    const res = await site.gql(LOG_ONE, { input }, agent);
    expect(res.errors).toBeUndefined();
    return res.data!.logTouchpoint;
  };
  const stored = (ids: string[]): Promise<{ id: string; satisfaction_score: number | null; site_id: string | null; agent_id: string | null }[]> =>
    gw.sql(`SELECT id::text, satisfaction_score, site_id, agent_id FROM touchpoint WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);

  it('accepts work while the gateway is down and hands it over exactly once when it returns', async () => {
    await gw.down();
    const singles = [await logOne(agentFlow()), await logOne(agentFlow({ customerId: 'cust-2' })), await logOne(agentFlow({ channel: 'EMAIL' }))];
    const res = await site.gql(LOG_MANY, { input: [1, 2, 3, 4, 5].map((i) => agentFlow({ customerId: `c-${i}` })) }, agent);
    expect(res.errors).toBeUndefined();
    const logged = [...singles, ...res.data!.logTouchpoints];
    expect(logged.map((t) => t.state)).toEqual(Array(8).fill('PENDING'));
    expect(logged.every((t) => t.unitId === 'prj-a1' && t.agentId === 'agent.a1')).toBe(true);

    const down = await waitFor('the status to show the failure', async () => {
      const s = await site.status(agent);
      return s.lastError !== null && !s.gatewayReachable && s;
    });
    expect(down.backlog).toBe(8);
    expect(down.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(down.lastError).toMatch(/NETWORK|TIMEOUT/);
    expect(down.forwarded).toBe(0);
    expect(await stored(logged.map((t) => t.id))).toEqual([]);

    await gw.up();
    const drained = await waitFor('the backlog to drain', async () => {
      const s = await site.status(agent);
      return s.backlog === 0 && s;
    });
    expect(drained).toMatchObject({ gatewayReachable: true, forwarded: 8, deadLetters: 0, oldestPendingAgeSeconds: null });
    expect(drained.lastSuccessAt).not.toBeNull();

    const rows = await stored(logged.map((t) => t.id));
    expect(rows.map((r) => r.id)).toEqual(logged.map((t) => t.id).sort());
    expect(rows.every((r) => r.site_id === SITE_A.id && r.agent_id === 'agent.a1')).toBe(true);
    // Counted once: the unit's score sees exactly these eight.
    const admin = (await gw.gql(LOGIN, { u: 'admin', p: 'admin-password' })).data!.login.token;
    const score = await gw.gql(SCORE, { unitId: 'bu-a', ...hourWindow(48, 2) }, admin);
    expect(score.data?.engagementScore.touchpoints).toBe(8);

    const mine = await site.gql(MINE, { first: 20 }, agent);
    expect(mine.data!.myTouchpoints.map((t) => t.id)).toEqual(logged.map((t) => t.id).reverse());
    expect(mine.data!.myTouchpoints.every((t) => t.state === 'FORWARDED' && t.forwardedAt !== null)).toBe(true);
  });

  it('holds a late rating back until its touchpoint is stored at the gateway', async () => {
    await gw.down();
    const tp = await logOne(agentFlow());
    const rated = await site.gql(RATE_LOCAL, { id: tp.id, s: { score: 4, comment: 'quick' } }, agent);
    expect(rated.data?.rateTouchpoint.satisfaction).toEqual({ score: 4, comment: 'quick', state: 'PENDING' });
    expect((await site.status(agent)).backlog).toBe(2);
    // The same rating again is a no-op; another one is refused, as the gateway would.
    const again = await site.gql(RATE_LOCAL, { id: tp.id, s: { score: 4, comment: 'quick' } }, agent);
    expect(again.errors).toBeUndefined();
    const changed = await site.gql(RATE_LOCAL, { id: tp.id, s: { score: 2 } }, agent);
    expect(changed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await site.status(agent)).backlog).toBe(2);

    await gw.up();
    const done = await waitFor('both to be forwarded', async () => {
      const t = (await site.gql(TOUCHPOINT, { id: tp.id }, agent)).data?.touchpoint;
      return t?.satisfaction?.state === 'FORWARDED' && t;
    });
    expect(done.state).toBe('FORWARDED');
    expect(await stored([tp.id])).toEqual([expect.objectContaining({ id: tp.id, satisfaction_score: 4 })]);
    // Never sent ahead of its touchpoint: the gateway never answered NOT_FOUND for it.
    expect(await site.sql(`SELECT attempts FROM site_rating WHERE touchpoint_id = $1`, [tp.id])).toEqual([{ attempts: 0 }]);
  });

  it('retries a rating the gateway cannot match yet, and dead-letters one it refuses', async () => {
    const [lost, ratedElsewhere] = (await site.gql(LOG_MANY, { input: [agentFlow(), agentFlow()] }, agent)).data!.logTouchpoints;
    await waitFor('both to be forwarded', async () => (await site.status(agent)).forwarded === 2);
    // The gateway loses one (as if restored from an older backup) and gets a rating for the other from elsewhere.
    await gw.sql(`DELETE FROM touchpoint WHERE id = $1`, [lost.id]);
    await gw.sql(`DELETE FROM touchpoint_key WHERE id = $1`, [lost.id]);
    expect((await gw.gql(RATE, { id: ratedElsewhere.id, s: { score: 1 } }, SITE_A.key)).errors).toBeUndefined();

    await site.gql(RATE_LOCAL, { id: lost.id, s: { score: 5 } }, agent);
    await site.gql(RATE_LOCAL, { id: ratedElsewhere.id, s: { score: 5 } }, agent);
    await waitFor('the unmatched rating to be tried', async () => {
      const [r] = await site.sql<{ attempts: number; state: string }>(`SELECT attempts, state FROM site_rating WHERE touchpoint_id = $1`, [lost.id]);
      return r.attempts >= 1 && r;
    });
    const refused = await waitFor('the refused rating to be dead', async () => {
      const letters = (await site.gql(DEAD_LETTERS, {}, agent)).data!.deadLetters;
      return letters.length > 0 && letters;
    });
    expect(refused).toEqual([expect.objectContaining({ kind: 'RATING', touchpointId: ratedElsewhere.id, code: 'CONFLICT' })]);

    // The touchpoint comes back (the site's own payload, resent): the waiting rating goes through.
    const [{ payload }] = await site.sql<{ payload: Record<string, unknown> }>(`SELECT payload FROM site_touchpoint WHERE id = $1`, [lost.id]);
    expect((await gw.gql(RECORD, { input: [payload] }, SITE_A.key)).data?.recordTouchpoints.accepted).toBe(1);
    await waitFor('the waiting rating to be forwarded', async () => {
      const t = (await site.gql(TOUCHPOINT, { id: lost.id }, agent)).data?.touchpoint;
      return t?.satisfaction?.state === 'FORWARDED';
    });
    expect(await stored([lost.id, ratedElsewhere.id])).toEqual(
      [
        { id: lost.id, satisfaction_score: 5 },
        { id: ratedElsewhere.id, satisfaction_score: 1 },
      ]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) => expect.objectContaining(r)),
    );
    expect(await site.status(agent)).toMatchObject({ backlog: 0, deadLetters: 1 });
  });

  it('keeps what the gateway refuses as a dead letter with its code, and forwards the rest', async () => {
    const id = randomUUID();
    const direct = await gw.gql(RECORD, { input: [touchpoint({ id, unitId: 'bu-a', customerId: 'someone-else' })] }, SITE_A.key);
    expect(direct.data?.recordTouchpoints.accepted).toBe(1);

    const res = await site.gql(LOG_MANY, { input: [agentFlow({ id }), agentFlow({ customerId: 'fine' })] }, agent);
    expect(res.errors).toBeUndefined();
    const [conflicting, fine] = res.data!.logTouchpoints;

    const dead = await waitFor('the conflict to be dead-lettered', async () => {
      const t = (await site.gql(TOUCHPOINT, { id }, agent)).data?.touchpoint;
      return t?.state === 'DEAD' && t;
    });
    expect(dead.error).toMatch(/^CONFLICT: /);
    const letters = (await site.gql(DEAD_LETTERS, {}, agent)).data!
      .deadLetters;
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: 'TOUCHPOINT', touchpointId: conflicting.id, code: 'CONFLICT' });
    expect(JSON.parse(letters[0].payload)).toMatchObject({ id, customerId: 'cust-1', unitId: 'prj-a1' });

    const other = await waitFor('the good one to be forwarded', async () => {
      const t = (await site.gql(TOUCHPOINT, { id: fine.id }, agent)).data?.touchpoint;
      return t?.state === 'FORWARDED' && t;
    });
    expect(other.id).toBe(fine.id);
    expect(await site.status(agent)).toMatchObject({ deadLetters: 1, backlog: 0, forwarded: 1 });
    // The gateway's copy is untouched.
    expect(await gw.sql(`SELECT customer_id FROM touchpoint WHERE id = $1`, [id])).toEqual([{ customer_id: 'someone-else' }]);
    // A dead touchpoint cannot be rated any more.
    const rating = await site.gql(RATE_LOCAL, { id, s: { score: 5 } }, agent);
    expect(rating.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resumes forwarding after a restart, from what its database holds', async () => {
    await gw.down();
    const logged = await Promise.all([1, 2, 3, 4, 5].map((i) => logOne(agentFlow({ customerId: `r-${i}` }))));
    await site.stop();

    await gw.up();
    await site.restart();
    // The token signed before the restart is still good: the secret lives in the data dir.
    await waitFor('the restarted site to drain', async () => {
      const s = await site.status(agent);
      return s.backlog === 0 && s;
    });
    const rows = await stored(logged.map((t) => t.id));
    expect(rows).toHaveLength(5);
    expect((await site.status(agent)).forwarded).toBe(5);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../support/test-database';
import { connectError, connectFeed, settle, type FeedClient } from './support/feed-client';
import { startGateway, type GatewayProcess } from './support/gateway-process';
import { E2E_ME, GraphqlClient, errorCodes, type GqlResponse } from './support/graphql-client';
import { checkBatch, checkExactlyOnce, checkFeedEvent, checkNewestFirst, checkRow } from './support/ingest-checks';
import { BUSINESS_UNIT_IDS, GROUP_ID, PROJECT_IDS, SITES, USERS, childrenOf, subtreeOf, writeSeedFile } from './support/org-fixture';
import { createRng } from './support/prng';
import { referenceBreakdown, referenceScore, referenceTrendWindows, selectTouchpoints, type RefTouchpoint } from './support/reference-model';
import { compareScore } from './support/score-comparison';
import { HOUR_MS, buildScenario, toReference, type Scenario } from './support/touchpoint-scenario';
import { SLICE_DIMENSIONS, type Session, type TouchpointRow } from './support/wire-types';

// The gateway as a black box: a real process on a real PostgreSQL, driven only
// through the public contract (POST /graphql, socket.io /feed), every number
// checked against an independent implementation of ENGAGEMENT-MODEL.md.

const SEED = Number(process.env.QIHE_E2E_SEED ?? 20261123);
const ALL_UNITS = [GROUP_ID, ...BUSINESS_UNIT_IDS, ...PROJECT_IDS];
const iso = (ms: number): string => new Date(ms).toISOString();
type UserKey = keyof typeof USERS;
type Rating = { score: number; comment?: string };

describe(`gateway e2e (seed ${SEED})`, () => {
  let dir: string;
  let db: { url: string; drop: () => Promise<void> };
  let gw: GatewayProcess;
  let anon: GraphqlClient;
  const sessions = {} as Record<UserKey, Session>;
  const as = (who: UserKey): GraphqlClient => anon.as(sessions[who]?.token);
  let execFeed: FeedClient;
  let headAFeed: FeedClient;
  let scenario: Scenario;
  let feedAfterIngest: string[] = []; // executive feed ids once ingestion settled
  let headFeedAfterIngest: string[] = [];
  const ratings = new Map<string, Rating>(); // late ratings applied through recordSatisfaction
  let rows: TouchpointRow[] = [];
  let refs: RefTouchpoint[] = [];

  const finalRating = (id: string): Rating | null => ratings.get(id) ?? scenario.stored.get(id)?.satisfaction ?? null;
  const windows = (): Record<string, [number, number]> => {
    const { from, to } = scenario.clock;
    return { whole: [from, to], 'first day': [from, from + 24 * HOUR_MS], 'last 3 hours': [to - 3 * HOUR_MS, to] };
  };
  const expectedScore = (unitId: string, from: number, to: number) => referenceScore(selectTouchpoints(refs, subtreeOf(unitId), from, to));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qihe-e2e-'));
    db = await createTestDatabase();
    gw = await startGateway({ databaseUrl: db.url, seedFile: writeSeedFile(dir) });
    anon = new GraphqlClient(gw.url);
  });

  afterAll(async () => {
    execFeed?.close();
    headAFeed?.close();
    await gw?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('1. authentication', () => {
    it.each(Object.keys(USERS) as UserKey[])('login as %s returns a token, its role and unit', async (who) => {
      const u = USERS[who];
      const res = await anon.login(u.username, u.password);
      expect(res.errors).toEqual([]);
      expect(res.data?.login).toMatchObject({ role: u.role, unitId: u.unitId });
      expect(typeof res.data?.login.token).toBe('string');
      expect(res.data?.login.token.length).toBeGreaterThan(10);
      sessions[who] = res.data!.login;
    });

    it('refuses a bad password, an unknown user, a missing or bad token with UNAUTHENTICATED', async () => {
      expect(errorCodes(await anon.login(USERS.headA.username, 'wrong-password'))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await anon.login('nobody.here', 'whatever-123'))).toEqual(['UNAUTHENTICATED']);
      const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
      const [from, to] = [iso(hour - HOUR_MS), iso(hour)];
      expect(errorCodes(await anon.engagementScore(GROUP_ID, from, to))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await anon.touchpointsPage(GROUP_ID, from, to, 10))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await anon.as('not-a-token').engagementScore(GROUP_ID, from, to))).toEqual(['UNAUTHENTICATED']);
      const me = await as('headA').request<{ me: Pick<Session, 'role' | 'unitId'> | null }>(E2E_ME);
      expect(me.data?.me).toEqual({ role: 'UNIT_HEAD', unitId: 'bu-a' });
    });
  });

  describe('2. feed connection and subscription scope', () => {
    it('refuses a socket without a valid token with connect_error UNAUTHENTICATED', async () => {
      expect(await connectError(gw.url, undefined)).toBe('UNAUTHENTICATED');
      expect(await connectError(gw.url, 'not-a-token')).toBe('UNAUTHENTICATED');
    });

    it('lets the executive subscribe to the group', async () => {
      execFeed = await connectFeed(gw.url, sessions.executive.token);
      expect(await execFeed.subscribe(GROUP_ID)).toEqual({ ok: true });
    });

    it('limits a unit head to its own subtree and names unknown units', async () => {
      headAFeed = await connectFeed(gw.url, sessions.headA.token);
      expect(await headAFeed.subscribe('bu-b')).toEqual({ ok: false, code: 'FORBIDDEN_UNIT' });
      expect(await headAFeed.subscribe('bu-nowhere')).toEqual({ ok: false, code: 'UNKNOWN_UNIT' });
      expect(await headAFeed.subscribe('bu-a')).toEqual({ ok: true });
    });
  });

  describe('3. ingestion', () => {
    it('stores each valid touchpoint once across concurrent batches and rejects the rest item by item', async () => {
      scenario = buildScenario(SEED);
      const problems: string[] = [];
      let acceptedTotal = 0;
      for (const [r, round] of scenario.rounds.entries()) {
        const results = await Promise.all(round.map((b) => anon.as(b.site.key).recordTouchpoints(b.items.map((i) => i.input))));
        round.forEach((b, i) => problems.push(...checkBatch(b, results[i])));
        const accepted = results.reduce((s, x) => s + x.accepted, 0);
        const items = round.flatMap((b) => b.items);
        const wanted = items.filter((i) => i.expect.kind === 'new').length + new Set(items.filter((i) => i.expect.kind === 'race').map((i) => i.input.id)).size;
        if (accepted !== wanted) problems.push(`round ${r + 1}: ${accepted} accepted in all, expected ${wanted}`);
        acceptedTotal += accepted;
      }
      // Let the feed catch up (before ratings could add to it), whatever the checks below say.
      await settle(() => execFeed?.touchpoints.length ?? 0, scenario.stored.size);
      feedAfterIngest = execFeed?.touchpoints.map((e) => e.id) ?? [];
      headFeedAfterIngest = headAFeed?.touchpoints.map((e) => e.id) ?? [];
      expect(problems).toEqual([]);
      expect(acceptedTotal).toBe(scenario.stored.size);
      const sent = scenario.rounds.flat().reduce((s, b) => s + b.items.length, 0);
      expect(sent).toBeGreaterThan(1400);
    });
  });

  describe('4. late ratings', () => {
    it('applies a rating once, accepts the same again, rejects a different one', async () => {
      const rng = createRng(SEED + 1);
      const unrated = [...scenario.stored.values()].filter((t) => !t.satisfaction);
      const inA = unrated.filter((t) => t.unitId === 'bu-a').slice(0, 20);
      const inB = unrated.filter((t) => subtreeOf('bu-b').has(t.unitId));
      const bySite = unrated.filter((t) => !inA.includes(t) && !inB.slice(0, 10).includes(t)).slice(0, 30);
      const plan: Array<{ id: string; by: GraphqlClient; rating: Rating }> = [
        ...inA.map((t) => ({ id: t.id, by: as('agentA') })),
        ...inB.slice(0, 10).map((t) => ({ id: t.id, by: anon.as(SITES.buB.key) })),
        ...bySite.map((t) => ({ id: t.id, by: anon.as(SITES.group.key) })),
      ].map((p) => ({ ...p, rating: rng.chance(0.5) ? { score: rng.int(1, 5) } : { score: rng.int(1, 5), comment: `late ${rng.int(1, 999)}` } }));

      const problems: string[] = [];
      for (const p of plan) {
        const res = await p.by.recordSatisfaction(p.id, p.rating);
        const got = res.data?.recordSatisfaction;
        if (res.errors.length || got?.id !== p.id || got.satisfaction?.score !== p.rating.score || (got.satisfaction?.comment ?? null) !== (p.rating.comment ?? null)) {
          problems.push(`rating ${p.id} with ${JSON.stringify(p.rating)}: ${JSON.stringify(res.errors.length ? res.errors : got?.satisfaction)}`);
        } else ratings.set(p.id, p.rating);
      }
      expect(problems).toEqual([]);

      const again = await plan[0].by.recordSatisfaction(plan[0].id, plan[0].rating);
      expect(again.errors).toEqual([]);
      expect(again.data?.recordSatisfaction.satisfaction?.score).toBe(plan[0].rating.score);
      const other = { score: (plan[1].rating.score % 5) + 1 };
      expect(errorCodes(await plan[1].by.recordSatisfaction(plan[1].id, other))).toEqual(['BAD_USER_INPUT']);
      const ratedAtIngest = [...scenario.stored.values()].find((t) => t.satisfaction && t.unitId === 'bu-a')!;
      expect(errorCodes(await as('agentA').recordSatisfaction(ratedAtIngest.id, { score: (ratedAtIngest.satisfaction!.score % 5) + 1 }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await as('agentA').recordSatisfaction(ratedAtIngest.id, ratedAtIngest.satisfaction!))).toEqual([]);
    });

    // DESIGN.md (Security): "A user sees only their unit's subtree"; feed.md says the same of scope.
    it("lets an agent rate a touchpoint of its unit's subtree (a project under its BU)", async () => {
      const t = [...scenario.stored.values()].find((x) => !x.satisfaction && !ratings.has(x.id) && x.unitId === 'prj-a1')!;
      const res = await as('agentA').recordSatisfaction(t.id, { score: 4 });
      if (!res.errors.length) ratings.set(t.id, { score: 4 });
      expect(res.errors).toEqual([]);
      expect(res.data?.recordSatisfaction.satisfaction).toEqual({ score: 4, comment: null });
    });

    it('rejects unknown ids, bad scores, other subtrees and anonymous callers', async () => {
      const free = [...scenario.stored.values()].filter((t) => !t.satisfaction && !ratings.has(t.id));
      const inB = free.find((t) => subtreeOf('bu-b').has(t.unitId))!;
      const inA = free.find((t) => t.unitId === 'bu-a')!;
      expect(errorCodes(await anon.as(SITES.group.key).recordSatisfaction('0b5e3f5c-1d2a-4c3b-9e8f-7a6b5c4d3e2f', { score: 3 }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await as('agentA').recordSatisfaction(inA.id, { score: 6 }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await as('agentA').recordSatisfaction(inB.id, { score: 4 }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await anon.as(SITES.prjA1.key).recordSatisfaction(inB.id, { score: 4 }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await anon.recordSatisfaction(inB.id, { score: 4 }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('5. feed', () => {
    it('sent the executive one touchpoint event per newly stored touchpoint, none for duplicates', () => {
      const problems = checkExactlyOnce('executive feed', feedAfterIngest, new Set(scenario.stored.keys()));
      for (const e of execFeed.touchpoints) {
        const sent = scenario.stored.get(e.id);
        if (sent) problems.push(...checkFeedEvent(e, sent));
      }
      expect(problems).toEqual([]);
    });

    it('sent the unit head exactly the touchpoints of its subtree', () => {
      const mine = new Set([...scenario.stored.values()].filter((t) => subtreeOf('bu-a').has(t.unitId)).map((t) => t.id));
      expect(checkExactlyOnce('bu-a head feed', headFeedAfterIngest, mine)).toEqual([]);
    });

    it('sent no further touchpoint events for late ratings', () => {
      expect(execFeed.touchpoints.slice(feedAfterIngest.length).map((e) => e.id)).toEqual([]);
      expect(headAFeed.touchpoints.slice(headFeedAfterIngest.length).map((e) => e.id)).toEqual([]);
    });
  });

  describe('6. stored touchpoints and scores', () => {
    it('pages every stored touchpoint newest first, as sent, with ratings applied', async () => {
      const { from, to } = scenario.clock;
      rows = await as('executive').allTouchpoints(GROUP_ID, iso(from - HOUR_MS), iso(to), 100);
      const problems = [...checkExactlyOnce('touchpoints query', rows.map((r) => r.id), new Set(scenario.stored.keys())), ...checkNewestFirst(rows)];
      const feedReceived = new Map(execFeed.touchpoints.map((e) => [e.id, e.receivedAt]));
      for (const row of rows) {
        const sent = scenario.stored.get(row.id);
        if (!sent) continue;
        problems.push(...checkRow(row, sent, finalRating(row.id)));
        const received = Date.parse(row.receivedAt);
        if (!(received >= scenario.clock.now - 60_000 && received <= Date.now())) problems.push(`touchpoint ${row.id}: receivedAt ${row.receivedAt} is not the time of this run`);
        const fed = feedReceived.get(row.id);
        if (fed !== undefined && Date.parse(fed) !== received) problems.push(`touchpoint ${row.id}: feed receivedAt ${fed} != stored ${row.receivedAt}`);
      }
      expect(problems).toEqual([]);
      refs = rows.filter((r) => scenario.stored.has(r.id)).map((r) => toReference(scenario.stored.get(r.id)!, Date.parse(r.receivedAt), finalRating(r.id)?.score ?? null));
      // The scenario must exercise both sides of the timeliness limit.
      const lags = refs.map((t) => t.receivedAt - t.occurredAt);
      expect(lags.some((l) => l <= 15 * 60_000)).toBe(true);
      expect(lags.some((l) => l > 15 * 60_000)).toBe(true);
    });

    it.each(ALL_UNITS)('engagementScore of %s matches the reference model in every window', async (unitId) => {
      const problems: string[] = [];
      for (const [name, [from, to]] of Object.entries(windows())) {
        const res = await as('executive').engagementScore(unitId, iso(from), iso(to));
        if (res.errors.length) problems.push(`${name}: ${JSON.stringify(res.errors)}`);
        else problems.push(...compareScore(res.data?.engagementScore, expectedScore(unitId, from, to), { label: `${unitId} ${name}`, unitId, from, to }));
      }
      expect(problems).toEqual([]);
    });

    it.each([GROUP_ID, ...BUSINESS_UNIT_IDS, PROJECT_IDS[0]])('engagementScores(parentId: %s) scores each child', async (parentId) => {
      const { from, to } = scenario.clock;
      const res = await as('executive').engagementScores(parentId, iso(from), iso(to));
      expect(res.errors).toEqual([]);
      const list = res.data!.engagementScores;
      expect(list.map((s) => s.unit.id).sort()).toEqual(childrenOf(parentId).sort());
      const problems = list.flatMap((s) => compareScore(s, expectedScore(s.unit.id, from, to), { label: `child ${s.unit.id}`, unitId: s.unit.id, from, to }));
      expect(problems).toEqual([]);
    });

    it.each([...SLICE_DIMENSIONS])('engagementBreakdown of the group by %s matches the reference slices', async (by) => {
      const { from, to } = scenario.clock;
      const res = await as('executive').engagementBreakdown(GROUP_ID, iso(from), iso(to), by);
      expect(res.errors).toEqual([]);
      const want = referenceBreakdown(selectTouchpoints(refs, subtreeOf(GROUP_ID), from, to), by);
      const got = res.data!.engagementBreakdown;
      expect(got.map((s) => s.value).sort()).toEqual([...want.keys()].sort());
      const problems = got.flatMap((s) =>
        want.has(s.value) ? compareScore(s.score, want.get(s.value)!, { label: `${by}=${s.value}`, unitId: GROUP_ID, from, to }) : [],
      );
      expect(problems).toEqual([]);
    });

    it.each([
      [GROUP_ID, 'HOUR'],
      [GROUP_ID, 'DAY'],
      ['bu-a', 'DAY'],
      ['prj-b2', 'HOUR'],
    ])('engagementTrend of %s by %s matches the reference windows', async (unitId, interval) => {
      const { from, to } = scenario.clock;
      const res = await as('executive').engagementTrend(unitId, iso(from), iso(to), interval);
      expect(res.errors).toEqual([]);
      const want = referenceTrendWindows(from, to, interval === 'HOUR' ? HOUR_MS : 24 * HOUR_MS);
      const got = res.data!.engagementTrend;
      expect(got.length).toBe(want.length);
      const problems = want.flatMap((w, i) => compareScore(got[i], expectedScore(unitId, w.from, w.to), { label: `${interval} ${iso(w.from)}`, unitId, from: w.from, to: w.to }));
      expect(problems).toEqual([]);
    });
  });

  describe('7. scope and window rules', () => {
    // Each operation over the scenario's whole window.
    type Op = (c: GraphqlClient, unitId: string) => Promise<GqlResponse<unknown>>;
    const w = (): [string, string] => [iso(scenario.clock.from), iso(scenario.clock.to)];
    const ops: Record<string, Op> = {
      engagementScore: (c, u) => c.engagementScore(u, ...w()),
      engagementScores: (c, u) => c.engagementScores(u, ...w()),
      touchpoints: (c, u) => c.touchpointsPage(u, ...w(), 10),
      engagementBreakdown: (c, u) => c.engagementBreakdown(u, ...w(), 'CHANNEL'),
      engagementTrend: (c, u) => c.engagementTrend(u, ...w(), 'DAY'),
    };
    it.each<[UserKey, string, string, string]>([
      ['headA', 'engagementScore', 'bu-b', 'FORBIDDEN'],
      ['headA', 'engagementScore', GROUP_ID, 'FORBIDDEN'],
      ['headA', 'engagementScore', 'prj-b1', 'FORBIDDEN'],
      ['headA', 'engagementScores', 'bu-b', 'FORBIDDEN'],
      ['headA', 'touchpoints', 'bu-b', 'FORBIDDEN'],
      ['headA', 'engagementBreakdown', 'bu-b', 'FORBIDDEN'],
      ['headA', 'engagementTrend', 'bu-b', 'FORBIDDEN'],
      ['headB', 'engagementScore', 'bu-a', 'FORBIDDEN'],
      ['agentA', 'engagementScore', 'bu-a', 'FORBIDDEN'],
      ['executive', 'engagementScore', 'bu-nowhere', 'NOT_FOUND'],
      ['headA', 'engagementScore', 'bu-a', 'ok'],
      ['headA', 'engagementScore', 'prj-a2', 'ok'],
      ['headA', 'engagementScores', 'bu-a', 'ok'],
      ['headA', 'touchpoints', 'prj-a1', 'ok'],
      ['headA', 'engagementBreakdown', 'bu-a', 'ok'],
    ])('%s asking %s of %s → %s', async (who, op, unitId, want) => {
      expect(errorCodes(await ops[op](as(who), unitId))).toEqual(want === 'ok' ? [] : [want]);
    });

    it('gives a unit head the same numbers for its own units as the executive', async () => {
      const { from: f, to: t } = scenario.clock;
      const res = await as('headA').engagementScore('prj-a2', iso(f), iso(t));
      expect(compareScore(res.data?.engagementScore, expectedScore('prj-a2', f, t), { label: 'head A on prj-a2', unitId: 'prj-a2', from: f, to: t })).toEqual([]);
      const tps = await as('headA').allTouchpoints('bu-a', iso(f), iso(t), 100);
      expect(tps.length).toBe(selectTouchpoints(refs, subtreeOf('bu-a'), f, t).length);
    });

    it.each([
      ['from not on a whole hour', 30 * 60_000, 0, 'from'],
      ['to not on a whole hour', 0, -1000, 'to'],
      ['to before from', 5 * HOUR_MS, -(46 * HOUR_MS), 'to'],
    ])('rejects a window with %s as BAD_USER_INPUT', async (_case, shiftFrom, shiftTo, field) => {
      const f = iso(scenario.clock.from + shiftFrom);
      const t = iso(scenario.clock.to + shiftTo);
      for (const res of [await as('executive').engagementScore(GROUP_ID, f, t), await as('executive').engagementTrend(GROUP_ID, f, t, 'HOUR')]) {
        expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors[0].message).toContain(field);
      }
    });
  });
});

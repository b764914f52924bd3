import { randomUUID } from 'node:crypto';
import { graphql } from '../__generated__/gateway';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { Rng } from '../../tools/traffic/src/prng';

// The four engagement types of one customer (MANAGEMENT-MODEL.md §6) over
// their in-scope touchpoints of the last 365 days, against a recount written
// here from the table of §6 alone: every measure and every type score to 1e-9,
// for every role's scope, with repeats across units arriving out of order.

let gw: TestGateway;
const tokens: Record<string, string> = {};
const DAY = 86_400_000;

const LOGIN = graphql(`mutation TypesLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);
const RECORD = graphql(`mutation TypesRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }`);
const TYPES = graphql(`query CustomerTypes($c: String!) { customer(customerId: $c) { engagement { type score measures { key numerator denominator value normalized weight } } } }`);

interface Tp {
  id: string;
  unitId: string;
  occurredAt: number;
  channel: string;
  need: string;
  served: boolean;
  resolved: boolean;
  handoff: boolean;
  knowledgeCreated: boolean;
  linked: boolean;
  score: number | null;
}

const UNITS = ['prj-a1', 'prj-a2', 'prj-b1', 'prj-b2', 'bu-a'];
const CHANNELS = ['PHONE', 'WEB', 'APP', 'EMAIL'];
const NEEDS = ['FAULT', 'COMPLAINT', 'RENEWAL', 'PURCHASE', 'BILLING'];

function history(seed: string, n: number, now: number): Tp[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    // Some older than a year (outside the window), clusters of a few days (repeats).
    let occurredAt = Math.round(now - rng.next() * 420 * DAY);
    // None within a day of the window's edge: the answer's clock runs a few seconds after the recount's.
    if (Math.abs(occurredAt - (now - 365 * DAY)) < DAY) occurredAt -= 2 * DAY;
    const served = rng.chance(0.8);
    return {
      id: randomUUID(),
      unitId: rng.pick(UNITS),
      occurredAt,
      channel: rng.pick(CHANNELS),
      need: rng.pick(NEEDS),
      served,
      resolved: served && rng.chance(0.6),
      handoff: served && rng.chance(0.2),
      knowledgeCreated: served && rng.chance(0.1),
      linked: rng.chance(0.5),
      score: rng.chance(0.6) ? rng.int(1, 5) : null,
    };
  });
}

const input = (customerId: string, t: Tp): Record<string, unknown> => ({
  id: t.id,
  unitId: t.unitId,
  customerId,
  channel: t.channel,
  kind: 'SERVICE',
  stage: 'AFTER_SALE',
  occurredAt: new Date(t.occurredAt).toISOString(),
  need: { category: t.need },
  ...(t.linked ? { contractId: 'ct-1' } : {}),
  ...(t.served ? { service: { action: 'handled', handleSeconds: 90, resolved: t.resolved, firstContact: true, knowledgeCreated: t.knowledgeCreated, ...(t.handoff ? { handoffUnitId: 'prj-b1' } : {}) } } : {}),
  ...(t.score ? { satisfaction: { score: t.score } } : {}),
});

/** §6 by hand: the measures of each type over `mine`, repeats judged against every touchpoint of the customer (`all`). */
function recount(all: Tp[], mine: Tp[]): Record<string, { score: number | null; measures: Record<string, number | null> }> {
  const isRepeat = (t: Tp): boolean =>
    all.some((o) => o !== t && o.need === t.need && (o.occurredAt < t.occurredAt ? o.occurredAt >= t.occurredAt - 7 * DAY : o.occurredAt === t.occurredAt && o.id < t.id));
  const N = mine.length;
  const S = mine.filter((t) => t.served);
  const R = mine.filter((t) => t.score !== null);
  const SR = S.filter((t) => t.score !== null);
  const H = S.filter((t) => t.handoff);
  const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  const m: Record<string, [number | null, number, number]> = {
    selfService: [ratio(mine.filter((t) => t.channel === 'WEB' || t.channel === 'APP').length, N), 0.5, 0.3],
    repeatFree: [ratio(N - mine.filter(isRepeat).length, N), 1, 0.4],
    closedLoop: [ratio(SR.length, N), 1, 0.3],
    csat: [ratio(R.reduce((s, t) => s + (t.score as number) - 1, 0), 4 * R.length), 1, 0.5],
    delight: [ratio(R.filter((t) => t.score === 5).length, R.length), 0.5, 0.25],
    complaintFree: [ratio(N - mine.filter((t) => t.need === 'COMPLAINT').length, N), 1, 0.25],
    winWin: [ratio(SR.filter((t) => t.resolved && (t.score as number) >= 4).length, SR.length), 1, 0.4],
    growth: [ratio(mine.filter((t) => t.need === 'PURCHASE' || t.need === 'RENEWAL').length, N), 0.25, 0.3],
    resolution: [ratio(S.filter((t) => t.resolved).length, S.length), 1, 0.3],
    linkage: [ratio(mine.filter((t) => t.linked).length, N), 1, 0.3],
    renewal: [ratio(mine.filter((t) => t.need === 'RENEWAL').length, N), 0.1, 0.3],
    collaboration: [ratio(H.filter((t) => t.resolved).length, H.length), 1, 0.2],
    knowledgeCapture: [ratio(S.filter((t) => t.knowledgeCreated).length, S.length), 0.1, 0.2],
  };
  const types: Record<string, string[]> = {
    BEHAVIOURAL: ['selfService', 'repeatFree', 'closedLoop'],
    EMOTIONAL: ['csat', 'delight', 'complaintFree'],
    WIN_WIN: ['winWin', 'growth', 'resolution'],
    STRATEGIC: ['linkage', 'renewal', 'collaboration', 'knowledgeCapture'],
  };
  return Object.fromEntries(
    Object.entries(types).map(([type, keys]) => {
      let sw = 0;
      let s = 0;
      for (const k of keys) {
        const [v, target, w] = m[k];
        if (v === null) continue;
        sw += w;
        s += w * Math.min(1, Math.max(0, v / target));
      }
      return [type, { score: sw === 0 ? null : (100 * s) / sw, measures: Object.fromEntries(keys.map((k) => [k, m[k][0]])) }];
    }),
  );
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  for (const u of TEST_ORG.users) tokens[u.username] = (await gw.gql(LOGIN, { u: u.username, p: u.password })).data!.login.token;
});

afterAll(async () => {
  await gw?.close();
});

describe('a customer\'s four engagement types', () => {
  const now = Date.now();
  const all = history('types', 160, now - 60_000);

  beforeAll(async () => {
    // Out of order, in three batches: later touchpoints first, so stored ones turn into repeats.
    const order = [...all].sort((a, b) => b.occurredAt - a.occurredAt);
    for (const part of [order.slice(0, 50), order.slice(100), order.slice(50, 100)]) {
      const res = await gw.gql(RECORD, { input: part.map((t) => input('cust-types', t)) }, tokens.admin);
      expect(res.data?.recordTouchpoints.rejected).toEqual([]);
    }
  });

  it.each<[string, string[]]>([
    ['exec', UNITS],
    ['head.a', ['prj-a1', 'prj-a2', 'bu-a']],
    ['head.b', ['prj-b1', 'prj-b2']],
    ['agent.a1', ['prj-a1']],
  ])('%s: every measure and type score equals the recount over its scope, to 1e-9', async (who, units) => {
    const res = await gw.gql(TYPES, { c: 'cust-types' }, tokens[who]);
    expect(res.errors).toBeUndefined();
    const got = res.data!.customer!.engagement;
    expect(got.map((t) => t.type)).toEqual(['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC']);
    const inWindow = all.filter((t) => units.includes(t.unitId) && t.occurredAt >= now - 365 * DAY);
    const expected = recount(all, inWindow);
    for (const t of got) {
      const e = expected[t.type];
      if (e.score === null) expect(t.score).toBeNull();
      else expect(Math.abs((t.score as number) - e.score)).toBeLessThan(1e-9);
      for (const m of t.measures) {
        const v = e.measures[m.key];
        if (v === null || v === undefined) expect(m.value).toBeNull();
        else expect(Math.abs((m.value as number) - v)).toBeLessThan(1e-9);
      }
    }
  });
});

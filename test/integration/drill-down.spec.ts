import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { dimCode } from '@qihe/data';
import { COUNTER_KEYS, DEFAULT_MODEL, OrgTree, SLICE_DIMENSIONS, type CounterKey } from '@qihe/domain';
import { SeedService } from '../../apps/gateway/src/bootstrap/seed.service';
import { graphql } from '../__generated__/gateway';
import type { DrillDownQuery } from '../__generated__/gateway/graphql';
import type { GqlResponse } from '../support/gateway-app';
import { LOGIN, RATE, RECORD, SCORE } from '../support/documents';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// The drill-down behind a number (MANAGEMENT-MODEL.md §3) on a real gateway:
// every filter, every measure's parts and the new slices recounted here from
// the touchpoints this test sent (its own arithmetic, not the gateway's), so
// totalCount and the pages are exactly the touchpoints behind each number.

const HOUR = 3_600_000;
const MIN = 60_000;
const CATALOGUE = [
  { code: 'QUICK', name: 'Answered within a minute', level: 1, targetMinutes: 1, warnAtPercent: 50 },
  { code: 'WEEK', name: 'Settled within a week', level: 1, targetMinutes: 10_080, warnAtPercent: 90 },
];
const UNITS = TEST_ORG.units.map((u) => u.id);
const SUBTREE: Record<string, string[]> = {
  group: UNITS,
  'bu-a': ['bu-a', 'prj-a1', 'prj-a2'],
  'prj-a1': ['prj-a1'],
};
const CHANNELS = ['PHONE', 'EMAIL', 'WEB', 'APP'];
const NEEDS = ['CONSULTATION', 'FAULT', 'COMPLAINT', 'PURCHASE', 'RENEWAL', 'BILLING'];
const STAGES = ['PRE_SALE', 'IN_SALE', 'AFTER_SALE'];
const KINDS = ['SERVICE', 'COLLABORATION', 'SOCIAL'];

const TOUCHPOINTS = graphql(`
  query DrillDown($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String, $filter: TouchpointFilter) {
    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id receivedAt agentId teamId productId contractId handleSeconds unit { id } } }
    }
  }
`);
const BREAKDOWN = graphql(`
  query DrillBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {
    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {
      value
      score { touchpoints chains { measures { key numerator denominator } } }
    }
  }
`);
const EVENTS = graphql(`
  mutation DrillEvents($input: [CommitmentEventInput!]!) {
    recordCommitmentEvents(input: $input) { accepted rejected { index code message } }
  }
`);

/** What this test sent, and what it knows became of it. */
interface Ref {
  id: string;
  unitId: string;
  occurredAt: number;
  receivedAt: number;
  channel: string;
  kind: string;
  stage: string;
  need: string;
  region: string | null;
  industry: string | null;
  agentId: string | null;
  teamId: string | null;
  productId: string | null;
  contractId: string | null;
  customerId: string;
  service: null | {
    handleSeconds: number;
    resolved: boolean;
    firstContact: boolean;
    refs: number;
    created: boolean;
    handoff: boolean;
    /** null: no commitment, or a tracked one not settled; else whether it counts as met. */
    kept: boolean | null;
  };
  score: number | null;
}

// The counting rules of ENGAGEMENT-MODEL.md, row by row; ratingPoints (a sum) selects the rated 4..5 (§3, csat).
const S = (t: Ref) => t.service;
const ROW: Record<CounterKey, (t: Ref) => boolean> = {
  touchpoints: () => true,
  served: (t) => !!S(t),
  rated: (t) => t.score !== null,
  ratingPoints: (t) => (t.score ?? 0) >= 4,
  servedRated: (t) => !!S(t) && t.score !== null,
  winWin: (t) => !!S(t)?.resolved && (t.score ?? 0) >= 4,
  growth: (t) => t.need === 'PURCHASE' || t.need === 'RENEWAL',
  resolved: (t) => !!S(t)?.resolved,
  commitmentPresent: (t) => S(t)?.kept !== null && S(t)?.kept !== undefined,
  commitmentMet: (t) => S(t)?.kept === true,
  handoff: (t) => !!S(t)?.handoff,
  handoffResolved: (t) => !!S(t)?.handoff && !!S(t)?.resolved,
  knowledgeUsed: (t) => (S(t)?.refs ?? 0) > 0,
  firstContactResolved: (t) => !!S(t)?.resolved && !!S(t)?.firstContact,
  knowledgeCreated: (t) => !!S(t)?.created,
  linked: (t) => t.contractId !== null || t.productId !== null,
  timely: (t) => t.receivedAt - t.occurredAt <= 15 * MIN,
  handleSeconds: (t) => !!S(t),
  // The 7-day rule over what this test sent (MANAGEMENT-MODEL.md §4).
  repeats: (t) =>
    refs.some((u) => u !== t && u.customerId === t.customerId && u.need === t.need && u.occurredAt >= t.occurredAt - 7 * 24 * 60 * MIN && (u.occurredAt < t.occurredAt || (u.occurredAt === t.occurredAt && u.id < t.id))),
  selfService: (t) => t.channel === 'WEB' || t.channel === 'APP',
  complaints: (t) => t.need === 'COMPLAINT',
  renewals: (t) => t.need === 'RENEWAL',
  delighted: (t) => t.score === 5,
  lowRated: (t) => t.score !== null && t.score <= 2,
  neutral: (t) => t.score === 3,
};
const unknownOr = (v: string | null): string => v ?? 'UNKNOWN';

let gw: TestGateway;
let pg: Client;
const tokens: Record<string, string> = {};
const refs: Ref[] = [];
const H = Math.floor(Date.now() / HOUR) * HOUR;
const FROM = new Date(H - 6 * HOUR).toISOString();
const TO = new Date(H + HOUR).toISOString();

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function all(unitId: string, filter: Record<string, unknown> | null, token = tokens.exec, first = 500) {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (;;) {
    const res: GqlResponse<DrillDownQuery> = await gw.gql(TOUCHPOINTS, { unitId, from: FROM, to: TO, first, after, filter }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const c = res.data!.touchpoints;
    if (total >= 0) expect(c.totalCount).toBe(total); // the same on every page
    total = c.totalCount;
    ids.push(...c.edges.map((e) => e.node.id));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { ids: ids.sort(), total };
}

const expected = (unitId: string, keep: (t: Ref) => boolean): string[] =>
  refs.filter((t) => SUBTREE[unitId].includes(t.unitId) && keep(t)).map((t) => t.id).sort();

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, commitments: CATALOGUE });
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  for (const u of ['exec', 'head.a', 'agent.a1']) {
    const user = TEST_ORG.users.find((x) => x.username === u)!;
    tokens[u] = (await gw.gql(LOGIN, { u, p: user.password })).data!.login.token;
  }
  const rand = rng(20261201);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const now = Date.now();
  const inputs: Record<string, unknown>[] = [];
  const events: { id: string; touchpointId: string; code: string; completedAt: string }[] = [];
  for (let i = 0; i < 360; i++) {
    // Most well inside the window; a few in the last minutes (timely) and a few 20 minutes late.
    const occurredAt = i % 10 === 0 ? now - Math.floor(rand() * 10) * MIN - MIN : i % 10 === 1 ? now - 20 * MIN : H - 5 * HOUR + Math.floor(rand() * 4 * HOUR);
    const served = rand() < 0.8;
    const commitment = !served || rand() < 0.5 ? null : pick(['QUICK', 'WEEK', 'WEEK', 'SELF']);
    const met = rand() < 0.5;
    let kept: boolean | null = null;
    const id = randomUUID();
    if (commitment === 'SELF') kept = met; // not in the catalogue: self-reported, counted as sent
    if (commitment === 'QUICK') kept = met ? true : false; // met at capture, else breached once due (a minute later)
    if (commitment === 'WEEK' && met) kept = true;
    if (commitment === 'WEEK' && !met && rand() < 0.5) {
      kept = true; // completed by an event well before its due time
      events.push({ id: randomUUID(), touchpointId: id, code: 'WEEK', completedAt: new Date(occurredAt + 5 * MIN).toISOString() });
    }
    const score = rand() < 0.45 ? 1 + Math.floor(rand() * 5) : null;
    const ref: Ref = {
      id,
      unitId: pick(UNITS),
      occurredAt,
      receivedAt: 0,
      channel: pick(CHANNELS),
      kind: pick(KINDS),
      stage: pick(STAGES),
      need: pick(NEEDS),
      region: pick(['East', 'West', null]),
      industry: pick(['Energy', null]),
      agentId: pick(['a-0', 'a-1', 'a-2', 'a-3', null]),
      teamId: pick(['t-0', 't-1', null]),
      productId: pick(['p-0', 'p-1', 'p-2', null]),
      contractId: pick(['c-0', null, null]),
      customerId: `cust-${Math.floor(rand() * 12)}`,
      service: served
        ? { handleSeconds: 30 + Math.floor(rand() * 600), resolved: rand() < 0.6, firstContact: rand() < 0.5, refs: pick([0, 1, 2]), created: rand() < 0.2, handoff: rand() < 0.2, kept }
        : null,
      score,
    };
    refs.push(ref);
    inputs.push({
      id,
      unitId: ref.unitId,
      customerId: ref.customerId,
      channel: ref.channel,
      kind: ref.kind,
      stage: ref.stage,
      occurredAt: new Date(occurredAt).toISOString(),
      region: ref.region,
      industry: ref.industry,
      agentId: ref.agentId,
      teamId: ref.teamId,
      productId: ref.productId,
      contractId: ref.contractId,
      need: { category: ref.need },
      service: ref.service && {
        action: 'helped',
        handleSeconds: ref.service.handleSeconds,
        resolved: ref.service.resolved,
        firstContact: ref.service.firstContact,
        knowledgeRefs: Array.from({ length: ref.service.refs }, (_, k) => `kb-${k}`),
        knowledgeCreated: ref.service.created,
        handoffUnitId: ref.service.handoff ? 'bu-b' : null,
        commitment: commitment && { code: commitment, met },
      },
      // Half the ratings come at capture, half later (recordSatisfaction).
      satisfaction: score !== null && i % 2 === 0 ? { score } : null,
    });
  }
  const site = TEST_ORG.sites.find((s) => s.id === 'site-group')!.key;
  for (let i = 0; i < inputs.length; i += 120) {
    const res = await gw.gql(RECORD, { input: inputs.slice(i, i + 120) }, site);
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordTouchpoints.rejected).toEqual([]);
  }
  for (const [i, t] of refs.entries()) {
    if (t.score !== null && i % 2 === 1) expect((await gw.gql(RATE, { id: t.id, s: { score: t.score } }, site)).errors).toBeUndefined();
  }
  const ev = await gw.gql(EVENTS, { input: events }, site);
  expect(ev.data?.recordCommitmentEvents).toEqual({ accepted: events.length, rejected: [] });
  // The monitor breaches every unfinished QUICK promise once it is due: wait until none is left.
  for (let waited = 0; ; waited += 500) {
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM commitment_node WHERE level = 1 AND resolved IS NULL AND due_at <= now()`);
    if (rows[0].n === 0) break;
    if (waited > 90_000) throw new Error(`${rows[0].n} due promises never settled`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // receivedAt is the gateway's; everything else the test knows.
  const { rows } = await pg.query(`SELECT id, floor(extract(epoch FROM received_at) * 1000)::float8 AS ms FROM touchpoint`);
  const received = new Map(rows.map((r) => [r.id as string, Number(r.ms)]));
  for (const t of refs) t.receivedAt = received.get(t.id)!;
}, 180_000);

afterAll(async () => {
  await pg?.end();
  await gw?.close();
});

const MEASURES = DEFAULT_MODEL.measures.map((m) => m.key);

describe('measure parts', () => {
  it.each(['group', 'bu-a'])('select exactly the counted touchpoints of every measure of %s, and count them as the measure does', async (unitId) => {
    const score = (await gw.gql(SCORE, { unitId, from: FROM, to: TO }, tokens.exec)).data!.engagementScore;
    const measures = new Map(score.chains.flatMap((c) => c.measures).map((m) => [m.key, m]));
    expect([...measures.keys()].sort()).toEqual([...MEASURES].sort());
    for (const def of DEFAULT_MODEL.measures) {
      const num = ROW[def.numerator.counter];
      const den = ROW[def.denominator.counter];
      const parts = { DENOMINATOR: den, NUMERATOR: num, MISSED: (t: Ref) => den(t) && !num(t) };
      for (const [part, keep] of Object.entries(parts)) {
        const got = await all(unitId, { measure: def.key, part });
        const want = expected(unitId, keep);
        expect({ measure: def.key, part, ids: got.ids }).toEqual({ measure: def.key, part, ids: want });
        expect({ measure: def.key, part, total: got.total }).toEqual({ measure: def.key, part, total: want.length });
      }
      const m = measures.get(def.key)!;
      const denCount = (await all(unitId, { measure: def.key, part: 'DENOMINATOR' })).total;
      const numCount = (await all(unitId, { measure: def.key, part: 'NUMERATOR' })).total;
      if (def.key === 'csat') {
        expect(denCount).toBe(m.denominator / 4);
        const rated = expected(unitId, ROW.rated).map((id) => refs.find((t) => t.id === id)!.score!);
        expect(numCount).toBe(rated.filter((s) => s >= 4).length);
        expect(Math.abs(m.numerator - rated.reduce((a, s) => a + s - 1, 0))).toBeLessThan(1e-9);
      } else {
        expect({ measure: def.key, counts: [numCount, denCount] }).toEqual({ measure: def.key, counts: [m.numerator, m.denominator] });
      }
    }
  });

  it('default to DENOMINATOR, and count csat MISSED as rated 1..3', async () => {
    expect((await all('group', { measure: 'csat' })).ids).toEqual(expected('group', ROW.rated));
    expect((await all('group', { measure: 'csat', part: 'MISSED' })).ids).toEqual(expected('group', (t) => t.score !== null && t.score <= 3));
  });
});

describe('filters', () => {
  const cases: [string, Record<string, unknown>, (t: Ref) => boolean][] = [
    ['channel', { channel: 'PHONE' }, (t) => t.channel === 'PHONE'],
    ['kind', { kind: 'SOCIAL' }, (t) => t.kind === 'SOCIAL'],
    ['stage', { stage: 'IN_SALE' }, (t) => t.stage === 'IN_SALE'],
    ['needCategory', { needCategory: 'COMPLAINT' }, (t) => t.need === 'COMPLAINT'],
    ['region', { region: 'East' }, (t) => t.region === 'East'],
    ['region UNKNOWN', { region: 'UNKNOWN' }, (t) => t.region === null],
    ['industry UNKNOWN', { industry: 'UNKNOWN' }, (t) => t.industry === null],
    ['industry', { industry: 'Energy' }, (t) => t.industry === 'Energy'],
    ['agentId', { agentId: 'a-1' }, (t) => t.agentId === 'a-1'],
    ['agentId UNKNOWN', { agentId: 'UNKNOWN' }, (t) => t.agentId === null],
    ['teamId', { teamId: 't-0' }, (t) => t.teamId === 't-0'],
    ['productId', { productId: 'p-2' }, (t) => t.productId === 'p-2'],
    ['productId UNKNOWN', { productId: 'UNKNOWN' }, (t) => t.productId === null],
    ['customerId', { customerId: 'cust-3' }, (t) => t.customerId === 'cust-3'],
    ['resolved true', { resolved: true }, (t) => t.service?.resolved === true],
    ['resolved false', { resolved: false }, (t) => t.service?.resolved === false],
    ['maxSatisfaction 2', { maxSatisfaction: 2 }, (t) => t.score !== null && t.score <= 2],
    ['maxSatisfaction 3 (rollups: lowRated + neutral)', { maxSatisfaction: 3 }, (t) => t.score !== null && t.score <= 3],
    ['csat numerator (rollups: rated − lowRated − neutral)', { measure: 'csat', part: 'NUMERATOR' }, (t) => (t.score ?? 0) >= 4],
    ['channel + csat missed (rollups)', { channel: 'PHONE', measure: 'csat', part: 'MISSED' }, (t) => t.channel === 'PHONE' && t.score !== null && t.score <= 3],
    ['maxSatisfaction 5', { maxSatisfaction: 5 }, (t) => t.score !== null],
    ['channel + measure part (rollups)', { channel: 'WEB', measure: 'resolution', part: 'MISSED' }, (t) => t.channel === 'WEB' && !!t.service && !t.service.resolved],
    ['need + commitmentKept numerator', { needCategory: 'FAULT', measure: 'commitmentKept', part: 'NUMERATOR' }, (t) => t.need === 'FAULT' && ROW.commitmentMet(t)],
    ['agent + team + csat numerator', { agentId: 'a-0', teamId: 't-1', measure: 'csat', part: 'NUMERATOR' }, (t) => t.agentId === 'a-0' && t.teamId === 't-1' && (t.score ?? 0) >= 4],
    ['region + timeliness missed', { region: 'West', measure: 'timeliness', part: 'MISSED' }, (t) => t.region === 'West' && !ROW.timely(t)],
    ['product + linkage', { productId: 'p-0', measure: 'linkage', part: 'NUMERATOR' }, (t) => t.productId === 'p-0'],
  ];
  it.each(cases)('%s: exactly the matching touchpoints, totalCount their number', async (_name, filter, keep) => {
    for (const unitId of ['group', 'bu-a']) {
      const got = await all(unitId, filter);
      const want = expected(unitId, keep);
      expect(want.length).toBeGreaterThan(0);
      expect(got).toEqual({ ids: want, total: want.length });
    }
  });

  it('pages through a filtered set by keyset, newest first, each touchpoint once', async () => {
    const filter = { measure: 'resolution', part: 'DENOMINATOR' };
    const paged = await all('group', filter, tokens.exec, 7);
    expect(paged).toEqual({ ids: expected('group', ROW.served), total: expected('group', ROW.served).length });
  });

  it('never widens scope: a unit head and an agent see only their part, with or without a filter', async () => {
    expect(await all('bu-a', { channel: 'PHONE' }, tokens['head.a'])).toEqual({ ids: expected('bu-a', (t) => t.channel === 'PHONE'), total: expected('bu-a', (t) => t.channel === 'PHONE').length });
    expect(await all('prj-a1', { measure: 'csat' }, tokens['agent.a1'])).toEqual({ ids: expected('prj-a1', ROW.rated), total: expected('prj-a1', ROW.rated).length });
    const res = await gw.gql(TOUCHPOINTS, { unitId: 'group', from: FROM, to: TO, filter: { agentId: 'a-1' } }, tokens['head.a']);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('builds no list of the subtree per call: a scope is a subtree, the SQL scopes by a semi-join (10,021 units walked per call before)', async () => {
    const walk = jest.spyOn(OrgTree.prototype, 'subtree');
    try {
      for (const [unitId, who] of [['group', tokens.exec], ['bu-a', tokens['head.a']]] as const) {
        expect(await all(unitId, { channel: 'PHONE' }, who)).toEqual({ ids: expected(unitId, (t) => t.channel === 'PHONE'), total: expected(unitId, (t) => t.channel === 'PHONE').length });
      }
      expect(walk).not.toHaveBeenCalled();
    } finally {
      walk.mockRestore();
    }
  });

  it.each([
    ['filter.measure', { measure: 'nps' }],
    ['filter.part', { part: 'NUMERATOR' }],
    ['filter.maxSatisfaction', { maxSatisfaction: 0 }],
    ['filter.maxSatisfaction', { maxSatisfaction: 6 }],
    ['filter.agentId', { agentId: '' }],
    ['filter.customerId', { customerId: 'x'.repeat(201) }],
    ['filter.perceptionPoint', { perceptionPoint: 'DELIVERY' }],
  ])('refuses a bad filter with BAD_USER_INPUT naming %s', async (field, filter) => {
    const res = await gw.gql(TOUCHPOINTS, { unitId: 'group', from: FROM, to: TO, filter }, tokens.exec);
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', field]]);
    expect(res.errors?.[0].message).toContain(field);
  });
});

describe('Touchpoint fields and the AGENT, TEAM, PRODUCT slices', () => {
  it('shows agent, team, product, contract and handle time of every touchpoint', async () => {
    const res = await gw.gql(TOUCHPOINTS, { unitId: 'group', from: FROM, to: TO, first: 500 }, tokens.exec);
    const nodes = res.data!.touchpoints.edges.map((e) => e.node);
    expect(nodes).toHaveLength(refs.length);
    for (const n of nodes) {
      const t = refs.find((r) => r.id === n.id)!;
      expect(n).toMatchObject({ agentId: t.agentId, teamId: t.teamId, productId: t.productId, contractId: t.contractId, handleSeconds: t.service?.handleSeconds ?? null });
    }
  });

  it.each([
    ['CHANNEL', (t: Ref) => t.channel, 'channel'],
    ['KIND', (t: Ref) => t.kind, 'kind'],
    ['STAGE', (t: Ref) => t.stage, 'stage'],
    ['NEED_CATEGORY', (t: Ref) => t.need, 'needCategory'],
    ['REGION', (t: Ref) => unknownOr(t.region), 'region'],
    ['INDUSTRY', (t: Ref) => unknownOr(t.industry), 'industry'],
    ['AGENT', (t: Ref) => unknownOr(t.agentId), 'agentId'],
    ['TEAM', (t: Ref) => unknownOr(t.teamId), 'teamId'],
    ['PRODUCT', (t: Ref) => unknownOr(t.productId), 'productId'],
  ] as const)('engagementBreakdown by %s counts every measure exactly, and each row drills down to its touchpoints', async (by, valueOf, field) => {
    // group and bu-a have touchpoints of their own and sub-units: their own part is read from the rows, the rest from slice rows.
    for (const unitId of ['group', 'bu-a', 'prj-a1']) {
      const rows = (await gw.gql(BREAKDOWN, { unitId, from: FROM, to: TO, by }, tokens.exec)).data!.engagementBreakdown;
      const inUnit = refs.filter((t) => SUBTREE[unitId].includes(t.unitId));
      expect(rows.map((r) => r.value).sort()).toEqual([...new Set(inUnit.map(valueOf))].sort());
      for (const row of rows) {
        const slice = inUnit.filter((t) => valueOf(t) === row.value);
        expect(row.score.touchpoints).toBe(slice.length);
        const count = (k: CounterKey): number => (k === 'ratingPoints' ? slice.reduce((a, t) => a + (t.score === null ? 0 : t.score - 1), 0) : slice.filter(ROW[k]).length);
        for (const m of row.score.chains.flatMap((c) => c.measures)) {
          const def = DEFAULT_MODEL.measures.find((d) => d.key === m.key)!;
          expect({ value: row.value, key: m.key, n: m.numerator, d: m.denominator }).toEqual({
            value: row.value,
            key: m.key,
            n: count(def.numerator.counter) * def.numerator.factor,
            d: count(def.denominator.counter) * def.denominator.factor,
          });
        }
        expect(await all(unitId, { [field]: row.value })).toEqual({ ids: slice.map((t) => t.id).sort(), total: slice.length });
      }
    }
  });

  it('has a row predicate for every counter', () => {
    expect(Object.keys(ROW).sort()).toEqual([...COUNTER_KEYS].sort());
  });
});

describe('rollup layout', () => {
  it('recounts rollups counted without the new dimensions when the gateway starts', async () => {
    const breakdowns = () => Promise.all((['AGENT', 'TEAM', 'PRODUCT'] as const).map(async (by) => (await gw.gql(BREAKDOWN, { unitId: 'group', from: FROM, to: TO, by }, tokens.exec)).data));
    const before = await breakdowns();
    // As a deployment's rollups stood before the new dimensions: none of their rows, the old layout recorded.
    await pg.query(`DELETE FROM rollup_hour WHERE dim >= $1`, [dimCode('AGENT')]);
    await pg.query(`UPDATE rollup_layout SET dims = 'CHANNEL,KIND,STAGE,REGION,INDUSTRY,NEED_CATEGORY'`);
    // Left: the group's own touchpoints, counted from its rows (own-slices.ts).
    const own = refs.filter((t) => t.unitId === 'group').length;
    expect(own).toBeGreaterThan(0);
    expect((await breakdowns()).map((b) => b!.engagementBreakdown.reduce((n, r) => n + r.score.touchpoints, 0))).toEqual([own, own, own]);
    expect((await gw.app.get(SeedService).applyAtStart()).rebuilt).toBe(true);
    expect(await breakdowns()).toEqual(before);
    expect((await gw.app.get(SeedService).applyAtStart()).rebuilt).toBe(false);
  });

  it('recounts rollups counted before the neutral counter (the layout before the counters were named)', async () => {
    const counts = () =>
      Promise.all(
        (['group', 'bu-a'] as const).flatMap((unitId) =>
          [{ maxSatisfaction: 3 }, { measure: 'csat', part: 'NUMERATOR' }, { channel: 'WEB', maxSatisfaction: 3 }].map(async (filter) => {
            const res = await gw.gql(TOUCHPOINTS, { unitId, from: FROM, to: TO, first: 1, filter }, tokens.exec);
            if (res.errors) throw new Error(JSON.stringify(res.errors));
            return res.data!.touchpoints.totalCount;
          }),
        ),
      );
    const before = await counts();
    const threes = refs.filter((t) => t.score === 3).length;
    expect(threes).toBeGreaterThan(0);
    // As such a database stood after migration 1765230000000: the column added at 0, the old layout recorded.
    await pg.query(`UPDATE rollup_hour SET neutral = 0`);
    await pg.query(`UPDATE rollup_day_slice SET neutral = 0`);
    await pg.query(`UPDATE rollup_layout SET dims = $1`, [`${SLICE_DIMENSIONS.join(',')};own-slices:raw`]);
    expect(await counts()).not.toEqual(before);
    expect((await gw.app.get(SeedService).applyAtStart()).rebuilt).toBe(true);
    expect(await counts()).toEqual(before);
    // The root's counter against the rows, all of them (the recount's source) and those this test rated 3.
    const [{ n, rows }] = (
      await pg.query(`SELECT (SELECT sum(neutral)::int FROM rollup_hour WHERE unit_id = 'group' AND dim = 0) AS n,
                             (SELECT count(*)::int FROM touchpoint WHERE satisfaction_score = 3) AS rows`)
    ).rows;
    expect(n).toBe(rows);
    expect(rows).toBeGreaterThanOrEqual(threes);
    expect((await gw.app.get(SeedService).applyAtStart()).rebuilt).toBe(false);
  });

  it("recounts rollups whose slice rows held the unit's own touchpoints (the layout before own-slices:raw)", async () => {
    const breakdowns = () => Promise.all((['CHANNEL', 'AGENT'] as const).map(async (by) => (await gw.gql(BREAKDOWN, { unitId: 'bu-a', from: FROM, to: TO, by }, tokens.exec)).data));
    const before = await breakdowns();
    // As such rows stood: every unit's own touchpoints also in its own slice rows, read twice by this gateway.
    const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM touchpoint WHERE unit_id = 'bu-a'`)).rows;
    expect(n).toBeGreaterThan(0);
    await pg.query(`UPDATE rollup_hour SET touchpoints = touchpoints + 1 WHERE unit_id = 'bu-a' AND dim > 0`);
    await pg.query(`UPDATE rollup_layout SET dims = $1`, [SLICE_DIMENSIONS.join(',')]);
    expect(await breakdowns()).not.toEqual(before);
    expect((await gw.app.get(SeedService).applyAtStart()).rebuilt).toBe(true);
    expect(await breakdowns()).toEqual(before);
    expect((await gw.app.get(SeedService).applyAtStart()).rebuilt).toBe(false);
  });
});

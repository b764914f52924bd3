import { Client } from 'pg';
import { createRng } from '../e2e/support/prng';
import { referenceScore, type RefTouchpoint } from '../e2e/support/reference-model';
import { graphql } from '../__generated__/gateway';
import { IndicatorsService } from '../../apps/gateway/src/indicators/indicators.service';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { LOGIN } from '../support/documents';
import { RECORD, type IngestResult } from '../support/touchpoint-factory';

// Indicators (MANAGEMENT-MODEL.md §4) and the four engagement types (§6) on a
// real gateway, recounted here from what was sent — by the rules' own words,
// filtering raw touchpoints, sharing no code with the gateway. Touchpoints
// arrive shuffled, in batches (some at once, so they share a transaction),
// across units, ratings partly late; repeats span units and batches.

const H = 3_600_000;
const DAY = 24 * H;
const SEED = 1313;
const SUBTREES: Record<string, string[]> = {
  group: ['group', 'bu-a', 'bu-b', 'prj-a1', 'prj-a2', 'prj-b1', 'prj-b2'],
  'bu-a': ['bu-a', 'prj-a1', 'prj-a2'],
  'prj-a1': ['prj-a1'],
  'prj-b2': ['prj-b2'],
};
const TARGETS = [
  { unitId: 'group', key: 'aht', target: 300 },
  { unitId: 'bu-a', key: 'csat', target: 0.6, amberBand: 0.05 },
  { unitId: 'bu-a', key: 'repeatContactRate', target: 0.01 },
];

const INDICATORS = graphql(`
  query Indicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target higherIsBetter status previous }
  }
`);
const TYPES = graphql(`
  query EngagementTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementTypes(unitId: $unitId, from: $from, to: $to) { type score measures { key numerator denominator value } }
  }
`);
const TARGETS_OF = graphql(`
  query TargetsOf($unitId: ID!) { targets(unitId: $unitId) { key target amberBand source unit { id } inheritedFrom { id } } }
`);
const SET_TARGET = graphql(`
  mutation SetTarget($input: TargetInput!) { setTarget(input: $input) { key target amberBand source unit { id } inheritedFrom { id } } }
`);
const RATE_MANY = graphql(`
  mutation RateManyForIndicators($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }
`);

interface Sent extends RefTouchpoint {
  customerId: string;
  handleSeconds: number;
}

let gw: TestGateway;
let pg: Client;
let exec: string;
let headA: string;
let headB: string;
const sent: Sent[] = [];
const hour = Math.floor(Date.now() / H) * H;
const WINDOW = { from: hour - 24 * H, to: hour + H };
const PREVIOUS = { from: WINDOW.from - 25 * H, to: WINDOW.from };
const iso = (ms: number): string => new Date(ms).toISOString();

async function record(items: unknown[]): Promise<IngestResult> {
  const key = TEST_ORG.sites.find((s) => s.id === 'site-group')!.key;
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: items }, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.recordTouchpoints;
}

/** The scenario: 400 touchpoints over four days in every unit but prj-b2, from 25 customers. */
function scenario(startedAt: number): { items: Record<string, unknown>[]; late: { touchpointId: string; satisfaction: { score: number } }[] } {
  const rng = createRng(SEED);
  const units = ['group', 'bu-a', 'bu-b', 'prj-a1', 'prj-a2', 'prj-b1'];
  const needs = ['CONSULTATION', 'FAULT', 'COMPLAINT', 'PURCHASE', 'RENEWAL', 'BILLING'] as const;
  const channels = ['PHONE', 'EMAIL', 'WEB', 'APP', 'ONSITE'] as const;
  const items: Record<string, unknown>[] = [];
  const late: { touchpointId: string; satisfaction: { score: number } }[] = [];
  for (let i = 0; i < 400; i++) {
    // Mostly older than 20 minutes (not timely); one in ten two minutes old (timely).
    const occurredAt = rng.chance(0.1) ? startedAt - 2 * 60_000 : startedAt - 30 * 60_000 - rng.int(0, 4 * 24 * 60) * 60_000;
    const served = rng.chance(0.8);
    const score = rng.chance(0.6) ? rng.int(1, 5) : null;
    const lateRating = score !== null && rng.chance(0.4);
    const t: Sent = {
      id: rng.uuid(),
      unitId: rng.pick(units),
      customerId: `ind-${rng.int(1, 25)}`,
      occurredAt,
      receivedAt: 0,
      channel: rng.pick(channels),
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      region: null,
      industry: null,
      needCategory: rng.pick(needs),
      contractId: rng.chance(0.5) ? 'ct-1' : null,
      productId: null,
      service: served
        ? {
            resolved: rng.chance(0.7),
            firstContact: rng.chance(0.6),
            knowledgeRefs: rng.int(0, 1),
            knowledgeCreated: rng.chance(0.1),
            handoffUnitId: rng.chance(0.15) ? 'bu-b' : null,
            commitment: rng.chance(0.3) ? { met: rng.chance(0.7) } : null,
          }
        : null,
      score,
      handleSeconds: served ? rng.int(30, 1800) : 0,
    };
    sent.push(t);
    items.push({
      id: t.id,
      unitId: t.unitId,
      customerId: t.customerId,
      channel: t.channel,
      kind: t.kind,
      stage: t.stage,
      occurredAt: iso(t.occurredAt),
      contractId: t.contractId,
      need: { category: t.needCategory },
      service: t.service && {
        action: 'helped',
        handleSeconds: t.handleSeconds,
        resolved: t.service.resolved,
        firstContact: t.service.firstContact,
        knowledgeRefs: t.service.knowledgeRefs ? ['KB-1'] : [],
        knowledgeCreated: t.service.knowledgeCreated,
        handoffUnitId: t.service.handoffUnitId,
        commitment: t.service.commitment && { code: 'SELF_REPORTED', met: t.service.commitment.met },
      },
      satisfaction: score !== null && !lateRating ? { score } : null,
    });
    if (lateRating) late.push({ touchpointId: t.id, satisfaction: { score: score as number } });
  }
  // Shuffle: arrival order has nothing to do with time order.
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return { items, late };
}

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, targets: TARGETS });
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  const login = async (u: string, p: string): Promise<string> => (await gw.gql(LOGIN, { u, p })).data!.login.token;
  [exec, headA, headB] = await Promise.all([login('exec', 'exec-password'), login('head.a', 'head-a-password'), login('head.b', 'head-b-password')]);
  const startedAt = Date.now();
  const { items, late } = scenario(startedAt);
  // Batches of 1..60; every other group of three sent at once (one shared transaction, maybe).
  const batches: unknown[][] = [];
  for (let i = 0, n = 1; i < items.length; n = (n * 7) % 61 || 1) {
    batches.push(items.slice(i, i + n));
    i += n;
  }
  for (let i = 0; i < batches.length; i += 3) {
    const group = batches.slice(i, i + 3);
    const results = i % 6 === 0 ? await Promise.all(group.map(record)) : [await record(group[0]), ...(await Promise.all(group.slice(1).map(record)))];
    for (const r of results) expect(r.rejected).toEqual([]);
  }
  for (let i = 0; i < late.length; i += 50) {
    const r = await gw.gql(RATE_MANY, { input: late.slice(i, i + 50) }, exec);
    expect(r.errors).toBeUndefined();
  }
  // The reference's receivedAt: as stored (timeliness is a property of arrival, the rest is recounted).
  const { rows } = await pg.query<{ id: string; ms: number }>(`SELECT id::text, floor(extract(epoch FROM received_at) * 1000)::float8 AS ms FROM touchpoint`);
  const received = new Map(rows.map((r) => [r.id, Number(r.ms)]));
  for (const t of sent) t.receivedAt = received.get(t.id) as number;
}, 120_000);

afterAll(async () => {
  await pg.end();
  await gw.close();
});

/** The repeat rule, by its words: same customer and need, another touchpoint in [t − 7 d, t), equal times: the greater id repeats. */
const isRepeat = (t: Sent): boolean =>
  sent.some((u) => u !== t && u.customerId === t.customerId && u.needCategory === t.needCategory && u.occurredAt >= t.occurredAt - 7 * DAY && (u.occurredAt < t.occurredAt || (u.occurredAt === t.occurredAt && u.id < t.id)));

const ratio = (n: number, d: number) => ({ numerator: n, denominator: d, value: d === 0 ? null : n / d });

/** Every indicator's numerator, denominator and value over the subtree and window, from the raw touchpoints. */
function referenceIndicators(unitId: string, w: { from: number; to: number }, recovery: { recovered: number; answered: number }) {
  const T = sent.filter((t) => SUBTREES[unitId].includes(t.unitId) && t.occurredAt >= w.from && t.occurredAt < w.to);
  const S = T.filter((t) => t.service);
  const R = T.filter((t) => t.score !== null);
  const overall = referenceScore(T).overall;
  const measure = (key: string) => {
    const m = referenceScore(T).chains.flatMap((c) => c.measures).find((x) => x.key === key)!;
    return { numerator: m.numerator, denominator: m.denominator, value: m.value };
  };
  return {
    overall: overall === null ? ratio(0, 0) : { numerator: overall, denominator: 1, value: overall },
    resolution: measure('resolution'),
    growth: measure('growth'),
    aht: ratio(S.reduce((s, t) => s + t.handleSeconds, 0), S.length),
    fcr: ratio(S.filter((t) => t.service!.resolved && t.service!.firstContact).length, S.length),
    repeatContactRate: ratio(T.filter(isRepeat).length, T.length),
    commitmentKeptRate: measure('commitmentKept'),
    timeliness: measure('timeliness'),
    csat: measure('csat'),
    lowRatingRate: ratio(R.filter((t) => (t.score as number) <= 2).length, R.length),
    complaintRate: ratio(T.filter((t) => t.needCategory === 'COMPLAINT').length, T.length),
    recoveryRate: ratio(recovery.recovered, recovery.answered),
  } as Record<string, { numerator: number; denominator: number; value: number | null }>;
}

const close = (a: number | null | undefined, b: number | null): void => {
  if (b === null) expect(a).toBeNull();
  else expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
};

describe('indicators', () => {
  it.each(Object.keys(SUBTREES).filter((u) => u !== 'prj-b2'))('equal a recount from the raw touchpoints for %s, this window and the one before', async (unitId) => {
    expect(sent.filter(isRepeat).length).toBeGreaterThan(20); // the scenario has repeats worth counting
    const res = await gw.gql(INDICATORS, { unitId, from: iso(WINDOW.from), to: iso(WINDOW.to) }, exec);
    expect(res.errors).toBeUndefined();
    const got = res.data!.indicators;
    // No follow-up of these units is answered: every rating came before the follow-ups were opened.
    const want = referenceIndicators(unitId, WINDOW, { recovered: 0, answered: 0 });
    const before = referenceIndicators(unitId, PREVIOUS, { recovered: 0, answered: 0 });
    expect(got.map((i) => i.key)).toEqual(Object.keys(want));
    for (const i of got) {
      close(i.numerator, want[i.key].numerator);
      close(i.denominator, want[i.key].denominator);
      close(i.value, want[i.key].value);
      close(i.previous, before[i.key].value);
    }
    expect(got.find((i) => i.key === 'aht')).toMatchObject({ class: 'KCI', measureUnit: 'seconds', higherIsBetter: false });
    expect(got.find((i) => i.key === 'csat')).toMatchObject({ class: 'KQI', measureUnit: 'ratio', higherIsBetter: true });
    expect(got.find((i) => i.key === 'overall')).toMatchObject({ class: 'KPI', measureUnit: 'score' });
  });

  it('read the window and the one before in one statement each: two reads of the read pool, not four (plus the targets)', async () => {
    const svc = gw.app.get(IndicatorsService);
    const reads = svc['reads'];
    const sent: string[] = [];
    // Object.assign: the field is readonly to the service's own code, not to a test that wraps it.
    Object.assign(svc, { reads: { ...reads, query: (text: string, params?: unknown[]) => (sent.push(text), reads.query(text, params)) } as typeof reads });
    try {
      const res = await gw.gql(INDICATORS, { unitId: 'bu-a', from: iso(WINDOW.from), to: iso(WINDOW.to) }, exec);
      expect(res.errors).toBeUndefined();
    } finally {
      Object.assign(svc, { reads });
    }
    expect(sent.map((q) => (/FROM rollup_/.test(q) ? 'rollups' : /FROM follow_up/.test(q) ? 'follow-ups' : q)).sort()).toEqual(['follow-ups', 'rollups']);
  });

  it('judge each value against the target in force: GREEN meets it, AMBER within the band, RED beyond', async () => {
    const res = await gw.gql(INDICATORS, { unitId: 'prj-a1', from: iso(WINDOW.from), to: iso(WINDOW.to) }, exec);
    for (const i of res.data!.indicators) {
      expect(i.target).not.toBeNull(); // a model default at least
      if (i.value === null) {
        expect(i.status).toBeNull();
        continue;
      }
      const band = i.key === 'csat' ? 0.05 : Math.abs(i.target as number) * 0.1;
      const short = i.higherIsBetter ? (i.target as number) - i.value : i.value - (i.target as number);
      expect(i.status).toBe(short <= 0 ? 'GREEN' : short <= band ? 'AMBER' : 'RED');
    }
    const by = new Map(res.data!.indicators.map((i) => [i.key, i]));
    expect(by.get('aht')!.target).toBe(300); // set on the group, inherited
    expect(by.get('csat')!.target).toBe(0.6); // set on bu-a, inherited
    expect(by.get('repeatContactRate')).toMatchObject({ target: 0.01, status: 'RED' }); // a target no scenario meets
    expect(by.get('fcr')!.target).toBe(0.7); // the model's default
  });

  it('count recovery from the follow-ups opened in the window: recovered ÷ answered', async () => {
    // prj-b2 alone: three low ratings open follow-ups; one customer comes back happy, one not, one not at all.
    const now = Date.now();
    const tp = (id: string, customerId: string, at: number, score: number) => ({
      id,
      unitId: 'prj-b2',
      customerId,
      channel: 'PHONE',
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: iso(at),
      need: { category: 'FAULT' },
      satisfaction: { score },
    });
    const ids = ['01a00000-0000-7000-8000-0000000000b1', '01a00000-0000-7000-8000-0000000000b2', '01a00000-0000-7000-8000-0000000000b3'];
    expect(await record([tp(ids[0], 'rec-1', now - H, 1), tp(ids[1], 'rec-2', now - H, 2), tp(ids[2], 'rec-3', now - H, 1)])).toMatchObject({ accepted: 3 });
    await new Promise((r) => setTimeout(r, 20)); // the next touchpoints occur after the follow-ups were opened
    const later = Date.now();
    expect(await record([tp('01a00000-0000-7000-8000-0000000000c1', 'rec-1', later, 5), tp('01a00000-0000-7000-8000-0000000000c2', 'rec-2', later, 3)])).toMatchObject({ accepted: 2 });
    // Later recounts of the group include them.
    const { rows } = await pg.query<{ id: string; occ: number; rec: number; score: number; customer_id: string }>(
      `SELECT id::text, floor(extract(epoch FROM occurred_at) * 1000)::float8 AS occ, floor(extract(epoch FROM received_at) * 1000)::float8 AS rec, satisfaction_score AS score, customer_id
         FROM touchpoint WHERE unit_id = 'prj-b2'`,
    );
    for (const r of rows) {
      sent.push({ id: r.id, unitId: 'prj-b2', customerId: r.customer_id, occurredAt: Number(r.occ), receivedAt: Number(r.rec), channel: 'PHONE', kind: 'SERVICE', stage: 'AFTER_SALE', region: null, industry: null, needCategory: 'FAULT', contractId: null, productId: null, service: null, score: r.score, handleSeconds: 0 });
    }
    const res = await gw.gql(INDICATORS, { unitId: 'prj-b2', from: iso(WINDOW.from), to: iso(WINDOW.to) }, exec);
    expect(res.data!.indicators.find((i) => i.key === 'recoveryRate')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('are refused outside the caller\u2019s subtree, and for a bad window', async () => {
    const out = await gw.gql(INDICATORS, { unitId: 'bu-a', from: iso(WINDOW.from), to: iso(WINDOW.to) }, headB);
    expect(out.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await gw.gql(INDICATORS, { unitId: 'bu-a', from: iso(WINDOW.from + 60_000), to: iso(WINDOW.to) }, headA);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('engagement types', () => {
  // §6 from the raw touchpoints: each measure filtered by its own words.
  function referenceTypes(unitId: string): Record<string, number | null> {
    const T = sent.filter((t) => SUBTREES[unitId].includes(t.unitId) && t.occurredAt >= WINDOW.from && t.occurredAt < WINDOW.to);
    const S = T.filter((t) => t.service);
    const R = T.filter((t) => t.score !== null);
    const N = T.length;
    const part = (n: number, d: number, target: number, weight: number): [number, number] | null => (d === 0 ? null : [weight, Math.min(1, Math.max(0, n / d / target))]);
    const score = (parts: ([number, number] | null)[]): number | null => {
      const present = parts.filter((p): p is [number, number] => p !== null);
      if (!present.length) return null;
      return (100 * present.reduce((s, [w, x]) => s + w * x, 0)) / present.reduce((s, [w]) => s + w, 0);
    };
    const handoff = S.filter((t) => t.service!.handoffUnitId);
    return {
      BEHAVIOURAL: score([
        part(T.filter((t) => t.channel === 'WEB' || t.channel === 'APP').length, N, 0.5, 0.3),
        part(N - T.filter(isRepeat).length, N, 1, 0.4),
        part(S.filter((t) => t.score !== null).length, N, 1, 0.3),
      ]),
      EMOTIONAL: score([
        part(R.reduce((s, t) => s + (t.score as number) - 1, 0), 4 * R.length, 1, 0.5),
        part(R.filter((t) => t.score === 5).length, R.length, 0.5, 0.25),
        part(N - T.filter((t) => t.needCategory === 'COMPLAINT').length, N, 1, 0.25),
      ]),
      WIN_WIN: score([
        part(S.filter((t) => t.score !== null && t.service!.resolved && (t.score as number) >= 4).length, S.filter((t) => t.score !== null).length, 1, 0.4),
        part(T.filter((t) => t.needCategory === 'PURCHASE' || t.needCategory === 'RENEWAL').length, N, 0.25, 0.3),
        part(S.filter((t) => t.service!.resolved).length, S.length, 1, 0.3),
      ]),
      STRATEGIC: score([
        part(T.filter((t) => t.contractId || t.productId).length, N, 1, 0.3),
        part(T.filter((t) => t.needCategory === 'RENEWAL').length, N, 0.1, 0.3),
        part(handoff.filter((t) => t.service!.resolved).length, handoff.length, 1, 0.2),
        part(S.filter((t) => t.service!.knowledgeCreated).length, S.length, 0.1, 0.2),
      ]),
    };
  }

  it.each(['group', 'bu-a', 'prj-a1'])('score %s exactly as a recount of §6', async (unitId) => {
    const res = await gw.gql(TYPES, { unitId, from: iso(WINDOW.from), to: iso(WINDOW.to) }, unitId === 'group' ? exec : headA);
    expect(res.errors).toBeUndefined();
    const want = referenceTypes(unitId);
    expect(res.data!.engagementTypes.map((t) => t.type)).toEqual(['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC']);
    for (const t of res.data!.engagementTypes) close(t.score, want[t.type]);
  });
});

describe('targets', () => {
  it('are inherited down the tree unless set on the unit, and every change is audited once', async () => {
    const before = await gw.gql(TARGETS_OF, { unitId: 'prj-a1' }, exec);
    const aht = before.data!.targets.find((t) => t.key === 'aht')!;
    expect(aht).toMatchObject({ target: 300, amberBand: 30, source: 'INHERITED', unit: { id: 'prj-a1' }, inheritedFrom: { id: 'group' } });
    // A unit head sees that it is inherited, not the unit above their scope it comes from.
    const asHead = await gw.gql(TARGETS_OF, { unitId: 'prj-a1' }, headA);
    expect(asHead.data!.targets.find((t) => t.key === 'aht')).toMatchObject({ target: 300, source: 'INHERITED', inheritedFrom: null });
    expect(asHead.data!.targets.find((t) => t.key === 'csat')).toMatchObject({ target: 0.6, amberBand: 0.05, source: 'INHERITED', inheritedFrom: { id: 'bu-a' } });
    expect(before.data!.targets.find((t) => t.key === 'fcr')).toMatchObject({ target: 0.7, source: 'MODEL', inheritedFrom: null });

    const set = await gw.gql(SET_TARGET, { input: { unitId: 'prj-a1', key: 'aht', target: 420, amberBand: 60 } }, headA);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setTarget).toMatchObject({ key: 'aht', target: 420, amberBand: 60, source: 'UNIT', inheritedFrom: null });
    const below = await gw.gql(TARGETS_OF, { unitId: 'prj-a1' }, headA);
    expect(below.data!.targets.find((t) => t.key === 'aht')).toMatchObject({ target: 420, source: 'UNIT' });
    const sibling = await gw.gql(TARGETS_OF, { unitId: 'prj-a2' }, exec);
    expect(sibling.data!.targets.find((t) => t.key === 'aht')).toMatchObject({ target: 300, inheritedFrom: { id: 'group' } });
    const ind = await gw.gql(INDICATORS, { unitId: 'prj-a1', from: iso(WINDOW.from), to: iso(WINDOW.to) }, headA);
    expect(ind.data!.indicators.find((i) => i.key === 'aht')!.target).toBe(420);

    const { rows } = await pg.query(`SELECT actor, details FROM audit_log WHERE action = 'TARGET_CHANGED' AND target = 'prj-a1/aht'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor).toBe('head.a');
    expect(rows[0].details).toMatchObject({ before: null, after: { unitId: 'prj-a1', key: 'aht', target: 420, amberBand: 60 } });
  });

  it('each target the bootstrap file sets is audited once', async () => {
    const { rows } = await pg.query(`SELECT target FROM audit_log WHERE action = 'TARGET_CHANGED' AND actor = 'bootstrap' ORDER BY target`);
    expect(rows.map((r) => r.target)).toEqual(['bu-a/csat', 'bu-a/repeatContactRate', 'group/aht']);
  });

  it.each([
    [{ unitId: 'prj-a1', key: 'speed', target: 1 }, 'input.key'],
    [{ unitId: 'prj-a1', key: 'aht', target: 1, amberBand: -2 }, 'input.amberBand'],
  ])('refuses a bad target naming the field (%#)', async (input, field) => {
    const res = await gw.gql(SET_TARGET, { input }, headA);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for an unknown unit', async () => {
    const res = await gw.gql(SET_TARGET, { input: { unitId: 'nowhere', key: 'aht', target: 1 } }, exec);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toMatch(/^input\.unitId: no org unit "nowhere"/);
  });

  it('lets a unit head set targets in their subtree only', async () => {
    const res = await gw.gql(SET_TARGET, { input: { unitId: 'bu-a', key: 'csat', target: 0.9 } }, headB);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

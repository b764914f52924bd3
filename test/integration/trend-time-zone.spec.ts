import { randomUUID } from 'node:crypto';
import { graphql } from '../__generated__/gateway';
import { referenceScore, type RefTouchpoint } from '../e2e/support/reference-model';
import type { Channel, NeedCategory } from '../e2e/support/wire-types';
import { LOGIN, RECORD } from '../support/documents';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// engagementTrend(timeZone:) on a real gateway: DAY and WEEK points start at
// local midnight, recounted here from the touchpoints this test sent (the
// reference model filters raw rows; the bucket edges are written out by hand,
// not computed by the code under test). Asia/Shanghai is UTC+8 all year;
// America/New_York changes from EDT to EST on 2026-11-01, so that day is 25 h.

const HOUR = 3_600_000;
const TREND = graphql(`
  query ZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!, $timeZone: String) {
    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval, timeZone: $timeZone) {
      from
      to
      touchpoints
      overall
      chains { chain score measures { key numerator denominator } }
    }
  }
`);

const at = (iso: string): number => Date.parse(iso);
const SUBTREE = new Set(['bu-a', 'prj-a1', 'prj-a2']);
const refs: RefTouchpoint[] = [];
let gw: TestGateway;
let token: string;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Touchpoints over [from, to), a third within an hour of one of `edges` (either side), the rest anywhere. */
function sample(rand: () => number, from: number, to: number, edges: number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 3 === 0) {
      const e = edges[i % edges.length];
      return Math.min(to - 1, Math.max(from, e - HOUR + Math.floor(rand() * 2 * HOUR)));
    }
    return from + Math.floor(rand() * (to - from));
  });
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  token = (await gw.gql(LOGIN, { u: 'exec', p: 'exec-password' })).data!.login.token;
  const rand = rng(20261201);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const times = [
    ...sample(rand, at('2026-11-27T00:00:00Z'), at('2026-11-30T00:00:00Z'), [at('2026-11-27T16:00:00Z'), at('2026-11-28T16:00:00Z'), at('2026-11-29T16:00:00Z')], 240),
    ...sample(rand, at('2026-10-30T04:00:00Z'), at('2026-11-03T05:00:00Z'), [at('2026-10-31T04:00:00Z'), at('2026-11-01T04:00:00Z'), at('2026-11-01T05:00:00Z'), at('2026-11-02T05:00:00Z')], 300),
  ];
  const inputs = times.map((occurredAt) => {
    const served = rand() < 0.8;
    const t: RefTouchpoint = {
      id: randomUUID(),
      unitId: pick(['bu-a', 'prj-a1', 'prj-a2', 'bu-b', 'prj-b1']),
      occurredAt,
      receivedAt: Date.now(), // weeks after: none is timely
      channel: pick<Channel>(['PHONE', 'EMAIL', 'WEB', 'APP']),
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      region: null,
      industry: null,
      needCategory: pick<NeedCategory>(['CONSULTATION', 'FAULT', 'PURCHASE', 'RENEWAL']),
      contractId: rand() < 0.3 ? 'c-1' : null,
      productId: null,
      service: served ? { resolved: rand() < 0.6, firstContact: rand() < 0.5, knowledgeRefs: pick([0, 1]), knowledgeCreated: rand() < 0.2, handoffUnitId: rand() < 0.2 ? 'bu-b' : null, commitment: null } : null,
      score: rand() < 0.5 ? 1 + Math.floor(rand() * 5) : null,
    };
    refs.push(t);
    return {
      id: t.id,
      unitId: t.unitId,
      customerId: `tz-${Math.floor(rand() * 40)}`,
      channel: t.channel,
      kind: t.kind,
      stage: t.stage,
      occurredAt: new Date(occurredAt).toISOString(),
      contractId: t.contractId,
      need: { category: t.needCategory },
      service: t.service && {
        action: 'helped',
        handleSeconds: 120,
        resolved: t.service.resolved,
        firstContact: t.service.firstContact,
        knowledgeRefs: Array.from({ length: t.service.knowledgeRefs }, (_, k) => `kb-${k}`),
        knowledgeCreated: t.service.knowledgeCreated,
        handoffUnitId: t.service.handoffUnitId,
      },
      satisfaction: t.score === null ? null : { score: t.score },
    };
  });
  const site = TEST_ORG.sites.find((s) => s.id === 'site-group')!.key;
  for (let i = 0; i < inputs.length; i += 100) {
    const res = await gw.gql(RECORD, { input: inputs.slice(i, i + 100) }, site);
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordTouchpoints.rejected).toEqual([]);
  }
}, 120_000);

afterAll(async () => {
  await gw?.close();
});

describe.each([
  // zone, interval, window, the bucket edges by hand (local midnights as UTC)
  ['Asia/Shanghai', 'DAY', '2026-11-27T00:00:00Z', '2026-11-30T00:00:00Z', ['2026-11-27T16:00:00Z', '2026-11-28T16:00:00Z', '2026-11-29T16:00:00Z']],
  // 2026-10-31 and 11-01 start at 04:00Z (EDT), 11-02 and 11-03 at 05:00Z (EST): 11-01 lasts 25 h.
  ['America/New_York', 'DAY', '2026-10-30T04:00:00Z', '2026-11-03T05:00:00Z', ['2026-10-31T04:00:00Z', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z']],
  // Monday 2026-11-02 00:00 EST.
  ['America/New_York', 'WEEK', '2026-10-30T04:00:00Z', '2026-11-03T05:00:00Z', ['2026-11-02T05:00:00Z']],
  ['Asia/Shanghai', 'HOUR', '2026-11-27T14:00:00Z', '2026-11-27T18:00:00Z', ['2026-11-27T15:00:00Z', '2026-11-27T16:00:00Z', '2026-11-27T17:00:00Z']],
] as const)('%s by %s', (timeZone, interval, from, to, edges) => {
  it('every point starts at a local midnight and recounts from the raw touchpoints to 1e-9', async () => {
    const res = await gw.gql(TREND, { unitId: 'bu-a', from, to, interval, timeZone }, token);
    expect(res.errors).toBeUndefined();
    const got = res.data!.engagementTrend;
    const bounds = [from, ...edges, to].map(at);
    expect(got.map((p) => [at(p.from), at(p.to)])).toEqual(bounds.slice(0, -1).map((b, i) => [b, bounds[i + 1]]));
    let total = 0;
    for (const p of got) {
      const rows = refs.filter((t) => SUBTREE.has(t.unitId) && t.occurredAt >= at(p.from) && t.occurredAt < at(p.to));
      total += rows.length;
      const want = referenceScore(rows);
      expect(p.touchpoints).toBe(want.touchpoints);
      if (interval !== 'HOUR') expect(rows.length).toBeGreaterThan(0); // every local day holds touchpoints to recount
      if (want.overall === null) expect(p.overall).toBeNull();
      else expect(Math.abs(p.overall! - want.overall)).toBeLessThanOrEqual(1e-9);
      for (const c of want.chains) {
        const g = p.chains.find((x) => x.chain === c.chain)!;
        if (c.score === null) expect(g.score).toBeNull();
        else expect(Math.abs(g.score! - c.score)).toBeLessThanOrEqual(1e-9);
        for (const m of c.measures) {
          const gm = g.measures.find((x) => x.key === m.key)!;
          expect({ key: m.key, n: gm.numerator, d: gm.denominator }).toEqual({ key: m.key, n: m.numerator, d: m.denominator });
        }
      }
    }
    // Nothing in the window is lost or counted twice.
    expect(total).toBeGreaterThan(0);
    expect(total).toBe(refs.filter((t) => SUBTREE.has(t.unitId) && t.occurredAt >= at(from) && t.occurredAt < at(to)).length);
  });
});

it('without timeZone the points still start at from (UTC steps), as before', async () => {
  const res = await gw.gql(TREND, { unitId: 'bu-a', from: '2026-11-27T10:00:00Z', to: '2026-11-29T10:00:00Z', interval: 'DAY' }, token);
  expect(res.data!.engagementTrend.map((p) => p.from)).toEqual(['2026-11-27T10:00:00.000Z', '2026-11-28T10:00:00.000Z']);
});

it.each(['Mars/Olympus', 'UTC+8', ''])('a bad zone "%s" is BAD_USER_INPUT naming timeZone', async (timeZone) => {
  const res = await gw.gql(TREND, { unitId: 'bu-a', from: '2026-11-27T00:00:00Z', to: '2026-11-28T00:00:00Z', interval: 'DAY', timeZone }, token);
  expect({ code: res.errors?.[0].extensions?.code, field: res.errors?.[0].extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field: 'timeZone' });
});

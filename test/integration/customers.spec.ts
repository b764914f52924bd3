import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CustomersService } from '../../apps/gateway/src/customers/customers.service';
import { graphql } from '../__generated__/gateway';
import type { CustomerProfileQuery, CustomerTimelineQuery } from '../__generated__/gateway/graphql';
import { startTestGateway, TEST_ORG, type GqlResponse, type TestGateway } from '../support/gateway-app';

// The customer across the organisation (MANAGEMENT-MODEL.md §7) on a real
// gateway: one customer served in two business units, seen by every role
// strictly within its scope — a unit head of one business unit sees that
// unit's touchpoints of the customer and nothing else, not even that others
// served them.

let gw: TestGateway;
const tokens: Record<string, string> = {};

const LOGIN = graphql(`mutation CustomersLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);
const RECORD = graphql(`mutation CustomersRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }`);
const PROFILE = graphql(`query CustomerProfile($c: String!) { customer(customerId: $c) {
  customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }
  openCommitments { id code touchpointId unit { id } } followUps { id reason customerId unit { id } } } }`);
const TIMELINE = graphql(`query CustomerTimeline($c: String!, $first: Int, $after: String) { customerTimeline(customerId: $c, first: $first, after: $after) {
  totalCount edges { cursor node { id customerId occurredAt unit { id } } } pageInfo { hasNextPage endCursor } } }`);

type Profile = NonNullable<CustomerProfileQuery['customer']>;
const HOUR = 3_600_000;
const T0 = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;

function touchpoint(customerId: string, unitId: string, at: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    unitId,
    customerId,
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(at).toISOString(),
    need: { category: 'FAULT' },
    service: { action: 'reset', handleSeconds: 60, resolved: true, firstContact: true },
    ...extra,
  };
}

async function record(items: Record<string, unknown>[]): Promise<void> {
  const res = await gw.gql(RECORD, { input: items }, tokens.admin);
  expect(res.data?.recordTouchpoints).toEqual({ accepted: items.length, rejected: [] });
}

async function profile(customerId: string, who: string): Promise<Profile | null> {
  const res = await gw.gql(PROFILE, { c: customerId }, who.startsWith('site-') ? TEST_ORG.sites.find((s) => s.id === who)?.key : tokens[who]);
  expect(res.errors).toBeUndefined();
  return res.data?.customer ?? null;
}

async function timelineIds(customerId: string, who: string, first = 500): Promise<string[]> {
  const out: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const res: GqlResponse<CustomerTimelineQuery> = await gw.gql(TIMELINE, { c: customerId, first, after }, tokens[who]);
    expect(res.errors).toBeUndefined();
    const page = res.data!.customerTimeline;
    out.push(...page.edges.map((e) => e.node.id));
    totals.add(page.totalCount);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  // totalCount (TouchpointConnection): the whole in-scope timeline, the same on every page.
  expect([...totals]).toEqual([out.length]);
  return out;
}

// cust-two: 3 touchpoints in prj-a1, 2 in prj-a2, 4 in prj-b1 (one low-rated: a follow-up there), 1 in bu-b itself.
const served: Record<string, Record<string, unknown>[]> = {
  'prj-a1': [0, 1, 2].map((i) => touchpoint('cust-two', 'prj-a1', T0 + i * HOUR)),
  'prj-a2': [3, 4].map((i) => touchpoint('cust-two', 'prj-a2', T0 + i * HOUR)),
  'prj-b1': [5, 6, 7].map((i) => touchpoint('cust-two', 'prj-b1', T0 + i * HOUR)).concat([touchpoint('cust-two', 'prj-b1', T0 + 8 * HOUR, { satisfaction: { score: 1 } })]),
  'bu-b': [touchpoint('cust-two', 'bu-b', T0 + 9 * HOUR)],
};
const idsIn = (units: string[]): string[] => units.flatMap((u) => served[u].map((t) => t.id as string));

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  for (const u of TEST_ORG.users) tokens[u.username] = (await gw.gql(LOGIN, { u: u.username, p: u.password })).data!.login.token;
  // Shuffled across batches: the per-customer summary does not depend on arrival order.
  const all = Object.values(served).flat();
  await record(all.filter((_, i) => i % 2 === 1));
  await record(all.filter((_, i) => i % 2 === 0));
  await record([touchpoint('someone-else', 'prj-a1', T0)]);
});

afterAll(async () => {
  await gw?.close();
});

describe('customer: one customer served in two business units, seen by every role', () => {
  it.each<[string, string[]]>([
    ['admin', ['prj-a1', 'prj-a2', 'prj-b1', 'bu-b']],
    ['exec', ['prj-a1', 'prj-a2', 'prj-b1', 'bu-b']],
    ['head.a', ['prj-a1', 'prj-a2']],
    ['head.b', ['prj-b1', 'bu-b']],
    ['agent.a1', ['prj-a1']],
    ['site-a', ['prj-a1', 'prj-a2']],
    ['site-a1', ['prj-a1']],
  ])('%s sees the units %j and their touchpoints only', async (who, units) => {
    const p = (await profile('cust-two', who)) as Profile;
    const times = units.flatMap((u) => served[u].map((t) => Date.parse(t.occurredAt as string)));
    expect(p).toMatchObject({ customerId: 'cust-two', touchpoints: times.length });
    expect(Date.parse(p.firstContactAt)).toBe(Math.min(...times));
    expect(Date.parse(p.lastContactAt)).toBe(Math.max(...times));
    // Newest contact first; each unit's own count and latest contact.
    const latest = (u: string): number => Math.max(...served[u].map((t) => Date.parse(t.occurredAt as string)));
    expect(p.units.map((u) => u.unit.id)).toEqual([...units].sort((a, b) => latest(b) - latest(a)));
    for (const u of p.units) {
      expect(u.touchpoints).toBe(served[u.unit.id].length);
      expect(Date.parse(u.lastContactAt)).toBe(Math.max(...served[u.unit.id].map((t) => Date.parse(t.occurredAt as string))));
    }
    // The follow-up of the low rating in prj-b1 shows only to those who see prj-b1.
    expect(p.followUps.map((f) => f.unit.id)).toEqual(units.includes('prj-b1') ? ['prj-b1'] : []);
    if (!who.startsWith('site-')) expect((await timelineIds('cust-two', who)).sort()).toEqual(idsIn(units).sort());
  });

  it("reads an executive's profile without a list of the customer's units, and the customer's rows once (a customer of 1,000 units was a 1,000-element literal per statement)", async () => {
    // Every statement the profile sends, recorded on the service's own read pool.
    const svc = gw.app.get(CustomersService);
    const db = svc['db'];
    const sent: string[] = [];
    // Object.assign: the field is readonly to the service's own code, not to a test that wraps it.
    Object.assign(svc, { db: { ...db, query: (text: string, params?: unknown[]) => (sent.push(text), db.query(text, params)) } as typeof db });
    try {
      expect(await profile('cust-two', 'exec')).toMatchObject({ customerId: 'cust-two' });
    } finally {
      Object.assign(svc, { db });
    }
    const reads = sent.filter((q) => /\bFROM (customer_touchpoint|commitment_node|follow_up|customer_unit)\b/.test(q));
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(reads.filter((q) => /unit_id = ANY/.test(q))).toEqual([]);
    expect(reads.filter((q) => /FROM customer_touchpoint/.test(q))).toHaveLength(1);
  });

  it.each<[string, boolean]>([
    ['exec', true],
    ['head.a', false],
  ])("%s's profile reads the customer's rows without waiting for the units that served them: %s", async (who, atOnce) => {
    // When each statement starts and ends, on the service's own read pool.
    const svc = gw.app.get(CustomersService);
    const db = svc['db'];
    const events: string[] = [];
    const table = (text: string): string => /\bFROM (customer_unit|customer_touchpoint|commitment_node|follow_up|risk_model)\b/.exec(text)?.[1] ?? 'other';
    const query = async (text: string, params?: unknown[]): Promise<unknown[]> => {
      events.push(`start ${table(text)}`);
      try {
        return await db.query(text, params);
      } finally {
        events.push(`end ${table(text)}`);
      }
    };
    Object.assign(svc, { db: { ...db, query } as typeof db });
    try {
      expect(await profile('cust-two', who)).toMatchObject({ customerId: 'cust-two' });
    } finally {
      Object.assign(svc, { db });
    }
    // A caller who sees every unit needs no list of units for its reads: one round trip (before: the units' read first).
    // A unit head's reads are filtered by the units in its scope that served the customer, so they wait for them.
    expect(events.indexOf('start customer_touchpoint') < events.indexOf('end customer_unit')).toBe(atOnce);
  });

  it('is null for a caller whose scope holds no touchpoint of the customer, and for an unknown customer', async () => {
    await record([touchpoint('cust-b-only', 'prj-b2', T0)]);
    expect(await profile('cust-b-only', 'head.a')).toBeNull();
    expect(await profile('cust-b-only', 'agent.a1')).toBeNull();
    expect(await profile('cust-b-only', 'head.b')).toMatchObject({ touchpoints: 1 });
    expect(await profile('nobody-at-all', 'exec')).toBeNull();
    expect(await timelineIds('cust-b-only', 'head.a')).toEqual([]);
  });

  it('the timeline pages newest first without gaps or repeats', async () => {
    const ids = await timelineIds('cust-two', 'exec', 3);
    const whole = await timelineIds('cust-two', 'exec');
    expect(ids).toEqual(whole);
    const all = Object.values(served).flat().sort((a, b) => Date.parse(b.occurredAt as string) - Date.parse(a.occurredAt as string));
    expect(whole).toEqual(all.map((t) => t.id));
  });

  it('open commitments in scope only', async () => {
    const gw2 = await startTestGateway({ ...TEST_ORG, commitments: [{ code: 'CALLBACK', name: 'Call back', level: 1, targetMinutes: 600 }] });
    try {
      const t2: Record<string, string> = {};
      for (const u of TEST_ORG.users) t2[u.username] = (await gw2.gql(LOGIN, { u: u.username, p: u.password })).data!.login.token;
      const promise = (unitId: string): Record<string, unknown> =>
        touchpoint('cust-promised', unitId, Date.now() - 60_000, { service: { action: 'promise', handleSeconds: 60, resolved: false, firstContact: true, commitment: { code: 'CALLBACK', met: false } } });
      const a = promise('prj-a1');
      const b = promise('prj-b1');
      expect((await gw2.gql(RECORD, { input: [a, b] }, t2.admin)).data?.recordTouchpoints.accepted).toBe(2);
      const seen = async (who: string): Promise<string[]> =>
        ((await gw2.gql(PROFILE, { c: 'cust-promised' }, t2[who])).data?.customer?.openCommitments ?? []).map((c) => `${c.code}@${c.unit.id}:${c.touchpointId}`);
      expect(await seen('head.a')).toEqual([`CALLBACK@prj-a1:${a.id}`]);
      expect((await seen('exec')).sort()).toEqual([`CALLBACK@prj-a1:${a.id}`, `CALLBACK@prj-b1:${b.id}`].sort());
    } finally {
      await gw2.close();
    }
  });

  it('refuses a customerId that no touchpoint could carry, naming the field', async () => {
    const res = await gw.gql(PROFILE, { c: 'x'.repeat(201) }, tokens.exec);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.errors?.[0].message).toMatch(/customerId/);
  });
});

describe('the per-customer summary', () => {
  it('equals a recount of the stored touchpoints, and a duplicate adds nothing', async () => {
    const dup = served['prj-a1'][0];
    expect((await gw.gql(RECORD, { input: [dup] }, tokens.admin)).data?.recordTouchpoints.accepted).toBe(0);
    const db = new Client({ connectionString: gw.databaseUrl });
    await db.connect();
    try {
      const q = (sql: string): Promise<unknown[]> => db.query(sql).then((r) => r.rows);
      const summary = await q(`SELECT customer_id, unit_id, touchpoints::int AS n, first_contact_at AS f, last_contact_at AS l FROM customer_unit ORDER BY 1, 2`);
      const recount = await q(`SELECT customer_id, unit_id, count(*)::int AS n, min(occurred_at) AS f, max(occurred_at) AS l FROM touchpoint GROUP BY 1, 2 ORDER BY 1, 2`);
      expect(summary).toEqual(recount);
    } finally {
      await db.end();
    }
  });
});

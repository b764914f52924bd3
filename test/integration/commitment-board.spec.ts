import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { graphql } from '../__generated__/gateway';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// What the unit head's commitments board reads beyond the contract, on a real
// gateway and PostgreSQL: commitmentAlerts (the feed's alerts read back from
// the outbox, so a list survives a reload: the same ids the socket carried,
// scoped like the feed) and commitment(id) (a trace's own link, with the
// promise a step belongs to; seen by the owner unit's users too).

const MIN = 60_000;
// DELIVERY (2 h) is promised by the touchpoint's unit; bu-b owns DISPATCH (1 h), prj-b1 PACK (30 min).
const CATALOGUE = [
  { code: 'DELIVERY', name: 'Delivered within 2 hours', level: 1, targetMinutes: 120, warnAtPercent: 80 },
  { code: 'DISPATCH', name: 'Dispatched within 1 hour', level: 2, parentCode: 'DELIVERY', targetMinutes: 60, ownerUnitId: 'bu-b' },
  { code: 'PACK', name: 'Packed within 30 minutes', level: 3, parentCode: 'DISPATCH', targetMinutes: 30, ownerUnitId: 'prj-b1' },
  // ORDER_CHECK warns only at 99 %: completed in time, it never raises an alert of its own.
  { code: 'ORDER', name: 'Order confirmed within 2 hours', level: 1, targetMinutes: 120, warnAtPercent: 80 },
  { code: 'ORDER_CHECK', name: 'Order checked within 110 minutes', level: 2, parentCode: 'ORDER', targetMinutes: 110, warnAtPercent: 99, ownerUnitId: 'bu-b' },
  { code: 'CALLBACK', name: 'Called back within 1 hour', level: 1, targetMinutes: 60 },
];

const LOGIN = graphql(`mutation BoardLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);
const RECORD = graphql(`mutation BoardRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }`);
const EVENTS = graphql(`mutation BoardEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }`);
const ALERTS = graphql(`query BoardAlerts($u: ID!, $since: DateTime, $first: Int) {
  commitmentAlerts(unitId: $u, since: $since, first: $first) { id type at commitmentId code name touchpointId customerId dueAt unit { id } ownerUnit { id name } message } }`);
const TRACE = graphql(`query BoardTrace($id: ID!) {
  commitment(id: $id) {
    id code level state ownerUnit { id }
    breachedBy { code ownerUnit { id } breachedBy { code ownerUnit { id } } }
    promise { id code state steps { code state steps { code state } } }
  } }`);

let gw: TestGateway;
let pg: Client;
const tokens: Record<string, string> = {};
const sockets: Socket[] = [];

interface FeedAlert {
  id?: string;
  type: string;
  touchpointId?: string;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  for (const deadline = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 150))) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
  }
}

async function listen(token: string, unitId: string): Promise<FeedAlert[]> {
  const s = io(`${gw.url}/feed`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((res, rej) => {
    s.once('connect', () => res());
    s.once('connect_error', rej);
  });
  const got: FeedAlert[] = [];
  s.on('alert', (a: FeedAlert) => got.push(a));
  expect(await s.timeout(5000).emitWithAck('subscribe', { unitId })).toEqual({ ok: true });
  return got;
}

function touchpoint(unitId: string, occurredAt: number, code: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    unitId,
    customerId: `cust-${randomUUID().slice(0, 8)}`,
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(occurredAt).toISOString(),
    need: { category: 'PURCHASE' },
    service: { action: 'order taken', handleSeconds: 120, resolved: true, firstContact: true, commitment: { code, met: false } },
  };
}

async function nodeId(touchpointId: string, code: string): Promise<string> {
  const r = await pg.query<{ id: string }>(`SELECT id FROM commitment_node WHERE touchpoint_id = $1 AND code = $2`, [touchpointId, code]);
  return r.rows[0].id;
}

const codesOf = (r: { errors?: { extensions?: { code?: string; field?: string } }[] }): string[] => (r.errors ?? []).map((e) => `${e.extensions?.code}${e.extensions?.field ? `:${e.extensions.field}` : ''}`);

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, commitments: CATALOGUE });
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  for (const username of ['admin', 'exec', 'head.a', 'head.b', 'agent.a1']) {
    const u = TEST_ORG.users.find((x) => x.username === username);
    const r = await gw.gql(LOGIN, { u: username, p: u?.password });
    tokens[username] = r.data?.login.token ?? '';
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await pg?.end();
  await gw?.close();
});

describe('a breached promise, from the alert list to the step that broke it', () => {
  let late: Record<string, unknown>;
  let kept: Record<string, unknown>;

  beforeAll(async () => {
    const now = Date.now();
    // Started 130 min ago: DELIVERY, DISPATCH and PACK are all past due (nothing completed).
    late = touchpoint('prj-a1', now - 130 * MIN, 'DELIVERY');
    // Started 100 min ago, its step done on time: ORDER is AT_RISK (80 % = 96 min), nothing broken.
    kept = touchpoint('prj-a1', now - 100 * MIN, 'ORDER');
    expect((await gw.gql(RECORD, { input: [late, kept] }, tokens['agent.a1'])).data?.recordTouchpoints.accepted).toBe(2);
    const done = { id: randomUUID(), touchpointId: kept.id, code: 'ORDER_CHECK', completedAt: new Date(now - 50 * MIN).toISOString() };
    expect((await gw.gql(EVENTS, { input: [done] }, tokens['agent.a1'])).data?.recordCommitmentEvents.accepted).toBe(1);
  });

  it('lists the alerts the feed carried, with the same ids, newest first, and again on a later read (a reload)', async () => {
    const headA = await listen(tokens['head.a'], 'bu-a');
    // A third promise after the socket is up: its alerts arrive live and must be in the list too.
    const live = touchpoint('prj-a2', Date.now() - 40 * MIN, 'DELIVERY'); // PACK past due
    await gw.gql(RECORD, { input: [live] }, tokens.admin);
    const mine = (tp: Record<string, unknown>) => (a: { touchpointId?: string }) => a.touchpointId === tp.id;
    const listed = await until('four alerts of bu-a listed', async () => {
      const r = await gw.gql(ALERTS, { u: 'bu-a' }, tokens['head.a']);
      const list = r.data?.commitmentAlerts ?? [];
      return list.filter(mine(late)).length === 3 && list.some(mine(kept)) && list.some(mine(live)) && list;
    });
    expect(listed.filter(mine(late)).map((a) => `${a.type} ${a.code}`).sort()).toEqual(['COMMITMENT_BROKEN DELIVERY', 'COMMITMENT_BROKEN DISPATCH', 'COMMITMENT_BROKEN PACK']);
    expect(listed.filter(mine(kept)).map((a) => `${a.type} ${a.code}`)).toEqual(['COMMITMENT_AT_RISK ORDER']);
    const delivery = listed.find((a) => a.touchpointId === late.id && a.code === 'DELIVERY');
    expect(delivery).toMatchObject({
      id: `COMMITMENT_BROKEN:${await nodeId(late.id as string, 'DELIVERY')}`,
      customerId: late.customerId,
      unit: { id: 'prj-a1' },
      ownerUnit: { id: 'prj-a1' },
      name: 'Delivered within 2 hours',
    });
    expect(listed.find((a) => a.touchpointId === late.id && a.code === 'DISPATCH')).toMatchObject({ ownerUnit: { id: 'bu-b', name: expect.any(String) } });
    const ats = listed.map((a) => Date.parse(a.at));
    expect(ats).toEqual([...ats].sort((x, y) => y - x));
    // What the socket carried for the live promise is exactly what the list holds for it.
    await until('the live alert on the socket', async () => headA.some(mine(live)));
    const socketIds = headA.filter(mine(live)).map((a) => a.id).sort();
    expect(listed.filter(mine(live)).map((a) => a.id).sort()).toEqual(socketIds);
    // A reload (a new read, no socket) gives the same list.
    const again = await gw.gql(ALERTS, { u: 'bu-a' }, tokens['head.a']);
    expect(again.data?.commitmentAlerts.map((a) => a.id)).toEqual(listed.map((a) => a.id));
  }, 60_000);

  it('is scoped like the feed: the owner unit hears its steps, a sibling only its own unit, since and first narrow it', async () => {
    const ownerList = (await gw.gql(ALERTS, { u: 'bu-b' }, tokens['head.b'])).data?.commitmentAlerts ?? [];
    // bu-b owns DISPATCH, and PACK through prj-b1; the promise DELIVERY is prj-a1's, not heard in bu-b.
    expect(ownerList.filter((a) => a.touchpointId === late.id).map((a) => a.code).sort()).toEqual(['DISPATCH', 'PACK']);
    expect(ownerList.every((a) => ['bu-b', 'prj-b1'].includes(a.ownerUnit.id))).toBe(true);
    const agent = (await gw.gql(ALERTS, { u: 'prj-a1' }, tokens['agent.a1'])).data?.commitmentAlerts ?? [];
    expect(agent.length).toBeGreaterThan(0);
    expect(agent.every((a) => a.unit.id === 'prj-a1')).toBe(true);
    const sibling = (await gw.gql(ALERTS, { u: 'prj-a2' }, tokens['head.a'])).data?.commitmentAlerts ?? [];
    expect(sibling.every((a) => a.unit.id === 'prj-a2')).toBe(true);
    expect(codesOf(await gw.gql(ALERTS, { u: 'bu-a' }, tokens['head.b']))).toEqual(['FORBIDDEN']);
    expect((await gw.gql(ALERTS, { u: 'bu-a', first: 2 }, tokens['head.a'])).data?.commitmentAlerts).toHaveLength(2);
    const future = new Date(Date.now() + 10 * MIN).toISOString();
    expect(codesOf(await gw.gql(ALERTS, { u: 'bu-a', since: future }, tokens['head.a']))).toEqual(['BAD_USER_INPUT:since']);
    expect(codesOf(await gw.gql(ALERTS, { u: 'bu-a', first: 0 }, tokens['head.a']))).toEqual(['BAD_USER_INPUT:first']);
    const recent = new Date(Date.now() - 1000).toISOString();
    const later = (await gw.gql(ALERTS, { u: 'bu-a', since: recent }, tokens['head.a'])).data?.commitmentAlerts ?? [];
    expect(later.every((a) => Date.parse(a.at) >= Date.parse(recent) - 1000)).toBe(true);
  });

  it('traces a breached promise down to the step and the unit that broke it; a step links to its promise', async () => {
    const id = await nodeId(late.id as string, 'DELIVERY');
    const r = await gw.gql(TRACE, { id }, tokens['head.a']);
    expect(r.errors).toBeUndefined();
    expect(r.data?.commitment).toMatchObject({
      id,
      code: 'DELIVERY',
      level: 1,
      state: 'BREACHED',
      breachedBy: [{ code: 'DISPATCH', ownerUnit: { id: 'bu-b' }, breachedBy: [{ code: 'PACK', ownerUnit: { id: 'prj-b1' } }] }],
      promise: { id, code: 'DELIVERY', steps: [{ code: 'DISPATCH', state: 'BREACHED', steps: [{ code: 'PACK', state: 'BREACHED' }] }] },
    });
    // The owner of the step reads it by id (and sees the promise it broke), though the touchpoint is bu-a's.
    const step = await nodeId(late.id as string, 'PACK');
    const owner = await gw.gql(TRACE, { id: step }, tokens['head.b']);
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.commitment).toMatchObject({ code: 'PACK', level: 3, ownerUnit: { id: 'prj-b1' }, promise: { id, code: 'DELIVERY', state: 'BREACHED' } });
    // A kept step: not in breachedBy.
    const keptTrace = await gw.gql(TRACE, { id: await nodeId(kept.id as string, 'ORDER') }, tokens['head.a']);
    expect(keptTrace.data?.commitment).toMatchObject({ state: 'AT_RISK', breachedBy: [], promise: { code: 'ORDER', steps: [{ code: 'ORDER_CHECK', state: 'MET', steps: [] }] } });
  });

  it('refuses whoever neither reads the touchpoint nor owns a node of its tree; unknown is null, a bad id names the field', async () => {
    const callback = touchpoint('prj-a1', Date.now() - 5 * MIN, 'CALLBACK');
    await gw.gql(RECORD, { input: [callback] }, tokens['agent.a1']);
    const id = await nodeId(callback.id as string, 'CALLBACK');
    expect(codesOf(await gw.gql(TRACE, { id }, tokens['head.b']))).toEqual(['FORBIDDEN']);
    expect((await gw.gql(TRACE, { id }, tokens['agent.a1'])).data?.commitment).toMatchObject({ code: 'CALLBACK', state: 'OPEN' });
    expect((await gw.gql(TRACE, { id: randomUUID() }, tokens.exec)).data?.commitment).toBeNull();
    expect(codesOf(await gw.gql(TRACE, { id: 'not-a-uuid' }, tokens.exec))).toEqual(['BAD_USER_INPUT:id']);
  });
});

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Database, rebuildRollups } from '@qihe/data';
import { OrgTree, type OrgLevel } from '@qihe/domain';
import { io, type Socket } from 'socket.io-client';
import type { Database as GatewayDatabase } from '@qihe/data';
import { DATABASE } from '../../apps/gateway/src/core/tokens';
import { graphql } from '../__generated__/gateway';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// Service commitments on a real gateway and PostgreSQL, with short targets:
// a tracked promise starts its tree at ingest without an alert, the monitor
// announces AT_RISK and BROKEN once each with no request, commitmentKept moves
// once (checked against a recount from the raw rows), and completion events
// are judged one by one.

const SEC = 1000;
// DELIVERY: 2 min, at risk after 95 % (114 s); its step (owned by bu-b) 1 min, at risk after 50 %.
const CATALOGUE = [
  { code: 'DELIVERY', name: 'Delivered within 2 minutes', level: 1, targetMinutes: 2, warnAtPercent: 95 },
  { code: 'DISPATCH', name: 'Dispatched within 1 minute', level: 2, parentCode: 'DELIVERY', targetMinutes: 1, warnAtPercent: 50, ownerUnitId: 'bu-b' },
  { code: 'PACK', name: 'Packed within 1 minute', level: 3, parentCode: 'DISPATCH', targetMinutes: 1, warnAtPercent: 50, ownerUnitId: 'prj-b1' },
];

let gw: TestGateway;
let pg: Client;
const sockets: Socket[] = [];
const tokens: Record<string, string> = {};

interface Alert {
  type: string;
  commitmentId?: string;
  code?: string;
  touchpointId?: string;
  unitId: string;
  ownerUnitId?: string;
  followUpId?: string;
  at: string;
  dueAt?: string;
}

async function login(username: string): Promise<string> {
  const u = TEST_ORG.users.find((x) => x.username === username)!;
  const r = await gw.gql(LOGIN, { u: u.username, p: u.password });
  return r.data!.login.token;
}

async function listen(token: string, unitId: string): Promise<Alert[]> {
  const s = io(`${gw.url}/feed`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((res, rej) => {
    s.once('connect', () => res());
    s.once('connect_error', rej);
  });
  const alerts: Alert[] = [];
  s.on('alert', (a: Alert) => alerts.push({ ...a, receivedAt: Date.now() } as Alert));
  const ack = (await s.timeout(5000).emitWithAck('subscribe', { unitId })) as { ok: boolean };
  expect(ack.ok).toBe(true);
  return alerts;
}

async function until(cond: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function touchpoint(occurredAt: number, commitment: { code: string; met: boolean } | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    unitId: 'prj-a1',
    customerId: `cust-${randomUUID().slice(0, 8)}`,
    channel: 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(occurredAt).toISOString(),
    need: { category: 'PURCHASE' },
    service: { action: 'order taken', handleSeconds: 120, resolved: true, firstContact: true, ...(commitment ? { commitment } : {}) },
    ...extra,
  };
}

const LOGIN = graphql(`mutation CommitmentsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);
const RECORD = graphql(`mutation CommitmentsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }`);
const EVENTS = graphql(`mutation CommitmentsEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted duplicates rejected { index id code message } } }`);

/** commitmentKept's counters of prj-a1 from the rollups, and the same recounted from raw touchpoints and nodes. */
async function keptCounters(): Promise<{ rollup: [number, number]; recount: [number, number] }> {
  const r = await pg.query(`SELECT coalesce(sum(commitment_present), 0)::int AS p, coalesce(sum(commitment_met), 0)::int AS m FROM rollup_hour WHERE unit_id = 'prj-a1' AND dim = 0`);
  // Independent recount: untracked self-reported commitments as before, tracked ones by their level-1 node's state now.
  const c = await pg.query(`
    SELECT count(*) FILTER (WHERE t.commitment_code IS NOT NULL AND n.id IS NULL)
         + count(*) FILTER (WHERE n.completed_at IS NOT NULL OR n.due_at <= now()) AS p,
           count(*) FILTER (WHERE t.commitment_code IS NOT NULL AND n.id IS NULL AND t.commitment_met)
         + count(*) FILTER (WHERE n.completed_at <= n.due_at) AS m
      FROM touchpoint t LEFT JOIN commitment_node n ON n.touchpoint_id = t.id AND n.level = 1
     WHERE t.unit_id = 'prj-a1' AND t.served`);
  return { rollup: [r.rows[0].p, r.rows[0].m], recount: [Number(c.rows[0].p), Number(c.rows[0].m)] };
}

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, commitments: CATALOGUE });
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  for (const u of ['admin', 'exec', 'head.a', 'head.b', 'agent.a1']) tokens[u] = await login(u);
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await pg?.end();
  await gw?.close();
});

describe('a tracked promise with short targets', () => {
  it('starts at ingest without an alert, turns AT_RISK then BROKEN on time, each announced once to the unit and the owner', async () => {
    const headA = await listen(tokens['head.a'], 'bu-a');
    const headB = await listen(tokens['head.b'], 'bu-b'); // owns DISPATCH
    const occurredAt = Date.now() - 110 * SEC; // DELIVERY: at risk at +114 s (in ~4 s), due at +120 s (in ~10 s)
    const tp = touchpoint(occurredAt, { code: 'DELIVERY', met: false });
    const res = await gw.gql(RECORD, { input: [tp] }, tokens['agent.a1']);
    expect(res.data).toEqual({ recordTouchpoints: { accepted: 1, duplicates: 0, rejected: [] } });
    // Re-sending starts nothing.
    expect((await gw.gql(RECORD, { input: [tp] }, tokens['agent.a1'])).data).toEqual({ recordTouchpoints: { accepted: 0, duplicates: 1, rejected: [] } });
    const nodes = await pg.query(`SELECT code, owner_unit_id FROM commitment_node WHERE touchpoint_id = $1 ORDER BY level`, [tp.id]);
    expect(nodes.rows).toEqual([
      { code: 'DELIVERY', owner_unit_id: 'prj-a1' },
      { code: 'DISPATCH', owner_unit_id: 'bu-b' },
      { code: 'PACK', owner_unit_id: 'prj-b1' },
    ]);
    expect(await keptCounters()).toEqual({ rollup: [0, 0], recount: [0, 0] }); // "not yet": nothing counted at ingest

    const mine = (list: Alert[]): Alert[] => list.filter((a) => a.touchpointId === tp.id && a.type.startsWith('COMMITMENT_'));
    await until(() => mine(headA).some((a) => a.type === 'COMMITMENT_BROKEN' && a.code === 'DELIVERY'), 30 * SEC);
    await until(() => headA.some((a) => a.type === 'FOLLOW_UP_OPENED'), 5 * SEC);
    await new Promise((r) => setTimeout(r, 3 * SEC)); // any repeat would arrive by now
    const seen = mine(headA).map((a) => `${a.type} ${a.code}`).sort();
    // DISPATCH and PACK were past due at ingest: BROKEN only; DELIVERY was announced at risk first, then broken.
    expect(seen).toEqual(['COMMITMENT_AT_RISK DELIVERY', 'COMMITMENT_BROKEN DELIVERY', 'COMMITMENT_BROKEN DISPATCH', 'COMMITMENT_BROKEN PACK']);
    // The owner unit bu-b hears the steps it owns (DISPATCH; PACK through prj-b1), not the promise of bu-a.
    expect(mine(headB).map((a) => `${a.type} ${a.code}`).sort()).toEqual(['COMMITMENT_BROKEN DISPATCH', 'COMMITMENT_BROKEN PACK']);
    for (const a of mine(headA)) {
      const moment = Date.parse(a.type === 'COMMITMENT_AT_RISK' ? new Date(occurredAt + 114 * SEC).toISOString() : (a.dueAt as string));
      const delay = (a as unknown as { receivedAt: number }).receivedAt - Math.max(moment, occurredAt + 110 * SEC);
      expect(delay).toBeLessThan(30 * SEC);
    }
    // Counted once in the touchpoint's bucket: denominator 1, numerator 0, like the recount.
    expect(await keptCounters()).toEqual({ rollup: [1, 0], recount: [1, 0] });
    const f = await pg.query(`SELECT reason, unit_id, state FROM follow_up WHERE touchpoint_id = $1`, [tp.id]);
    expect(f.rows).toEqual([{ reason: 'COMMITMENT_BREACHED', unit_id: 'prj-a1', state: 'OPEN' }]);
  }, 60_000);

  it('met: true completes the whole tree at servedAt and counts it kept at ingest; an unknown code counts as before', async () => {
    const before = await keptCounters();
    const now = Date.now();
    const met = touchpoint(now - 10 * SEC, { code: 'DELIVERY', met: true });
    (met.service as Record<string, unknown>).servedAt = new Date(now - 5 * SEC).toISOString();
    const untracked = touchpoint(now, { code: 'CALLBACK_1D', met: false });
    expect((await gw.gql(RECORD, { input: [met, untracked] }, tokens['agent.a1'])).data).toEqual({ recordTouchpoints: { accepted: 2, duplicates: 0, rejected: [] } });
    const after = await keptCounters();
    // met: +1/+1; the untracked one: +1 denominator only, as before
    expect(after.rollup).toEqual([before.rollup[0] + 2, before.rollup[1] + 1]);
    expect(after.recount).toEqual(after.rollup);
    const done = await pg.query(`SELECT count(*)::int AS n FROM commitment_node WHERE touchpoint_id = $1 AND completed_at = $2`, [met.id, new Date(now - 5 * SEC).toISOString()]);
    expect(done.rows[0].n).toBe(3);
  });
});

describe('recordCommitmentEvents', () => {
  let tp: Record<string, unknown>;
  const event = (code: string, completedAt = Date.now() - SEC, touchpointId = tp.id as string): Record<string, unknown> => ({
    id: randomUUID(),
    touchpointId,
    code,
    completedAt: new Date(completedAt).toISOString(),
  });

  beforeAll(async () => {
    tp = touchpoint(Date.now() - 5 * SEC, { code: 'DELIVERY', met: false });
    await gw.gql(RECORD, { input: [tp] }, tokens['agent.a1']);
  });

  it('completes a step and its descendants; the same event again is a duplicate, other content a CONFLICT', async () => {
    const e = event('DISPATCH');
    expect((await gw.gql(EVENTS, { input: [e, e] }, tokens['agent.a1'])).data).toEqual({ recordCommitmentEvents: { accepted: 1, duplicates: 1, rejected: [] } });
    const rows = await pg.query(`SELECT code, completed_at IS NOT NULL AS done FROM commitment_node WHERE touchpoint_id = $1 ORDER BY level`, [tp.id]);
    expect(rows.rows).toEqual([
      { code: 'DELIVERY', done: false },
      { code: 'DISPATCH', done: true },
      { code: 'PACK', done: true },
    ]);
    const other = { ...e, completedAt: new Date(Date.now() - 2 * SEC).toISOString() };
    const res = await gw.gql(EVENTS, { input: [other, event('PACK', Date.now() - 3 * SEC)] }, tokens['agent.a1']);
    expect(res.data).toEqual({
      recordCommitmentEvents: {
        accepted: 0,
        duplicates: 0,
        rejected: [
          { index: 0, id: e.id, code: 'CONFLICT', message: expect.stringMatching(/^id: /) },
          { index: 1, id: expect.any(String), code: 'CONFLICT', message: expect.stringMatching(/^completedAt: "PACK" was already completed/) },
        ],
      },
    });
  });

  it('judges each event on its own: NOT_FOUND, FORBIDDEN_UNIT, INVALID naming the field', async () => {
    const stranger = await login('head.b'); // owns DISPATCH (bu-b) but not DELIVERY, and not prj-a1
    const res = await gw.gql(
      EVENTS,
      {
        input: [
          event('NOPE'),
          event('DELIVERY', Date.now(), randomUUID()),
          { ...event('DELIVERY'), id: 'not-a-uuid' },
          event('DELIVERY', Date.now() + 10 * 60 * SEC),
          event('DELIVERY', Date.now() - 3600 * SEC), // before it started
          event('DELIVERY'),
        ],
      },
      stranger,
    );
    const rejected = (res.data as { recordCommitmentEvents: { rejected: { index: number; code: string; message: string }[] } }).recordCommitmentEvents.rejected;
    expect(rejected.map((r) => [r.index, r.code, r.message.split(':')[0]])).toEqual([
      [0, 'NOT_FOUND', 'code'],
      [1, 'NOT_FOUND', 'touchpointId'],
      [2, 'INVALID', 'id'],
      [3, 'INVALID', 'completedAt'],
      [4, 'FORBIDDEN_UNIT', 'touchpointId'],
      [5, 'FORBIDDEN_UNIT', 'touchpointId'],
    ]);
    // head.b owns DISPATCH's subtree (PACK is owned by prj-b1): an owner's user may complete it.
    const tp2 = touchpoint(Date.now() - 5 * SEC, { code: 'DELIVERY', met: false });
    await gw.gql(RECORD, { input: [tp2] }, tokens['agent.a1']);
    expect((await gw.gql(EVENTS, { input: [event('DISPATCH', Date.now(), tp2.id as string)] }, stranger)).data).toEqual({ recordCommitmentEvents: { accepted: 1, duplicates: 0, rejected: [] } });
  });

  it('refuses an empty or oversized call naming "input"', async () => {
    const res = await gw.gql(EVENTS, { input: [] }, tokens['agent.a1']);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/^input /);
  });

  it('counts a promise completed on time as kept, once, like the recount', async () => {
    const before = await keptCounters();
    expect((await gw.gql(EVENTS, { input: [event('DELIVERY')] }, tokens['agent.a1'])).data).toMatchObject({ recordCommitmentEvents: { accepted: 1 } });
    const after = await keptCounters();
    expect(after.rollup).toEqual([before.rollup[0] + 1, before.rollup[1] + 1]);
    expect(after.recount).toEqual(after.rollup);
  });
});

describe('Touchpoint.commitments', () => {
  const PAGE = graphql(`query CommitmentsOfPage($u: ID!, $from: DateTime!, $to: DateTime!) {
    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id commitments { code state steps { code } } } } } }`);

  it('reads the trees of a whole page of touchpoints in one query (a per-request DataLoader), each under its own touchpoint', async () => {
    const at = Date.now() - 30 * SEC;
    const tracked = Array.from({ length: 12 }, () => touchpoint(at, { code: 'DELIVERY', met: false }));
    const untracked = Array.from({ length: 3 }, () => touchpoint(at, null));
    expect((await gw.gql(RECORD, { input: [...tracked, ...untracked] }, tokens['agent.a1'])).data?.recordTouchpoints.accepted).toBe(15);
    const db = gw.app.get<GatewayDatabase>(DATABASE);
    const spy = jest.spyOn(db, 'query');
    try {
      const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      const res = await gw.gql(PAGE, { u: 'prj-a1', from: new Date(hour - 3_600_000).toISOString(), to: new Date(hour + 3_600_000).toISOString() }, tokens['head.a']);
      const byId = new Map((res.data?.touchpoints.edges ?? []).map((e) => [e.node.id, e.node.commitments]));
      for (const t of tracked) expect(byId.get(t.id as string)).toEqual([{ code: 'DELIVERY', state: 'OPEN', steps: [{ code: 'DISPATCH' }] }]);
      for (const t of untracked) expect(byId.get(t.id as string)).toEqual([]);
      // treesOf's read (the monitor works in its own transactions, not through db.query)
      const treeReads = spy.mock.calls.filter(([sql]) => /FROM commitment_node WHERE touchpoint_id = ANY/.test(String(sql)) && !/FOR UPDATE/.test(String(sql)));
      expect(treeReads).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('states read at the moment, not as of the monitor\'s last pass', () => {
  const PERF = graphql(`query CommitmentsPerfNow($u: ID!, $from: DateTime!, $to: DateTime!) {
    commitmentPerformance(unitId: $u, from: $from, to: $to) { code started met breached open atRisk } }`);
  const COUNT = graphql(`query CommitmentsCountNow($u: ID!, $from: DateTime!, $to: DateTime!, $states: [CommitmentState!]) {
    commitments(unitId: $u, from: $from, to: $to, states: $states) { totalCount edges { node { id state } } } }`);

  it('a promise turns at risk and then breached for commitmentPerformance and commitments as its moments pass, with no monitor running', async () => {
    // No monitor: nothing settles the node after ingest; only the read can know its state.
    const still = await startTestGateway({ ...TEST_ORG, commitments: [{ code: 'READ_2M', name: 'Answered within 2 minutes', level: 1, targetMinutes: 2, warnAtPercent: 50 }] }, { QIHE_COMMITMENT_MONITOR: 'off' });
    try {
      const login = await still.gql(LOGIN, { u: 'head.a', p: TEST_ORG.users.find((u) => u.username === 'head.a')!.password });
      const token = login.data!.login.token;
      const site = TEST_ORG.sites.find((x) => x.id === 'site-a')!.key;
      // Started 115 s ago: at risk since 55 s, due in 5 s.
      const tp = touchpoint(Date.now() - 115 * SEC, { code: 'READ_2M', met: false });
      expect((await still.gql(RECORD, { input: [tp] }, site)).data?.recordTouchpoints.accepted).toBe(1);
      const dueAt = Date.parse(tp.occurredAt as string) + 120 * SEC;
      const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      const w = { u: 'bu-a', from: new Date(hour - 3_600_000).toISOString(), to: new Date(hour + 3_600_000).toISOString() };
      const read = async (): Promise<unknown> => {
        const perf = (await still.gql(PERF, w, token)).data?.commitmentPerformance;
        const counts: Record<string, number | undefined> = {};
        for (const s of ['OPEN', 'AT_RISK', 'BREACHED'] as const) counts[s] = (await still.gql(COUNT, { ...w, states: [s] }, token)).data?.commitments.totalCount;
        return { perf, counts };
      };
      const atRisk = await read();
      expect(Date.now()).toBeLessThan(dueAt); // read before the deadline
      expect(atRisk).toEqual({ perf: [{ code: 'READ_2M', started: 1, met: 0, breached: 0, open: 1, atRisk: 1 }], counts: { OPEN: 0, AT_RISK: 1, BREACHED: 0 } });
      await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now()) + 500));
      expect(await read()).toEqual({ perf: [{ code: 'READ_2M', started: 1, met: 0, breached: 1, open: 0, atRisk: 0 }], counts: { OPEN: 0, AT_RISK: 0, BREACHED: 1 } });
    } finally {
      await still.close();
    }
  });
});

describe('a recount of the rollups from the raw rows', () => {
  it('gives the very counters ingest, events and the monitor wrote (tracked promises by their level-1 node)', async () => {
    const tree = new OrgTree(TEST_ORG.units.map((u) => ({ id: u.id, name: u.name, level: u.level as OrgLevel, parentId: ('parentId' in u ? u.parentId : null) ?? null, region: null, industry: null })));
    const SNAPSHOT = `SELECT unit_id, hour, dim, val, touchpoints, commitment_present, commitment_met FROM rollup_hour ORDER BY unit_id, hour, dim, val`;
    const stored = (await pg.query(SNAPSHOT)).rows;
    expect(stored.some((r) => Number(r.commitment_present) > 0)).toBe(true);
    const db = await Database.open({ url: gw.databaseUrl, poolSize: 1 });
    try {
      await db
        .transaction(async (tx) => {
          await rebuildRollups(tx, (id) => tree.lineage(id));
          expect(await tx.query(SNAPSHOT)).toEqual(stored);
          throw new Error('rollback'); // leave the gateway's rows as they were
        })
        .catch((e: Error) => {
          if (e.message !== 'rollback') throw e;
        });
    } finally {
      await db.close();
    }
  });

  it('keeps the scope counters (each unit and its subtree) equal to the per-unit counters summed over each lineage', async () => {
    const tree = new OrgTree(TEST_ORG.units.map((u) => ({ id: u.id, name: u.name, level: u.level as OrgLevel, parentId: ('parentId' in u ? u.parentId : null) ?? null, region: null, industry: null })));
    const perUnit = (await pg.query(`SELECT unit_id, owner_unit_id, code, hour, started, met, breached, at_risk, caused FROM commitment_stat_hour`)).rows;
    const expected = new Map<string, number[]>();
    for (const r of perUnit) {
      for (const [owned, unit] of [[false, r.unit_id], [true, r.owner_unit_id]] as const) {
        for (const scope of tree.lineage(unit)) {
          const key = `${scope}|${owned}|${r.code}|${new Date(r.hour).toISOString()}`;
          const v = expected.get(key) ?? [0, 0, 0, 0, 0];
          [r.started, r.met, r.breached, r.at_risk, r.caused].forEach((x, i) => (v[i] += Number(x)));
          expected.set(key, v);
        }
      }
    }
    const scopes = (await pg.query(`SELECT scope_unit_id, owned, code, hour, started, met, breached, at_risk, caused FROM commitment_stat_scope`)).rows;
    const actual = new Map(scopes.map((r) => [`${r.scope_unit_id}|${r.owned}|${r.code}|${new Date(r.hour).toISOString()}`, [r.started, r.met, r.breached, r.at_risk, r.caused].map(Number)]));
    expect(expected.size).toBeGreaterThan(0);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });
});

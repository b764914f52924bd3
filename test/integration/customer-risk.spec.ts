import { Client } from 'pg';
import { getPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { graphql } from '../__generated__/gateway';
import { RISK_FEATURES, riskFeaturesAt, riskProbability, type RiskModel } from '@qihe/domain';
import { riskHistories, type Database } from '@qihe/data';
import { DATABASE } from '@qihe/server';
import { Rng } from '../../tools/traffic/src/prng';
import { RiskService } from '../../apps/gateway/src/customers/risk.service';
import { FIT_STEPS, fitInWorker } from '../../apps/gateway/src/customers/risk-fit';
import { plantedTraffic } from '../support/planted-customers';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';

// Customer risk on a real gateway (MANAGEMENT-MODEL.md §7): a planted
// structure — customers move between a hidden content and frustrated state,
// and a frustrated customer leaves unresolved contacts, complaints and low
// ratings — is learnt well enough to beat ranking by the last rating; the fit
// is idempotent, runs off the event loop, one replica at a time; crossings open
// one AT_RISK_CUSTOMER follow-up; every view of risk stays in scope.

let gw: TestGateway;
const tokens: Record<string, string> = {};
const DAY = 86_400_000;

const LOGIN = graphql(`mutation RiskLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`);
const RECORD = graphql(`mutation RiskRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }`);
const MODEL = graphql(`query RiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }`);
const AT_RISK = graphql(`query RiskAtRisk($u: ID!, $first: Int) { atRiskCustomers(unitId: $u, first: $first) { customerId probability asOf modelVersion drivers { feature value contribution } } }`);
const PROFILE_RISK = graphql(`query RiskProfile($c: String!) { customer(customerId: $c) { customerId risk { probability modelVersion drivers { feature value contribution } } } }`);
const RATE = graphql(`mutation RiskRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }`);
const FOLLOW_UPS = graphql(`query RiskFollowUps($u: ID!) { followUps(unitId: $u, states: [OPEN], first: 500) { totalCount edges { node { reason customerId touchpointId unit { id } } } } }`);

const UNITS = ['prj-a1', 'prj-a2', 'prj-b1', 'prj-b2'];

/** The spec's planted customers: 80 % at their home unit, the newest a minute ago. */
const planted = (seed: string, customers: number, perCustomer: number, now: number): Record<string, unknown>[] =>
  plantedTraffic({ stream: 'risk', idPrefix: 'planted-', startDaysAgo: 150, gapDays: 14, newestBeforeMs: 60_000, homeShare: 0.8 }, seed, UNITS, customers, perCustomer, now);

async function record(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    const res = await gw.gql(RECORD, { input: items.slice(i, i + 1000) }, tokens.admin);
    expect(res.data?.recordTouchpoints.rejected).toEqual([]);
  }
}

const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => {
  const c = new Client({ connectionString: gw.databaseUrl });
  await c.connect();
  try {
    return (await c.query(query, params)).rows as T[];
  } finally {
    await c.end();
  }
};

const risk = (): RiskService => gw.app.get(RiskService);
const openAtRisk = async (): Promise<{ customerId: string; unit: { id: string }; touchpointId: string | null }[]> =>
  ((await gw.gql(FOLLOW_UPS, { u: 'group' }, tokens.admin)).data?.followUps.edges ?? []).map((e) => e.node).filter((f) => f.reason === 'AT_RISK_CUSTOMER');

beforeAll(async () => {
  // One check a minute (the longest allowed): the test drives the passes itself.
  gw = await startTestGateway(TEST_ORG, { QIHE_RISK_CHECK_SECONDS: '60' });
  for (const u of TEST_ORG.users) tokens[u.username] = (await gw.gql(LOGIN, { u: u.username, p: u.password })).data!.login.token;
  // The timer's passes stop here: a tick landing mid-recording on a loaded machine would fit on part of the data.
  await risk().onModuleDestroy();
});

afterAll(async () => {
  await gw?.close();
});

describe('before 200 ratings', () => {
  it('no model: riskModel and every risk are null, nothing at risk', async () => {
    await record(planted('few', 20, 12, Date.now()).slice(0, 150));
    await risk().pass();
    expect((await gw.gql(MODEL, {}, tokens.exec)).data?.riskModel).toBeNull();
    expect((await gw.gql(AT_RISK, { u: 'group' }, tokens.exec)).data?.atRiskCustomers).toEqual([]);
    expect((await gw.gql(PROFILE_RISK, { c: 'planted-few-0' }, tokens.exec)).data?.customer?.risk).toBeNull();
  });
});

describe('a planted structure', () => {
  let version: string;
  beforeAll(async () => {
    await record(planted('planted', 400, 14, Date.now()));
    await risk().pass();
  }, 240_000);

  it('is learnt: hold-out AUC well above chance and precision@50 above ranking by the last rating', async () => {
    const m = (await gw.gql(MODEL, {}, tokens.exec)).data?.riskModel;
    expect(m).not.toBeNull();
    version = m!.modelVersion;
    const total = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM touchpoint WHERE satisfaction_score IS NOT NULL`))[0].n);
    expect(m!.trainingRatings + m!.holdoutRatings).toBe(total); // every rating of the last year, once
    expect(m!.holdoutRatings).toBe(total - Math.round(total * 0.8));
    expect(m!.auc).toBeGreaterThan(0.7);
    expect(m!.precisionAt50).toBeGreaterThan(m!.baselinePrecisionAt50 as number);
  });

  it('drivers explain every probability: the log-odds are the sum of the contributions', async () => {
    const list = (await gw.gql(AT_RISK, { u: 'group', first: 20 }, tokens.exec)).data!.atRiskCustomers;
    expect(list.length).toBe(20);
    const probs = list.map((r) => r.probability);
    expect(probs).toEqual([...probs].sort((a, b) => b - a));
    const [{ model }] = await sql<{ model: { intercept: number } }>(`SELECT model FROM risk_model WHERE version = $1`, [version]);
    for (const r of list) {
      expect(r.modelVersion).toBe(version);
      expect(r.drivers.map((d) => d.feature).sort()).toEqual([...RISK_FEATURES].sort());
      const contributions = r.drivers.map((d) => d.contribution);
      expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
      const z = model.intercept + contributions.reduce((s, x) => s + x, 0);
      expect(r.probability).toBeCloseTo(1 / (1 + Math.exp(-z)), 9);
    }
  });

  it('crossings open one AT_RISK_CUSTOMER follow-up each, owned by the unit of the latest touchpoint', async () => {
    const opened = await openAtRisk();
    const above = await sql<{ customer_id: string; unit_id: string; latest_touchpoint_id: string }>(`SELECT customer_id, unit_id, latest_touchpoint_id FROM customer_risk WHERE probability >= 0.5`);
    expect(above.length).toBeGreaterThan(0);
    expect(opened.map((f) => `${f.customerId}@${f.unit.id}:${f.touchpointId}`).sort()).toEqual(above.map((r) => `${r.customer_id}@${r.unit_id}:${r.latest_touchpoint_id}`).sort());
  });

  it('refitting on the same ratings gives the same model and opens nothing more', async () => {
    const before = await openAtRisk();
    const [{ model: first }] = await sql<{ model: unknown }>(`SELECT model FROM risk_model WHERE version = $1`, [version]);
    await sql(`DELETE FROM risk_model`); // forces a fit on the next pass
    await risk().pass();
    const rows = await sql<{ version: string; model: Record<string, unknown> }>(`SELECT version, model FROM risk_model`);
    expect(rows.map((r) => r.version)).toEqual([version]);
    const { trainedAt: _a, ...same } = rows[0].model;
    const { trainedAt: _b, ...was } = first as Record<string, unknown>;
    expect(same).toEqual(was);
    expect(await openAtRisk()).toHaveLength(before.length);
    await risk().pass(); // nothing new: a rescoring pass that changes nothing
    expect(await openAtRisk()).toHaveLength(before.length);
  }, 240_000);

  it('a refit reads each history once: every customer is stored with the features of that history as of the pass, and the probability the model gives them', async () => {
    const db = gw.app.get<Database>(DATABASE);
    const read: string[] = [];
    const query = db.query.bind(db);
    // Every statement the pass sends through the database's own query (its reads; writes go through transactions):
    // the customers whose histories each read of customer_touchpoint asked for (an array literal of plain ids).
    db.query = <T>(text: string, params?: unknown[]): Promise<T[]> => {
      if (text.includes('FROM customer_touchpoint')) read.push(...String(params?.[0]).slice(1, -1).split(',').map((c) => c.replace(/"/g, '')));
      return query<T>(text, params);
    };
    try {
      await sql(`DELETE FROM risk_model`);
      await risk().pass();
    } finally {
      delete (db as { query?: unknown }).query;
    }
    const customers = (await sql<{ c: string }>(`SELECT DISTINCT customer_id AS c FROM customer_touchpoint ORDER BY 1`)).map((r) => r.c);
    expect(read.sort()).toEqual(customers); // each once (the refit before this change read every history twice: training, then scoring)
    const n = customers.length;
    const [{ model }] = await sql<{ model: RiskModel }>(`SELECT model FROM risk_model`);
    const stored = await sql<{ c: string; features: number[]; p: number; at: Date }>(`SELECT customer_id AS c, features, probability AS p, as_of AS at FROM customer_risk ORDER BY customer_id`);
    expect(stored).toHaveLength(n);
    const asOf = stored[0].at.getTime();
    expect(stored.every((r) => r.at.getTime() === asOf)).toBe(true);
    const histories = await riskHistories(db, stored.map((r) => r.c), asOf - (365 + 120) * DAY);
    for (const r of stored) {
      const h = histories.get(r.c)!;
      const latest = h.touchpoints[h.touchpoints.length - 1];
      expect({ c: r.c, features: r.features }).toEqual({ c: r.c, features: riskFeaturesAt(h.touchpoints, h.promises, Math.max(asOf, latest.occurredAt + 1)) });
      expect(Object.is(Number(r.p), riskProbability(model, r.features))).toBe(true);
    }
  }, 240_000);

  it('a new contact is rescored on the next pass; its crossing opens a follow-up in the unit of that latest touchpoint', async () => {
    const [low] = await sql<{ customer_id: string; unit_id: string }>(`SELECT customer_id, unit_id FROM customer_risk WHERE probability < 0.2 ORDER BY customer_id LIMIT 1`);
    const now = Date.now();
    // Three unresolved complaints rated 1 in the last days: the customer turns risky.
    await record(
      [3, 2, 1].map((d, i) => ({
        id: new Rng(`turn-${i}`).uuid(now - d * DAY),
        unitId: 'prj-b2',
        customerId: low.customer_id,
        channel: 'PHONE',
        kind: 'SERVICE',
        stage: 'AFTER_SALE',
        occurredAt: new Date(now - d * DAY).toISOString(),
        need: { category: 'COMPLAINT' },
        service: { action: 'apologised', handleSeconds: 60, resolved: false, firstContact: false },
        satisfaction: { score: 1 },
      })),
    );
    await risk().pass();
    const [after] = await sql<{ probability: number; unit_id: string }>(`SELECT probability, unit_id FROM customer_risk WHERE customer_id = $1`, [low.customer_id]);
    expect(after.probability).toBeGreaterThanOrEqual(0.5);
    expect(after.unit_id).toBe('prj-b2');
    expect((await openAtRisk()).filter((f) => f.customerId === low.customer_id).map((f) => f.unit.id)).toEqual(['prj-b2']);
  });

  it('a pass rescores exactly the customers touched since the last one (a new contact, a late rating) and prunes what it read; a second pass rescores no one', async () => {
    const [a, b] = await sql<{ customer_id: string }>(`SELECT customer_id FROM customer_risk ORDER BY customer_id LIMIT 2`);
    const now = Date.now();
    const tp = (customerId: string, key: string, agoMs: number, rated: boolean): Record<string, unknown> => ({
      id: new Rng(key).uuid(now - agoMs),
      unitId: 'prj-a1',
      customerId,
      channel: 'PHONE',
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: new Date(now - agoMs).toISOString(),
      need: { category: 'CONSULTATION' },
      service: { action: 'answered', handleSeconds: 60, resolved: true, firstContact: true },
      ...(rated ? { satisfaction: { score: 5 } } : {}),
    });
    const unrated = tp(b.customer_id, 'exact-b', 3_600_000, false);
    await record([unrated]);
    await risk().pass();
    const asOf = async (): Promise<Map<string, number>> => new Map((await sql<{ c: string; t: Date }>(`SELECT customer_id AS c, as_of AS t FROM customer_risk`)).map((r) => [r.c, r.t.getTime()]));
    const before = await asOf();
    await record([tp(a.customer_id, 'exact-a', 60_000, true)]);
    const rated = await gw.gql(RATE, { id: unrated.id as string, s: 1 }, tokens.admin);
    expect(rated.errors).toBeUndefined();
    await risk().pass();
    const after = await asOf();
    expect([...after].filter(([c, t]) => before.get(c) !== t).map(([c]) => c).sort()).toEqual([a.customer_id, b.customer_id].sort());
    expect(await sql(`SELECT customers FROM customer_touched`)).toEqual([]);
    // Once scored, a touch is not read again: a second pass rescores no one.
    await risk().pass();
    expect([...(await asOf())].filter(([c, t]) => after.get(c) !== t)).toEqual([]);
  });

  it('a touch committed after a pass read the queue is rescored by the next pass', async () => {
    const [c] = await sql<{ customer_id: string }>(`SELECT customer_id FROM customer_risk ORDER BY customer_id LIMIT 1 OFFSET 2`);
    const asOfC = async (): Promise<number> => (await sql<{ t: Date }>(`SELECT as_of AS t FROM customer_risk WHERE customer_id = $1`, [c.customer_id]))[0].t.getTime();
    const late = new Client({ connectionString: gw.databaseUrl });
    await late.connect();
    try {
      await late.query(`BEGIN`);
      await late.query(`INSERT INTO customer_touched (customers) VALUES (ARRAY[$1])`, [c.customer_id]); // an ingest transaction, not yet committed
      const before = await asOfC();
      await risk().pass();
      expect(await asOfC()).toBe(before);
      await late.query(`COMMIT`);
      await risk().pass();
      expect(await asOfC()).toBeGreaterThan(before);
      expect(await sql(`SELECT customers FROM customer_touched`)).toEqual([]);
    } finally {
      await late.end();
    }
  });

  it('a refit scores everyone and prunes the touches it saw: the next pass rescores no one the refit already scored', async () => {
    const [b] = await sql<{ customer_id: string }>(`SELECT customer_id FROM customer_risk ORDER BY customer_id DESC LIMIT 1`);
    const now = Date.now();
    await record([
      {
        id: new Rng('refit-mark').uuid(now - 60_000),
        unitId: 'prj-a1',
        customerId: b.customer_id,
        channel: 'PHONE',
        kind: 'SERVICE',
        stage: 'AFTER_SALE',
        occurredAt: new Date(now - 60_000).toISOString(),
        need: { category: 'CONSULTATION' },
        service: { action: 'answered', handleSeconds: 60, resolved: true, firstContact: true },
      },
    ]);
    await sql(`DELETE FROM risk_model`);
    await risk().pass(); // no model: a refit, scoring everyone
    expect(await sql(`SELECT version FROM risk_model`)).toHaveLength(1);
    const asOf = async (): Promise<Map<string, number>> => new Map((await sql<{ c: string; t: Date }>(`SELECT customer_id AS c, as_of AS t FROM customer_risk`)).map((r) => [r.c, r.t.getTime()]));
    const before = await asOf();
    await risk().pass();
    const after = await asOf();
    expect([...after].filter(([c, t]) => before.get(c) !== t).map(([c]) => c)).toEqual([]);
    expect(await sql(`SELECT customers FROM customer_touched`)).toEqual([]);
  });

  it('a unit head sees risk computed from their own units only; atRiskCustomers in scope', async () => {
    const [two] = await sql<{ customer_id: string }>(
      `SELECT customer_id FROM customer_unit GROUP BY customer_id HAVING bool_or(unit_id LIKE 'prj-a%') AND bool_or(unit_id LIKE 'prj-b%') ORDER BY customer_id LIMIT 1`,
    );
    const c = two.customer_id;
    const exec = (await gw.gql(PROFILE_RISK, { c }, tokens.exec)).data!.customer!.risk!;
    const headA = (await gw.gql(PROFILE_RISK, { c }, tokens['head.a'])).data!.customer!.risk!;
    const contacts = (r: typeof exec): number => r.drivers.find((d) => d.feature === 'contacts30d')!.value;
    const [{ n: all }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM touchpoint WHERE customer_id = $1 AND occurred_at >= now() - interval '30 days'`, [c]);
    const [{ n: inA }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM touchpoint WHERE customer_id = $1 AND unit_id LIKE 'prj-a%' AND occurred_at >= now() - interval '30 days'`, [c]);
    expect(contacts(exec)).toBe(all);
    expect(contacts(headA)).toBe(inA);
    const lists = (await gw.gql(AT_RISK, { u: 'bu-a', first: 50 }, tokens['head.a'])).data!.atRiskCustomers;
    const latestUnits = await sql<{ customer_id: string; unit_id: string }>(`SELECT customer_id, unit_id FROM customer_risk WHERE customer_id = ANY($1)`, [lists.map((r) => r.customerId)]);
    expect(latestUnits.every((r) => r.unit_id.startsWith('prj-a'))).toBe(true);
    expect((await gw.gql(AT_RISK, { u: 'bu-b' }, tokens['head.a'])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('one replica at a time, off the event loop', () => {
  it('a pass does nothing while another holds the advisory lock', async () => {
    await sql(`DELETE FROM risk_model`);
    const holder = new Client({ connectionString: gw.databaseUrl });
    await holder.connect();
    try {
      await holder.query(`BEGIN`);
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('qihe:customer-risk'))`);
      await risk().pass();
      expect(await sql(`SELECT version FROM risk_model`)).toEqual([]);
    } finally {
      await holder.query(`ROLLBACK`);
      await holder.end();
    }
    await risk().pass();
    expect(await sql(`SELECT version FROM risk_model`)).toHaveLength(1);
  }, 240_000);

  it('a refit holds no xid or snapshot across its reads, fit and rescoring: every transaction that could hold back VACUUM is short, and the loop keeps turning', async () => {
    await sql(`DELETE FROM risk_model`);
    const watcher = new Client({ connectionString: gw.databaseUrl });
    await watcher.connect();
    let longest = { ms: 0, who: '' };
    let done = false;
    // The oldest open transaction holding an xid or a snapshot (what keeps VACUUM
    // from the rollups), the watcher's own aside, sampled while the pass runs. The
    // job's lock transaction holds neither: it only ran pg_try_advisory_xact_lock.
    // The feed relay's own transactions (lock a page of the outbox's queue, publish,
    // take it off the queue) run beside the pass on the same database; they are the relay's,
    // bounded by its page, and under a loaded CI reached a quarter of a
    // half-second pass (a full run failed on one), so they are left out.
    const watch = (async () => {
      while (!done) {
        const { rows } = await watcher.query<{ ms: number; who: string }>(
          `SELECT extract(epoch FROM clock_timestamp() - xact_start) * 1000 AS ms, application_name || ': ' || left(query, 120) AS who
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
              AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL) AND query NOT LIKE '%feed_outbox%' AND query NOT LIKE '%feed_unsent%'
             ORDER BY xact_start LIMIT 1`,
        );
        if (rows[0] && Number(rows[0].ms) > longest.ms) longest = { ms: Number(rows[0].ms), who: rows[0].who };
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    await risk().pass();
    const passMs = performance.now() - t0;
    delay.disable();
    done = true;
    await watch;
    await watcher.end();
    expect(await sql(`SELECT version FROM risk_model`)).toHaveLength(1);
    // One transaction around the whole pass (as before) is as long as the pass.
    // Each page of scores is written in a short transaction of its own (22–43 ms
    // of an 0.7–1.2 s pass here with four CPU hogs beside it). A CI run whose
    // pass took 330 ms saw one transaction above a quarter of that, probably a
    // commit's fsync among the suite's I/O; so the bound is half the pass, which
    // the old design is far above (reads and writes in the lock transaction: 99 %
    // of the pass, 376 of 381 ms, checked). The
    // culprit's application and statement are in the failure message.
    expect({ short: longest.ms < passMs / 2, passMs, longest }).toEqual({ short: true, passMs, longest });
    expect(delay.max / 1e6).toBeLessThan(Math.max(200, passMs / 4));
  }, 240_000);

  it('a fit of 20,000 ratings runs in a worker thread: the event loop keeps turning', async () => {
    const rng = new Rng('worker');
    const n = 20_000;
    const d = 9;
    const x = new Float64Array(n * d).map(() => rng.next() * 5);
    const y = Uint8Array.from({ length: n }, (_, i) => (x[i * d] + rng.next() * 2 > 4 ? 1 : 0));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const priority = getPriority();
    delay.enable();
    const t0 = performance.now();
    const fit = await fitInWorker({ x, y, n, d, steps: FIT_STEPS });
    const ms = performance.now() - t0;
    delay.disable();
    expect(fit.weights).toHaveLength(d + 1);
    expect(fit.weights[1]).toBeGreaterThan(0.5); // the planted feature carries the signal
    // Background work: the fitting thread ran at the lowest priority, the gateway's own at its usual one.
    if (process.platform === 'linux') expect({ fit: fit.threadPriority, gateway: getPriority() }).toEqual({ fit: 19, gateway: priority });
    // The fit took a while; the loop never stalled for anything like it.
    expect(delay.max / 1e6).toBeLessThan(Math.max(200, ms / 4));
  }, 120_000);
});

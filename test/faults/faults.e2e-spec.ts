import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database, loadUnits, rebuildRollups } from '@qihe/data';
import { OrgTree, parseSeed } from '@qihe/domain';
import { runSiteTraffic, type SiteAgent } from '../../tools/traffic/src/site-traffic';
import { referenceScore, selectTouchpoints, type RefTouchpoint } from '../e2e/support/reference-model';
import { compareScore } from '../e2e/support/score-comparison';
import type { EngagementScoreWire } from '../e2e/support/wire-types';
import { adminQuery, FaultRig } from './support/fault-rig';
import type { TypedDocument } from '@qihe/client';
import { graphql } from '../__generated__/gateway';
import { siteGraphql } from '../__generated__/site';
import { LOGIN } from '../support/documents';

const BACKLOG = siteGraphql(`query FaultsBacklog { siteStatus { backlog } }`);
const DEAD_LETTERS = siteGraphql(`query FaultsDeadLetters { deadLetters(first: 500) { touchpointId code message kind } }`);
// Spreads the end-to-end reference's fragment (test/e2e/support/graphql-client.ts): the same fields it compares.
const FAULTS_SCORE = graphql(`
  query FaultsScore($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...E2eScore } }
`);

// The distributed contact centre under faults, with real processes: a
// gateway on its PostgreSQL, three sites (group, business unit, project) fed by
// agents. Mid-stream the gateway, a site and PostgreSQL are SIGKILLed and
// restarted, and the link is cut. Afterwards the gateway must hold exactly what
// the sites accepted — nothing lost, nothing counted twice — and every number
// must be the model's.

const seed = JSON.parse(readFileSync(join(__dirname, '../../infra/seed/demo-org.json'), 'utf8'));
const org = parseSeed(seed);
const tree = new OrgTree(org.units);
const SITES = [
  { id: 'site-group', agent: 'agent.group' },
  { id: 'site-grid', agent: 'agent.grid' },
  { id: 'site-grid-uhv01', agent: 'agent.uhv' },
];
const DURATION_S = Number(process.env.QIHE_FAULTS_SECONDS ?? 40);
const RATE = Number(process.env.QIHE_FAULTS_RATE ?? 30);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const rig = new FaultRig();

async function gql<T>(url: string, query: string | TypedDocument<T, never>, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(query), variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

const login = async (url: string, username: string): Promise<string> => {
  const password = org.users.find((u) => u.username === username)!.password;
  return (await gql(url, LOGIN, { u: username, p: password })).login.token;
};

afterAll(() => rig.stop(), 60_000);

it('loses nothing and counts nothing twice through gateway, site, link and database failures', async () => {
  await rig.start(seed);
  for (const s of SITES) {
    const spec = org.sites.find((x) => x.id === s.id)!;
    await rig.addSite({ id: spec.id, unitId: spec.unitId, key: spec.key });
  }
  const agents: SiteAgent[] = SITES.map((s) => {
    const user = org.users.find((u) => u.username === s.agent)!;
    return { siteUrl: rig.siteUrl(s.id), username: user.username, password: user.password, unitIds: tree.subtree(user.unitId).map((u) => u.id) };
  });

  const traffic = runSiteTraffic({ agents, units: org.units, rate: RATE, durationSec: DURATION_S, batchSize: 2, lateRatingRatio: 0.4, seed: 'faults' });
  const faults: string[] = [];
  const at = (s: number): Promise<void> => sleep(Math.max(0, s * 1000));
  const t0 = Date.now();
  const since = (): number => (Date.now() - t0) / 1000;
  const schedule = (async () => {
    const k = DURATION_S / 40; // the schedule stretches with the run
    await at(5 * k);
    await rig.gateway.kill('SIGKILL');
    faults.push(`${since().toFixed(1)}s gateway SIGKILL`);
    await sleep(3000);
    await rig.startGateway();
    await at(14 * k - since());
    await rig.killSite('site-grid');
    faults.push(`${since().toFixed(1)}s site-grid SIGKILL`);
    await sleep(2000);
    await rig.startSite('site-grid');
    await at(21 * k - since());
    rig.proxy.down();
    faults.push(`${since().toFixed(1)}s link to the gateway cut`);
    await sleep(6000);
    rig.proxy.up();
    await at(30 * k - since());
    await rig.killGatewayPg();
    faults.push(`${since().toFixed(1)}s PostgreSQL SIGKILL`);
    await sleep(3000);
    await rig.restartGatewayPg();
  })();
  const [summary] = await Promise.all([traffic, schedule]);

  // Drain: every site's backlog empties once the gateway is reachable again.
  const tokens = new Map<string, string>();
  for (const s of SITES) tokens.set(s.id, await login(rig.siteUrl(s.id), s.agent));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const backlogs = await Promise.all(
      SITES.map(async (s) => (await gql(rig.siteUrl(s.id), BACKLOG, {}, tokens.get(s.id))).siteStatus.backlog),
    );
    if (backlogs.every((b) => b === 0)) break;
    if (Date.now() > deadline) throw new Error(`backlogs did not drain: ${backlogs.join(', ')}`);
    await sleep(500);
  }

  // What the sites confirmed to their agents vs what the gateway stored.
  const confirmed = new Set<string>();
  for (const ids of summary.confirmed.values()) ids.forEach((id) => confirmed.add(id));
  const deadLetters = (
    await Promise.all(SITES.map(async (s) => (await gql(rig.siteUrl(s.id), DEAD_LETTERS, {}, tokens.get(s.id))).deadLetters))
  ).flat();
  for (const d of deadLetters) {
    expect(d.code).toMatch(/^[A-Z_]+$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
  const deadTouchpoints = new Set(deadLetters.filter((d) => d.kind === 'TOUCHPOINT').map((d) => d.touchpointId));
  const rows = await adminQuery<{ id: string; n: number }>(rig.gatewayDbUrl, `SELECT id::text, count(*)::int AS n FROM touchpoint GROUP BY id`);
  const stored = new Set(rows.map((r) => r.id));
  const lost = [...confirmed].filter((id) => !stored.has(id) && !deadTouchpoints.has(id));
  const unexpected = [...stored].filter((id) => !confirmed.has(id) && !summary.givenUp.includes(id));
  const rollupTotal = (await adminQuery<{ n: number }>(rig.gatewayDbUrl, `SELECT coalesce(sum(touchpoints), 0)::int AS n FROM rollup_hour WHERE unit_id = 'group' AND dim = 0`))[0].n;
  const duplicated = rows.reduce((n, r) => n + r.n - 1, 0) + Math.max(0, rollupTotal - stored.size);
  const line = `faults: ${confirmed.size} touchpoints, ${faults.length} faults, ${lost.length} lost, ${duplicated} duplicated`;
  console.log(`${line}\n  ${faults.join('\n  ')}\n  dead letters: ${deadLetters.length}, agent retries: ${summary.retries}, given up: ${summary.givenUp.length}`);
  // npm run test:faults ends with this line (jest's own output comes before it).
  mkdirSync(join(__dirname, '../../test-artifacts'), { recursive: true });
  writeFileSync(join(__dirname, '../../test-artifacts/faults-summary.txt'), `${line}\n`);
  expect(faults).toHaveLength(4);
  expect(summary.givenUp).toEqual([]);
  expect(lost).toEqual([]);
  expect(unexpected).toEqual([]);
  expect(duplicated).toBe(0);
  expect(rollupTotal).toBe(stored.size);
  expect(confirmed.size).toBeGreaterThan(DURATION_S * RATE * 0.5);

  // Ratings: what the sites confirmed is what the gateway holds.
  const rated = await adminQuery<{ id: string; score: number }>(rig.gatewayDbUrl, `SELECT id::text, satisfaction_score AS score FROM touchpoint WHERE satisfaction_score IS NOT NULL`);
  const ratedAt = new Map(rated.map((r) => [r.id, Number(r.score)]));
  for (const [id, score] of summary.ratings) if (stored.has(id)) expect([id, ratedAt.get(id)]).toEqual([id, score]);

  // Rollups equal a recount from the raw rows with the project's counting code.
  const db = await Database.open({ url: rig.gatewayDbUrl, poolSize: 1 });
  try {
    const snapshot = async (q: { query: <T>(s: string) => Promise<T[]> }): Promise<string[]> =>
      (await q.query<{ j: string }>(`SELECT row_to_json(r)::text AS j FROM rollup_hour r ORDER BY unit_id, dim, hour, val`)).map((r) => r.j);
    const before = await snapshot(db);
    const units = new OrgTree(await loadUnits(db));
    await db
      .transaction(async (tx) => {
        await rebuildRollups(tx, (id) => units.lineage(id));
        expect(await snapshot(tx)).toEqual(before);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
  } finally {
    await db.close();
  }

  // Every score equals the model computed from scratch over the raw rows.
  const raw = await adminQuery<Record<string, unknown>>(
    rig.gatewayDbUrl,
    // A tracked promise (one that started a commitment tree) counts by its level-1 node's times, computed here
    // from the raw columns: MET if completed by its due time, BREACHED if completed later or due and unfinished.
    `SELECT t.id::text, t.unit_id, t.occurred_at, t.received_at, t.channel, t.kind, t.stage, t.region, t.industry, t.need_category,
            t.contract_id, t.product_id, t.served, t.resolved, t.first_contact,
            jsonb_array_length(coalesce(t.knowledge_refs, '[]'::jsonb)) AS refs, t.knowledge_created, t.handoff_unit_id,
            t.commitment_code, t.commitment_met, t.satisfaction_score, n.id IS NOT NULL AS tracked,
            CASE WHEN n.completed_at IS NOT NULL THEN n.completed_at <= n.due_at WHEN n.due_at <= now() THEN false END AS tracked_met
       FROM touchpoint t LEFT JOIN commitment_node n ON n.touchpoint_id = t.id AND n.level = 1`,
  );
  const ref: RefTouchpoint[] = raw.map((r) => ({
    id: String(r.id),
    unitId: String(r.unit_id),
    occurredAt: new Date(r.occurred_at as string).getTime(),
    receivedAt: new Date(r.received_at as string).getTime(),
    channel: r.channel as RefTouchpoint['channel'],
    kind: r.kind as RefTouchpoint['kind'],
    stage: r.stage as RefTouchpoint['stage'],
    region: (r.region as string | null) ?? null,
    industry: (r.industry as string | null) ?? null,
    needCategory: r.need_category as RefTouchpoint['needCategory'],
    contractId: (r.contract_id as string | null) ?? null,
    productId: (r.product_id as string | null) ?? null,
    service: r.served
      ? {
          resolved: r.resolved === true,
          firstContact: r.first_contact === true,
          knowledgeRefs: Number(r.refs),
          knowledgeCreated: r.knowledge_created === true,
          handoffUnitId: (r.handoff_unit_id as string | null) ?? null,
          commitment: r.tracked
            ? r.tracked_met === null
              ? null // a promise not yet kept or broken counts nowhere yet
              : { met: r.tracked_met === true }
            : r.commitment_code === null
              ? null
              : { met: r.commitment_met === true },
        }
      : null,
    score: r.satisfaction_score === null ? null : Number(r.satisfaction_score),
  }));
  const exec = await login(rig.gateway.url, 'exec');
  const hour = 3_600_000;
  const from = Math.floor(Math.min(...ref.map((t) => t.occurredAt)) / hour) * hour;
  const to = Math.ceil((Date.now() + 1) / hour) * hour;
  const problems: string[] = [];
  for (const unitId of ['group', 'bu-grid', 'prj-grid-uhv01', 'bu-rail']) {
    const { engagementScore } = await gql<{ engagementScore: EngagementScoreWire }>(
      rig.gateway.url,
      FAULTS_SCORE,
      { u: unitId, f: new Date(from).toISOString(), t: new Date(to).toISOString() },
      exec,
    );
    const subtree = new Set(tree.subtree(unitId).map((u) => u.id));
    problems.push(...compareScore(engagementScore, referenceScore(selectTouchpoints(ref, subtree, from, to)), { label: unitId, unitId, from, to }));
  }
  expect(problems).toEqual([]);
}, 300_000);

import { scoreCounters, zeroCounters, COUNTER_KEYS, type Counters } from '@qihe/domain';
import { graphql } from './__generated__';
import { withClient } from './pg';
import { latency, round, type Latency } from './stats';

// Score latency end to end (HTTP + GraphQL + rollup query + scoring) as a
// dashboard would see it, and the baseline to beat: the same group score by a
// plain SQL scan of the raw touchpoints.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const BENCH_SCORE = graphql(`
  fragment BenchScore on EngagementScore { unit { id } from to touchpoints overall chains { chain score } modelVersion }
`);
const SCORE = graphql(`
  query Score($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...BenchScore } }
`);
const CHILD_SCORES = graphql(`
  query ChildScores($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScores(parentId: $u, from: $f, to: $t) { ...BenchScore } }
`);
const BREAKDOWN = graphql(`
  query Breakdown($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: REGION) { value score { ...BenchScore } } }
`);
const TREND = graphql(`
  query Trend($u: ID!, $f: DateTime!, $t: DateTime!) { engagementTrend(unitId: $u, from: $f, to: $t, interval: DAY) { ...BenchScore } }
`);
// The drill-down (issue 12): a filtered first page with its totalCount, and the breakdown by agent.
const DRILL = graphql(`
  query Drill($u: ID!, $f: DateTime!, $t: DateTime!, $filter: TouchpointFilter) {
    touchpoints(unitId: $u, from: $f, to: $t, first: 50, filter: $filter) { totalCount edges { node { id occurredAt agentId satisfaction { score } } } pageInfo { hasNextPage endCursor } }
  }
`);
const BY_AGENT = graphql(`
  query BreakdownByAgent($u: ID!, $f: DateTime!, $t: DateTime!) { engagementBreakdown(unitId: $u, from: $f, to: $t, by: AGENT) { value score { touchpoints overall } } }
`);
const INDICATORS = graphql(`
  query BenchIndicators($u: ID!, $f: DateTime!, $t: DateTime!) {
    indicators(unitId: $u, from: $f, to: $t) { key class value numerator denominator target status previous }
  }
`);
const ENGAGEMENT_TYPES = graphql(`
  query BenchEngagementTypes($u: ID!, $f: DateTime!, $t: DateTime!) {
    engagementTypes(unitId: $u, from: $f, to: $t) { type score measures { key value } }
  }
`);
const LOGIN = graphql(`
  mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }
`);

export interface ScoreQuery {
  key: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** p95 target in ms (default 20). */
  targetMs?: number;
}

export function scoreQueries(group: string, project: string, nowMs: number): ScoreQuery[] {
  const to = Math.floor(nowMs / HOUR) * HOUR + HOUR;
  const iso = (ms: number): string => new Date(ms).toISOString();
  return [
    {
      key: 'engagementScore_group_30d',
      label: 'engagementScore(group, 30 d)',
      query: String(SCORE),
      variables: { u: group, f: iso(to - 30 * DAY), t: iso(to) },
    },
    {
      key: 'engagementScore_project_7d',
      label: 'engagementScore(project, 7 d)',
      query: String(SCORE),
      variables: { u: project, f: iso(to - 7 * DAY), t: iso(to) },
    },
    {
      key: 'engagementScores_children_30d',
      label: 'engagementScores(children of group, 30 d)',
      query: String(CHILD_SCORES),
      variables: { u: group, f: iso(to - 30 * DAY), t: iso(to) },
    },
    {
      key: 'engagementBreakdown_region_30d',
      label: 'engagementBreakdown(group, 30 d, REGION)',
      query: String(BREAKDOWN),
      variables: { u: group, f: iso(to - 30 * DAY), t: iso(to) },
    },
    // A project's breakdown: its own touchpoints, read from its rows since own-slices:raw (docs/PERFORMANCE.md "Own-unit slices from the rows").
    {
      key: 'engagementBreakdown_project_region_30d',
      label: 'engagementBreakdown(project, 30 d, REGION)',
      query: String(BREAKDOWN),
      variables: { u: project, f: iso(to - 30 * DAY), t: iso(to) },
    },
    {
      key: 'engagementBreakdown_project_agent_7d',
      label: 'engagementBreakdown(project, 7 d, AGENT)',
      query: String(BY_AGENT),
      variables: { u: project, f: iso(to - 7 * DAY), t: iso(to) },
    },
    ...drillQueries(group, project, to),
    {
      key: 'indicators_group_30d',
      label: 'indicators(group, 30 d, with the 30 d before)',
      query: String(INDICATORS),
      variables: { u: group, f: iso(to - 30 * DAY), t: iso(to) },
    },
    {
      key: 'indicators_project_7d',
      label: 'indicators(project, 7 d, with the 7 d before)',
      query: String(INDICATORS),
      variables: { u: project, f: iso(to - 7 * DAY), t: iso(to) },
    },
    {
      key: 'engagementTypes_group_30d',
      label: 'engagementTypes(group, 30 d)',
      query: String(ENGAGEMENT_TYPES),
      variables: { u: group, f: iso(to - 30 * DAY), t: iso(to) },
    },
    {
      key: 'engagementTrend_daily_90d',
      label: 'engagementTrend(group, 90 d, DAY)',
      query: String(TREND),
      variables: { u: group, f: iso(to - 90 * DAY), t: iso(to) },
    },
  ];
}

/** Filtered first pages with totalCount (target p95 ≤ 50 ms at 10 M), by the path their count takes, and the AGENT breakdown. */
function drillQueries(group: string, project: string, to: number): ScoreQuery[] {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const w7 = { f: iso(to - 7 * DAY), t: iso(to) };
  const drill = (key: string, label: string, u: string, filter: Record<string, unknown>, w = w7): ScoreQuery => ({ key, label, query: String(DRILL), variables: { u, ...w, filter }, targetMs: 50 });
  return [
    drill('drill_group_7d_resolution_missed_phone', 'touchpoints(group, 7 d, PHONE, resolution MISSED) + totalCount [rollups]', group, { channel: 'PHONE', measure: 'resolution', part: 'MISSED' }),
    drill('drill_group_30d_commitment_denominator', 'touchpoints(group, 30 d, commitmentKept DENOMINATOR) + totalCount [rollups]', group, { measure: 'commitmentKept' }, { f: iso(to - 30 * DAY), t: iso(to) }),
    drill('drill_group_7d_csat_numerator', 'touchpoints(group, 7 d, csat NUMERATOR) + totalCount [rows]', group, { measure: 'csat', part: 'NUMERATOR' }),
    drill('drill_project_7d_phone', 'touchpoints(project, 7 d, PHONE) + totalCount [rollups]', project, { channel: 'PHONE' }),
    drill('drill_project_7d_low_ratings', 'touchpoints(project, 7 d, maxSatisfaction 2) + totalCount [rows]', project, { maxSatisfaction: 2 }),
    drill('drill_group_30d_agent', 'touchpoints(group, 30 d, one agent) + totalCount [agent index]', group, { agentId: `agt-${project}-0` }, { f: iso(to - 30 * DAY), t: iso(to) }),
    { key: 'engagementBreakdown_agent_7d', label: 'engagementBreakdown(group, 7 d, AGENT)', query: String(BY_AGENT), variables: { u: group, ...w7 }, targetMs: 50 },
  ];
}

export async function gql<T>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(url, null, String(LOGIN), { u: username, p: password });
  return data.login.token;
}

/** Sequential calls after a warm-up: the latency one dashboard user sees. */
export async function timeQuery(url: string, token: string, q: ScoreQuery, reps: number, warmup = 5): Promise<Latency & { sample: unknown }> {
  let sample: unknown;
  for (let i = 0; i < warmup; i++) sample = await gql(url, token, q.query, q.variables);
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await gql(url, token, q.query, q.variables);
    ms.push(performance.now() - t0);
  }
  return { ...latency(ms), sample };
}

const RAW_COUNTERS: Record<(typeof COUNTER_KEYS)[number], string> = {
  touchpoints: 'count(*)',
  served: 'count(*) FILTER (WHERE served)',
  rated: 'count(satisfaction_score)',
  ratingPoints: 'coalesce(sum(satisfaction_score - 1), 0)',
  servedRated: 'count(*) FILTER (WHERE served AND satisfaction_score IS NOT NULL)',
  winWin: 'count(*) FILTER (WHERE served AND resolved AND satisfaction_score >= 4)',
  growth: `count(*) FILTER (WHERE need_category IN ('PURCHASE', 'RENEWAL'))`,
  resolved: 'count(*) FILTER (WHERE served AND resolved)',
  commitmentPresent: 'count(*) FILTER (WHERE served AND commitment_code IS NOT NULL)',
  commitmentMet: 'count(*) FILTER (WHERE served AND commitment_code IS NOT NULL AND commitment_met)',
  handoff: 'count(*) FILTER (WHERE served AND handoff_unit_id IS NOT NULL)',
  handoffResolved: 'count(*) FILTER (WHERE served AND handoff_unit_id IS NOT NULL AND resolved)',
  knowledgeUsed: `count(*) FILTER (WHERE served AND jsonb_array_length(coalesce(knowledge_refs, '[]')) > 0)`,
  firstContactResolved: 'count(*) FILTER (WHERE served AND resolved AND first_contact)',
  knowledgeCreated: 'count(*) FILTER (WHERE served AND knowledge_created)',
  linked: 'count(*) FILTER (WHERE contract_id IS NOT NULL OR product_id IS NOT NULL)',
  timely: `count(*) FILTER (WHERE received_at - occurred_at <= interval '15 minutes')`,
  handleSeconds: 'coalesce(sum(handle_seconds) FILTER (WHERE served), 0)',
  repeats: 'count(*) FILTER (WHERE repeat)',
  selfService: `count(*) FILTER (WHERE channel IN ('WEB', 'APP'))`,
  complaints: `count(*) FILTER (WHERE need_category = 'COMPLAINT')`,
  renewals: `count(*) FILTER (WHERE need_category = 'RENEWAL')`,
  delighted: 'count(*) FILTER (WHERE satisfaction_score = 5)',
  lowRated: 'count(*) FILTER (WHERE satisfaction_score <= 2)',
  neutral: 'count(*) FILTER (WHERE satisfaction_score = 3)',
};

/** The group's 30-day score the naive way: aggregate the raw rows of every unit in the subtree. */
export async function rawScan(dbUrl: string, unitIds: string[], nowMs: number, reps: number): Promise<{ ms: number[]; overall: number | null; touchpoints: number }> {
  const to = Math.floor(nowMs / HOUR) * HOUR + HOUR;
  const from = to - 30 * DAY;
  const sql = `SELECT ${COUNTER_KEYS.map((k, i) => `${RAW_COUNTERS[k]}::float8 AS c${i}`).join(', ')}
    FROM touchpoint WHERE unit_id = ANY($1::text[]) AND occurred_at >= $2 AND occurred_at < $3`;
  return withClient(dbUrl, async (c) => {
    const ms: number[] = [];
    let counters: Counters = zeroCounters();
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      const { rows } = await c.query(sql, [unitIds, new Date(from).toISOString(), new Date(to).toISOString()]);
      counters = zeroCounters();
      COUNTER_KEYS.forEach((k, j) => (counters[k] = Number(rows[0][`c${j}`])));
      const r = scoreCounters(counters);
      ms.push(performance.now() - t0);
      if (i === reps - 1) return { ms, overall: r.overall === null ? null : round(r.overall, 6), touchpoints: r.touchpoints };
    }
    return { ms, overall: null, touchpoints: 0 };
  });
}

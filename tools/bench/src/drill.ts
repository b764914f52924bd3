import { countFilteredTouchpoints, countFromRollups, Database, pageFilteredTouchpoints, rollupCountable, subtreeScope, type DrillScope, type Sql } from '@qihe/data';
import { checkTouchpointFilter, DEFAULT_MODEL, OrgTree, type Seed, type TouchpointFilter } from '@qihe/domain';
import { FootprintSampler, type Footprint } from './gateway';
import { round } from './stats';

// Drill-down (issue 12) beyond latency: the plans PostgreSQL picks for the
// SQL the gateway runs (EXPLAIN ANALYZE, read in results.json), and a whole
// CSV export streamed while the gateway's memory is sampled.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DrillPlan {
  label: string;
  page: string[];
  count: string[];
  countFrom: 'rollups' | 'rows';
}

/** Runs each query of `work` as EXPLAIN (ANALYZE, BUFFERS) and keeps the plan lines. */
function explaining(sql: Sql, into: string[][]): Sql {
  return {
    async query<T>(text: string, params?: unknown[]): Promise<T[]> {
      const rows = await sql.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, params);
      into.push(rows.map((r) => r['QUERY PLAN']));
      return [{} as T]; // one empty row: callers read row fields, which stay undefined
    },
  };
}

export async function explainDrill(dbUrl: string, seed: Seed, group: string, project: string, nowMs: number): Promise<DrillPlan[]> {
  const tree = new OrgTree(seed.units);
  const to = Math.floor(nowMs / HOUR) * HOUR + HOUR;
  const cases: [string, string, number, TouchpointFilter][] = [
    ['group 7 d, PHONE, resolution MISSED', group, 7, { channel: 'PHONE', measure: 'resolution', part: 'MISSED' }],
    ['group 7 d, csat NUMERATOR', group, 7, { measure: 'csat', part: 'NUMERATOR' }],
    ['project 7 d, maxSatisfaction 2', project, 7, { maxSatisfaction: 2 }],
    ['group 30 d, one agent', group, 30, { agentId: `agt-${project}-0` }],
    ['group 30 d, one customer', group, 30, { customerId: `cust-${project}-0001` }],
  ];
  const db = await Database.open({ url: dbUrl, poolSize: 1, applicationName: 'qihe-bench-explain' });
  try {
    const out: DrillPlan[] = [];
    for (const [label, unitId, days, raw] of cases) {
      const f = checkTouchpointFilter(raw, DEFAULT_MODEL);
      // As the gateway scopes them: the root without a unit condition, any other subtree as a semi-join.
      const scope: DrillScope = tree.get(unitId)?.parentId === null ? await subtreeScope(db, unitId) : { unitId, everything: false };
      const from = to - days * DAY;
      const page: string[][] = [];
      const count: string[][] = [];
      await pageFilteredTouchpoints(explaining(db, page), scope, from, to, f, 51, null);
      const fromRollups = rollupCountable(f);
      if (fromRollups) await countFromRollups(explaining(db, count), unitId, from, to, f);
      else await countFilteredTouchpoints(explaining(db, count), scope, from, to, f);
      out.push({ label, page: page.flat(), count: count.flat(), countFrom: fromRollups ? 'rollups' : 'rows' });
    }
    return out;
  } finally {
    await db.close();
  }
}

export interface ExportRun {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSec: number;
  footprint: Footprint;
}

/** Downloads touchpoints.csv of the whole group and window, reading as fast as it comes, sampling the gateway's RSS. */
export async function timeExport(url: string, token: string, gatewayPid: number, group: string, nowMs: number, days: number): Promise<ExportRun> {
  const to = Math.floor(nowMs / HOUR) * HOUR + HOUR;
  const q = new URLSearchParams({ unitId: group, from: new Date(to - days * DAY).toISOString(), to: new Date(to).toISOString() });
  const sampler = new FootprintSampler(gatewayPid);
  const t0 = performance.now();
  const res = await fetch(`${url}/export/touchpoints.csv?${q}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`export: HTTP ${res.status} ${await res.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const footprint = sampler.stop(0);
  // Quoted fields may hold newlines: the header line aside, a close upper bound; the gateway's own count is in the audit entry.
  return { rows: lines - 1, bytes, seconds: round(seconds, 1), rowsPerSec: round((lines - 1) / seconds, 0), footprint };
}

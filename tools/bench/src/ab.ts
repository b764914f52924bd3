import { COUNTER_KEYS, SLICE_DIMENSIONS, type Seed } from '@qihe/domain';
import { PARENT_CODE } from '@qihe/data';
import { Client } from 'pg';
import { COPY_OFF_SQL, COPY_ON_SQL, OFF_SQL as CUSTOMERS_OFF, ON_SQL as CUSTOMERS_ON, RECOUNT_SQL, UNIT_OFF_SQL, UNIT_ON_SQL } from './customers';
import { startBenchGateway, type BenchGateway } from './gateway';
import { withClient } from './pg';
import { ingestPhase, type IngestSummary } from './phases';
import { round } from './stats';
import { storeHistory } from './ingest';
import { Planner, type PlannedBatch } from './workload';
import { walDuring, type WalByTable } from './wal-by-table';

// Alternating A/B rounds of ingest (issue 16): gateway variants — an
// environment (QIHE_GRAPHQL_JIT=off, …) or another build's main.js — run side
// by side on the same PostgreSQL, and each round sends fresh batches to every
// variant in turn (the order flips every round: A B, B A, …), so the table's
// growth and a shared machine's noise fall on all of them alike. What counts
// is the ratio within the run.
// `--phases ab --ab 'jit off:QIHE_GRAPHQL_JIT=off;jit on:QIHE_GRAPHQL_JIT=on' [--ab-rounds 3 --ab-rows 10000]`
// (`name:main=/path/to/apps/gateway/src/main.js` runs another build;
// `name:off=perception-slice+customer-upkeep` switches pieces off in the
// database for that variant's rounds, see SWITCHES; `name:node=--cpu-prof --cpu-prof-dir=/tmp/p`
// gives that variant's node flags, e.g. for a CPU profile of each variant).

// Rollup counters as bigint again (before migration 1765090000000), in every rollup table: one rewrite each way.
const NARROW = COUNTER_KEYS.filter((k) => k !== 'handleSeconds').map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const counterType = (type: string): string[] =>
  ['rollup_hour', 'rollup_day', 'rollup_minute', 'rollup_day_slice'].map((t) => `ALTER TABLE ${t} ${NARROW.map((c) => `ALTER COLUMN ${c} TYPE ${type}`).join(', ')}`);

const fillfactor = (set: string): string[] => [
  `DO $$ DECLARE r record; BEGIN
     FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'touchpoint'::regclass LOOP
       EXECUTE format('ALTER TABLE %I SET (${set})', r.relname);
     END LOOP; END $$`,
  `ALTER TABLE customer_touchpoint SET (${set})`,
];

// Pieces of ingest switched off in PostgreSQL (the gateway still builds and
// sends them: a slight understatement of what they cost).
const PERCEPTION_DIM = SLICE_DIMENSIONS.indexOf('PERCEPTION_POINT') + 1;
// `after`: run once when the A/B ends, when a switch left tables short of what the rows say.
const SWITCHES: Record<string, { off: string[]; on: string[]; after?: string[] }> = {
  // issue 14: both parts of the per-customer upkeep (as the customers phase does)
  'customer-upkeep': { off: CUSTOMERS_OFF, on: CUSTOMERS_ON, after: RECOUNT_SQL },
  // issue 14, part 1: the customer_unit summary rows (upserts and the late ratings' touch)
  'customer-unit': { off: UNIT_OFF_SQL, on: UNIT_ON_SQL, after: RECOUNT_SQL },
  // issue 14, part 2: the customer_touchpoint copy; fair only with a build whose repeat probe reads `touchpoint`
  'customer-copy': { off: COPY_OFF_SQL, on: COPY_ON_SQL, after: RECOUNT_SQL },
  // the 4-byte rollup counters (this build's layout): off = bigint counters as before
  'narrow-counters': { off: counterType('bigint'), on: counterType('integer') },
  // touchpoint_customer_need_time_idx: the repeat probe's until it moved to customer_touchpoint (2 December), then
  // the drill-down's customerId filter's; dropped by migration 1765140000001 (this switch is for older schemas).
  'repeat-index': {
    off: [`DROP INDEX IF EXISTS touchpoint_customer_need_time_idx`],
    on: [`CREATE INDEX IF NOT EXISTS touchpoint_customer_need_time_idx ON touchpoint (customer_id, need_category, occurred_at, id)`],
  },
  // touchpoint_rated3_idx (the drill-down's exactly-3 ratings): its predicate names satisfaction_score, so no rating's UPDATE can be HOT;
  // dropped by migration 1765230000000 for the `neutral` counter (this switch is for older schemas).
  'rated3-index': {
    off: [`DROP INDEX IF EXISTS touchpoint_rated3_idx`],
    on: [`CREATE INDEX IF NOT EXISTS touchpoint_rated3_idx ON touchpoint (occurred_at, unit_id) WHERE satisfaction_score = 3`],
  },
  // Room on the pages of touchpoint's partitions and customer_touchpoint (migration 1765150000000): off = packed pages, as
  // before, for the pages written meanwhile (the repeat rule's marks then write a new version elsewhere and 8 index entries).
  'touchpoint-fillfactor': { off: fillfactor('fillfactor = 100'), on: fillfactor('fillfactor = 90') },
  // issue 12: the PERCEPTION_POINT slice's hourly rollup rows (either code: PARENT_CODE), skipped by a BEFORE INSERT trigger (upserts included)
  'perception-slice': {
    off: [
      `CREATE OR REPLACE FUNCTION bench_skip_slice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.dim IN (${PERCEPTION_DIM}, ${PERCEPTION_DIM + PARENT_CODE}) THEN RETURN NULL; END IF; RETURN NEW; END $$`,
      `DROP TRIGGER IF EXISTS bench_slice_off ON rollup_hour`,
      `CREATE TRIGGER bench_slice_off BEFORE INSERT ON rollup_hour FOR EACH ROW EXECUTE FUNCTION bench_skip_slice()`,
    ],
    on: [`DROP TRIGGER IF EXISTS bench_slice_off ON rollup_hour`],
  },
};

export interface AbVariant {
  name: string;
  env: Record<string, string>;
  main?: string;
  /** Flags for node (space-separated after `node=`). */
  nodeArgs: string[];
  /** Names of SWITCHES turned off in the database while this variant runs. */
  off: string[];
}

export interface AbResult {
  variant: string;
  /** The variant's touchpoints, how many are marked repeats, and how many the rule's words make repeats (recounted from the rows). */
  repeats: { touchpoints: number; marked: number; recounted: number };
  perSec: number[];
  cpuUs: number[];
  pgCpuUs: number[];
  batchP99Ms: number[];
  /** The cluster's WAL bytes per touchpoint sent (its insert position), per round. */
  walBytes: number[];
  /** With the cluster's data dir: WAL record bytes per touchpoint without full-page images (pg_waldump), per round, and the last round by table. */
  walRecordBytes: number[];
  walByTable: WalByTable | null;
  /** Per round: touchpoint row updates per touchpoint sent (late ratings + turned repeats), late ratings stored per touchpoint, HOT share of the updates, rollup_hour inserts and updates per touchpoint. */
  touchpointUpdates: number[];
  ratingsPerTouchpoint: number[];
  touchpointHotShare: number[];
  rollupHourInserts: number[];
  rollupHourUpdates: number[];
  medianPerSec: number;
  medianCpuUs: number;
  medianPgCpuUs: number;
  medianWalBytes: number;
  medianWalRecordBytes: number;
  /** Median rate ÷ the first variant's median rate. */
  rateVsFirst: number;
  /** Median gateway CPU per touchpoint ÷ the first variant's. */
  cpuVsFirst: number;
  /**
   * Paired by two rounds (A B then B A: both variants ran back to back, on the same table size, once first and
   * once second): this variant's rate ÷ the first variant's, the geometric mean of the two rounds' ratios, and the
   * median over the pairs. The rounds' drift (rates fall as the tables grow) cancels in a pair, and so does the
   * round's order: whichever variant runs first inserts the round's rollup rows and the other updates them.
   */
  pairedRate: number[];
  medianPairedRate: number;
  /** The same pairing for the server's whole CPU per touchpoint (gateway + PostgreSQL): what the variant costs the machine. */
  pairedServerCpu: number[];
  medianPairedServerCpu: number;
  /** Where the median of each paired ratio lies at 90 % confidence or more (medianInterval): what a budget is judged by. */
  pairedRateInterval: { low: number; high: number; coverage: number };
  pairedServerCpuInterval: { low: number; high: number; coverage: number };
}

/** `name:K=V,K=V;name2:main=/x/main.js` */
export function parseVariants(spec: string): AbVariant[] {
  return spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const at = s.indexOf(':');
      const name = at < 0 ? s : s.slice(0, at);
      const env: Record<string, string> = {};
      let main: string | undefined;
      let off: string[] = [];
      const nodeArgs: string[] = [];
      for (const kv of (at < 0 ? '' : s.slice(at + 1)).split(',').filter(Boolean)) {
        const [k, ...v] = kv.split('=');
        if (k === 'main') main = v.join('=');
        else if (k === 'off') off = v.join('=').split('+');
        else if (k === 'node') nodeArgs.push(...v.join('=').split(' ').filter(Boolean));
        else env[k] = v.join('=');
      }
      for (const o of off) if (!SWITCHES[o]) throw new Error(`--ab: no switch "${o}" (${Object.keys(SWITCHES).join(', ')})`);
      return { name, env, main, nodeArgs, off };
    });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function abPhase(opts: {
  dbUrl: string;
  pgPid: number;
  /** The cluster's data dir: WAL by table per round (pg_waldump). */
  dataDir?: string;
  seedFile: string;
  seed: Seed;
  variants: AbVariant[];
  rounds: number;
  rows: number;
  batchSize: number;
  concurrency: number;
}): Promise<AbResult[]> {
  const gws: BenchGateway[] = [];
  // The customer risk job's lock, held for the whole A/B: its passes (a fit, rescoring every customer
  // touched since the last) write thousands of rows a minute into whichever round is running.
  const riskOff = new Client({ connectionString: opts.dbUrl, application_name: 'qihe-bench-ab' });
  await riskOff.connect();
  await riskOff.query(`SELECT pg_advisory_lock(hashtext('qihe:customer-risk'))`);
  try {
    for (const v of opts.variants) gws.push(await startBenchGateway({ databaseUrl: opts.dbUrl, seedFile: opts.seedFile, env: v.env, main: v.main, nodeArgs: v.nodeArgs }));
    const runs: IngestSummary[][] = opts.variants.map(() => []);
    const wal: WalByTable[][] = opts.variants.map(() => []);
    // One run of traffic, round after round (workload.ts): each round's history (the earlier contacts its
    // repeats repeat, the later ones its late touchpoints turn) is stored, unmeasured, before the round.
    const planner = new Planner(opts.seed, { seed: 'bench-ab', lateRatingRatio: 0.25 });
    for (let r = 0; r < opts.rounds; r++) {
      const order = opts.variants.map((_, i) => i);
      if (r % 2) order.reverse();
      const planned = planner.plan({ total: opts.rows, batchSize: opts.batchSize });
      for (const i of order) {
        const batches = asVariant(planned.batches, i);
        const label = `${opts.variants[i].name} (${r + 1}/${opts.rounds})`;
        await switchAll(opts.dbUrl, opts.variants[i].off, 'off');
        try {
          await storeHistory(gws[i].url, asVariant(planned.history, i), opts.concurrency, label);
          const measured = await walDuring(
            opts.dbUrl,
            opts.dataDir,
            () => ingestPhase(label, gws[i].url, batches, opts.concurrency, opts.dbUrl, { server: gws[i].pid, pg: opts.pgPid }),
            (run) => run.touchpoints,
          );
          runs[i].push(measured.value);
          if (measured.wal) wal[i].push(measured.wal);
        } finally {
          await switchAll(opts.dbUrl, opts.variants[i].off, 'on');
        }
      }
    }
    const counted = await repeatsByVariant(opts.dbUrl);
    const after = new Set(opts.variants.flatMap((v) => v.off.flatMap((o) => SWITCHES[o].after ?? [])));
    if (after.size) await withClient(opts.dbUrl, async (c) => {
      for (const sql of after) await c.query(sql);
    });
    const out = opts.variants.map((v, i) => {
      const rs = runs[i];
      return {
        variant: v.name,
        repeats: counted.get(i) ?? { touchpoints: 0, marked: 0, recounted: 0 },
        perSec: rs.map((x) => x.perSec),
        cpuUs: rs.map((x) => x.cpu?.serverUsPerTouchpoint ?? NaN),
        pgCpuUs: rs.map((x) => x.cpu?.pgUsPerTouchpoint ?? NaN),
        batchP99Ms: rs.map((x) => x.batchLatency.p99Ms),
        walBytes: rs.map((x) => x.pg.walBytesPerTouchpoint),
        walRecordBytes: wal[i].map((w) => w.recordBytesPerTouchpoint),
        walByTable: wal[i].at(-1) ?? null,
        touchpointUpdates: rs.map((x) => x.pg.touchpointUpdatesPerTouchpoint),
        ratingsPerTouchpoint: rs.map((x) => round(x.ratings / Math.max(1, x.touchpoints), 4)),
        touchpointHotShare: rs.map((x) => x.pg.touchpointHotShare),
        rollupHourInserts: rs.map((x) => x.pg.rollupHourInsertsPerTouchpoint),
        rollupHourUpdates: rs.map((x) => x.pg.rollupHourUpdatesPerTouchpoint),
        medianPerSec: round(median(rs.map((x) => x.perSec)), 0),
        medianCpuUs: round(median(rs.map((x) => x.cpu?.serverUsPerTouchpoint ?? NaN)), 1),
        medianPgCpuUs: round(median(rs.map((x) => x.cpu?.pgUsPerTouchpoint ?? NaN)), 1),
        medianWalBytes: round(median(rs.map((x) => x.pg.walBytesPerTouchpoint)), 0),
        medianWalRecordBytes: wal[i].length ? round(median(wal[i].map((w) => w.recordBytesPerTouchpoint)), 0) : NaN,
        rateVsFirst: 1,
        cpuVsFirst: 1,
        pairedRate: [] as number[],
        medianPairedRate: 1,
        pairedServerCpu: [] as number[],
        medianPairedServerCpu: 1,
        pairedRateInterval: { low: 1, high: 1, coverage: 1 },
        pairedServerCpuInterval: { low: 1, high: 1, coverage: 1 },
      };
    });
    const serverCpu = (x: AbResult, r: number): number => x.cpuUs[r] + x.pgCpuUs[r];
    for (const x of out) {
      x.rateVsFirst = round(x.medianPerSec / out[0].medianPerSec, 3);
      x.cpuVsFirst = round(x.medianCpuUs / out[0].medianCpuUs, 3);
      x.pairedRate = byRoundPair(x.perSec.length, (r) => x.perSec[r] / out[0].perSec[r]);
      x.medianPairedRate = round(median(x.pairedRate), 3);
      x.pairedServerCpu = byRoundPair(x.perSec.length, (r) => serverCpu(x, r) / serverCpu(out[0], r));
      x.medianPairedServerCpu = round(median(x.pairedServerCpu), 3);
      x.pairedRateInterval = medianInterval(x.pairedRate);
      x.pairedServerCpuInterval = medianInterval(x.pairedServerCpu);
    }
    return out;
  } finally {
    for (const g of gws) await g.stop();
    await riskOff.end();
  }
}

/**
 * A distribution-free interval for the median of `xs` (the pairs' ratios): the k-th smallest and k-th largest,
 * with k the largest such that the chance of fewer than k values on one side of the true median is at most
 * (1 − level) / 2 (Binomial(n, ½)); `coverage` is the interval's exact confidence. Too few values for the level:
 * the whole range, with its coverage. Needs no assumption about the spread, only that the pairs are independent.
 */
export function medianInterval(xs: readonly number[], level = 0.9): { low: number; high: number; coverage: number } {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { low: NaN, high: NaN, coverage: 0 };
  // below[j] = P(Binomial(n, ½) < j)
  const below = [0];
  let c = 1; // C(n, j)
  for (let j = 0; j < n; j++) {
    below.push(below[j] + c / 2 ** n);
    c = (c * (n - j)) / (j + 1);
  }
  // The interval from the k-th smallest to the k-th largest misses the median with chance 2·P(B < k) = 2·below[k].
  let k = 1;
  while (k + 1 <= Math.ceil(n / 2) && below[k + 1] <= (1 - level) / 2 + 1e-12) k++;
  const coverage = 1 - 2 * below[k];
  return { low: s[k - 1], high: s[n - k], coverage: round(coverage, 3) };
}

/** Per pair of rounds (0 and 1, 2 and 3, …; a last odd round alone): the geometric mean of `ratio` over the pair. */
export function byRoundPair(rounds: number, ratio: (round: number) => number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r += 2) out.push(round(r + 1 < rounds ? Math.sqrt(ratio(r) * ratio(r + 1)) : ratio(r), 3));
  return out;
}

// Every variant ingests the same planned touchpoints of a round, its own copy: ids and customers carry the
// variant (the uuid's last digit, a `~v<i>` suffix), so variants never see each other's customers, and a rule
// that does the same work in every variant (the repeat rule) marks the same number of repeats in each.
const SUFFIX = '~v';
function asVariant(planned: readonly PlannedBatch[], i: number): PlannedBatch[] {
  const id = (x: string): string => x.slice(0, -1) + i.toString(16);
  return planned.map((b) => ({
    ...b,
    items: b.items.map((t) => ({ ...t, id: id(t.id), customerId: `${t.customerId}${SUFFIX}${i}` })),
    late: b.late.map((l) => ({ ...l, touchpointId: id(l.touchpointId) })),
  }));
}

/**
 * Per variant: touchpoints, marked repeats, and repeats recounted by the rule's words (libs/domain
 * repeat-contacts.ts): a touchpoint is a repeat when its nearest predecessor of the same customer and need,
 * in (occurredAt, id) order, is at most 7 days before it (one sort; no index by customer needed).
 */
async function repeatsByVariant(dbUrl: string): Promise<Map<number, AbResult['repeats']>> {
  const rows = await withClient(dbUrl, (c) =>
    c.query<{ v: string; n: string; marked: string; recounted: string }>(
      `SELECT v, count(*) AS n, count(*) FILTER (WHERE repeat) AS marked, count(*) FILTER (WHERE previous >= occurred_at - interval '168 hours') AS recounted
         FROM (SELECT split_part(customer_id, '${SUFFIX}', 2) AS v, repeat, occurred_at,
                      lag(occurred_at) OVER (PARTITION BY customer_id, need_category ORDER BY occurred_at, id) AS previous
                 FROM touchpoint WHERE customer_id LIKE '%${SUFFIX}%') t
        GROUP BY v`,
    ),
  );
  return new Map(rows.rows.map((r) => [Number(r.v), { touchpoints: Number(r.n), marked: Number(r.marked), recounted: Number(r.recounted) }]));
}

async function switchAll(dbUrl: string, names: readonly string[], to: 'on' | 'off'): Promise<void> {
  if (names.length === 0) return;
  await withClient(dbUrl, async (c) => {
    for (const n of names) for (const sql of SWITCHES[n][to]) await c.query(sql);
  });
}

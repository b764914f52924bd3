import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import * as thisBuild from '@qihe/data';
import { countTouchpoint, factsOf, OrgTree, sliceValuesOf, type Counters, type SliceValues } from '@qihe/domain';
import { checkTouchpoint } from '@qihe/server';
import { benchOrg } from './org';
import { startBenchDatabase } from './pg';
import { walDuring, type WalByTable } from './wal-by-table';
import { planBatches } from './workload';

// The rollup write alone, for the ingest phase's own batches of 500 (issue
// 12's slice budget, docs/PERFORMANCE.md): per batch, the deltas summed
// (addToRollups) and written (applyRollupDeltas) in a transaction that is
// rolled back, so every round writes the same rows into the same empty
// tables. Measured: this process's CPU (GC and the pg driver included) and
// the PostgreSQL backend's, per touchpoint, rounds alternating between builds
// (frozen with tools/bench/snapshot-build.sh) on one database:
// `node dist/tools/bench/src/rollup-cost.js [touchpoints=10000] [rounds=6] [name=/snapshot/dir …]`
// (no name=dir: this build alone).
// `commit` (a plain argument): the transactions commit instead, after one
// unmeasured pass of every build that inserts every row, so each measured
// round adds to rows that exist — the upsert's update path, which the ingest
// A/B's later rounds mostly take — and WAL bytes and rollup_hour's updates
// (HOT or not, from pg_waldump) are reported too; `fillfactor=N` sets
// rollup_hour's fillfactor first (issue 12's lever 2: what the rows need).

type DataLib = Pick<typeof thisBuild, 'addToRollups' | 'applyRollupDeltas' | 'RollupDeltas'>;
interface Build {
  name: string;
  lib: DataLib;
  backendTicks: number;
  processUs: number;
  rounds: number;
  walBytes: number;
  updates: number;
  hot: number;
}
interface Prepared {
  lineage: string[];
  occurredAt: number;
  slices: SliceValues;
  counters: Counters;
}

const args = process.argv.slice(2);
const OPTIONS = ['fillfactor'];
const isBuild = (a: string): boolean => a.includes('=') && !OPTIONS.includes(a.split('=')[0]);
const plain = args.filter((a) => !a.includes('=') && a !== 'commit');
const total = Number(plain[0] ?? 10_000);
const rounds = Number(plain[1] ?? 6);
const commit = args.includes('commit');
const fillfactor = args.find((a) => a.startsWith('fillfactor='))?.split('=')[1];

function ticksOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime, in 1/100 s
}
const processUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

function prepare(): Prepared[][] {
  const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-rollup-cost-')));
  const tree = new OrgTree(org.seed.units);
  const now = Date.now();
  return planBatches(org.seed, { total, batchSize: 500, seed: 'bench-ingest', lateRatingRatio: 0.25 }).map((b) =>
    b.items.map((it) => {
      const checked = checkTouchpoint(it);
      if (!checked.ok) throw new Error(`${checked.field}: ${checked.message}`);
      const r = checked.value;
      return {
        lineage: tree.lineage(r.unitId),
        occurredAt: r.occurredAt.getTime(),
        // fresh strings per touchpoint, as a parsed request gives them
        slices: JSON.parse(JSON.stringify(sliceValuesOf({ ...r, perceptionMember: null }))) as SliceValues,
        counters: countTouchpoint(factsOf(r, now)),
      };
    }),
  );
}

async function main(): Promise<void> {
  const builds: Build[] = [];
  const fresh = { backendTicks: 0, processUs: 0, rounds: 0, walBytes: 0, updates: 0, hot: 0 };
  for (const a of args.filter(isBuild)) {
    const [name, dir] = a.split('=');
    const lib = (await import(resolve(dir, 'dist/libs/data/src/index.js'))) as DataLib;
    builds.push({ name, lib, ...fresh });
  }
  if (!builds.length) builds.push({ name: 'this build', lib: thisBuild, ...fresh });
  const batches = prepare();
  const n = batches.reduce((s, b) => s + b.length, 0);
  const db = await startBenchDatabase();
  const c = new Client({ connectionString: db.url });
  try {
    const database = await thisBuild.Database.open({ url: db.url, poolSize: 1 });
    await database.migrate();
    await database.close();
    await c.connect();
    const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    console.log(`PostgreSQL backend pid ${pid} (for perf record -g -p)`);
    const sql: thisBuild.Sql = { query: async <T>(text: string, params?: unknown[]): Promise<T[]> => (await c.query(text, params)).rows as T[] };
    if (fillfactor) await c.query(`ALTER TABLE rollup_hour SET (fillfactor = ${Number(fillfactor)})`);
    const pass = async (b: Build): Promise<void> => {
      for (const batch of batches) {
        const d = new b.lib.RollupDeltas();
        for (const t of batch) b.lib.addToRollups(d, t.lineage, t.occurredAt, t.slices, t.counters, 0);
        await c.query('BEGIN');
        await b.lib.applyRollupDeltas(sql, d);
        await c.query(commit ? 'COMMIT' : 'ROLLBACK');
      }
    };
    if (commit) {
      for (const b of builds) {
        const t0 = ticksOf(pid);
        const { value: ticks, wal } = await walDuring(db.url, db.cluster.dataDir, () => pass(b).then(() => ticksOf(pid) - t0), () => n);
        const w = wal as WalByTable; // a data dir: always read
        const heap = w.lines.find((x) => x.table === 'rollup_hour' && x.part === 'heap');
        console.log(`first pass (inserts what no build before it wrote), ${b.name}: PostgreSQL backend ${((ticks * 10_000) / n).toFixed(2)} µs/tp, WAL ${w.bytesPerTouchpoint.toFixed(0)} B/tp, rollup_hour rows written ${heap?.rowsPerTouchpoint.toFixed(3) ?? 0}/tp`);
      }
    }
    for (let r = 0; r < rounds; r++) {
      for (const b of r % 2 ? [...builds].reverse() : builds) {
        // The CPU is counted inside the held span, before this process reads the WAL.
        const { wal: w } = await walDuring(
          db.url,
          commit ? db.cluster.dataDir : null,
          async () => {
            const t0 = ticksOf(pid);
            const p0 = processUs();
            await pass(b);
            b.backendTicks += ticksOf(pid) - t0;
            b.processUs += processUs() - p0;
          },
          () => n,
        );
        b.rounds++;
        if (w) {
          const heap = w.lines.find((x) => x.table === 'rollup_hour' && x.part === 'heap');
          b.walBytes += w.bytesPerTouchpoint;
          b.updates += heap?.rowsPerTouchpoint ?? 0;
          b.hot += heap?.hotPerTouchpoint ?? 0;
        }
      }
    }
    for (const b of builds) {
      const per = n * b.rounds;
      const wal = commit ? `, WAL ${(b.walBytes / b.rounds).toFixed(0)} B/tp, rollup_hour rows written ${(b.updates / b.rounds).toFixed(3)}/tp (HOT ${(b.hot / b.rounds).toFixed(3)})` : '';
      console.log(`${b.name}: PostgreSQL backend ${((b.backendTicks * 10_000) / per).toFixed(2)} µs/tp, this process ${(b.processUs / per).toFixed(2)} µs/tp${wal} (${b.rounds} rounds of ${n} touchpoints)`);
    }
  } finally {
    await c.end().catch(() => undefined);
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

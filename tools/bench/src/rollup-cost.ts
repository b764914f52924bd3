import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import * as thisBuild from '@qihe/data';
import { countTouchpoint, factsOf, OrgTree, sliceValuesOf, type Counters, type SliceValues } from '@qihe/domain';
import { checkTouchpoint } from '@qihe/server';
import { benchOrg } from './org';
import { startBenchDatabase } from './pg';
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

type DataLib = Pick<typeof thisBuild, 'addToRollups' | 'applyRollupDeltas' | 'RollupDeltas'>;
interface Build {
  name: string;
  lib: DataLib;
  backendTicks: number;
  processUs: number;
  rounds: number;
}
interface Prepared {
  lineage: string[];
  occurredAt: number;
  slices: SliceValues;
  counters: Counters;
}

const args = process.argv.slice(2);
const plain = args.filter((a) => !a.includes('='));
const total = Number(plain[0] ?? 10_000);
const rounds = Number(plain[1] ?? 6);

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
  for (const a of args.filter((x) => x.includes('='))) {
    const [name, dir] = a.split('=');
    const lib = (await import(resolve(dir, 'dist/libs/data/src/index.js'))) as DataLib;
    builds.push({ name, lib, backendTicks: 0, processUs: 0, rounds: 0 });
  }
  if (!builds.length) builds.push({ name: 'this build', lib: thisBuild, backendTicks: 0, processUs: 0, rounds: 0 });
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
    const sql: thisBuild.Sql = { query: async <T>(text: string, params?: unknown[]): Promise<T[]> => (await c.query(text, params)).rows as T[] };
    for (let r = 0; r < rounds; r++) {
      for (const b of r % 2 ? [...builds].reverse() : builds) {
        const t0 = ticksOf(pid);
        const p0 = processUs();
        for (const batch of batches) {
          const d = new b.lib.RollupDeltas();
          for (const t of batch) b.lib.addToRollups(d, t.lineage, t.occurredAt, t.slices, t.counters, 0);
          await c.query('BEGIN');
          await b.lib.applyRollupDeltas(sql, d);
          await c.query('ROLLBACK');
        }
        b.backendTicks += ticksOf(pid) - t0;
        b.processUs += processUs() - p0;
        b.rounds++;
      }
    }
    for (const b of builds) {
      const per = n * b.rounds;
      console.log(`${b.name}: PostgreSQL backend ${((b.backendTicks * 10_000) / per).toFixed(2)} µs/tp, this process ${(b.processUs / per).toFixed(2)} µs/tp (${b.rounds} rounds of ${n} touchpoints)`);
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

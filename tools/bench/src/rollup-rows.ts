import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addToRollups, PARENT_CODE, RollupDeltas } from '@qihe/data';
import { OrgTree, SLICE_DIMENSIONS, sliceValuesOf, zeroCounters, type TouchpointRecord } from '@qihe/domain';
import { benchOrg } from './org';
import { planBatches } from './workload';

// How many rollup rows one transaction writes per touchpoint, by table, slice
// dimension and level, for the ingest phase's own batches (no database):
// `node dist/tools/bench/src/rollup-rows.js [touchpoints] [batches per transaction]`.
// Rows, not touchpoints, are what the rollup upsert costs PostgreSQL (a row
// version and its WAL each); the sums per batch are what group commit writes.

const total = Number(process.argv[2] ?? 20_000);
const group = Number(process.argv[3] ?? 1);
const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-rollup-rows-')));
const tree = new OrgTree(org.seed.units);
const batches = planBatches(org.seed, { total, batchSize: 500, seed: 'bench-ingest', lateRatingRatio: 0.25 });
const byDim = new Array<number>(SLICE_DIMENSIONS.length + 1).fill(0);
const byDepth: number[] = [];
let hours = 0;
let days = 0;
let minutes = 0;
let n = 0;
for (let i = 0; i < batches.length; i += group) {
  const d = new RollupDeltas();
  for (const b of batches.slice(i, i + group)) {
    for (const it of b.items) {
      // The slices as the gateway reads them (a perception point counts under its own code here: the catalogue's membership rule is the gateway's).
      const r = {
        channel: it.channel,
        kind: it.kind,
        stage: it.stage,
        region: it.region ?? null,
        industry: it.industry ?? null,
        needCategory: it.need.category,
        agentId: it.agentId ?? null,
        teamId: it.teamId ?? null,
        productId: it.productId ?? null,
        perceptionMember: it.perceptionPoint ?? null,
      } as Pick<TouchpointRecord, 'channel' | 'kind' | 'stage' | 'region' | 'industry' | 'needCategory' | 'agentId' | 'teamId' | 'productId'> & { perceptionMember: string | null };
      addToRollups(d, tree.lineage(it.unitId), Date.parse(it.occurredAt), sliceValuesOf(r), zeroCounters(), 0);
      n++;
    }
  }
  const rows = d.hourRowsList();
  hours += rows.length;
  days += d.dayRowsList().length;
  minutes += d.minutes.size;
  for (const h of rows) {
    byDim[h.dim > PARENT_CODE ? h.dim - PARENT_CODE : h.dim]++; // a parent row counts under its dimension
    byDepth[h.depth] = (byDepth[h.depth] ?? 0) + 1;
  }
}
const per = (x: number): string => (x / n).toFixed(3);
console.log(`${n} touchpoints, ${group} batch(es) of 500 per transaction; rollup rows per touchpoint: hour ${per(hours)}, day ${per(days)}, minute ${per(minutes)}`);
console.log(`  hour rows by dimension: ${['WHOLE', ...SLICE_DIMENSIONS].map((k, i) => `${k} ${per(byDim[i])}`).join(', ')}`);
console.log(`  hour rows by depth (0 = the root): ${byDepth.map((x, depth) => `${depth}: ${per(x)}`).join(', ')}`);

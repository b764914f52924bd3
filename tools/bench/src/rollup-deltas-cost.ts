import { resolve } from 'node:path';
import { COUNTER_KEYS, type Counters, type SliceValues } from '@qihe/domain';
import { compareAlternating } from './alternating-cost';

// Summing a batch's rollup deltas alone (issue 16, h16c): addToRollups for 40
// batches of 500 touchpoints shaped like the bench's (a project of 480 under
// one of 20 business units under the group; slice values of a few agents,
// teams, channels; three hours, the last two with minute rows), two builds in
// one process, alternating; CPU from process.cpuUsage. It first requires both
// builds to sum to the same rows.
// `node dist/tools/bench/src/rollup-deltas-cost.js <snapshot dir of the other build> [rounds]`

type Data = typeof import('@qihe/data');

const now = Date.now();
const zero = Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as Counters;
const touchpoints = Array.from({ length: 20_000 }, (_, i) => {
  const project = (i * 7919) % 480;
  const slices: SliceValues = {
    CHANNEL: ['PHONE', 'EMAIL', 'WEB'][i % 3],
    KIND: 'SERVICE',
    STAGE: 'AFTER_SALE',
    REGION: 'East',
    INDUSTRY: i % 6 ? 'Energy' : 'UNKNOWN',
    NEED_CATEGORY: ['FAULT', 'BILLING', 'CONSULTATION', 'COMPLAINT'][i % 4],
    AGENT: `agent-${i % 50}`,
    TEAM: `team-${i % 10}`,
    PRODUCT: 'UNKNOWN',
    PERCEPTION_POINT: 'UNKNOWN',
  } as SliceValues;
  const counters: Counters = { ...zero, touchpoints: 1, served: i % 4 ? 1 : 0, resolved: i % 2, handleSeconds: 60 + (i % 900) };
  return { lineage: [`project-${project}`, `bu-${project % 20}`, 'group'], at: now - 3 * 3_600_000 + i * 500, slices, counters };
});

function run(d: Data, keep?: string[]): void {
  for (let b = 0; b < 40; b++) {
    const deltas = new d.RollupDeltas();
    for (let i = b * 500; i < (b + 1) * 500; i++) {
      const t = touchpoints[i];
      d.addToRollups(deltas, t.lineage, t.at, t.slices, t.counters, now - 2 * 3_600_000);
    }
    keep?.push(JSON.stringify([deltas.hourRowsList(), deltas.dayRowsList(), [...deltas.minutes.values()].map((m) => [m.unitId, m.minute, m.depth, m.n])]));
  }
}

function main(): void {
  const other = process.argv[2];
  if (!other) throw new Error('usage: rollup-deltas-cost.js <snapshot dir> [rounds]');
  const rounds = Number(process.argv[3] ?? 12);
  const builds: Record<string, Data> = { other: require(resolve(other, 'dist/libs/data/src/index.js')) as Data, this: require('@qihe/data') as Data };
  const a: string[] = [];
  const b: string[] = [];
  run(builds.other, a);
  run(builds.this, b);
  if (a.join() !== b.join()) throw new Error('the two builds sum to different rows');
  void compareAlternating(rounds, 20_000, (k) => run(builds[k]));
}

main();

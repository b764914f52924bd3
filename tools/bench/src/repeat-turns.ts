import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchOrg } from './org';
import { RepeatReplay } from './repeat-turn-count';
import { planBatches } from './workload';

// How often the repeat rule turns a stored touchpoint into a repeat (a late
// earlier one arrives after it), without a database: rounds of the A/B's plan
// arriving in batch order, transactions of `--per` batches of 500. Prints the
// turned ones per 10,000, how many a late touchpoint (arriving more than 15
// minutes after it happened) turned, the repeats at insert, and the rollup hour
// rows the counter moves add. The plan is the bench's (planBatches: the clock
// moving at CLOCK_RATE, repeats REPEAT_GAP_MS after their predecessor); `--rate N`
// moves the clock at N touchpoints a second instead, `--gap 60` sends the rounds
// that many seconds apart (the A/B's rounds follow each other; they overlap in
// the traffic's time when the gap is shorter than a plan's span).
// docs/PERFORMANCE.md, "Issue 13's repeat rule on a realistic workload".
//
//   node dist/tools/bench/src/repeat-turns.js [--rate 1200] [--per 2] [--rounds 6] [--gap 60]

const { values: args } = parseArgs({
  options: { rate: { type: 'string' }, per: { type: 'string', default: '2' }, rounds: { type: 'string', default: '6' }, gap: { type: 'string', default: '60' } },
});
const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-repeat-turns-')));
const replay = new RepeatReplay(org.seed.units);
let clock = Date.now();
for (let round = 0; round < Number(args.rounds); round++) {
  clock += Number(args.gap) * 1000;
  const plan = planBatches(org.seed, {
    total: 10_000,
    batchSize: 500,
    seed: `bench-ab-${round}`,
    lateRatingRatio: 0.25,
    nowMs: clock,
    clockRate: args.rate ? Number(args.rate) : undefined,
  });
  const r = replay.round(
    plan.map((b) => b.items),
    Number(args.per),
    clock,
  );
  const n = r.touchpoints;
  console.log(
    `round ${round + 1}: ${n} touchpoints, ${r.repeatsAtInsert} repeats at insert, ${r.turned} stored ones turned (${Math.round((r.turned * 10_000) / n)} per 10,000; ${r.turnedByLate} of them by a late one); rollup hour rows ${(r.rows / n).toFixed(3)}/tp, the moves add ${(r.movedRows / n).toFixed(3)}/tp (${r.turned ? (r.movedRows / r.turned).toFixed(1) : 0} per turned)`,
  );
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchOrg } from './org';
import { RepeatReplay } from './repeat-turn-count';
import { Planner } from './workload';

// How often the repeat rule turns a stored touchpoint into a repeat (a late
// earlier one arrives after it), without a database: rounds of the A/B's plan
// arriving in batch order, transactions of `--per` batches of 500. Prints the
// turned ones per 10,000, how many a late touchpoint (arriving more than 15
// minutes after it happened) turned, the repeats at insert, and the rollup hour
// rows the counter moves add. The plan is the A/B's (a Planner: the clock moving
// at CLOCK_RATE, repeats REPEAT_GAP_MS after their predecessor, each round's
// history stored before it, uncounted); `--rate N` moves the clock at N
// touchpoints a second instead, `--gap 60` plans the rounds that many seconds
// apart, `--no-history` leaves the history out (as the phases other than the A/B).
// docs/PERFORMANCE.md, "Issue 13's repeat rule on a realistic workload".
//
//   node dist/tools/bench/src/repeat-turns.js [--rate 1200] [--per 2] [--rounds 6] [--gap 60]

const { values: args } = parseArgs({
  options: { rate: { type: 'string' }, per: { type: 'string', default: '2' }, rounds: { type: 'string', default: '6' }, gap: { type: 'string', default: '60' }, 'no-history': { type: 'boolean', default: false } },
});
const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-repeat-turns-')));
const replay = new RepeatReplay(org.seed.units);
const planner = new Planner(org.seed, { seed: 'bench-ab', lateRatingRatio: 0.25, clockRate: args.rate ? Number(args.rate) : undefined });
let clock = Date.now();
for (let round = 0; round < Number(args.rounds); round++) {
  clock += Number(args.gap) * 1000;
  const plan = planner.plan({ total: 10_000, batchSize: 500, nowMs: clock });
  const history = plan.history.reduce((n, b) => n + b.items.length, 0);
  if (!args['no-history']) replay.round(plan.history.map((b) => b.items), 1, clock - 60_000);
  const r = replay.round(
    plan.batches.map((b) => b.items),
    Number(args.per),
    clock,
  );
  const n = r.touchpoints;
  console.log(
    `round ${round + 1}: ${n} touchpoints (history ${args['no-history'] ? 'left out' : history}, needs drawn again so far ${planner.needsRedrawn}), ${r.repeatsAtInsert} repeats at insert, ${r.turned} stored ones turned (${Math.round((r.turned * 10_000) / n)} per 10,000; ${r.turnedByLate} of them by a late one); rollup hour rows ${(r.rows / n).toFixed(3)}/tp, the moves add ${(r.movedRows / n).toFixed(3)}/tp (${r.turned ? (r.movedRows / r.turned).toFixed(1) : 0} per turned)`,
  );
}

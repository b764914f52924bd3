import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchOrg } from './org';
import { RepeatReplay } from './repeat-turn-count';
import { CLOCK_RATE, planBatches } from './workload';

// The bench's planned traffic is realistic in time (docs/PERFORMANCE.md, "Issue 13's repeat rule on a
// realistic workload"): before, a plan happened at one clock and its repeats were of the latest 2,000
// contacts, so which of two came first was the lag's coin toss — 479 of 10,000 stored touchpoints turned
// into repeats in this very plan, ≈ 50× a centre's.

const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-workload-spec-')));
const NOW = Date.parse('2026-12-02T08:00:00Z');
const plan = planBatches(org.seed, { total: 10_000, batchSize: 500, seed: 'bench-ab-0', lateRatingRatio: 0.25, nowMs: NOW });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = (i: number): number[] => plan[i].items.map((t) => Date.parse(t.occurredAt));

describe('the bench plan', () => {
  it('moves its clock through the plan at CLOCK_RATE, ending at nowMs', () => {
    const span = ((10_000 - 1) / CLOCK_RATE) * 1000; // 8.3 s
    const moved = median(times(plan.length - 1)) - median(times(0));
    expect(moved).toBeGreaterThan(span * 0.8); // before: 0 (one clock)
    expect(moved).toBeLessThan(span * 1.1);
    expect(Math.max(...plan.flatMap((_, i) => times(i)))).toBeLessThanOrEqual(NOW);
  });

  it('turns few stored touchpoints into repeats when it arrives in order', () => {
    const r = new RepeatReplay(org.seed.units).round(
      plan.map((b) => b.items),
      2,
      NOW,
    );
    expect(r.touchpoints).toBe(10_000);
    expect(r.turned).toBeLessThan(150); // before: 479; now 46, from customers of the small pools calling seconds apart
    expect(r.movedRows / r.touchpoints).toBeLessThan(0.1); // before: 0.28 rollup hour rows per touchpoint
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchOrg } from './org';
import { RepeatReplay } from './repeat-turn-count';
import { CLOCK_RATE, Planner } from './workload';

// The bench's planned traffic is realistic in time (docs/PERFORMANCE.md, "Issue 13's repeat rule on a
// realistic workload"): before, a plan happened at one clock and its repeats were of the latest 2,000
// contacts, so which of two came first was the lag's coin toss — 462 of 10,000 stored touchpoints turned
// into repeats in this very plan, ≈ 20× what late data turns in a centre.

const org = benchOrg(mkdtempSync(join(tmpdir(), 'qihe-workload-spec-')));
const NOW = Date.parse('2026-12-02T08:00:00Z');
const planner = new Planner(org.seed, { seed: 'bench-ab', lateRatingRatio: 0.25 });
const { batches, history } = planner.plan({ total: 10_000, batchSize: 500, nowMs: NOW });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = (items: { occurredAt: string }[]): number[] => items.map((t) => Date.parse(t.occurredAt));

describe('the bench plan', () => {
  it('moves its clock through the plan at CLOCK_RATE, ending at nowMs', () => {
    const span = ((10_000 - 500) / CLOCK_RATE) * 1000; // first batch to last: 7.9 s
    const moved = median(times(batches[batches.length - 1].items)) - median(times(batches[0].items));
    expect(moved).toBeGreaterThan(span * 0.5); // before: 0 ± 1.5 s (one clock, lags of 20 s)
    expect(moved).toBeLessThan(span * 1.5);
    expect(Math.max(...batches.flatMap((b) => times(b.items)))).toBeLessThanOrEqual(NOW);
  });

  it('presupposes a week of history: the earlier contact of about 15 % of its touchpoints, all before it starts', () => {
    const past = history.flatMap((b) => b.items);
    expect(past.length).toBeGreaterThan(1_300);
    expect(past.length).toBeLessThan(1_700);
    const start = NOW - ((10_000 - 1) / CLOCK_RATE) * 1000;
    expect(Math.max(...times(past))).toBeLessThan(start);
    expect(Math.min(...times(past))).toBeGreaterThan(start - 7 * 86_400_000 - 2 * 3_600_000); // a week, plus the latest lag
    expect(new Set(past.map((t) => t.id)).size).toBe(past.length);
    for (const t of past) if (t.service?.servedAt) expect([Date.parse(t.occurredAt) <= Date.parse(t.service.servedAt), Date.parse(t.service.servedAt) <= start]).toEqual([true, true]);
  });

  it('arriving in order after its history, repeats as a centre does and turns few stored touchpoints', () => {
    const replay = new RepeatReplay(org.seed.units);
    replay.round(
      history.map((b) => b.items),
      1,
      NOW,
    );
    const r = replay.round(
      batches.map((b) => b.items),
      2,
      NOW,
    );
    expect(r.touchpoints).toBe(10_000);
    expect(r.repeatsAtInsert).toBeGreaterThan(1_300); // the repeat share, 15 %
    expect(r.turned).toBeLessThan(100); // before: 462; now 16, each turned by a late touchpoint
    expect(r.turnedByLate).toBe(r.turned);
    expect(r.movedRows / r.touchpoints).toBeLessThan(0.05); // before: 0.28 rollup hour rows per touchpoint
  });
});

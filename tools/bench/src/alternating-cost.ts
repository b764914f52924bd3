// What the one-process cost scripts (sql-building-cost, rollup-deltas-cost, claim-insert-cost) share: two builds of
// the same work run alternately (the order flips each round), their CPU per touchpoint printed by round, then the
// medians of all but the first two rounds (they warm both builds up); and the parameters' encoding as the pg driver
// does it before a write.

export type Build = 'other' | 'this';

export async function compareAlternating(rounds: number, touchpointsPerRun: number, run: (build: Build) => void | Promise<void>): Promise<void> {
  const us: Record<Build, number[]> = { other: [], this: [] };
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? (['this', 'other'] as const) : (['other', 'this'] as const)) {
      const t0 = process.cpuUsage();
      await run(k);
      const t = process.cpuUsage(t0);
      us[k].push((t.user + t.system) / touchpointsPerRun);
    }
  }
  const median = (xs: number[]): number => [...xs.slice(2)].sort((x, y) => x - y)[Math.floor((xs.length - 2) / 2)];
  for (const k of ['other', 'this'] as const) console.log(`${k.padEnd(5)} µs/touchpoint ${us[k].map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`medians: other ${median(us.other).toFixed(2)}, this ${median(us.this).toFixed(2)}, this ÷ other ${(median(us.this) / median(us.other)).toFixed(3)}`);
}

/** The text parameters written into buffers, as the driver does before sending them; returns the bytes. */
export function encodeAsDriver(params: readonly unknown[]): number {
  let n = 0;
  for (const p of params) if (typeof p === 'string') n += Buffer.allocUnsafe(Buffer.byteLength(p)).write(p);
  return n;
}

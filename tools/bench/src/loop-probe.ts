import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

// Loaded into the gateway with `node --require` by the soak: the gateway's own
// event-loop delay, measured inside it (a probe from outside would add its own
// network and scheduling noise), appended as one JSON line every few seconds to
// QIHE_BENCH_LOOP_FILE. Nothing of the product depends on it.

const file = process.env.QIHE_BENCH_LOOP_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
  setInterval(() => {
    appendFileSync(file, `${JSON.stringify({ at: Date.now(), p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) })}\n`);
    h.reset();
  }, 5000).unref();
}

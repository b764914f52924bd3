import { setTimeout as sleep } from 'node:timers/promises';
import { PeriodicJob } from './periodic-job';

/** Waits until `done` holds (timers run late on a loaded machine; the deadline only bounds a hang). */
async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(5);
  }
}

/** A pass that can be held open, to see what happens to ticks and pokes meanwhile. */
function gatedPass() {
  let release: () => void = () => undefined;
  const state = { started: 0, active: 0, maxActive: 0 };
  const run = async (): Promise<void> => {
    state.started++;
    state.active++;
    state.maxActive = Math.max(state.maxActive, state.active);
    await new Promise<void>((resolve) => (release = resolve));
    state.active--;
  };
  return { state, run, release: () => release() };
}

describe('PeriodicJob', () => {
  it('runs a first pass at start and then on every tick', async () => {
    let passes = 0;
    const job = new PeriodicJob({ everyMs: 20, run: async () => void passes++, onError: () => undefined });
    job.start();
    expect(passes).toBe(1);
    await until(() => passes >= 3);
    await job.stop();
    const stoppedAt = passes;
    await sleep(60);
    expect(passes).toBe(stoppedAt);
  });

  it('never runs two passes at once: ticks are skipped, a poke is kept for right after', async () => {
    const g = gatedPass();
    const job = new PeriodicJob({ everyMs: 5, run: g.run, onError: () => undefined });
    job.start();
    await sleep(40); // several ticks while the first pass is held
    expect(g.state.started).toBe(1);
    job.poke();
    job.poke();
    g.release();
    await sleep(1);
    expect(g.state.started).toBe(2); // the pokes made one pass, right away
    expect(g.state.maxActive).toBe(1);
    const stopped = job.stop();
    g.release();
    await stopped;
  });

  it('stop waits for the pass in flight, says stopping to it, and nothing runs afterwards', async () => {
    const g = gatedPass();
    let sawStopping = false;
    const job: PeriodicJob = new PeriodicJob({
      everyMs: 5,
      run: async () => {
        await g.run();
        sawStopping = job.stopping;
      },
      onError: () => undefined,
    });
    job.start();
    let done = false;
    const stopped = job.stop().then(() => (done = true));
    await sleep(20);
    expect(done).toBe(false);
    g.release();
    await stopped;
    expect(sawStopping).toBe(true);
    job.poke();
    job.start();
    await sleep(20);
    expect(g.state.started).toBe(1);
  });

  it('reports a failed pass and runs again on the next tick', async () => {
    const errors: string[] = [];
    let passes = 0;
    const job = new PeriodicJob({
      everyMs: 10,
      run: async () => {
        passes++;
        if (passes === 1) throw new Error('database away');
      },
      onError: (err) => errors.push(err.message),
    });
    job.start();
    await until(() => passes >= 2);
    await job.stop();
    expect(errors).toEqual(['database away']);
  });
});

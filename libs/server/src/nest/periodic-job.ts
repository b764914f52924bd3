/**
 * A background pass that runs every `everyMs` and on demand, never twice at
 * once in one process, and that a shutdown waits for. The gateway's outbox
 * relay, commitment monitor and risk tick are all this shape; what makes each
 * safe across replicas (row claims, advisory locks) stays in the pass itself.
 */
export interface PeriodicJobOptions {
  everyMs: number;
  /** One pass. It may read `stopping` to end a long drain early. */
  run: () => Promise<void>;
  /** A failed pass is reported here and retried on the next tick. */
  onError: (err: Error) => void;
}

export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly options: PeriodicJobOptions) {}

  /** True once `stop` was called: a pass in a loop should finish what it holds and return. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Starts the timer and runs a first pass now. */
  start(): void {
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => this.tick(), this.options.everyMs);
    this.timer.unref();
    this.tick();
  }

  /** New work: a pass now, or right after the one in flight (a tick of the timer, by contrast, is skipped while one runs). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.tick();
  }

  /** Ends the timer and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.options
      .run()
      .catch((err: unknown) => this.options.onError(err instanceof Error ? err : new Error(String(err))))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }
}

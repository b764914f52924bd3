/**
 * Test only (QIHE_TEST_CLOCK_OFFSET_MS, refused unless NODE_ENV=test): runs
 * this process's clock `offsetMs` off — `Date.now()` and `new Date()` — the
 * way a site machine with a wrong clock runs, so everything the site stamps,
 * checks and sends (its batches' sentAt) follows that clock. Only the site's
 * process entry calls it, never a test process hosting a site.
 */
export function shiftProcessClock(offsetMs: number): void {
  const Real = Date;
  const now = (): number => Real.now() + offsetMs;
  class SkewedDate extends Real {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
    // A Date made before the shift (or by Node's internals) is a Date all the same.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Real;
    }
  }
  globalThis.Date = SkewedDate as DateConstructor;
}

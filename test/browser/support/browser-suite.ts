import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, requireChromium, watchPage, type TestBrowser } from './browser';
import { ConsoleRig } from './console-rig';

// What every browser spec sets up the same way: the rig (gateway + one site),
// a Chromium, contexts closed with it, and the guard that fails a test whose
// pages threw an uncaught error. A spec calls `browserSuite(site)` at its top
// level; its own beforeAll (data, sign-ins) runs after this one.

export interface BrowserSuite {
  readonly rig: ConsoleRig;
  /** Page errors and console errors of every watched page, for failure messages; cleared after each test. */
  readonly pageErrors: string[];
  /** The running browser (after the suite's beforeAll). */
  browser(): TestBrowser;
  /** A new context (its own storage: one signed-in user each), en-GB, UTC, 1280 × 800 unless told otherwise. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page of a new context, watched for errors under `name`. */
  page(name: string, options?: BrowserContextOptions): Promise<Page>;
  /** Watches another page (of a context the spec made) for errors. */
  watch(page: Page, name: string): Page;
}

export function browserSuite(site: { id: string; unitId: string; key: string }, opts: { gatewayEnv?: Record<string, string>; startTimeoutMs?: number } = {}): BrowserSuite {
  const rig = new ConsoleRig(site, opts.gatewayEnv);
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  let browser: TestBrowser | undefined;

  beforeAll(async () => {
    requireChromium(); // a missing browser is a failure, never a skip
    await rig.start();
    browser = await launchBrowser();
  }, opts.startTimeoutMs ?? 120_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await rig.stop();
  }, 60_000);

  afterEach(() => {
    // Uncaught errors in the pages are bugs even when the assertions held.
    const uncaught = pageErrors.filter((l) => l.includes('pageerror'));
    pageErrors.length = 0;
    expect(uncaught).toEqual([]);
  });

  const suite: BrowserSuite = {
    rig,
    pageErrors,
    browser: () => {
      if (!browser) throw new Error('the browser suite has not started (call browserSuite at the top level of the spec)');
      return browser;
    },
    async context(options = {}) {
      const ctx = await suite.browser().browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'UTC', ...options });
      contexts.push(ctx);
      return ctx;
    },
    async page(name, options) {
      return suite.watch(await (await suite.context(options)).newPage(), name);
    },
    watch: (page, name) => watchPage(page, name, pageErrors),
  };
  return suite;
}

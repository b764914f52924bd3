import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Debian's headless Chromium driven by playwright-core: no browser download,
// a fresh profile per run, nothing phoning home.

export const CHROMIUM = process.env.QIHE_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../../test-artifacts/screenshots');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface TestBrowser {
  browser: Browser;
  /** A new, isolated context (its own storage: one signed-in user each). */
  context(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Fails loudly when Chromium is missing: the browser tests must never pass by not running. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`bash tools/scripts/ensure-browser.sh\` (as root; it installs Debian's chromium) or set QIHE_CHROMIUM`);
  }
}

export async function launchBrowser(): Promise<TestBrowser> {
  requireChromium();
  // playwright gives every launch a fresh temporary profile (--user-data-dir) and deletes it on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async context() {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'UTC' });
      contexts.push(ctx);
      return ctx;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close().catch(() => undefined);
    },
  };
}

/** Page errors and failed console lines, kept for failure messages. */
export function watchPage(page: Page, name: string, into: string[]): Page {
  page.on('pageerror', (e) => into.push(`[${name}] pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`[${name}] console.error: ${m.text().slice(0, 300)}`);
  });
  return page;
}

/** test-artifacts/screenshots/browser-<name>.png, with CSS transitions finished (bars drawn at their value). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `browser-${name}.png`), animations: 'disabled' });
}

/** Signs in on the console's own form (the console probes whether it talks to a site or the gateway). */
export async function signIn(page: Page, url: string, username: string, password: string, shot?: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  if (shot) await screenshot(page, shot);
  await page.getByTestId('login-password').press('Enter');
  await page.getByTestId('who').waitFor();
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, Request } from 'playwright-core';
import { graphql } from '../__generated__/gateway';
import { RECORD } from '../support/documents';
import { screenshot, SCREENSHOTS, signIn } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { demoSeed, gql, loginToken } from './support/console-rig';
import { historyOf, plantedCustomers } from './support/planted-customers';

// The customer across the organisation in a real headless Chromium, against the
// built gateway (demo organisation, a quick risk check) and the BU Grid site:
// an agent typing a customer's id sees their history in both grid projects and
// nothing of BU Rail, their four types and risk drivers, within a second, and
// the last copy (marked stale) while the gateway is down; a unit head opens a
// follow-up from the at-risk list and reads the customer's paged timeline.

const seed = demoSeed();
const SITE = seed.sites.find((s) => s.id === 'site-grid')!;
const password = (username: string): string => seed.users.find((u) => u.username === username)!.password;
const GRID = ['prj-grid-uhv01', 'prj-grid-substation', 'prj-grid-metering'];

const MODEL = graphql(`query LensRiskModel { riskModel { modelVersion auc } }`);
const AT_RISK = graphql(`query LensAtRisk { atRiskCustomers(unitId: "bu-grid", first: 20) { customerId probability } }`);
const FOLLOW_UPS = graphql(`query LensFollowUps { followUps(unitId: "bu-grid", states: [OPEN], first: 500) { edges { node { id reason customerId note } } } }`);

// Risk checked every 2 s; a high threshold, so the gateway opens few AT_RISK_CUSTOMER follow-ups of its own.
const suite = browserSuite(SITE, { gatewayEnv: { QIHE_RISK_CHECK_SECONDS: '2', QIHE_RISK_THRESHOLD: '0.97' } });
const rig = suite.rig;
let agent: Page;
let head: Page;
let exec: string;

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  for (const deadline = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 250))) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
  }
}

async function record(items: Record<string, unknown>[]): Promise<void> {
  // Batches of 250: each call well inside gql's timeout, even on a loaded machine.
  for (let i = 0; i < items.length; i += 250) {
    const r = await gql(rig.gatewayUrl, RECORD, { input: items.slice(i, i + 250) }, exec);
    expect(r.data?.recordTouchpoints.rejected).toEqual([]);
  }
}

/**
 * The page at 390, 1024 and 1440 px: no horizontal overflow of `scope` (a panel
 * of this helper's; the unit view's own layout is explain12's), or of the whole
 * page when none is given; test-artifacts/screenshots/lens-<name>-<width>.png.
 */
async function widths(page: Page, name: string, scope?: Locator): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const width of [390, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    // Evaluated in the page (a string: the test code has no DOM types).
    const overflow = scope
      ? await scope.evaluate((el) => el.scrollWidth - el.clientWidth)
      : await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
    await page.screenshot({ path: join(SCREENSHOTS, `lens-${name}-${width}.png`), fullPage: true, animations: 'disabled' });
  }
  if (before) await page.setViewportSize(before);
}

beforeAll(async () => {
  exec = await loginToken(rig.gatewayUrl, 'exec', password('exec'));
  // cust-lens-1: served by two grid projects and by BU Rail; cust-lens-rail: by BU Rail alone;
  // cust-lens-long: 30 touchpoints in grid projects (two timeline pages).
  await record([
    ...historyOf('cust-lens-1', 'prj-grid-uhv01', 3, 50),
    ...historyOf('cust-lens-1', 'prj-grid-substation', 2, 30),
    ...historyOf('cust-lens-1', 'prj-rail-metro5', 4, 10),
    ...historyOf('cust-lens-rail', 'prj-rail-hsr', 2, 20),
    ...historyOf('cust-lens-long', 'prj-grid-metering', 18, 100),
    ...historyOf('cust-lens-long', 'prj-grid-uhv01', 12, 200),
    ...plantedCustomers('lens', [...GRID, 'prj-rail-metro5'], 240, 10),
  ]);
  await until('the risk model', async () => (await gql(rig.gatewayUrl, MODEL, {}, exec)).data?.riskModel, 120_000);
  await until('at-risk customers of BU Grid', async () => ((await gql(rig.gatewayUrl, AT_RISK, {}, exec)).data?.atRiskCustomers.length ?? 0) > 0);
  [agent, head] = await Promise.all([suite.page('agent'), suite.page('head')]);
}, 300_000);

/**
 * Evaluated in the page (a string: the test code has no DOM types): resolves with
 * the ms from the customer field's next input event to the animation frame after
 * the lookup card of `id` shows its summary.
 */
const keystrokeToCard = (id: string): string => `new Promise((resolve, reject) => {
  const sel = '[data-testid="customer-lookup"][data-customer=${JSON.stringify(id)}] [data-testid="customer-summary"]';
  let typedAt = null;
  document.getElementById('f-customerId').addEventListener('input', () => { typedAt = performance.now(); }, { once: true });
  const seen = new MutationObserver(() => {
    if (typedAt === null || !document.querySelector(sel)) return;
    seen.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - typedAt));
  });
  seen.observe(document.body, { childList: true, subtree: true, characterData: true });
  setTimeout(() => reject(new Error('no card of ' + ${JSON.stringify(id)} + ' within 10 s')), 10000);
})`;

const units = (page: Page, scope: string) => page.getByTestId(scope).getByTestId('customer-unit').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')).sort());

it("an agent typing a customer's id sees, within a second, their history in both grid projects and nothing of BU Rail, their four types and risk drivers", async () => {
  await signIn(agent, rig.site.url, 'agent.grid', password('agent.grid'));
  await agent.getByTestId('site-status').waitFor({ timeout: 15_000 }); // the site has reached the gateway
  const form = agent.getByTestId('short-flow-form');
  const card = agent.getByTestId('customer-lookup');
  const summaryOf = (id: string) => agent.locator(`[data-testid="customer-lookup"][data-customer="${id}"] [data-testid="customer-summary"]`);

  // Served only by BU Rail: nothing, not even that someone served them.
  await form.locator('#f-customerId').fill('cust-lens-rail');
  await agent.locator('[data-testid="customer-lookup"][data-customer="cust-lens-rail"] [data-testid="customer-none"]').waitFor({ timeout: 10_000 });

  // From the keystroke to the card on screen (the 300 ms debounce included), timed
  // in the page: the field's input event to the frame after the card's summary
  // appears (what the agent sees, without the test driver's own round trips).
  // Three lookups after a first one: the best must be within a second.
  const took: number[] = [];
  const driven: number[] = [];
  for (const id of ['cust-lens-long', 'cust-lens-1', 'cust-lens-long', 'cust-lens-1']) {
    const shown = agent.evaluate<number>(keystrokeToCard(id));
    const typed = Date.now();
    await form.locator('#f-customerId').fill(id);
    took.push(Math.round(await shown));
    await summaryOf(id).waitFor({ timeout: 10_000 });
    driven.push(Date.now() - typed);
  }
  process.stdout.write(`customer lookup in the agent console, keystroke to card (ms, debounce 300 ms included): ${took.join(', ')} in the page; ${driven.join(', ')} as the test driver saw it\n`);
  expect(Math.min(...took.slice(1))).toBeLessThan(1_000);

  expect(await units(agent, 'customer-lookup')).toEqual(['prj-grid-substation', 'prj-grid-uhv01']);
  await expect(card.getByTestId('customer-summary').innerText()).resolves.toContain('5 touchpoints in 2 unit(s)');
  const shownUnits = await card.getByTestId('customer-touchpoint').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-unit')))].sort());
  expect(shownUnits).toEqual(['prj-grid-substation', 'prj-grid-uhv01']); // metro5's later calls are not there
  expect(await card.innerText()).not.toContain('Metro');
  expect(await card.getByTestId('customer-type').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual(['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC']);
  await card.getByTestId('risk-probability').waitFor();
  expect(await card.getByTestId('risk-driver').count()).toBeGreaterThan(0);
  expect(await card.getByTestId('customer-stale').count()).toBe(0);
  await screenshot(agent, 'lens-agent-lookup');

  // The same id cleared and typed again faster than the debounce: the agent asked
  // again, so the site is asked again (a fresh card is not polled).
  let asked = 0;
  const count = (r: Request): void => {
    if (r.postData()?.includes('"operationName":"AgentCustomer"')) asked += 1;
  };
  agent.on('request', count);
  await form.locator('#f-customerId').fill('');
  await form.locator('#f-customerId').fill('cust-lens-1');
  await until('the site asked again', async () => asked > 0, 5_000);
  agent.off('request', count);
  await summaryOf('cust-lens-1').waitFor();
}, 120_000);

it('shows the last known history, marked stale with its time, while the gateway is down, and fresh again once it is back', async () => {
  const form = agent.getByTestId('short-flow-form');
  const card = agent.getByTestId('customer-lookup');
  const stale = card.getByTestId('customer-stale');
  // The previous test left cust-lens-1 on screen, fresh.
  await card.getByTestId('customer-summary').waitFor();
  expect(await card.getAttribute('data-customer')).toBe('cust-lens-1');
  expect(await stale.count()).toBe(0);
  await rig.stopGateway();
  try {
    // Left on screen, untouched: the card follows the site's link and turns stale.
    await stale.waitFor({ timeout: 10_000 });
    await expect(stale.innerText()).resolves.toMatch(/history as of \d{2}:\d{2}:\d{2}/);
    expect(await units(agent, 'customer-lookup')).toEqual(['prj-grid-substation', 'prj-grid-uhv01']);
    // Typed again: still the copy, marked stale.
    await form.locator('#f-customerId').fill('');
    await form.locator('#f-customerId').fill('cust-lens-1');
    await stale.waitFor();
    await screenshot(agent, 'lens-agent-stale');
    await agent.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
    await expect(stale.innerText()).resolves.toContain('网关暂不可达');
    await screenshot(agent, 'lens-agent-stale-zh');
    await agent.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    // Never looked up here: said so, not an empty history.
    await form.locator('#f-customerId').fill('cust-lens-never');
    const never = agent.locator('[data-testid="customer-lookup"][data-customer="cust-lens-never"] [data-testid="customer-stale"]');
    await expect(never.innerText()).resolves.toContain('not looked up here before');
    await form.locator('#f-customerId').fill('cust-lens-1');
    await agent.locator('[data-testid="customer-lookup"][data-customer="cust-lens-1"] [data-testid="customer-stale"]').waitFor();
  } finally {
    await rig.startGateway();
  }
  // Back, untouched again: the stale card asks until the answer is fresh.
  await until('a fresh answer again', async () => (await stale.count()) === 0 && (await card.getByTestId('customer-summary').count()) === 1, 30_000);
  expect(await units(agent, 'customer-lookup')).toEqual(['prj-grid-substation', 'prj-grid-uhv01']);
}, 180_000);

it('a unit head opens a follow-up from the at-risk list, and the list then shows it', async () => {
  await signIn(head, rig.gatewayUrl, 'head.grid', password('head.grid'));
  await head.goto(`${rig.gatewayUrl}/#/unit/bu-grid`);
  const panel = head.getByTestId('at-risk-panel');
  await panel.getByTestId('at-risk-row').first().waitFor({ timeout: 30_000 });
  await expect(panel.getByTestId('risk-model').innerText()).resolves.toMatch(/AUC \d\.\d{3}/);
  // Highest first, each with drivers.
  const probabilities = await panel.getByTestId('at-risk-probability').allInnerTexts();
  const ps = probabilities.map((p) => Number(p.replace(/[^\d.]/g, '')));
  expect(ps).toEqual([...ps].sort((a, b) => b - a));

  const row = panel.locator('[data-testid="at-risk-row"]', { has: head.getByTestId('at-risk-open') }).first();
  const customerId = (await row.getAttribute('data-customer'))!;
  await row.getByTestId('at-risk-open').click();
  const mine = panel.locator(`[data-testid="at-risk-row"][data-customer="${customerId}"]`);
  await mine.getByTestId('at-risk-follow-up').waitFor({ timeout: 15_000 });
  const opened = await until('the follow-up at the gateway', async () => {
    const r = await gql(rig.gatewayUrl, FOLLOW_UPS, {}, exec);
    return r.data?.followUps.edges.map((e) => e.node).find((f) => f.customerId === customerId);
  });
  expect(opened.reason).toBe('MANUAL');
  expect(opened.note).toMatch(/^At risk \(\d+ %\): /);
  expect(await mine.getByTestId('at-risk-follow-up').getAttribute('data-id')).toBe(opened.id);
  await screenshot(head, 'lens-at-risk-opened');
  await widths(head, 'unit-at-risk', panel);

  // The customer's link opens their page, with the follow-up just opened.
  await mine.getByTestId('at-risk-customer').click();
  const page = head.getByTestId('customer-page');
  await page.waitFor();
  expect(await page.getAttribute('data-customer')).toBe(customerId);
  await page.locator(`[data-testid="customer-follow-up"][data-reason="MANUAL"][data-state="OPEN"]`).waitFor();
  await page.getByTestId('customer-risk').waitFor();
}, 120_000);

it("the customer page pages the timeline in the unit head's scope, in both languages and at every width", async () => {
  await head.goto(`${rig.gatewayUrl}/#/customer/cust-lens-long`);
  const page = head.getByTestId('customer-page');
  await page.getByTestId('customer-timeline-row').first().waitFor();
  await expect(page.getByTestId('customer-timeline-total').innerText()).resolves.toContain('30 touchpoints');
  const firstPage = await page.getByTestId('customer-timeline-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(firstPage).toHaveLength(25);
  expect(await page.getByTestId('customer-type').count()).toBe(4);
  await page.getByTestId('customer-timeline-older').click();
  await until('page 2', async () => (await page.getByTestId('customer-timeline-row').count()) === 5);
  const secondPage = await page.getByTestId('customer-timeline-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(new Set([...firstPage, ...secondPage]).size).toBe(30); // every touchpoint once, none twice
  expect(await page.getByTestId('customer-timeline-older').isDisabled()).toBe(true);
  await page.getByTestId('customer-timeline-newer').click();
  await until('page 1 again', async () => (await page.getByTestId('customer-timeline-row').count()) === 25);

  // cust-lens-1 at the gateway, for BU Grid's head: the two grid projects, not Metro 5.
  await head.goto(`${rig.gatewayUrl}/#/customer/cust-lens-1`);
  await page.getByTestId('customer-unit').first().waitFor();
  await until('the page of cust-lens-1', async () => (await page.getAttribute('data-customer')) === 'cust-lens-1');
  expect(await units(head, 'customer-page')).toEqual(['prj-grid-substation', 'prj-grid-uhv01']);
  // Its timeline loads after the profile: the 5 grid touchpoints (3 + 2), none of Metro 5.
  await until('the timeline of cust-lens-1', async () => (await page.getByTestId('customer-timeline-row').count()) === 5);
  expect(await page.getByTestId('customer-timeline-row').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-unit')))].sort())).toEqual([
    'prj-grid-substation',
    'prj-grid-uhv01',
  ]);
  await widths(head, 'customer-page');
  await head.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
  await head.getByText('时间线').waitFor();
  await screenshot(head, 'lens-customer-page-zh');
  await head.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();

  // From a touchpoint row of the unit view to the customer's page.
  await head.goto(`${rig.gatewayUrl}/#/unit/prj-grid-substation/touchpoints?window=30d`);
  const link = head.getByTestId('touchpoint-customer').first();
  await link.waitFor({ timeout: 30_000 });
  const target = await link.innerText();
  await link.click();
  await until('the customer page of the row', async () => (await page.getAttribute('data-customer').catch(() => null)) === target);
}, 180_000);

/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { GatewayClient, type TouchpointInput } from '@qihe/client';
import type { Page } from 'playwright-core';
import { screenshot, signIn } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { demoSeed, gql, loginToken } from './support/console-rig';
import { graphql } from '../__generated__/gateway';

// A unit head's console explains its numbers (issue 12 item 4), in a real
// headless Chromium against the built gateway: two clicks from a number to
// exactly the touchpoints behind it (their count is the number), chips that
// widen the list when removed, a CSV of the same rows, deltas against the
// previous window, "too few to judge" under 30, trend days at local midnight
// and labelled in the chosen time zone, and no page overflow from 390 to 1440 px.

const seed = demoSeed();
const SITE = seed.sites.find((s) => s.id === 'site-grid')!;
const password = (username: string): string => seed.users.find((u) => u.username === username)!.password;
const HOUR = 3_600_000;
// A fixed past week (custom window) and the week before it: the numbers do not move while the test runs.
const FROM = '2026-11-20T00:00:00Z';
const TO = '2026-11-27T00:00:00Z';
const PREV_FROM = '2026-11-13T00:00:00Z';
const UNIT_URL = `#/unit/bu-grid?window=custom&from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;

const SCORES = graphql(`
  query ExplainScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementScore(unitId: $unitId, from: $from, to: $to) {
      touchpoints overall chains { chain score measures { key numerator denominator } }
    }
    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }
    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: CHANNEL) { value score { touchpoints } }
  }
`);

const suite = browserSuite(SITE);
const rig = suite.rig;
let head: Page;
let token: string;

/** n touchpoints of `unitId` spread over [from, from + days): channel by index, a third resolved, most rated. */
function batch(unitId: string, n: number, from: string, days: number, tag: string): TouchpointInput[] {
  const start = Date.parse(from);
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    unitId,
    customerId: `C-${tag}-${i % 17}`,
    channel: i % 3 === 0 ? 'EMAIL' : 'PHONE',
    kind: 'SERVICE',
    stage: 'AFTER_SALE',
    occurredAt: new Date(start + Math.floor(((i + 0.5) / n) * days * 24 * HOUR)).toISOString(),
    need: { category: i % 4 === 0 ? 'COMPLAINT' : 'FAULT' },
    service: { action: `handled ${tag}`, handleSeconds: 300 + i, resolved: i % 3 !== 1, firstContact: i % 2 === 0, knowledgeRefs: [] },
    satisfaction: i % 5 === 4 ? null : { score: 1 + ((i * 7) % 5) },
  }));
}

beforeAll(async () => {
  const items = [
    ...batch('prj-grid-uhv01', 48, FROM, 7, 'UHV'),
    ...batch('prj-grid-substation', 36, FROM, 7, 'SUB'),
    ...batch('prj-grid-metering', 9, FROM, 7, 'MET'), // too few to judge
    ...batch('bu-grid', 6, FROM, 7, 'GRID'),
    ...batch('prj-grid-uhv01', 40, PREV_FROM, 7, 'UHV-PREV'),
    ...batch('prj-grid-substation', 31, PREV_FROM, 7, 'SUB-PREV'),
  ];
  const client = new GatewayClient({ url: rig.gatewayUrl, token: SITE.key, retries: 2 });
  for (let i = 0; i < items.length; i += 100) expect((await client.recordTouchpoints(items.slice(i, i + 100))).rejected).toEqual([]);
  token = await loginToken(rig.gatewayUrl, 'head.grid', password('head.grid'));
  // The head works in Shanghai: the browser's own zone is the console's default.
  head = await suite.page('head', { viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  await signIn(head, rig.gatewayUrl, 'head.grid', password('head.grid'));
}, 180_000);

async function api(from = FROM, to = TO) {
  const r = await gql(rig.gatewayUrl, SCORES, { unitId: 'bu-grid', from, to }, token);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

async function openUnit(): Promise<void> {
  await head.goto(`${rig.gatewayUrl}/${UNIT_URL}`);
  await head.getByTestId('score-panel').waitFor();
}

/** The list's totalCount once the touchpoints view has loaded it. */
async function total(): Promise<number> {
  const el = head.getByTestId('touchpoints-total');
  await el.waitFor();
  return Number(await el.getAttribute('data-total'));
}

async function waitTotal(expected: number): Promise<void> {
  await head.locator(`[data-testid="touchpoints-total"][data-total="${expected}"]`).waitFor({ timeout: 15_000 });
}

it('two clicks from a measure to exactly the touchpoints it counts; removing chips widens the list; one more click downloads them', async () => {
  const now = await api();
  const resolution = now.engagementScore.chains.find((c) => c.chain === 'BUSINESS')!.measures.find((m) => m.key === 'resolution')!;
  expect(resolution.numerator).toBeGreaterThan(0);
  expect(resolution.numerator).toBeLessThan(resolution.denominator);
  await openUnit();

  await head.getByTestId('chain-BUSINESS').click(); // click 1
  const numerator = head.getByTestId('measure-resolution-numerator-link');
  expect(await numerator.textContent()).toBe(String(resolution.numerator));
  await numerator.click(); // click 2
  await head.getByTestId('touchpoints-view').waitFor();
  expect(await total()).toBe(resolution.numerator);
  expect(head.url()).toContain('measure=resolution&part=NUMERATOR');
  await head.getByTestId('chip-part').waitFor();
  await screenshot(head, 'explain-01-numerator');

  // One more click: the CSV holds the same touchpoints as the list.
  const [download] = await Promise.all([head.waitForEvent('download'), head.getByTestId('download-touchpoints').click()]);
  expect(download.suggestedFilename()).toMatch(/^qihe-touchpoints_bu-grid_20261120T0000Z-20261127T0000Z_measure-resolution_part-NUMERATOR\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8').split('\n').filter((l) => l.length > 0);
  expect(lines.length - 1).toBe(resolution.numerator);

  // Without the part the measure's denominator, without the measure every touchpoint of the window.
  await head.getByTestId('chip-part-remove').click();
  await waitTotal(resolution.denominator);
  await head.getByTestId('chip-measure-remove').click();
  await waitTotal(now.engagementScore.touchpoints);
  expect(await head.getByTestId('chip-measure').count()).toBe(0);
}, 90_000);

it('a breakdown row and a child row click through to their touchpoints, counted as the row says', async () => {
  const now = await api();
  await openUnit();
  const phone = now.engagementBreakdown.find((r) => r.value === 'PHONE')!.score.touchpoints;
  await head.locator('[data-testid="breakdown-table-row"][data-key="PHONE"] [data-testid="breakdown-table-touchpoints"]').click();
  await head.getByTestId('chip-channel').waitFor();
  expect(await total()).toBe(phone);
  expect(await head.getByTestId('chip-channel').textContent()).toContain('Phone');

  await openUnit();
  const uhv = now.engagementScores.find((s) => s.unit.id === 'prj-grid-uhv01')!.touchpoints;
  await head.locator('[data-testid="children-table-row"][data-key="prj-grid-uhv01"] [data-testid="children-table-touchpoints"]').click();
  await head.getByTestId('touchpoints-view').waitFor();
  expect(await total()).toBe(uhv);
  expect(head.url()).toContain('#/unit/prj-grid-uhv01/touchpoints');
}, 60_000);

it('shows the change against the previous window beside every score, and "too few to judge" under 30', async () => {
  const [now, before] = [await api(), await api(PREV_FROM, FROM)];
  await openUnit();
  const delta = head.getByTestId('score-panel').locator('.score-card.overall [data-testid="delta"]');
  await delta.waitFor();
  expect(Math.abs(Number(await delta.getAttribute('data-delta')) - (now.engagementScore.overall! - before.engagementScore.overall!))).toBeLessThan(1e-9);
  // Every chain card has its delta.
  expect(await head.locator('.score-card.chain [data-testid="delta"]').count()).toBe(4);
  // A child with 9 touchpoints is marked; one with 48 is not.
  await head.locator('[data-testid="children-table-row"][data-key="prj-grid-metering"] [data-testid="too-few"]').waitFor();
  expect(await head.locator('[data-testid="children-table-row"][data-key="prj-grid-uhv01"] [data-testid="too-few"]').count()).toBe(0);
  // A child with nothing before has no delta to judge; uhv01 has one.
  const uhvDelta = head.locator('[data-testid="children-table-row"][data-key="prj-grid-uhv01"] td.strong [data-testid="delta"]');
  const uhvNow = now.engagementScores.find((s) => s.unit.id === 'prj-grid-uhv01')!.overall!;
  const uhvBefore = before.engagementScores.find((s) => s.unit.id === 'prj-grid-uhv01')!.overall!;
  expect(Math.abs(Number(await uhvDelta.getAttribute('data-delta')) - (uhvNow - uhvBefore))).toBeLessThan(1e-9);
  await head.getByTestId('chain-VALUE').click();
  await head.getByTestId('measures-VALUE').waitFor();
  await screenshot(head, 'explain-02-deltas');
}, 60_000);

it('buckets trend days at local midnight and labels them in the chosen zone; "today" starts at local midnight', async () => {
  await openUnit();
  const chart = head.getByTestId('trend-chart');
  await chart.waitFor();
  expect(await head.getByTestId('trend-zone').textContent()).toContain('Asia/Shanghai');
  // Shanghai days start at 16:00 UTC: the week from 11-20 00:00 UTC (08:00 local) spans eight local dates.
  expect(await chart.getAttribute('data-ticks')).toBe('11-20,11-21,11-22,11-23,11-24,11-25,11-26,11-27');
  await head.getByTestId('time-zone').selectOption('UTC');
  await head.locator('[data-testid="trend-zone"]', { hasText: 'UTC' }).waitFor();
  await head.locator('[data-testid="trend-chart"][data-ticks="11-20,11-21,11-22,11-23,11-24,11-25,11-26"]').waitFor();
  // The choice is kept in this browser; back to the browser's zone.
  expect(await head.evaluate(() => window.localStorage.getItem('qihe.timeZone'))).toBe('UTC');
  await head.getByTestId('time-zone').selectOption('Asia/Shanghai');
  expect(await head.evaluate(() => window.localStorage.getItem('qihe.timeZone'))).toBeNull();

  // The scores of the window itself (the previous window's ask ends where this one starts).
  const to = new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR).toISOString().replace('.000Z', 'Z');
  const request = head.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('"operationName":"UnitScores"') && (r.postData() ?? '').includes(`"to":"${to}"`));
  await head.getByTestId('window-today').click();
  const vars = (await request).postDataJSON().variables as { from: string; to: string };
  // Today's midnight in Shanghai (UTC+8 all year), worked out here.
  const shanghai = new Date(Date.now() + 8 * HOUR);
  const midnight = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * HOUR;
  expect(Date.parse(vars.from)).toBe(midnight);
  expect(Date.parse(vars.to)).toBe(Math.floor(Date.now() / HOUR) * HOUR + HOUR);
}, 60_000);

it('takes a custom window on the chosen zone\u2019s clock: midnight in Shanghai is sent as 16:00 UTC the day before', async () => {
  await openUnit();
  // The URL's window (from 11-20 00:00 UTC) shows on Shanghai's clock, the zone named beside it.
  expect(await head.getByTestId('custom-from').inputValue()).toBe('2026-11-20T08:00');
  expect(await head.getByTestId('custom-to').inputValue()).toBe('2026-11-27T08:00');
  expect(await head.getByTestId('custom-window-zone').textContent()).toBe('Asia/Shanghai');
  await head.getByTestId('custom-from').fill('2026-11-21T00:00');
  await head.getByTestId('custom-to').fill('2026-11-26T00:00');
  const sent = (from: string) => head.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('"operationName":"UnitScores"') && (r.postData() ?? '').includes(`"from":"${from}"`));
  const request = sent('2026-11-20T16:00:00Z');
  await head.getByTestId('custom-apply').click();
  expect((await request).postDataJSON().variables).toMatchObject({ from: '2026-11-20T16:00:00Z', to: '2026-11-25T16:00:00Z' });
  expect(decodeURIComponent(head.url())).toContain('from=2026-11-20T16:00:00Z&to=2026-11-25T16:00:00Z');

  // In UTC the same wall clock is the instant itself.
  await head.getByTestId('time-zone').selectOption('UTC');
  await head.locator('[data-testid="custom-window-zone"]', { hasText: 'UTC' }).waitFor();
  expect(await head.getByTestId('custom-from').inputValue()).toBe('2026-11-20T16:00');
  await head.getByTestId('custom-from').fill('2026-11-21T00:00');
  const utc = sent('2026-11-21T00:00:00Z');
  await head.getByTestId('custom-apply').click();
  expect((await utc).postDataJSON().variables).toMatchObject({ from: '2026-11-21T00:00:00Z', to: '2026-11-25T16:00:00Z' });
  await head.getByTestId('time-zone').selectOption('Asia/Shanghai');
}, 60_000);

it("csat's links say what they list: 'n rated' (the denominator \u00f7 4) opens n touchpoints, 'rated 4\u20135' opens those, not the point sum", async () => {
  const csat = (await api()).engagementScore.chains.find((c) => c.chain === 'VALUE')!.measures.find((m) => m.key === 'csat')!;
  // Independently: batch() rates all but every fifth, score 1 + (7i mod 5); the window's batches are 48, 36, 9 and 6.
  const sizes = [48, 36, 9, 6];
  const scores = sizes.flatMap((n) => Array.from({ length: n }, (_, i) => (i % 5 === 4 ? null : 1 + ((i * 7) % 5))));
  const rated = scores.filter((x) => x !== null).length;
  const high = scores.filter((x) => x !== null && x >= 4).length;
  expect(csat.denominator).toBe(rated * 4);
  expect(csat.numerator).not.toBe(high); // a sum of points: the number a link must not claim

  await openUnit();
  await head.getByTestId('chain-VALUE').click();
  expect(await head.getByTestId('measure-csat-numerator').textContent()).toBe(String(csat.numerator));
  const denominator = head.getByTestId('measure-csat-denominator-link');
  expect(await denominator.textContent()).toBe(`${rated} rated \u2192`);
  await denominator.click();
  await head.getByTestId('touchpoints-view').waitFor();
  expect(await total()).toBe(rated);

  await openUnit();
  await head.getByTestId('chain-VALUE').click();
  const numerator = head.getByTestId('measure-csat-numerator-link');
  expect(await numerator.textContent()).toBe('rated 4\u20135 \u2192');
  await numerator.click();
  await head.getByTestId('touchpoints-view').waitFor();
  expect(await total()).toBe(high);
  expect(await head.getByTestId('chip-part').textContent()).toContain('rated 4\u20135');
}, 60_000);

it.each([390, 1024, 1440])('fits %i px: no horizontal page overflow on the unit view and the touchpoints', async (width) => {
  await head.setViewportSize({ width, height: 900 });
  await openUnit();
  await head.getByTestId('chain-BUSINESS').click();
  await head.getByTestId('trend-chart').waitFor();
  await head.getByTestId('breakdown-table').waitFor();
  const overflow = (): Promise<number> => head.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(head, `explain-unit-${width}`);
  await head.getByTestId('measure-resolution-missed-link').click();
  await head.getByTestId('touchpoints-table').waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(head, `explain-touchpoints-${width}`);
}, 60_000);

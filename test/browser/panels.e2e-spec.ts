import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GatewayClient, type TouchpointInput } from '@qihe/client';
import { statusOf } from '@qihe/domain';
import type { Page } from 'playwright-core';
import { graphql } from '../__generated__/gateway';
import { screenshot, signIn } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { DEMO_SEED_FILE, demoSeed, gql, loginToken } from './support/console-rig';

// The unit head's indicator, short-board and four-type panels, the live tiles'
// colours and staleness, and the agent's perception-point picker, in a real
// headless Chromium against the built gateway (demo organisation, its
// perception-point catalogue and targets) and a site on real PostgreSQL.
// Values are checked two ways: against an independent recount of the
// touchpoints this spec sent (aht, fcr, complaints, low ratings, csat, repeats,
// every point's members), and against the API for every indicator and type
// (the API's own arithmetic is recounted in test/integration/indicators.spec.ts
// and perception-points.spec.ts).

const seed = demoSeed();
const catalogue = (JSON.parse(readFileSync(DEMO_SEED_FILE, 'utf8')) as { perceptionPoints: { code: string; name: string; needCategories: string[] }[] }).perceptionPoints;
const SITE = seed.sites.find((s) => s.id === 'site-grid')!;
const password = (username: string): string => seed.users.find((u) => u.username === username)!.password;
const HOUR = 3_600_000;
const PROJECTS = ['prj-grid-uhv01', 'prj-grid-substation', 'prj-grid-metering'];
const NEEDS = ['CONSULTATION', 'FAULT', 'COMPLAINT', 'BILLING', 'PURCHASE', 'RENEWAL'] as const;
const CHANNELS = ['PHONE', 'WEB', 'APP', 'EMAIL'] as const;

const INDICATORS = graphql(`
  query PanelsIndicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target status previous higherIsBetter }
    targets(unitId: $unitId) { key target amberBand source inheritedFrom { id } }
  }
`);
const POINTS = graphql(`
  query PanelsPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code } touchpoints impact shortBoard }
  }
`);
const TYPES = graphql(`
  query PanelsTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementTypes(unitId: $unitId, from: $from, to: $to) { type score } }
`);
const LIVE_SCORES = graphql(`
  query PanelsLiveScores($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } overall } }
`);
const TARGETS = graphql(`query PanelsTargets($unitId: ID!) { targets(unitId: $unitId) { key target amberBand } }`);
const BY_CUSTOMER = graphql(`
  query PanelsByCustomer($from: DateTime!, $to: DateTime!, $c: String!) {
    touchpoints(unitId: "bu-grid", from: $from, to: $to, first: 5, filter: { customerId: $c }) { totalCount edges { node { perceptionPoint needCategory } } }
  }
`);

const suite = browserSuite(SITE);
const rig = suite.rig;
let head: Page;
let headToken: string;
const sent: TouchpointInput[] = [];

/** The unit view's 24h preset: the current hour included, 24 whole hours. */
function day(now = Date.now()): { from: string; to: string } {
  const to = Math.floor(now / HOUR) * HOUR + HOUR;
  return { from: new Date(to - 24 * HOUR).toISOString(), to: new Date(to).toISOString() };
}
const before = (w: { from: string; to: string }): { from: string; to: string } => ({ from: new Date(Date.parse(w.from) - 24 * HOUR).toISOString(), to: w.from });

/** A deterministic spread over needs, channels, handle times, ratings and named / unnamed perception points. */
function traffic(n: number, agoMinutes: (i: number) => number, tag: string): TouchpointInput[] {
  const out: TouchpointInput[] = [];
  for (let i = 0; i < n; i++) {
    const need = NEEDS[(i * 7) % NEEDS.length];
    const served = i % 9 !== 4;
    const score = [5, 4, 2, 5, 3, 1, 4, 5, 2, 4][i % 10];
    const forNeed = catalogue.filter((p) => p.needCategories.includes(need));
    // Every third names the second point of its need when there is one; the rest join by need.
    const named = i % 3 === 0 && forNeed.length > 1 ? forNeed[1].code : null;
    out.push({
      id: randomUUID(),
      unitId: PROJECTS[i % PROJECTS.length],
      customerId: `panels-${tag}-${i}`, // one contact each: no repeats, so the repeat rate's recount is 0
      channel: CHANNELS[i % CHANNELS.length],
      kind: 'SERVICE',
      stage: 'AFTER_SALE',
      occurredAt: new Date(Date.now() - agoMinutes(i) * 60_000).toISOString(),
      need: { category: need, description: null },
      service: served ? { action: 'handled', handleSeconds: 60 + ((i * 37) % 900), resolved: i % 4 !== 1, firstContact: i % 5 !== 2 } : null,
      satisfaction: i % 6 === 5 ? null : { score, comment: null },
      ...(named ? { perceptionPoint: named } : {}),
    });
  }
  return out;
}

/** The point a touchpoint belongs to (MANAGEMENT-MODEL.md §5): the one it names, else the first of its need. */
const memberOf = (t: TouchpointInput): string | null => t.perceptionPoint ?? catalogue.find((p) => p.needCategories.includes(t.need.category))?.code ?? null;

/** The independent recount of the indicators this spec can count from what it sent. */
function recount(items: TouchpointInput[]): Record<string, number> {
  const served = items.filter((t) => t.service);
  const rated = items.filter((t) => t.satisfaction);
  return {
    aht: served.reduce((s, t) => s + t.service!.handleSeconds, 0) / served.length,
    fcr: served.filter((t) => t.service!.resolved && t.service!.firstContact).length / served.length,
    complaintRate: items.filter((t) => t.need.category === 'COMPLAINT').length / items.length,
    lowRatingRate: rated.filter((t) => t.satisfaction!.score <= 2).length / rated.length,
    csat: rated.reduce((s, t) => s + t.satisfaction!.score - 1, 0) / (4 * rated.length),
    repeatContactRate: 0,
  };
}

/** As the panel shows an indicator value. */
function shown(v: number | null, unit: string): string {
  if (v == null) return '—';
  return unit === 'ratio' ? `${(v * 100).toFixed(1)}%` : unit === 'seconds' ? `${Math.round(v)} s` : v.toFixed(1);
}

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const data = <T>(r: { data?: T; errors?: unknown }): T => {
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

beforeAll(async () => {
  head = await suite.page('head');
  headToken = await loginToken(rig.gatewayUrl, 'head.grid', password('head.grid'));
  // This window (10 min to 20 h ago) and the one before it (26 h to 40 h ago), clear of the windows' edges.
  sent.push(...traffic(90, (i) => 10 + ((i * 131) % (20 * 60 - 10)), 'now'));
  const earlier = traffic(40, (i) => 26 * 60 + ((i * 97) % (14 * 60)), 'before');
  const r = await new GatewayClient({ url: rig.gatewayUrl, token: SITE.key, retries: 2 }).recordTouchpoints([...sent, ...earlier]);
  expect(r).toEqual({ accepted: sent.length + earlier.length, duplicates: 0, rejected: [] });
}, 180_000);

it("shows the unit's indicators grouped KCI / KQI / KPI, equal to the recount and to the API, with the window before and status", async () => {
  await signIn(head, rig.gatewayUrl, 'head.grid', password('head.grid'));
  const w = day();
  await head.goto(`${rig.gatewayUrl}/#/unit/bu-grid?window=24h`);
  await head.getByTestId('indicators-panel').getByTestId('indicator-aht').waitFor();
  const api = data(await gql(rig.gatewayUrl, INDICATORS, { unitId: 'bu-grid', ...w }, headToken));
  const prev = data(await gql(rig.gatewayUrl, INDICATORS, { unitId: 'bu-grid', ...before(w) }, headToken));
  const counted = recount(sent);
  for (const [key, value] of Object.entries(counted)) {
    const got = api.indicators.find((i) => i.key === key)!;
    expect([key, got.value]).toEqual([key, expect.closeTo(value, 9)]);
  }
  expect(api.indicators).toHaveLength(12);
  for (const i of api.indicators) {
    const row = head.getByTestId(`indicator-${i.key}`);
    // Grouped by class: each row sits in its class's table.
    expect(await head.getByTestId(`indicators-${i.class}`).getByTestId(`indicator-${i.key}`).count()).toBe(1);
    expect([i.key, await row.getByTestId(`indicator-${i.key}-value`).innerText()]).toEqual([i.key, shown(i.value, i.measureUnit)]);
    expect([i.key, await row.getByTestId(`indicator-${i.key}-previous`).innerText()]).toEqual([i.key, shown(i.previous, i.measureUnit)]);
    // previous is the same indicator over the window before, as the API answers for that window.
    expect([i.key, i.previous]).toEqual([i.key, prev.indicators.find((p) => p.key === i.key)!.value]);
    expect([i.key, await row.getAttribute('data-status')]).toEqual([i.key, i.status ?? 'NONE']);
    expect([i.key, await row.getByTestId(`indicator-${i.key}-target`).innerText()]).toEqual([i.key, shown(i.target, i.measureUnit)]);
  }
  // The demo file sets aht for bu-grid itself and csat on the group: own vs inherited, as the API says.
  expect(await head.getByTestId('indicator-aht-source').getAttribute('data-source')).toBe('UNIT');
  expect(await head.getByTestId('indicator-csat-source').getAttribute('data-source')).toBe('INHERITED');
  expect(api.targets.find((x) => x.key === 'csat')).toMatchObject({ source: 'INHERITED' });
  await head.getByTestId('indicators-panel').scrollIntoViewIfNeeded();
  await screenshot(head, 'panels-01-indicators');
});

it('sets a target in place: the gateway keeps it, the row shows it as its own with the new status; errors name the field', async () => {
  const row = head.getByTestId('indicator-fcr');
  await row.getByTestId('indicator-fcr-edit').click();
  // Not a number: refused in place, naming the field.
  await row.getByTestId('indicator-fcr-input').fill('lots');
  await row.getByTestId('indicator-fcr-save').click();
  expect(await row.getByTestId('indicator-fcr-error').innerText()).toContain('input.target');
  // A number the gateway refuses: its sentence, naming its field.
  await row.getByTestId('indicator-fcr-input').fill('1e12');
  await row.getByTestId('indicator-fcr-save').click();
  await until('the gateway refusal', async () => ((await row.getByTestId('indicator-fcr-error').innerText()).includes('must be a finite number') ? true : undefined));
  expect(await row.getByTestId('indicator-fcr-error').innerText()).toContain('input.target');
  await screenshot(head, 'panels-02-target-error');

  await row.getByTestId('indicator-fcr-input').fill('95');
  await row.getByTestId('indicator-fcr-save').click();
  await until('the saved target', async () => ((await row.getByTestId('indicator-fcr-target').count()) && (await row.getByTestId('indicator-fcr-target').innerText()) === '95.0%' ? true : undefined));
  const w = day();
  const api = data(await gql(rig.gatewayUrl, INDICATORS, { unitId: 'bu-grid', ...w }, headToken));
  expect(api.targets.find((x) => x.key === 'fcr')).toMatchObject({ target: 0.95, source: 'UNIT', inheritedFrom: null });
  const fcr = api.indicators.find((i) => i.key === 'fcr')!;
  expect(fcr.status).toBe(statusOf(fcr.value, 0.95, 0.095, true));
  await until('the new status', async () => ((await row.getAttribute('data-status')) === fcr.status ? true : undefined));
  expect(await row.getByTestId('indicator-fcr-source').getAttribute('data-source')).toBe('UNIT');

  // A project below inherits it, named by the unit it comes from.
  await head.goto(`${rig.gatewayUrl}/#/unit/prj-grid-metering?window=24h`);
  const child = head.getByTestId('indicator-fcr-source');
  await until('the inherited target', async () => ((await child.count()) && (await child.getAttribute('data-source')) === 'INHERITED' ? true : undefined));
  expect(await child.innerText()).toContain('Grid Automation');
  expect(await head.getByTestId('indicator-fcr-target').innerText()).toBe('95.0%');
  await screenshot(head, 'panels-03-inherited');
});

it('ranks perception points by impact and a short board clicks through to exactly its touchpoints', async () => {
  const w = day();
  await head.goto(`${rig.gatewayUrl}/#/unit/bu-grid?window=24h`);
  const rows = head.getByTestId('short-board-row');
  await rows.first().waitFor();
  const api = data(await gql(rig.gatewayUrl, POINTS, { unitId: 'bu-grid', ...w }, headToken)).perceptionPoints.filter((p) => p.touchpoints > 0);
  // Every point's members, recounted from what was sent.
  const members = new Map<string, number>();
  for (const t of sent) {
    const m = memberOf(t);
    if (m) members.set(m, (members.get(m) ?? 0) + 1);
  }
  expect(new Map(api.map((p) => [p.point.code, p.touchpoints]))).toEqual(members);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(api.map((p) => p.point.code));
  const impacts = api.map((p) => p.impact);
  expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
  const boards = api.filter((p) => p.shortBoard);
  expect(boards.length).toBeGreaterThan(0);
  expect(await head.locator('[data-testid="short-board-row"][data-short-board="true"]').count()).toBe(boards.length);
  await head.getByTestId('short-board-panel').scrollIntoViewIfNeeded();
  await screenshot(head, 'panels-04-short-boards');

  const first = boards[0];
  await head.locator(`[data-testid="short-board-row"][data-code="${first.point.code}"]`).getByTestId('short-board-link').click();
  const total = head.getByTestId('touchpoints-total');
  await total.waitFor();
  expect(await total.innerText()).toContain(`${members.get(first.point.code)} touchpoint`);
  expect(await head.getByTestId('touchpoints-filter').innerText()).toContain(first.point.code);
  const listed = Math.min(25, members.get(first.point.code)!);
  expect(await head.getByTestId('touchpoint-row').count()).toBe(listed);
  await screenshot(head, 'panels-05-short-board-touchpoints');
});

it('shows the four engagement types beside the chains, as the API scores them, with their measures', async () => {
  const w = day();
  await head.goto(`${rig.gatewayUrl}/#/unit/bu-grid?window=24h`);
  await head.getByTestId('type-score-STRATEGIC').waitFor();
  const api = data(await gql(rig.gatewayUrl, TYPES, { unitId: 'bu-grid', ...w }, headToken)).engagementTypes;
  expect(api.map((x) => x.type)).toEqual(['BEHAVIOURAL', 'EMOTIONAL', 'WIN_WIN', 'STRATEGIC']);
  for (const x of api) expect([x.type, await head.getByTestId(`type-score-${x.type}`).innerText()]).toEqual([x.type, x.score == null ? '—' : x.score.toFixed(1)]);
  await head.getByTestId('type-BEHAVIOURAL').click();
  const measures = head.getByTestId('type-measures-BEHAVIOURAL');
  expect(await measures.locator('[data-testid^="type-measure-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
    'type-measure-selfService',
    'type-measure-repeatFree',
    'type-measure-closedLoop',
  ]);
  await screenshot(head, 'panels-06-types');
  // Chinese names for the lens and the panels.
  await head.getByTestId('language-switch').getByRole('button', { name: '中文', exact: true }).click();
  expect(await head.getByTestId('type-BEHAVIOURAL').innerText()).toContain('行为契合');
  expect(await head.getByTestId('indicators-panel').innerText()).toContain('平均处理时长');
  await screenshot(head, 'panels-07-zh');
  await head.getByTestId('language-switch').getByRole('button', { name: 'EN', exact: true }).click();
});

it('keeps the panels inside the page at 390, 1024 and 1440 px', async () => {
  for (const width of [390, 1024, 1440]) {
    await head.setViewportSize({ width, height: 900 });
    await head.goto(`${rig.gatewayUrl}/#/unit/bu-grid?window=24h`);
    await head.getByTestId('short-board-row').first().waitFor();
    for (const id of ['indicators-panel', 'short-board-panel', 'types-panel']) {
      const box = await head.getByTestId(id).boundingBox();
      expect([width, id, box!.x + box!.width <= width + 1]).toEqual([width, id, true]);
    }
    await screenshot(head, `panels-08-width-${width}`);
  }
  await head.setViewportSize({ width: 1280, height: 800 });
});

it('colours the live tiles by the rolling overall against the target, greys them as stale while the feed is down, and recovers', async () => {
  const exec = await suite.page('exec');
  const ctx = exec.context();
  try {
    await signIn(exec, rig.gatewayUrl, 'exec', password('exec'));
    await exec.goto(`${rig.gatewayUrl}/#/live/group`);
    await exec.locator('[data-testid="connection"][data-status="live"]').waitFor({ timeout: 20_000 });
    const grid = exec.locator('[data-testid="unit-tile"][data-unit="bu-grid"]');
    await grid.getByTestId('tile-status').waitFor();
    // The tile's colour is the domain's rule on the score it shows and the target in force.
    const token = await loginToken(rig.gatewayUrl, 'exec', password('exec'));
    const target = data(await gql(rig.gatewayUrl, TARGETS, { unitId: 'bu-grid' }, token)).targets.find((x) => x.key === 'overall')!;
    expect(target).toMatchObject({ target: 70, amberBand: 5 }); // the demo file's group target, inherited
    // The snapshot the tile starts from: the API's score of the last two whole hours.
    const now = Date.now();
    const snap = data(await gql(rig.gatewayUrl, LIVE_SCORES, { unitId: 'group', from: new Date(Math.floor(now / HOUR) * HOUR - HOUR).toISOString(), to: new Date(Math.floor(now / HOUR) * HOUR + HOUR).toISOString() }, token));
    expect(snap.engagementScores.find((s) => s.unit.id === 'bu-grid')!.overall).not.toBeNull();
    const overall = Number(await grid.getByTestId('tile-overall').innerText());
    expect(await grid.getAttribute('data-status')).toBe(statusOf(overall, target.target, target.amberBand, true));
    // A unit with no touchpoints: neutral, not green or red.
    expect(await exec.locator('[data-testid="unit-tile"][data-unit="bu-rail"]').getAttribute('data-status')).toBe('NONE');
    await screenshot(exec, 'panels-09-live-status');

    await rig.stopGateway();
    await until('stale tiles', async () => ((await grid.getAttribute('data-status')) === 'STALE' ? true : undefined), 20_000);
    expect(await grid.getByTestId('tile-stale').innerText()).toMatch(/stale/i);
    expect(await grid.getByTestId('tile-overall').innerText()).toBe(overall.toFixed(1)); // the last number, kept, greyed
    await screenshot(exec, 'panels-10-live-stale');

    await rig.startGateway();
    await exec.locator('[data-testid="connection"][data-status="live"]').waitFor({ timeout: 30_000 });
    await until('fresh tiles', async () => ((await grid.getAttribute('data-status')) !== 'STALE' ? true : undefined), 20_000);
    expect(await grid.getByTestId('tile-stale').count()).toBe(0);
    const after = Number(await grid.getByTestId('tile-overall').innerText());
    expect(await grid.getAttribute('data-status')).toBe(statusOf(after, target.target, target.amberBand, true));
    await screenshot(exec, 'panels-11-live-recovered');
  } finally {
    await ctx.close();
  }
});

it("lets an agent pick a perception point of the touchpoint's need, and the gateway stores it", async () => {
  const agent = await suite.page('agent');
  const ctx = agent.context();
  try {
    await signIn(agent, rig.site.url, 'agent.grid', password('agent.grid'));
    const form = agent.getByTestId('short-flow-form');
    const picker = form.getByTestId('perception-point-picker');
    // The site's copy arrives: the picker offers the points of the need chosen (BILLING: bill clarity, waiting time…).
    await form.getByRole('radio', { name: /Billing/ }).click();
    const billing = catalogue.filter((p) => p.needCategories.includes('BILLING'));
    await until('the catalogue copy at the site', async () => ((await picker.locator('option').count()) === billing.length + 1 ? true : undefined), 30_000);
    expect(await picker.locator('option').evaluateAll((els) => els.map((e) => e.getAttribute('value')))).toEqual(['', ...billing.map((p) => p.code)]);
    const chosen = billing[billing.length - 1].code;
    await picker.selectOption(chosen);
    // Another need drops a point that is not of it.
    await form.getByRole('radio', { name: /Fault/ }).click();
    expect(await picker.inputValue()).toBe(billing.some((p) => p.code === chosen && p.needCategories.includes('FAULT')) ? chosen : '');
    await form.getByRole('radio', { name: /Billing/ }).click();
    await picker.selectOption(chosen);
    const customer = `panels-agent-${Date.now()}`;
    await form.locator('#f-customerId').fill(customer);
    await form.locator('#f-action').fill('explained the bill');
    await screenshot(agent, 'panels-12-agent-picker');
    await form.locator('#f-action').press('Enter');
    await form.getByTestId('logged').waitFor();
    const w = day();
    const stored = await until(
      'the touchpoint at the gateway',
      async () => {
        const r = await gql(rig.gatewayUrl, BY_CUSTOMER, { ...w, c: customer }, headToken);
        return r.data?.touchpoints.totalCount === 1 ? r.data.touchpoints.edges[0].node : undefined;
      },
      30_000,
    );
    expect(stored).toEqual({ perceptionPoint: chosen, needCategory: 'BILLING' });
  } finally {
    await ctx.close();
  }
});

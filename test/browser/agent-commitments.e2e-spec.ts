import type { Page } from 'playwright-core';
import { graphql } from '../__generated__/gateway';
import { screenshot, signIn } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { demoSeed, gql, loginToken } from './support/console-rig';

// The agent console's service commitments and follow-ups in a real headless
// Chromium, against the built gateway (demo organisation and catalogue) and a
// site on real PostgreSQL: an agent promises a repair, sees the steps other
// units own, marks one done and the gateway has it; a low rating opens a
// follow-up that the agent sees, still sees (marked stale) while the gateway is
// down, closes with an outcome then, and the close reaches the gateway later.

const seed = demoSeed();
const SITE = seed.sites.find((s) => s.id === 'site-grid')!;
const password = (username: string): string => seed.users.find((u) => u.username === username)!.password;

const PROMISES = graphql(`
  query AgentBrowserPromises($from: DateTime!, $to: DateTime!) {
    commitments(unitId: "bu-grid", from: $from, to: $to, level: 1, first: 50) {
      edges { node { touchpointId code customerId completedAt steps { code completedAt } } }
    }
  }
`);
const GRID_FOLLOW_UPS = graphql(`
  query AgentBrowserFollowUps {
    followUps(unitId: "bu-grid", first: 100) { edges { node { id customerId state outcome } } }
  }
`);

const suite = browserSuite(SITE);
const rig = suite.rig;
let agent: Page;
let exec: string;

beforeAll(async () => {
  agent = await suite.page('agent');
  exec = await loginToken(rig.gatewayUrl, 'exec', password('exec'));
}, 120_000);

const HOUR = 3_600_000;
/** The hour before this one to the next: windows are whole UTC hours. */
const window = () => {
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  return { from: new Date(hour - HOUR).toISOString(), to: new Date(hour + 2 * HOUR).toISOString() };
};
const myItem = (customerId: string) => agent.getByTestId('my-touchpoint').filter({ hasText: customerId });
const node = (customerId: string, code: string) => myItem(customerId).locator(`[data-testid="commitment-node"][data-code="${code}"]`);

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

it('an agent promises a repair, sees the steps other units own, marks one done, and the gateway has it', async () => {
  await signIn(agent, rig.site.url, 'agent.grid', password('agent.grid'));
  await agent.getByTestId('agent-view').waitFor();
  // The form offers the catalogue's promises once the site has its copy.
  await agent.locator('#commitment-codes option[value="REPAIR_48H"]').waitFor({ state: 'attached', timeout: 30_000 });

  const form = agent.getByTestId('short-flow-form');
  await form.locator('#f-customerId').fill('cust-promise-1');
  await form.locator('#f-action').fill('engineer booked');
  await form.locator('#f-commitmentCode').fill('REPAIR_48H');
  await form.locator('#f-action').press('Enter');

  const steps = myItem('cust-promise-1').getByTestId('commitment-steps');
  await steps.waitFor({ timeout: 15_000 });
  const codes = await steps.getByTestId('commitment-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  // Depth first: the promise, then each step with its own steps right below it.
  expect(codes).toEqual(['REPAIR_48H', 'REPAIR_ONSITE_36H', 'REPAIR_SPARES_24H', 'REPAIR_SPARES_PICK_8H', 'REPAIR_TRIAGE_2H']);
  expect(await steps.getByTestId('node-state').allInnerTexts()).toEqual(['open', 'open', 'open', 'open', 'open']);
  await expect(node('cust-promise-1', 'REPAIR_TRIAGE_2H').innerText()).resolves.toContain('prj-tel-datacenter'); // owned by another business unit

  await node('cust-promise-1', 'REPAIR_TRIAGE_2H').getByTestId('complete-step').click();
  await agent.locator('[data-testid="commitment-node"][data-code="REPAIR_TRIAGE_2H"][data-state="MET"]').waitFor({ timeout: 10_000 });
  await screenshot(agent, 'agent-commitment-steps');

  const promise = await until('the step completed at the gateway', async () => {
    const r = await gql(rig.gatewayUrl, PROMISES, window(), exec);
    const p = r.data?.commitments.edges.map((e) => e.node).find((n) => n.customerId === 'cust-promise-1');
    return p && p.steps.some((s) => s.code === 'REPAIR_TRIAGE_2H' && s.completedAt) ? p : undefined;
  });
  expect(promise.completedAt).toBeNull();
  expect(promise.steps.filter((s) => s.completedAt).map((s) => s.code)).toEqual(['REPAIR_TRIAGE_2H']);
  // Forwarded: the event's pending mark is gone from the step.
  await node('cust-promise-1', 'REPAIR_TRIAGE_2H').getByTestId('event-state').waitFor({ state: 'detached', timeout: 15_000 });
}, 120_000);

it("shows the unit's follow-ups, still (marked stale) while the gateway is down, and a close made then reaches the gateway later", async () => {
  // A rating of 1 at capture: the gateway opens a LOW_SATISFACTION follow-up for bu-grid.
  const form = agent.getByTestId('short-flow-form');
  await form.locator('#f-customerId').fill('cust-unhappy-7');
  await form.locator('#f-action').fill('explained the outage');
  await form.locator('#f-score').fill('1');
  await form.locator('#f-action').press('Enter');

  const item = agent.getByTestId('follow-up').filter({ hasText: 'cust-unhappy-7' });
  await item.waitFor({ timeout: 30_000 });
  await expect(item.innerText()).resolves.toContain('Low rating');
  expect(await agent.getByTestId('follow-ups-stale').count()).toBe(0);
  await screenshot(agent, 'agent-follow-ups');

  await rig.stopGateway();
  const stale = agent.getByTestId('follow-ups-stale');
  await stale.waitFor({ timeout: 30_000 });
  await expect(stale.innerText()).resolves.toMatch(/showing the copy from \d{2}:\d{2}:\d{2}/);
  expect(await item.count()).toBe(1); // still listed from the copy

  await item.getByTestId('close-follow-up').click();
  await item.getByTestId('close-submit').click();
  await expect(item.getByTestId('close-error').innerText()).resolves.toContain('Outcome');
  await item.getByTestId('close-outcome').fill('Called back, apologised; credit note agreed');
  await item.getByTestId('close-submit').click();
  await agent.locator('[data-testid="follow-up"][data-close-state="PENDING"]').filter({ hasText: 'cust-unhappy-7' }).waitFor({ timeout: 10_000 });
  await expect(item.getByTestId('follow-up-closed').innerText()).resolves.toContain('saved here');
  await screenshot(agent, 'agent-follow-up-closed-offline');

  await agent.getByTestId('language-switch').getByRole('button', { name: '中文' }).click();
  await agent.getByText('本单位待跟进事项').waitFor();
  await expect(agent.getByTestId('follow-ups-stale').innerText()).resolves.toContain('网关暂不可用');
  await screenshot(agent, 'agent-follow-ups-zh');
  await agent.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();

  await rig.startGateway();
  const closed = await until('the close at the gateway', async () => {
    const r = await gql(rig.gatewayUrl, GRID_FOLLOW_UPS, {}, exec).catch(() => undefined);
    const f = r?.data?.followUps.edges.map((e) => e.node).find((n) => n.customerId === 'cust-unhappy-7');
    return f?.state === 'DONE' ? f : undefined;
  }, 60_000);
  expect(closed.outcome).toBe('Called back, apologised; credit note agreed');
  // Back in sync: no longer stale, and the closed follow-up leaves the list.
  await stale.waitFor({ state: 'detached', timeout: 30_000 });
  await item.waitFor({ state: 'detached', timeout: 30_000 });
  await screenshot(agent, 'agent-follow-ups-synced');
}, 180_000);

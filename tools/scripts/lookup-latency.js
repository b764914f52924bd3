// Times the agent console's customer lookup the way an agent sees it: from the
// customer field's input event to the animation frame after the lookup card shows
// its summary (the 300 ms debounce included), in Chromium, against a running site.
// usage (with `npm run demo` running; site-grid is the demo's port + 2):
//   node tools/scripts/lookup-latency.js [--url http://127.0.0.1:3002] [--user agent.grid]
//        [--password demo-agent-grid-2026] [--rounds 5] [--ids c1,c2,…]
// Without --ids it looks up the customers of the follow-ups the console lists.
// Prints every time and the median, p90 and max; also what the test driver saw.
const { parseArgs } = require('node:util');
const { chromium } = require('playwright-core');

const { values: o } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3002' },
    user: { type: 'string', default: 'agent.grid' },
    password: { type: 'string', default: 'demo-agent-grid-2026' },
    rounds: { type: 'string', default: '5' },
    ids: { type: 'string' },
    chromium: { type: 'string', default: process.env.QIHE_CHROMIUM || '/usr/bin/chromium' },
  },
});

// Evaluated in the page: resolves with the ms from the field's next input event to the frame after the card of `id` shows.
const keystrokeToCard = (id) => `new Promise((resolve, reject) => {
  const sel = '[data-testid="customer-lookup"][data-customer=${JSON.stringify(id)}] [data-testid="customer-summary"], [data-testid="customer-lookup"][data-customer=${JSON.stringify(id)}] [data-testid="customer-none"]';
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

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function main() {
  const browser = await chromium.launch({ executablePath: o.chromium, args: ['--no-sandbox'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })).newPage();
    await page.goto(o.url);
    await page.getByTestId('login-username').fill(o.user);
    await page.getByTestId('login-password').fill(o.password);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('short-flow-form').waitFor({ timeout: 15_000 });
    let ids = o.ids ? o.ids.split(',').filter(Boolean) : [];
    if (ids.length === 0) {
      await page.getByTestId('follow-up').first().waitFor({ timeout: 30_000 });
      ids = [...new Set(await page.locator('[data-testid="follow-up"] .customer').allInnerTexts())].slice(0, 10);
    }
    const field = page.locator('#f-customerId');
    const inPage = [];
    const driven = [];
    for (let round = 0; round < Number(o.rounds); round += 1) {
      for (const id of ids) {
        await field.fill('');
        await page.waitForTimeout(400); // the empty field settles: the card goes
        const shown = page.evaluate(keystrokeToCard(id));
        const t0 = Date.now();
        await field.fill(id);
        const ms = await shown;
        await page.locator(`[data-testid="customer-lookup"][data-customer="${id}"]`).waitFor();
        driven.push(Date.now() - t0);
        inPage.push(Math.round(ms));
      }
    }
    const line = (name, xs) => `${name}: median ${pct(xs, 50)} ms, p90 ${pct(xs, 90)} ms, max ${Math.max(...xs)} ms (n=${xs.length})`;
    console.log(`customers: ${ids.join(', ')}`);
    console.log(`in the page (input event → card painted): ${inPage.join(', ')}`);
    console.log(line('keystroke to card, in the page', inPage));
    console.log(line('keystroke to card, as the test driver saw it', driven));
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

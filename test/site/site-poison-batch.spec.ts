import { Client } from 'pg';
import { agentFlow, DEAD_LETTERS, LOG_MANY, LOG_ONE, SwitchableGateway, TestSite, waitFor, type LocalTouchpoint } from './support/site-harness';

// A poison item — one the gateway's database refuses, sinking the whole call —
// must not block a site: the forwarder isolates it by halving, dead-letters it
// with the gateway's answer and forwards everything else. A gateway whose own
// database is down is not a poison item: then nothing is dead-lettered.
// Real gateway, real site, real PostgreSQL.

jest.setTimeout(90_000);


let gw: SwitchableGateway;
let site: TestSite;
let agent: string;

beforeAll(async () => {
  gw = await SwitchableGateway.create();
  await gw.up();
  site = await TestSite.start(gw.url);
  agent = await site.login('agent.a1', 'agent-a1-password');
});

afterAll(async () => {
  await site?.destroy();
  await gw?.destroy();
});

const letters = async () => (await site.gql(DEAD_LETTERS, {}, agent)).data!.deadLetters;
const settled = (): Promise<{ backlog: number; deadLetters: number; forwarded: number }> =>
  waitFor('the outbox to be settled', async () => {
    const s = await site.status(agent);
    return s.backlog === 0 && s;
  });
const storedAtGateway = async (ids: string[]): Promise<string[]> =>
  (await gw.sql<{ id: string }>(`SELECT id::text FROM touchpoint WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])).map((r) => r.id);

it('dead-letters the one item the gateway database refuses (a whole-call INTERNAL_SERVER_ERROR) and forwards the rest', async () => {
  const before = await site.status(agent);
  // A gateway build whose database refuses one item: a CHECK constraint fails the whole transaction.
  await gw.sql(`ALTER TABLE touchpoint ADD CONSTRAINT poison_for_test CHECK (customer_id <> 'poison') NOT VALID`);
  try {
    const input = ['a', 'b', 'c', 'poison', 'd', 'e', 'f'].map((customerId) => agentFlow({ customerId }));
    const logged = (await site.gql<{ logTouchpoints: LocalTouchpoint[] }>(LOG_MANY, { input }, agent)).data!.logTouchpoints;
    const status = await settled();
    expect(status.forwarded - before.forwarded).toBe(6);
    expect(status.deadLetters - before.deadLetters).toBe(1);
    const [letter] = (await letters()).filter((l) => JSON.parse(l.payload).customerId === 'poison');
    expect(letter).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: expect.stringContaining('poison_for_test') });
    const good = logged.filter((t) => t.customerId !== 'poison').map((t) => t.id);
    expect(await storedAtGateway(logged.map((t) => t.id))).toEqual(good.sort());

    // Work logged behind it flows as usual.
    const next = (await site.gql<{ logTouchpoint: LocalTouchpoint }>(LOG_ONE, { input: agentFlow({ customerId: 'after' }) }, agent)).data!.logTouchpoint;
    await waitFor('the next touchpoint to be forwarded', async () => (await storedAtGateway([next.id])).length === 1);
  } finally {
    await gw.sql(`ALTER TABLE touchpoint DROP CONSTRAINT poison_for_test`);
  }
});

it('dead-letters a year-0 date an older site let into its outbox, as INVALID naming the field', async () => {
  const before = await site.status(agent);
  await gw.down();
  const logged = (await site.gql<{ logTouchpoints: LocalTouchpoint[] }>(LOG_MANY, { input: ['g', 'old', 'h'].map((customerId) => agentFlow({ customerId })) }, agent)).data!
    .logTouchpoints;
  const old = logged.find((t) => t.customerId === 'old')!;
  await site.sql(`UPDATE site_touchpoint SET payload = jsonb_set(payload, '{occurredAt}', '"0000-06-01T00:00:00Z"') WHERE id = $1`, [old.id]);
  await gw.up();
  const status = await settled();
  expect(status.forwarded - before.forwarded).toBe(2);
  expect(status.deadLetters - before.deadLetters).toBe(1);
  const [letter] = (await letters()).filter((l) => JSON.parse(l.payload).customerId === 'old');
  expect(letter).toMatchObject({ code: 'INVALID', message: expect.stringContaining('occurredAt') });
});

it('dead-letters nothing while the gateway database is down, and forwards everything once it is back', async () => {
  const before = await site.status(agent);
  const dbName = new URL(gw.databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: gw.databaseUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    // The gateway stays up and answers INTERNAL_SERVER_ERROR (and /health 503): it is the gateway, not the items.
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
    const input = ['i', 'j', 'k', 'l'].map((customerId) => agentFlow({ customerId }));
    const logged = (await site.gql<{ logTouchpoints: LocalTouchpoint[] }>(LOG_MANY, { input }, agent)).data!.logTouchpoints;
    await waitFor('the site to see the gateway fail', async () => ((await site.status(agent)).lastError ?? '').includes('INTERNAL_SERVER_ERROR') || undefined);
    await new Promise((r) => setTimeout(r, 1500)); // several retries, with backoff
    expect(await site.status(agent)).toMatchObject({ backlog: 4, deadLetters: before.deadLetters });
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
    const status = await settled();
    expect(status.forwarded - before.forwarded).toBe(4);
    expect(status.deadLetters).toBe(before.deadLetters);
    expect(await storedAtGateway(logged.map((t) => t.id))).toHaveLength(4);
  } finally {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
    await admin.end();
  }
});

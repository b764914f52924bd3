import { newId } from '@qihe/contracts';
import { graphql } from '../__generated__/gateway';
import { siteGraphql } from '../__generated__/site';
import { TEST_ORG } from '../support/gateway-app';
import { agentFlow, DEAD_LETTERS, LOG_ONE, SITE_A, SwitchableGateway, TestSite, waitFor, type Gql } from './support/site-harness';

// Commitment events at a site against the real gateway and PostgreSQL: an
// agent completes a step, the site keeps the event in its outbox and forwards
// it behind its touchpoint, once, across a gateway outage and restarts; a
// poison event is isolated and dead-lettered while the others go through.

jest.setTimeout(120_000);

// DELIVERY (2 days) ← DISPATCH (1 day, owned by bu-b) ← PACK (12 h, owned by prj-b1): long targets, nothing breaks during the test.
export const SITE_CATALOGUE = [
  { code: 'DELIVERY', name: 'Delivered within 2 days', level: 1, targetMinutes: 2880, warnAtPercent: 80 },
  { code: 'DISPATCH', name: 'Dispatched within 1 day', level: 2, parentCode: 'DELIVERY', targetMinutes: 1440, warnAtPercent: 80, ownerUnitId: 'bu-b' },
  { code: 'PACK', name: 'Packed within 12 h', level: 3, parentCode: 'DISPATCH', targetMinutes: 720, warnAtPercent: 80, ownerUnitId: 'prj-b1' },
  { code: 'CALLBACK', name: 'Called back within 2 h', level: 1, targetMinutes: 120, warnAtPercent: 75 },
];

export const EVENT_FIELDS = siteGraphql(`
  fragment EventFields on LocalCommitmentEvent { id touchpointId code completedAt agentId acceptedAt state forwardedAt error }
`);
export const RECORD_EVENT = siteGraphql(`mutation SiteRecordEvent($input: SiteCommitmentEventInput!) { recordCommitmentEvent(input: $input) { ...EventFields } }`);
export const RECORD_EVENTS = siteGraphql(`mutation SiteRecordEvents($input: [SiteCommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { ...EventFields } }`);
export const TOUCHPOINT_COMMITMENT = siteGraphql(`
  query SiteTouchpointCommitment($id: ID!) {
    touchpoint(id: $id) {
      id state
      commitment { code name startedAt nodes { code level parentCode ownerUnitId dueAt completedAt state completedBy { id state } } }
    }
  }
`);
export const SITE_CATALOGUE_QUERY = siteGraphql(`query SiteCatalogue { commitmentCatalogue { code level parentCode targetMinutes ownerUnitId } }`);

const RESEND = graphql(`mutation SiteTestResendEvents($i: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $i) { accepted duplicates } }`);

/** A short flow that promises `code` (met: false = not yet). */
export const promising = (code: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  agentFlow({ need: { category: 'PURCHASE' }, service: { action: 'order taken', handleSeconds: 120, resolved: true, firstContact: true, commitment: { code, met: false } }, ...extra });

let gw: SwitchableGateway;
let site: TestSite;
let agent: string;

beforeAll(async () => {
  gw = await SwitchableGateway.create({ ...TEST_ORG, commitments: SITE_CATALOGUE });
  await gw.up();
  site = await TestSite.start(gw.url);
  agent = await site.login('agent.a1', 'agent-a1-password');
  await waitFor('the catalogue copy', async () => ((await site.gql(SITE_CATALOGUE_QUERY, {}, agent)).data?.commitmentCatalogue.length ?? 0) === 4);
});

afterAll(async () => {
  await site?.destroy();
  await gw?.destroy();
});

const ok = <T>(res: Gql<T>): T => {
  if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
};
const logTouchpoint = async (input: Record<string, unknown>): Promise<string> => ok(await site.gql(LOG_ONE, { input }, agent)).logTouchpoint.id;
const settled = (): Promise<unknown> => waitFor('the outbox to drain', async () => (await site.status(agent)).backlog === 0, 30_000);
const gatewayEvents = (ids: string[]): Promise<{ id: string; code: string; completed_at: Date }[]> =>
  gw.sql(`SELECT id::text, code, completed_at FROM commitment_event WHERE id = ANY($1::uuid[]) ORDER BY code`, [ids]);
const gatewayNodes = (touchpointId: string): Promise<{ code: string; completed_at: Date | null }[]> =>
  gw.sql(`SELECT code, completed_at FROM commitment_node WHERE touchpoint_id = $1 ORDER BY level`, [touchpointId]);
const siteEvent = async (id: string): Promise<{ state: string; attempts: number; error: string | null }> =>
  (await site.sql<{ state: string; attempts: number; error: string | null }>(`SELECT state, attempts, error FROM site_commitment_event WHERE id = $1`, [id]))[0];

it('keeps a step completed while the gateway is down and forwards it once, after the touchpoint, across restarts', async () => {
  await gw.down();
  const tp = await logTouchpoint(promising('DELIVERY'));
  const dispatchedAt = new Date(Date.now() + 1000).toISOString();
  const event = { id: newId(), touchpointId: tp, code: 'DISPATCH', completedAt: dispatchedAt };
  const recorded = ok(await site.gql(RECORD_EVENT, { input: event }, agent)).recordCommitmentEvent;
  expect(recorded).toMatchObject({ id: event.id, code: 'DISPATCH', agentId: 'agent.a1', state: 'PENDING', completedAt: dispatchedAt });

  // The tree as the site knows it: DISPATCH and PACK below it completed by the event, DELIVERY still open.
  const local = ok(await site.gql(TOUCHPOINT_COMMITMENT, { id: tp }, agent)).touchpoint!.commitment!;
  expect(local.nodes.map((n) => [n.code, n.state, n.completedBy?.id ?? null])).toEqual([
    ['DELIVERY', 'OPEN', null],
    ['DISPATCH', 'MET', event.id],
    ['PACK', 'MET', event.id],
  ]);
  expect(local.nodes.map((n) => n.ownerUnitId)).toEqual(['prj-a1', 'bu-b', 'prj-b1']);
  // The same event again is the same event; other content under its id is refused, naming the field.
  expect(ok(await site.gql(RECORD_EVENT, { input: event }, agent)).recordCommitmentEvent.acceptedAt).toBe(recorded.acceptedAt);
  const other = await site.gql(RECORD_EVENT, { input: { ...event, code: 'PACK' } }, agent);
  expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  expect((await site.status(agent)).backlog).toBe(2); // the touchpoint and the event

  await gw.up();
  await settled();
  expect(await gatewayEvents([event.id])).toEqual([{ id: event.id, code: 'DISPATCH', completed_at: new Date(dispatchedAt) }]);
  expect(await gatewayNodes(tp)).toEqual([
    { code: 'DELIVERY', completed_at: null },
    { code: 'DISPATCH', completed_at: new Date(dispatchedAt) },
    { code: 'PACK', completed_at: new Date(dispatchedAt) },
  ]);
  // Sent behind its touchpoint: the gateway never answered NOT_FOUND for it.
  expect(await siteEvent(event.id)).toEqual({ state: 'FORWARDED', attempts: 0, error: null });

  // The promise itself, completed while the gateway is down, survives a restart of both.
  await gw.down();
  const delivered = { id: newId(), touchpointId: tp, code: 'DELIVERY', completedAt: new Date().toISOString() };
  ok(await site.gql(RECORD_EVENT, { input: delivered }, agent));
  await site.restart();
  await gw.up();
  await settled();
  expect(await gatewayEvents([event.id, delivered.id])).toHaveLength(2);
  expect((await gatewayNodes(tp))[0].completed_at).toEqual(new Date(delivered.completedAt));
  // Resent by hand (a lost answer): a duplicate, stored once.
  const again = await gw.gql(RESEND, { i: [delivered] }, SITE_A.key);
  expect(again.data).toEqual({ recordCommitmentEvents: { accepted: 0, duplicates: 1 } });
  expect(await gw.sql(`SELECT count(*)::int AS n FROM commitment_event WHERE touchpoint_id = $1`, [tp])).toEqual([{ n: 2 }]);
});

it('never sends an event ahead of its touchpoint, even when the touchpoint goes in a later batch', async () => {
  // One touchpoint a call: the promise's touchpoint is still waiting behind others when the first call succeeds.
  const slow = await TestSite.start(gw.url, { SITE_BATCH_SIZE: '1' });
  try {
    const token = await slow.login('agent.a1', 'agent-a1-password');
    await waitFor('the catalogue copy', async () => ((await slow.gql(SITE_CATALOGUE_QUERY, {}, token)).data?.commitmentCatalogue.length ?? 0) === 4);
    await gw.down();
    for (let i = 0; i < 5; i++) ok(await slow.gql(LOG_ONE, { input: agentFlow({ customerId: `before-${i}` }) }, token));
    const tp = ok(await slow.gql(LOG_ONE, { input: promising('CALLBACK') }, token)).logTouchpoint.id;
    const event = ok(await slow.gql(RECORD_EVENT, { input: { id: newId(), touchpointId: tp, code: 'CALLBACK' } }, token)).recordCommitmentEvent;
    await gw.up();
    await waitFor('the outbox to drain', async () => (await slow.status(token)).backlog === 0, 30_000);
    // Had it gone ahead, the gateway would have answered NOT_FOUND (no tree yet) and the site would have counted a try.
    const [row] = await slow.sql<{ state: string; attempts: number }>(`SELECT state, attempts FROM site_commitment_event WHERE id = $1`, [event.id]);
    expect(row).toEqual({ state: 'FORWARDED', attempts: 0 });
    expect((await gatewayNodes(tp))[0].completed_at).not.toBeNull();
  } finally {
    await slow.destroy();
  }
});

it('dead-letters a poison event and a conflicting one, and forwards the others in the same batch', async () => {
  const before = await site.status(agent);
  const tps = [await logTouchpoint(promising('DELIVERY')), await logTouchpoint(promising('DELIVERY')), await logTouchpoint(promising('DELIVERY'))];
  await settled();
  // Completed at the gateway at another time (by the owner unit, say): the site's event will conflict.
  const elsewhere = await gw.gql(RESEND, { i: [{ id: newId(), touchpointId: tps[2], code: 'DISPATCH', completedAt: new Date().toISOString() }] }, SITE_A.key);
  expect(elsewhere.data).toEqual({ recordCommitmentEvents: { accepted: 1, duplicates: 0 } });
  await new Promise((r) => setTimeout(r, 10)); // the site's completion comes later: another time
  // A gateway build whose database refuses one event: a CHECK constraint fails the whole call.
  await gw.sql(`ALTER TABLE commitment_event ADD CONSTRAINT poison_for_test CHECK (code <> 'PACK') NOT VALID`);
  try {
    await gw.down(); // so that all of them go in one call
    const input = [
      { id: newId(), touchpointId: tps[0], code: 'DISPATCH' },
      { id: newId(), touchpointId: tps[1], code: 'PACK' },
      { id: newId(), touchpointId: tps[0], code: 'DELIVERY' },
      { id: newId(), touchpointId: tps[2], code: 'DISPATCH' },
    ];
    const events = ok(await site.gql(RECORD_EVENTS, { input }, agent)).recordCommitmentEvents;
    expect(events.map((e) => e.state)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
    await gw.up();
    await settled();
    const status = await site.status(agent);
    expect(status.deadLetters - before.deadLetters).toBe(2);
    expect(await gatewayEvents(events.map((e) => e.id))).toEqual([
      expect.objectContaining({ id: events[2].id, code: 'DELIVERY' }),
      expect.objectContaining({ id: events[0].id, code: 'DISPATCH' }),
    ]);
    const letters = ok(await site.gql(DEAD_LETTERS, {}, agent)).deadLetters.filter((l) => l.kind === 'COMMITMENT_EVENT');
    expect(letters.map((l) => [l.touchpointId, l.code]).sort()).toEqual(
      [
        [tps[1], 'INTERNAL_SERVER_ERROR'],
        [tps[2], 'CONFLICT'],
      ].sort(),
    );
    expect(JSON.parse(letters.find((l) => l.code === 'INTERNAL_SERVER_ERROR')!.payload)).toMatchObject({ id: events[1].id, code: 'PACK' });
    expect((await siteEvent(events[3].id)).error).toMatch(/^CONFLICT: completedAt/);
    // The console sees why: the dead event no longer completes the local tree.
    const local = ok(await site.gql(TOUCHPOINT_COMMITMENT, { id: tps[1] }, agent)).touchpoint!.commitment!;
    expect(local.nodes.find((n) => n.code === 'PACK')).toMatchObject({ completedAt: null, completedBy: null });
  } finally {
    await gw.sql(`ALTER TABLE commitment_event DROP CONSTRAINT poison_for_test`);
  }
});

describe('refusals, each naming its field', () => {
  let tracked: string;
  let plain: string;
  beforeAll(async () => {
    tracked = await logTouchpoint(promising('DELIVERY'));
    plain = await logTouchpoint(agentFlow());
  });
  const attempt = (input: Record<string, unknown>, token = agent) => site.gql(RECORD_EVENT, { input: { id: newId(), touchpointId: tracked, code: 'DISPATCH', ...input } }, token);

  it.each([
    ['an id that is not a UUID', { id: 'abc' }, 'BAD_USER_INPUT', 'id'],
    ['a code outside the tree', { code: 'CALLBACK' }, 'BAD_USER_INPUT', 'code'],
    ['an empty code', { code: '' }, 'BAD_USER_INPUT', 'code'],
    ['a completion far in the future', { completedAt: '2099-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'completedAt'],
    ['a completion before the promise started', { completedAt: '2020-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'completedAt'],
  ])('refuses %s', async (_, change, code, field) => {
    const res = await attempt(change);
    expect(res.errors?.[0].extensions).toMatchObject({ code, field });
    expect(res.errors?.[0].message).toContain(field);
  });

  it('refuses unknown touchpoints, touchpoints without a tracked promise, strangers and other agents', async () => {
    const unknown = await attempt({ touchpointId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringContaining('touchpointId') });
    expect((await attempt({ touchpointId: plain })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'touchpointId' });
    expect((await attempt({}, '')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const head = await site.login('head.a', 'head-a-password');
    const theirs = ok(await site.gql(LOG_ONE, { input: promising('DELIVERY') }, head)).logTouchpoint.id;
    expect((await attempt({ touchpointId: theirs })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A unit head of the site may complete an agent's step.
    expect((await site.gql(RECORD_EVENT, { input: { id: newId(), touchpointId: tracked, code: 'PACK' } }, head)).errors).toBeUndefined();
    // Completed once (PACK, above): at another time it conflicts, as at the gateway.
    const again = await attempt({ code: 'PACK', completedAt: new Date(Date.now() + 60_000).toISOString() });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('takes a list all or nothing, naming the index of the bad event', async () => {
    const good = { id: newId(), touchpointId: tracked, code: 'DELIVERY' };
    const res = await site.gql(RECORD_EVENTS, { input: [good, { id: newId(), touchpointId: tracked, code: 'NOPE' }] }, agent);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input[1].code' });
    expect(await site.sql(`SELECT id FROM site_commitment_event WHERE id = $1`, [good.id])).toEqual([]);
    expect((await site.gql(RECORD_EVENTS, { input: [] }, agent)).errors?.[0].extensions?.field).toBe('input');
  });
});

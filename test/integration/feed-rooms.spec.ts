import type { Namespace } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { FeedPublisher } from '../../apps/gateway/src/feed/feed-publisher.service';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { RECORD, touchpoint } from '../support/touchpoint-factory';
import { LOGIN } from '../support/documents';

// A single gateway (no Redis) knows every subscriber: a touchpoint whose
// lineage has no subscribed room is not encoded at all, and one that has is
// still delivered. (With Redis other replicas may have subscribers: the
// replicas spec covers that an event committed where nobody listens still
// reaches a client of another replica.) Also what the feed's socket.io
// settings change: handlers without an ack, the message size limit.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const SITE_B = TEST_ORG.sites.find((s) => s.id === 'site-b')!.key;
let gw: TestGateway;
let ns: Namespace;
let encodedTouchpoints = 0;
let encodedAlerts = 0;
const sockets: Socket[] = [];

async function connect(): Promise<Socket> {
  const r = await gw.gql(LOGIN, { u: 'exec', p: 'exec-password' });
  const s = io(`${gw.url}/feed`, { auth: { token: r.data!.login.token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((res, rej) => s.once('connect', () => res()).once('connect_error', rej));
  return s;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));
const unitRooms = (): string[] => [...ns.adapter.rooms.keys()].filter((r) => /^(touchpoints|scores):/.test(r));

async function record(site: string, items: Record<string, unknown>[]): Promise<void> {
  const r = await gw.gql<{ recordTouchpoints: { accepted: number } }>(RECORD, { input: items }, site);
  expect(r.data?.recordTouchpoints.accepted).toBe(items.length);
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  ns = gw.app.get(FeedPublisher)['ns'] as unknown as Namespace;
  // The one encoder of the server: broadcasts and single-socket packets all go through it.
  const encoder = ns.server.encoder;
  const encode = encoder.encode.bind(encoder);
  jest.spyOn(encoder, 'encode').mockImplementation((packet) => {
    const event = (packet.data as unknown[] | undefined)?.[0];
    if (event === 'touchpoint') encodedTouchpoints++;
    if (event === 'alert') encodedAlerts++;
    return encode(packet);
  });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await gw.close();
});
beforeEach(() => {
  encodedTouchpoints = 0;
  encodedAlerts = 0;
});

it('encodes nothing while nobody is subscribed', async () => {
  expect(unitRooms()).toEqual([]);
  const broken = touchpoint({ service: { action: 'visit', handleSeconds: 600, resolved: false, firstContact: false, commitment: { code: 'REPAIR_48H', met: false } } });
  await record(SITE_A, [touchpoint(), broken]);
  await settle();
  expect(encodedTouchpoints).toBe(0);
  expect(encodedAlerts).toBe(0);
});

it('delivers to a subscriber and encodes only the touchpoints of its subtree', async () => {
  const s = await connect();
  expect(await s.timeout(5000).emitWithAck('subscribe', { unitId: 'bu-a' })).toEqual({ ok: true });
  const seen: string[] = [];
  const alerts: string[] = [];
  s.on('touchpoint', (e: { id: string }) => seen.push(e.id));
  s.on('alert', (a: { touchpointId?: string }) => a.touchpointId && alerts.push(a.touchpointId));
  const elsewhere = touchpoint({ unitId: 'prj-b1', service: { action: 'visit', handleSeconds: 600, resolved: false, firstContact: false, commitment: { code: 'REPAIR_48H', met: false } } });
  const mine = touchpoint({ unitId: 'prj-a2', service: { action: 'visit', handleSeconds: 600, resolved: false, firstContact: false, commitment: { code: 'REPAIR_48H', met: false } } });
  await record(SITE_B, [elsewhere]);
  await record(SITE_A, [mine]);
  await until(() => seen.length >= 1 && alerts.length >= 1);
  await settle();
  expect(seen).toEqual([mine.id]);
  expect(alerts).toEqual([mine.id]);
  expect(encodedTouchpoints).toBe(1);
  expect(encodedAlerts).toBe(1);

  // After the last subscriber leaves, nothing is encoded again.
  expect(await s.timeout(5000).emitWithAck('unsubscribe', { unitId: 'bu-a' })).toEqual({ ok: true });
  expect(unitRooms()).toEqual([]);
  await record(SITE_A, [touchpoint()]);
  await settle();
  expect(encodedTouchpoints).toBe(1);
  expect(seen).toEqual([mine.id]);
});

it('handles a subscribe sent without an acknowledgement callback', async () => {
  const s = await connect();
  const seen: string[] = [];
  s.on('touchpoint', (e: { id: string }) => seen.push(e.id));
  s.emit('subscribe', { unitId: 'prj-a1' });
  await until(() => unitRooms().includes('touchpoints:prj-a1'));
  const tp = touchpoint();
  await record(SITE_A, [tp]);
  await until(() => seen.length >= 1);
  expect(seen).toEqual([tp.id]);
});

it('closes a connection that sends a message over 16 KiB (clients only send small subscribe messages)', async () => {
  const s = await connect();
  const closed = new Promise<string>((res) => {
    s.once('disconnect', (reason) => res(reason));
    setTimeout(() => res('still connected'), 3000);
  });
  s.emit('subscribe', { unitId: 'x'.repeat(20_000) });
  expect(await closed).toBe('transport close');
  const ok = await connect();
  expect(await ok.timeout(5000).emitWithAck('subscribe', { unitId: 'prj-a1' })).toEqual({ ok: true });
});

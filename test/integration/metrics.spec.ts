import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { Metrics } from '@qihe/server';
import { graphql } from '../__generated__/gateway';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { grew, scrape, type Scrape } from '../support/prometheus';
import { hourWindow, RATE, RECORD, SCORE, touchpoint } from '../support/touchpoint-factory';

// The gateway's /metrics, scraped after real traffic: never open to the API's
// callers without the scrape token, and every number moves by what was done.

const TOKEN = 'scrape-token-0123456789abcdefghij';
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const RATE_MANY = graphql(`mutation MetricsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }`);
const LOGIN = graphql(`mutation MetricsLogin { login(username: "exec", password: "exec-password") { token } }`);
let gw: TestGateway;
let metricsUrl: string;
let socket: Socket | undefined;

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG, { QIHE_METRICS_TOKEN: TOKEN, QIHE_METRICS_PORT: '0' });
  metricsUrl = `http://127.0.0.1:${gw.app.get(Metrics).port}/metrics`;
});
afterAll(async () => {
  socket?.disconnect();
  await gw.close();
});

it('serves /metrics on the main port only with the scrape token, and on its own port', async () => {
  expect((await fetch(`${gw.url}/metrics`)).status).toBe(401);
  expect((await fetch(`${gw.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
  const site = await fetch(`${gw.url}/metrics`, { headers: { authorization: `Bearer ${SITE_A}` } }); // an API credential is not the scrape token
  expect(site.status).toBe(401);
  expect((await scrape(`${gw.url}/metrics`, TOKEN)).size).toBeGreaterThan(50);
  expect((await scrape(metricsUrl)).size).toBeGreaterThan(50);
  expect((await fetch(metricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
});

it('counts ingest outcomes by code, times operations, group commits and feed emits after real traffic', async () => {
  const login = await gw.gql(LOGIN);
  const exec = login.data!.login.token;
  socket = io(`${gw.url}/feed`, { auth: { token: exec }, transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((res, rej) => socket!.once('connect', () => res()).once('connect_error', rej));
  expect(await socket.timeout(5000).emitWithAck('subscribe', { unitId: 'group' })).toEqual({ ok: true });
  const heard: string[] = [];
  socket.on('touchpoint', (e: { id: string }) => heard.push(e.id));

  const before: Scrape = await scrape(metricsUrl);
  // 5 new + 1 INVALID, then the same batch again: 5 duplicates + 1 INVALID.
  const batch = [...Array.from({ length: 5 }, () => touchpoint()), touchpoint({ occurredAt: '1999-06-01T00:00:00Z' })];
  for (let i = 0; i < 2; i++) {
    const res = await gw.gql<{ recordTouchpoints: { accepted: number; duplicates: number } }>(RECORD, { input: batch }, SITE_A);
    expect(res.data?.recordTouchpoints).toMatchObject(i === 0 ? { accepted: 5, duplicates: 0 } : { accepted: 0, duplicates: 5 });
  }
  // One rating counted, one for a touchpoint nobody stored (NOT_FOUND), one refused outright (INVALID).
  expect((await gw.gql(RATE, { id: batch[0].id, s: { score: 5 } }, SITE_A)).errors).toBeUndefined();
  const many = await gw.gql(RATE_MANY, { input: [{ touchpointId: randomUUID(), satisfaction: { score: 4 } }] }, SITE_A);
  expect(many.data?.recordSatisfactions.rejected.map((r) => r.code)).toEqual(['NOT_FOUND']);
  expect((await gw.gql(RATE, { id: batch[1].id, s: { score: 0 } }, SITE_A)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await gw.gql(SCORE, { unitId: 'group', ...hourWindow() }, exec)).errors).toBeUndefined();
  expect((await gw.gql(`{ nope }`, {}, exec)).errors).toBeDefined();
  const deadline = Date.now() + 5000;
  while (heard.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(heard).toHaveLength(5);
  const after = await scrape(metricsUrl);

  const d = (series: string): number => grew(before, after, series);
  expect(d('qihe_ingest_touchpoints_total{outcome="accepted"}')).toBe(5);
  expect(d('qihe_ingest_touchpoints_total{outcome="duplicate"}')).toBe(5);
  expect(d('qihe_ingest_touchpoints_total{outcome="INVALID"}')).toBe(2);
  expect(d('qihe_ingest_ratings_total{outcome="rated"}')).toBe(1);
  expect(d('qihe_ingest_ratings_total{outcome="NOT_FOUND"}')).toBe(1);
  expect(d('qihe_ingest_ratings_total{outcome="INVALID"}')).toBe(1);
  expect(d('qihe_ingest_batch_items_count{operation="recordTouchpoints"}')).toBe(2);
  expect(d('qihe_ingest_batch_items_sum{operation="recordTouchpoints"}')).toBe(12);
  // Latency by the schema's root field and outcome: the client's operation name ("Record") is not a label.
  expect(d('qihe_graphql_seconds_count{operation="recordTouchpoints",outcome="ok"}')).toBe(2);
  expect(d('qihe_graphql_seconds_count{operation="engagementScore",outcome="ok"}')).toBe(1);
  expect(d('qihe_graphql_seconds_count{operation="recordSatisfaction",outcome="error"}')).toBe(1);
  expect(d('qihe_graphql_seconds_count{operation="invalid",outcome="error"}')).toBe(1);
  expect(d('qihe_graphql_seconds_sum{operation="recordTouchpoints",outcome="ok"}')).toBeGreaterThan(0);
  // Two record calls, one rating and one recordSatisfactions went through shared transactions.
  expect(d('qihe_group_commit_calls_sum')).toBe(4);
  expect(d('qihe_group_commit_items_sum')).toBe(5 + 5 + 1 + 1);
  expect(d('qihe_group_commit_seconds_count')).toBe(d('qihe_group_commit_calls_count'));
  expect(d('qihe_feed_emits_total{event="touchpoint"}')).toBe(5);
  expect(after.get('qihe_feed_clients')).toBe(1);
  expect(after.get('qihe_db_pool_connections{state="max"}')).toBe(10);
  expect(after.get('qihe_db_pool_connections{state="total"}')).toBeGreaterThan(0);
  expect(after.get('qihe_unhandled_rejections')).toBe(0);
  expect(after.get('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  expect(after.get('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
  expect([...after.keys()].filter((k) => k.startsWith('qihe_graphql_seconds_count')).every((k) => !k.includes('Record"'))).toBe(true);
});

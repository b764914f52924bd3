import type { TypedDocument } from '@qihe/client';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type GatewayProcess } from '../e2e/support/gateway-process';
import { TEST_ORG } from '../support/gateway-app';
import { hourWindow, RATE, RECORD, SCORE, touchpoint } from '../support/touchpoint-factory';
import { LOGIN } from '../support/documents';

// The embedded default (no DATABASE_URL): the built gateway as a real process on
// PGlite, same migrations and code path, data kept in QIHE_DATA_DIR across a
// graceful restart (SIGTERM).

const dir = mkdtempSync(join(tmpdir(), 'qihe-embedded-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;

type Gql = (q: string | TypedDocument<unknown, never>, v: unknown, t?: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function boot(env: Record<string, string> = {}, data = 'data'): Promise<{ gw: GatewayProcess; gql: Gql }> {
  const gw = await startGateway({ databaseUrl: '', seedFile, env: { QIHE_DATA_DIR: join(dir, data), ...env }, startTimeoutMs: 60_000 });
  const gql: Gql = async (query, variables, token) => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: String(query), variables }),
    });
    return res.json();
  };
  return { gw, gql };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('records, rates and scores on embedded PostgreSQL, and keeps it across a restart', async () => {
  const first = await boot();
  const tps = [touchpoint({ satisfaction: { score: 5 } }), touchpoint({ unitId: 'prj-a2' }), touchpoint({ unitId: 'bu-a', service: null })];
  // Concurrent batches on the single embedded connection must not interleave their transactions.
  const results = await Promise.all([first.gql(RECORD, { input: tps }, SITE_A), first.gql(RECORD, { input: tps }, SITE_A)]);
  const accepted = results.map((r) => r.data.recordTouchpoints.accepted).sort();
  expect(accepted).toEqual([0, 3]);
  expect((await first.gql(RATE, { id: tps[1].id, s: { score: 2 } }, SITE_A)).errors).toBeUndefined();
  // One from yesterday (UTC): a whole day of a 48-hour window, read from the day rollups.
  const yesterday = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;
  const old = touchpoint({ occurredAt: new Date(yesterday + 30 * 60_000).toISOString() });
  expect((await first.gql(RECORD, { input: [old] }, SITE_A)).data.recordTouchpoints.accepted).toBe(1);
  const login = await first.gql(LOGIN, { u: 'head.a', p: 'head-a-password' });
  const token = login.data.login.token;
  const score = (await first.gql(SCORE, { unitId: 'bu-a', ...hourWindow(1, 1) }, token)).data.engagementScore;
  expect(score.touchpoints).toBe(3);
  expect(score.chains[0].measures.find((m: { key: string }) => m.key === 'csat')).toMatchObject({ numerator: 5, denominator: 8 });
  const twoDays = (await first.gql(SCORE, { unitId: 'bu-a', ...hourWindow(48, 1) }, token)).data.engagementScore;
  expect(twoDays.touchpoints).toBe(4);
  await first.gw.stop();
  expect(await first.gw.exited).toEqual({ code: 0, signal: null });

  const second = await boot();
  try {
    const again = (await second.gql(SCORE, { unitId: 'bu-a', ...hourWindow(1, 1) }, token)).data.engagementScore;
    expect(again).toEqual(score);
    expect((await second.gql(SCORE, { unitId: 'bu-a', ...hourWindow(48, 1) }, token)).data.engagementScore).toEqual(twoDays);
  } finally {
    await second.gw.stop();
  }
}, 120_000);

// Retention on the embedded database: the boot-time run drops the day partition of a 5-day-old touchpoint
// (the drill-down no longer lists it; its count, like every number, comes from the rollups), its score stays,
// and a re-send is TOO_OLD.
it('drops old touchpoint partitions on embedded PostgreSQL too, keeping the scores', async () => {
  const day = 86_400_000;
  const at = Math.floor(Date.now() / day) * day - 5 * day + 3_600_000;
  const old = touchpoint({ occurredAt: new Date(at).toISOString() });
  const window = { unitId: 'bu-a', from: new Date(at - 3_600_000).toISOString(), to: new Date(at + 3_600_000).toISOString() };
  const drill = `query D($unitId: ID!, $from: DateTime!, $to: DateTime!) { touchpoints(unitId: $unitId, from: $from, to: $to) { edges { cursor } } }`;
  const first = await boot({}, 'retention');
  let token: string;
  let score: unknown;
  try {
    expect((await first.gql(RECORD, { input: [old] }, SITE_A)).data.recordTouchpoints.accepted).toBe(1);
    token = (await first.gql(LOGIN, { u: 'head.a', p: 'head-a-password' })).data.login.token;
    score = (await first.gql(SCORE, window, token)).data.engagementScore;
    expect(score).toMatchObject({ touchpoints: 1 });
    expect((await first.gql(drill, window, token)).data.touchpoints.edges.length).toBe(1);
  } finally {
    await first.gw.stop();
  }
  const second = await boot({ QIHE_RETENTION_DAYS: '3' }, 'retention');
  try {
    expect((await second.gql(RECORD, { input: [old] }, SITE_A)).data.recordTouchpoints.rejected).toMatchObject([{ index: 0, code: 'TOO_OLD' }]);
    let left = 1;
    for (const until = Date.now() + 60_000; left > 0 && Date.now() < until; ) {
      left = (await second.gql(drill, window, token)).data.touchpoints.edges.length; // the boot-time run may still be going
      if (left > 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(left).toBe(0);
    expect((await second.gql(SCORE, window, token)).data.engagementScore).toEqual(score);
  } finally {
    await second.gw.stop();
  }
}, 120_000);

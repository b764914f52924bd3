import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { idAt } from '@qihe/contracts';
import { aloneAcrossReplicas, Database, dayOf, dropPartition, listPartitions, partitionName, rebuildRollups, settleDay } from '@qihe/data';
import { OrgTree } from '@qihe/domain';
import { TouchpointStorageService } from '../../apps/gateway/src/storage/touchpoint-storage.service';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { RECORD, touchpoint, type IngestResult } from '../support/touchpoint-factory';

// Retention on a real PostgreSQL (QIHE_RETENTION_DAYS, QIHE_HOUR_ROLLUP_DAYS):
// whole day partitions go, scores of every kind and window stay what they
// were (1e-9), a re-send or a rating of a dropped touchpoint is TOO_OLD and
// counts nothing, and a run is safe to repeat, to finish after a crash, and
// alone across replicas (the embedded database: embedded.spec.ts).

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const SITE_GROUP = TEST_ORG.sites.find((s) => s.id === 'site-group')!.key;
const H = 3_600_000;
const D = 24 * H;
const NOW = Date.now();
const NOW_H = Math.floor(NOW / H) * H;
const TODAY = Math.floor(NOW / D) * D;
// bu-a has touchpoints of its own and sub-units: its breakdowns read its own part from the rows, then from days folded at the drop.
const UNITS = ['prj-a1', 'prj-a2', 'prj-b1', 'prj-b2', 'bu-a'];
const CHANNELS = ['PHONE', 'WEB', 'APP', 'EMAIL'];

let gw: TestGateway;
let pg: Client;
let token: string;

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await pg.query(sql, params)).rows as T[];
const iso = (ms: number): string => new Date(ms).toISOString();

// 60 days of touchpoints, two a day at odd minutes, a third rated; every tenth with a UUIDv4 id.
const stored = Array.from({ length: 120 }, (_, i) => {
  const at = NOW_H - i * 12 * H - (7 + i) * 60_000;
  return touchpoint({
    id: i % 10 === 9 ? randomUUID() : idAt(at, new Uint8Array(16).fill(i)),
    unitId: UNITS[i % 5],
    channel: CHANNELS[i % 3],
    customerId: `cust-${i % 7}`,
    occurredAt: iso(at),
    ...(i % 3 === 0 ? { satisfaction: { score: 1 + (i % 5) } } : {}),
  });
});

const SCORES = `query S($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementScore(unitId: $u, from: $from, to: $to) { touchpoints overall chains { chain score measures { key numerator denominator value } } }
  engagementScores(parentId: $u, from: $from, to: $to) { unit { id } touchpoints overall }
}`;
const BREAKDOWN = `query B($u: ID!, $from: DateTime!, $to: DateTime!) {
  engagementBreakdown(unitId: $u, by: CHANNEL, from: $from, to: $to) { value score { touchpoints overall } }
}`;
const TREND = `query T($u: ID!, $from: DateTime!, $to: DateTime!, $i: TrendInterval!) {
  engagementTrend(unitId: $u, from: $from, to: $to, interval: $i) { from touchpoints overall }
}`;

/** Every score the API gives for windows old and new: whole scores at any hour, breakdowns at midnights where hours were folded. */
async function everyScore(): Promise<unknown[]> {
  const out: unknown[] = [];
  const hourWindows = [
    [NOW_H - 59 * D - 5 * H, NOW_H + H],
    [NOW_H - 45 * D + 7 * H, NOW_H - 31 * D - 3 * H],
    [NOW_H - 40 * D, NOW_H - 2 * D + 13 * H],
    [NOW_H - 30 * H, NOW_H + H],
  ];
  const dayWindows = [
    [TODAY - 58 * D, TODAY - 35 * D],
    [TODAY - 40 * D, TODAY + D],
    [TODAY - 10 * D + 5 * H, NOW_H + H], // hours kept here: any edge
  ];
  for (const u of ['group', 'bu-a', 'prj-b1', 'prj-a2']) {
    for (const [from, to] of hourWindows) {
      out.push((await gw.gql(SCORES, { u, from: iso(from), to: iso(to) }, token)).data);
      out.push((await gw.gql(TREND, { u, from: iso(from), to: iso(to), i: 'WEEK' }, token)).data);
    }
    for (const [from, to] of dayWindows) {
      out.push((await gw.gql(BREAKDOWN, { u, from: iso(from), to: iso(to) }, token)).data);
      out.push((await gw.gql(TREND, { u, from: iso(from), to: iso(to), i: 'DAY' }, token)).data);
    }
  }
  return out;
}

/** Equal, numbers to 1e-9. */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9) throw new Error(`${path}: ${actual} != ${expected}`);
    return;
  }
  if (expected && typeof expected === 'object') {
    expect(typeof actual).toBe('object');
    const keys = Object.keys(expected as object);
    expect(Object.keys(actual as object)).toEqual(keys);
    for (const k of keys) expectClose((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(actual).toEqual(expected);
}

async function record(items: unknown[], key = SITE_GROUP): Promise<IngestResult> {
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: items }, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.recordTouchpoints;
}

let before: unknown[];

// A tracked promise with a short target (the last test resolves one late, in a settled day).
const COMMITMENTS = [{ code: 'CALLBACK', name: 'Called back within 2 minutes', level: 1, targetMinutes: 2, warnAtPercent: 95 }];

beforeAll(async () => {
  gw = await startTestGateway({ ...TEST_ORG, commitments: COMMITMENTS });
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  const login = await gw.gql<{ login: { token: string } }>(`mutation { login(username: "exec", password: "exec-password") { token } }`);
  token = login.data!.login.token;
  expect(await record(stored)).toMatchObject({ accepted: 120, rejected: [] });
  before = await everyScore();
  expect(JSON.stringify(before)).not.toContain('"errors"');
  // From now on this gateway keeps 30 days of touchpoints and 20 days of slice hours.
  gw.config.retention.rawDays = 30;
  gw.config.retention.hourRollupDays = 20;
});

afterAll(async () => {
  await pg.end();
  await gw.close();
});

const storage = (): TouchpointStorageService => gw.app.get(TouchpointStorageService);
/** The stored days a run at NOW settles: two days past and more. */
const pastDays = (): string[] =>
  [...new Set(stored.filter((t) => Date.parse(t.occurredAt as string) < TODAY - 2 * D).map((t) => dayOf(Date.parse(t.occurredAt as string))))].sort();
const horizon = TODAY - 30 * D;

it('holds only the dropping day: settling and reads go on while a day waits to be dropped', async () => {
  // Another session writes to the oldest due day (an in-flight rating, say) and keeps its lock.
  const oldest = dayOf(Math.min(...stored.map((t) => Date.parse(t.occurredAt as string))));
  const blocker = new Client({ connectionString: gw.databaseUrl });
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE touchpoint_p${oldest.replaceAll('-', '')} IN ROW EXCLUSIVE MODE`);
    const order: string[] = [];
    const pass = storage()
      .pass(NOW)
      .then(
        () => order.push('retention done'),
        (e: Error) => order.push(`retention gave up: ${/lock timeout/.test(e.message) ? 'lock timeout' : e.message}`),
      );
    await new Promise((r) => setTimeout(r, 300));
    // A drill-down of the last week: it waited for the retention run when the run held the whole table.
    const DRILL = `query D($u: ID!, $from: DateTime!, $to: DateTime!) { touchpoints(unitId: $u, from: $from, to: $to, first: 5) { totalCount } }`;
    const read = gw.gql<{ touchpoints: { totalCount: number } }>(DRILL, { u: 'group', from: iso(TODAY - 7 * D), to: iso(NOW_H + H) }, token).then((r) => {
      order.push('read');
      return r;
    });
    await Promise.all([pass, read]);
    expect(order).toEqual(['read', 'retention gave up: lock timeout']);
    expect((await read).data?.touchpoints.totalCount).toBe(stored.filter((t) => Date.parse(t.occurredAt as string) >= TODAY - 7 * D).length);
  } finally {
    await blocker.query('ROLLBACK');
    await blocker.end();
  }
  // The run that gave up dropped nothing. It settled every day two days past, the held one too: settling waits for no write.
  const settledDays = await q<{ day: string }>(`SELECT to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM own_day_settled ORDER BY 1`);
  expect(settledDays.map((r) => r.day)).toEqual(pastDays());
  expect(settledDays.map((r) => r.day)).toContain(oldest);
  expect(await q(`SELECT count(*)::int AS n FROM touchpoint`)).toEqual([{ n: stored.length }]);
  expectClose(await everyScore(), before);
});

it('settles past days ahead, drops whole day partitions past the horizon, folds old slice hours into days, and every score stays the same', async () => {
  const old = stored.filter((t) => Date.parse(t.occurredAt as string) < horizon);
  const oldDays = [...new Set(old.map((t) => dayOf(Date.parse(t.occurredAt as string))))].sort();
  const settled = async (): Promise<string[]> =>
    (await q<{ day: string }>(`SELECT to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM own_day_settled ORDER BY 1`)).map((r) => r.day);
  // A crash at the first DROP: the days settled before it stay settled (each its own transaction), nothing is dropped.
  const daySlices = `SELECT row_to_json(r)::text AS j FROM rollup_day_slice r ORDER BY unit_id, dim, day, val`;
  const slicesBefore = await q(daySlices);
  await q(`CREATE FUNCTION fail_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crash at the drop'; END $$`);
  await q(`CREATE EVENT TRIGGER fail_drop ON ddl_command_start WHEN TAG IN ('DROP TABLE') EXECUTE FUNCTION fail_drop()`);
  await expect(storage().pass(NOW)).rejects.toThrow(/crash at the drop/);
  await q(`DROP EVENT TRIGGER fail_drop`);
  expect(await q(daySlices)).toEqual(slicesBefore);
  expect(await settled()).toEqual(pastDays());
  expect(await q(`SELECT dropped_before = '-infinity' AS none FROM raw_retention`)).toEqual([{ none: true }]);
  expect(await q(`SELECT count(*)::int AS n FROM touchpoint`)).toEqual([{ n: stored.length }]);
  expectClose(await everyScore(), before);
  // A crash after the first drop, of a day whose settling was lost: the drop settles it; the next run finishes the work.
  const first = partitionName('touchpoint', oldDays[0]);
  await q(`DELETE FROM own_day_settled WHERE day = $1`, [`${oldDays[0]}T00:00:00Z`]);
  await q(`DELETE FROM rollup_own_day WHERE day = $1`, [`${oldDays[0]}T00:00:00Z`]);
  const db = await Database.open({ url: gw.databaseUrl, poolSize: 1 });
  try {
    expect(await db.transaction((tx) => dropPartition(tx, { table: 'touchpoint', name: first, day: oldDays[0] }))).toBe(true);
  } finally {
    await db.close();
  }
  expect(await settled()).toEqual(pastDays());
  expectClose(await everyScore(), before);
  const report = (await storage().pass(NOW))!;
  expect(report.droppedTouchpointPartitions.length).toBe(oldDays.length - 1);
  expect(report.droppedKeyPartitions.length).toBe(new Set(old.filter((t) => (t.id as string)[14] === '7').map((t) => dayOf(Date.parse(t.occurredAt as string)))).size);
  expect(report.legacyKeysDeleted).toBe(old.filter((t) => (t.id as string)[14] === '4').length);
  expect(report.foldedHourRows).toBeGreaterThan(0);
  expect([report.settledDays, report.settledTouchpoints]).toEqual([0, 0]);
  expect(await q(`SELECT to_char(dropped_before AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS d FROM raw_retention`)).toEqual([
    { d: dayOf(Date.parse(`${oldDays[oldDays.length - 1]}T00:00:00Z`) + D) },
  ]);
  const parts = await listPartitions({ query: q });
  expect(parts.filter((p) => p.day !== null && Date.parse(p.day) < horizon)).toEqual([]);
  expect(await q(`SELECT count(*)::int AS n FROM touchpoint WHERE occurred_at < $1`, [iso(horizon)])).toEqual([{ n: 0 }]);
  expect(await q(`SELECT count(*)::int AS n FROM touchpoint_key WHERE occurred_at < $1`, [iso(horizon)])).toEqual([{ n: 0 }]);
  expect(await q(`SELECT count(*)::int AS n FROM customer_touchpoint WHERE occurred_at < $1`, [iso(horizon)])).toEqual([{ n: 0 }]);
  const kept = stored.filter((t) => Date.parse(t.occurredAt as string) >= horizon).length;
  expect(await q(`SELECT count(*)::int AS n FROM touchpoint`)).toEqual([{ n: kept }]);
  expect(await q(`SELECT count(*)::int AS n FROM customer_touchpoint`)).toEqual([{ n: kept }]);
  expect(await q(`SELECT count(*)::int AS n FROM rollup_hour WHERE dim > 0 AND hour < $1`, [iso(TODAY - 20 * D)])).toEqual([{ n: 0 }]);
  expectClose(await everyScore(), before);
  // A second run changes nothing.
  const again = { droppedTouchpointPartitions: [], droppedKeyPartitions: [], legacyKeysDeleted: 0, foldedHourRows: 0, settledDays: 0, settledTouchpoints: 0 };
  expect(await storage().pass(NOW)).toEqual(again);
  expectClose(await everyScore(), before);
});

it('refuses a breakdown whose edge falls inside a folded day, naming the field', async () => {
  const res = await gw.gql(BREAKDOWN, { u: 'group', from: iso(TODAY - 40 * D + 5 * H), to: iso(NOW_H) }, token);
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  expect(res.errors?.[0].message).toContain('UTC midnight');
  expect(res.errors?.[0].message).toContain(iso(TODAY - 40 * D).slice(0, 10));
  // Both edges are checked in one statement: the end alone, and both (the start is named first).
  const end = await gw.gql(BREAKDOWN, { u: 'group', from: iso(TODAY - 40 * D), to: iso(TODAY - 35 * D + 7 * H) }, token);
  expect(end.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  expect(end.errors?.[0].message).toContain(iso(TODAY - 35 * D).slice(0, 10));
  const both = await gw.gql(BREAKDOWN, { u: 'group', from: iso(TODAY - 40 * D + 5 * H), to: iso(TODAY - 35 * D + 7 * H) }, token);
  expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  // At midnights the same folded days are answered.
  const whole = await gw.gql<{ engagementBreakdown: unknown[] }>(BREAKDOWN, { u: 'group', from: iso(TODAY - 40 * D), to: iso(TODAY - 35 * D) }, token);
  expect(whole.errors).toBeUndefined();
  expect(whole.data?.engagementBreakdown.length).toBeGreaterThan(0);
});

it('counts a drill-down by a slice right where hours were folded but rows are kept (the count matches the rows)', async () => {
  const DRILL = `query D($u: ID!, $from: DateTime!, $to: DateTime!) {
    touchpoints(unitId: $u, from: $from, to: $to, first: 500, filter: { channel: PHONE }) { totalCount edges { cursor } }
  }`;
  for (const from of [TODAY - 28 * D, TODAY - 28 * D + 5 * H]) {
    const res = await gw.gql<{ touchpoints: { totalCount: number; edges: unknown[] } }>(DRILL, { u: 'group', from: iso(from), to: iso(TODAY - 21 * D) }, token);
    expect(res.errors).toBeUndefined();
    const page = res.data!.touchpoints;
    expect(page.edges.length).toBeGreaterThan(0);
    expect(page.totalCount).toBe(page.edges.length);
  }
});

it('answers a re-send of a dropped touchpoint TOO_OLD, also with a new occurredAt, and counts nothing twice', async () => {
  const old = stored.filter((t) => Date.parse(t.occurredAt as string) < horizon);
  const v7 = old.find((t) => (t.id as string)[14] === '7')!;
  const v4 = old.find((t) => (t.id as string)[14] === '4')!;
  const res = await record([v7, v4, { ...v7, occurredAt: iso(NOW_H) }]);
  expect(res).toMatchObject({ accepted: 0, duplicates: 0 });
  expect(res.rejected.map((r) => [r.index, r.code])).toEqual([
    [0, 'TOO_OLD'],
    [1, 'TOO_OLD'],
    [2, 'TOO_OLD'],
  ]);
  expect(res.rejected[0].message).toMatch(/^occurredAt: .* retention horizon/);
  expect(res.rejected[2].message).toMatch(/^id: .* retention horizon/);
  expectClose(await everyScore(), before);
});

it('answers a rating of a dropped touchpoint TOO_OLD (one call and many), never NOT_FOUND for a site to retry', async () => {
  const v7 = stored.find((t) => Date.parse(t.occurredAt as string) < horizon && (t.id as string)[14] === '7' && !t.satisfaction)!;
  const one = await gw.gql(`mutation R($id: ID!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: 5 }) { id } }`, { id: v7.id }, SITE_GROUP);
  expect(one.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'touchpointId' });
  const many = await gw.gql<{ recordSatisfactions: { rated: number; rejected: { index: number; code: string }[] } }>(
    `mutation M($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated rejected { index code } } }`,
    { input: [{ touchpointId: v7.id, satisfaction: { score: 5 } }, { touchpointId: randomUUID(), satisfaction: { score: 5 } }] },
    SITE_A,
  );
  expect(many.data?.recordSatisfactions).toEqual({ rated: 0, rejected: [{ index: 0, code: 'TOO_OLD' }, { index: 1, code: 'NOT_FOUND' }] });
  expectClose(await everyScore(), before);
});

it('recounts rollups once retention dropped days: the dropped days keep their rollups, the stored ones are recounted, nothing twice', async () => {
  const tree = new OrgTree(TEST_ORG.units as ConstructorParameters<typeof OrgTree>[0]);
  const db = await Database.open({ url: gw.databaseUrl, poolSize: 1 });
  try {
    // Stored days' rows made wrong: the recount must replace them, and leave the dropped days' alone.
    await q(`UPDATE rollup_hour SET touchpoints = touchpoints + 7 WHERE hour >= $1`, [iso(horizon)]);
    const kept = stored.filter((t) => Date.parse(t.occurredAt as string) >= horizon).length;
    expect(await db.transaction((tx) => rebuildRollups(tx, (id) => tree.lineage(id)))).toBe(kept);
    expectClose(await everyScore(), before);
    // A second recount changes nothing.
    await db.transaction((tx) => rebuildRollups(tx, (id) => tree.lineage(id)));
  } finally {
    await db.close();
  }
  expectClose(await everyScore(), before);
});

it('runs on one replica at a time', async () => {
  const db = await Database.open({ url: gw.databaseUrl, poolSize: 3 });
  try {
    let inner: boolean | null = null;
    const outer = await aloneAcrossReplicas(db, 'qihe:touchpoint-retention', async () => {
      inner = await aloneAcrossReplicas(db, 'qihe:touchpoint-retention', async () => undefined);
      expect(await storage().pass(NOW)).toBeNull(); // the gateway's run sees it taken
    });
    expect([outer, inner]).toEqual([true, false]);
  } finally {
    await db.close();
  }
});

const RATE_ONE = `mutation R($id: ID!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: 2 }) { id } }`;
const dayStart = (day: string): string => `${day}T00:00:00Z`;
/** A stored, unrated touchpoint of bu-a's own (it has sub-units: its own part is what settling keeps) in [from, to). */
const ownOfBuA = (from: number, to: number, except: unknown = null): (typeof stored)[number] =>
  stored.find((t) => t.unitId === 'bu-a' && !t.satisfaction && t.id !== except && Date.parse(t.occurredAt as string) >= from && Date.parse(t.occurredAt as string) < to)!;

/** bu-a's own-unit rows of these days in rollup_own_day: the settled base and the changes written since. */
const ownRows = async (days: string[], base: boolean): Promise<unknown[]> =>
  q(`SELECT row_to_json(r)::text AS j FROM rollup_own_day r WHERE unit_id = 'bu-a' AND base = $2 AND day = ANY($1::timestamptz[]) ORDER BY dim, day, val`, [
    days.map(dayStart),
    base,
  ]);

it('counts late writes to days two days past once: written before the day is settled, and after, and after its drop', async () => {
  // Days the recount above left to be settled again: a touchpoint of bu-a's own arrives late, another is rated late.
  const at = TODAY - 22 * D + 3 * H;
  const late = touchpoint({ id: idAt(at, new Uint8Array(16).fill(201)), unitId: 'bu-a', channel: 'EMAIL', customerId: 'cust-late', occurredAt: iso(at) });
  const rated = ownOfBuA(TODAY - 28 * D, TODAY - 21 * D);
  const days = [...new Set([dayOf(at), dayOf(Date.parse(rated.occurredAt as string))])];
  expect(await q(`SELECT count(*)::int AS n FROM own_day_settled WHERE day = ANY($1::timestamptz[])`, [days.map(dayStart)])).toEqual([{ n: 0 }]);
  expect(await ownRows(days, false)).toEqual([]);
  expect(await record([late])).toMatchObject({ accepted: 1, rejected: [] });
  expect((await gw.gql(RATE_ONE, { id: rated.id }, SITE_GROUP)).errors).toBeUndefined();
  // Both wrote their own-unit change to their days, settled or not.
  expect((await ownRows(days, false)).length).toBeGreaterThan(0);
  // Settling counts the days' rows less those changes: base + changes = the rows.
  expect((await storage().pass(NOW))!.settledDays).toBe(pastDays().filter((d) => Date.parse(dayStart(d)) >= horizon).length);
  expect((await ownRows(days, true)).length).toBeGreaterThan(0);
  // One more late rating, after settling: a change on top of the base.
  const again = ownOfBuA(TODAY - 28 * D, TODAY - 21 * D, rated.id);
  const changes = await ownRows(days.includes(dayOf(Date.parse(again.occurredAt as string))) ? days : [...days, dayOf(Date.parse(again.occurredAt as string))], false);
  expect((await gw.gql(RATE_ONE, { id: again.id }, SITE_GROUP)).errors).toBeUndefined();
  const mid = await everyScore();
  expect(JSON.stringify(mid)).not.toContain('"errors"');
  expect(JSON.stringify(mid)).not.toEqual(JSON.stringify(before));
  expect(await ownRows([...days, dayOf(Date.parse(again.occurredAt as string))], false)).not.toEqual(changes);
  // Ten days on, the horizon passes the days: the breakdowns read bu-a's own part of them from base + changes.
  const report = (await storage().pass(NOW + 10 * D))!;
  expect(report.droppedTouchpointPartitions).toEqual(expect.arrayContaining(days.map((d) => partitionName('touchpoint', d))));
  expectClose(await everyScore(), mid);
});

it('settles a day while a rating of it commits: neither waits, the rating counts once, after the drop too', async () => {
  gw.config.retention.hourRollupDays = null; // keep every slice hour: the windows of everyScore stay answerable twenty days on
  const target = ownOfBuA(TODAY - 19 * D, TODAY - 12 * D);
  const day = dayOf(Date.parse(target.occurredAt as string));
  // The day as if not settled yet (its rows are all stored, no change written to it).
  await q(`DELETE FROM own_day_settled WHERE day = $1`, [dayStart(day)]);
  await q(`DELETE FROM rollup_own_day WHERE day = $1`, [dayStart(day)]);
  const db = await Database.open({ url: gw.databaseUrl, poolSize: 1 });
  try {
    await db.transaction(async (tx) => {
      expect(await settleDay(tx, { name: partitionName('touchpoint', day), day })).toBeGreaterThan(0);
      // The rating commits while the settling is still open: it read the rows before, so the rating is a change.
      expect((await gw.gql(RATE_ONE, { id: target.id }, SITE_GROUP)).errors).toBeUndefined();
      expect((await ownRows([day], false)).length).toBeGreaterThan(0);
    }, 'REPEATABLE READ');
  } finally {
    await db.close();
  }
  const mid = await everyScore();
  expect(JSON.stringify(mid)).not.toContain('"errors"');
  const report = (await storage().pass(NOW + 20 * D))!;
  expect(report.droppedTouchpointPartitions).toContain(partitionName('touchpoint', day));
  expectClose(await everyScore(), mid);
});

it('counts a commitment resolved late in a day being settled once, after the drop too', async () => {
  const at = TODAY - 5 * D + 2 * H;
  const day = dayOf(at);
  const tp = touchpoint({
    id: idAt(at, new Uint8Array(16).fill(202)),
    unitId: 'bu-a',
    channel: 'PHONE',
    customerId: 'cust-promise',
    occurredAt: iso(at),
    service: { action: 'callback promised', handleSeconds: 60, resolved: true, firstContact: true, commitment: { code: 'CALLBACK', met: false } },
  });
  expect(await record([tp])).toMatchObject({ accepted: 1, rejected: [] });
  // The day is settled again from its rows while the late event commits: the promise's change goes on top.
  await q(`DELETE FROM own_day_settled WHERE day = $1`, [dayStart(day)]);
  await q(`DELETE FROM rollup_own_day WHERE day = $1`, [dayStart(day)]);
  const kept = `SELECT coalesce(sum(commitment_met), 0)::int AS met FROM rollup_own_day WHERE unit_id = 'bu-a' AND dim = 1 AND day = $1 AND base = $2`;
  const EVENTS = `mutation E($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }`;
  const db = await Database.open({ url: gw.databaseUrl, poolSize: 1 });
  try {
    await db.transaction(async (tx) => {
      expect(await settleDay(tx, { name: partitionName('touchpoint', day), day })).toBeGreaterThan(0);
      // Resolved in time, reported late: the promise counts as kept from now on.
      const ev = await gw.gql<{ recordCommitmentEvents: { accepted: number } }>(
        EVENTS,
        { input: [{ id: randomUUID(), touchpointId: tp.id, code: 'CALLBACK', completedAt: iso(at + 60_000) }] },
        SITE_GROUP,
      );
      expect(ev.errors).toBeUndefined();
      expect(ev.data!.recordCommitmentEvents.accepted).toBe(1);
    }, 'REPEATABLE READ');
  } finally {
    await db.close();
  }
  expect(await q(kept, [dayStart(day), false])).toEqual([{ met: 1 }]);
  const COMMITMENT_BREAKDOWN = `query K($u: ID!, $from: DateTime!, $to: DateTime!) {
    engagementBreakdown(unitId: $u, by: CHANNEL, from: $from, to: $to) { value score { touchpoints chains { chain measures { key numerator denominator } } } }
  }`;
  const window = { from: iso(TODAY - 6 * D), to: iso(TODAY - 4 * D) };
  const ask = async (): Promise<unknown> => Promise.all(['bu-a', 'group'].map(async (u) => (await gw.gql(COMMITMENT_BREAKDOWN, { u, ...window }, token)).data));
  const mid = await ask();
  expect(JSON.stringify(mid)).toContain('"key":"commitmentKept","numerator":1');
  const report = (await storage().pass(NOW + 26 * D))!;
  expect(report.droppedTouchpointPartitions).toContain(partitionName('touchpoint', day));
  expectClose(await ask(), mid);
});

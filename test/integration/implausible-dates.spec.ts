import { Client } from 'pg';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { RECORD, touchpoint, type IngestResult } from '../support/touchpoint-factory';

// A date PostgreSQL cannot store (year 0, "1 BC") or no business can have
// (before 2000) must be refused per item, naming the field, while the rest of
// the batch is stored: one bad item must never make the database refuse a batch.

const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
const SERVICE = { action: 'remote reset', handleSeconds: 240, resolved: true, firstContact: true };

let gw: TestGateway;
let pg: Client;

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
});

afterAll(async () => {
  await pg.end();
  await gw.close();
});

const storedIds = async (ids: unknown[]): Promise<string[]> =>
  (await pg.query<{ id: string }>(`SELECT id::text FROM touchpoint WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])).rows.map((r) => r.id);

it.each([
  ['occurredAt', '0000-06-01T00:00:00Z'],
  ['occurredAt', '0001-01-01T00:30:00+01:00'],
  ['occurredAt', '1999-12-31T23:59:59Z'],
  ['service.servedAt', '0000-06-01T00:00:00Z'],
  ['service.servedAt', '0001-01-01T00:30:00+01:00'],
  ['service.servedAt', '1999-12-31T23:59:59Z'],
])('refuses %s = %s as INVALID naming the field, and stores the rest of the batch', async (field, value) => {
  const bad = field === 'occurredAt' ? touchpoint({ occurredAt: value }) : touchpoint({ service: { ...SERVICE, servedAt: value } });
  const good = [touchpoint(), touchpoint({ service: { ...SERVICE, servedAt: '2000-01-01T00:00:00Z' } })];
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: [good[0], bad, good[1]] }, SITE_A);
  expect(res.errors).toBeUndefined();
  expect(res.data!.recordTouchpoints).toMatchObject({ accepted: 2, duplicates: 0 });
  expect(res.data!.recordTouchpoints.rejected).toEqual([{ index: 1, id: bad.id, code: 'INVALID', message: expect.stringContaining(field) }]);
  expect(res.data!.recordTouchpoints.rejected[0].message).toContain('2000-01-01');
  expect(await storedIds([good[0].id, bad.id, good[1].id])).toEqual([good[0].id, good[1].id].sort());
});

it('keeps storing dates from the floor on (2000-01-01T00:00:00Z is a valid occurredAt)', async () => {
  const tp = touchpoint({ occurredAt: '2000-01-01T00:00:00Z' });
  const res = await gw.gql<{ recordTouchpoints: IngestResult }>(RECORD, { input: [tp] }, SITE_A);
  expect(res.data!.recordTouchpoints).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
});

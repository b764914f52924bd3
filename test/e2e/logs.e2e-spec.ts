import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { graphql } from '../__generated__/gateway';
import { TEST_ORG } from '../support/gateway-app';
import { createTestDatabase } from '../support/test-database';
import { RECORD, touchpoint } from '../support/touchpoint-factory';
import { startGateway, type GatewayProcess } from './support/gateway-process';

// The built gateway's logs, as an operator's collector reads them: one JSON
// object a line (stdout is a pipe, not a terminal), a request id taken from
// x-request-id or made up and echoed back, and that id on every line written
// while the request was served — the error line of a failed GraphQL call too.

const dir = mkdtempSync(join(tmpdir(), 'qihe-logs-'));
const seedFile = join(dir, 'seed.json');
writeFileSync(seedFile, JSON.stringify(TEST_ORG));
const SITE_A = TEST_ORG.sites.find((s) => s.id === 'site-a')!.key;
let gw: GatewayProcess;
let databaseUrl: string;
let dropDb: () => Promise<void>;

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  context?: string;
  service?: string;
  [key: string]: unknown;
}

beforeAll(async () => {
  const db = await createTestDatabase();
  databaseUrl = db.url;
  dropDb = db.drop;
  gw = await startGateway({ databaseUrl, seedFile, env: { QIHE_DATA_DIR: join(dir, 'data') } });
}, 60_000);

afterAll(async () => {
  await gw?.stop();
  await dropDb?.();
  rmSync(dir, { recursive: true, force: true });
});

/** The JSON lines written so far (the start banner is printed text, not a log line). */
const lines = (): LogLine[] =>
  gw
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);

const TYPENAME = graphql(`query LogsTypename { __typename }`);

const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${SITE_A}`, ...headers }, body: JSON.stringify(body) });

async function linesOf(requestId: string, atLeast: number): Promise<LogLine[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = lines().filter((l) => l.requestId === requestId);
    if (found.length >= atLeast || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('writes JSON lines, Nest Logger call sites included, and nothing in Nest\'s plain format', () => {
  const all = gw.output().split('\n');
  expect(all.filter((l) => l.includes('[Nest]'))).toEqual([]);
  const json = lines();
  expect(json.find((l) => l.context === 'Bootstrap' && /applied .*seed\.json/.test(l.msg))).toMatchObject({ level: 30, service: 'gateway' });
  expect(json.every((l) => typeof l.time === 'string' && typeof l.level === 'number')).toBe(true);
});

it('takes the request id from x-request-id, echoes it, and logs the request under it without credentials', async () => {
  const res = await post({ query: RECORD, variables: { input: [touchpoint()] } }, { 'x-request-id': 'edge-7f3a.42' });
  expect(res.headers.get('x-request-id')).toBe('edge-7f3a.42');
  expect(((await res.json()) as { data: { recordTouchpoints: { accepted: number } } }).data.recordTouchpoints.accepted).toBe(1);
  const [done] = await linesOf('edge-7f3a.42', 1);
  expect(done).toMatchObject({ level: 30, requestId: 'edge-7f3a.42', req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
  expect(typeof done.responseTime).toBe('number');
  expect(JSON.stringify(done)).not.toContain(SITE_A);
});

it('makes up a request id when none (or an unsafe one) is given', async () => {
  for (const given of [undefined, 'has spaces and "quotes"', 'x'.repeat(200)]) {
    const res = await post({ query: String(TYPENAME) }, given ? { 'x-request-id': given } : {});
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await linesOf(id!, 1)).toHaveLength(1);
  }
  // Health probes are not logged.
  await fetch(`${gw.url}/health`, { headers: { 'x-request-id': 'probe-1' } });
  await new Promise((r) => setTimeout(r, 200));
  expect(lines().filter((l) => l.requestId === 'probe-1')).toEqual([]);
});

it('logs a GraphQL call that failed on the server as an error carrying its request id, operation and stack', async () => {
  // A database that refuses one customer: the whole call fails with INTERNAL_SERVER_ERROR.
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`ALTER TABLE touchpoint ADD CONSTRAINT refuse_for_logs CHECK (customer_id <> 'refused') NOT VALID`);
  try {
    const res = await post({ query: RECORD, variables: { input: [touchpoint({ customerId: 'refused' })] } }, { 'x-request-id': 'req-fails-1' });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const logged = await linesOf('req-fails-1', 2);
    const error = logged.find((l) => l.context === 'GraphQL');
    expect(error).toMatchObject({ level: 50, requestId: 'req-fails-1', operation: 'recordTouchpoints', path: 'recordTouchpoints' });
    expect(error!.msg).toContain('refuse_for_logs');
    expect(String((error!.err as { stack?: string }).stack)).toContain('refuse_for_logs');
    // A refusal is the caller's, not the server's: no error line for it.
    const refused = await post({ query: RECORD, variables: { input: [touchpoint({ occurredAt: '1999-01-01T00:00:00Z' })] } }, { 'x-request-id': 'req-refused-1' });
    expect(((await refused.json()) as { data: unknown }).data).toBeTruthy();
    expect((await linesOf('req-refused-1', 1)).filter((l) => l.level >= 50)).toEqual([]);
  } finally {
    await db.query(`ALTER TABLE touchpoint DROP CONSTRAINT refuse_for_logs`);
    await db.end();
  }
});

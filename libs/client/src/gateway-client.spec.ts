import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { backoffDelay, GatewayClient, GatewayError } from './gateway-client';
import type { IngestError, TouchpointInput } from './types';

// A real HTTP server stands in for the gateway: the client's own code (fetch,
// timeouts, retries, batching) runs unchanged against it.

interface Received {
  headers: IncomingHttpHeaders;
  query: string;
  variables: Record<string, unknown>;
}
type Handler = (req: Received, res: ServerResponse, n: number) => void;

let server: Server;
let url: string;
let handler: Handler;
let received: Received[];

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    // No keep-alive: afterEach drops connections, and a pooled socket closed
    // under the client would fail the next test with a spurious NETWORK error.
    res.shouldKeepAlive = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables: Record<string, unknown> };
      const r: Received = { headers: req.headers, query: body.query, variables: body.variables };
      received.push(r);
      handler(r, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  received = [];
});

afterEach(() => {
  server.closeAllConnections(); // drops the requests a timeout test left hanging
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const item = (i: number, customerId = `c-${i}`): TouchpointInput => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  unitId: 'bu-grid',
  customerId,
  channel: 'PHONE',
  kind: 'SERVICE',
  stage: 'AFTER_SALE',
  occurredAt: '2026-01-01T00:00:00Z',
  need: { category: 'FAULT' },
});

/** A gateway that rejects items whose customerId is "bad", reporting batch-local indices. */
const ingesting: Handler = (req, res) => {
  const input = req.variables.input as TouchpointInput[];
  const rejected: IngestError[] = [];
  input.forEach((t, index) => {
    if (t.customerId === 'bad') rejected.push({ index, id: t.id, code: 'INVALID', message: 'customerId is bad' });
  });
  json(res, 200, { data: { recordTouchpoints: { accepted: input.length - rejected.length, duplicates: 0, rejected } } });
};

const fast = { retries: 5, backoffBaseMs: 1, backoffMaxMs: 5 };

describe('GatewayClient.recordTouchpoints', () => {
  it('splits into batches of maxBatch and maps rejected indices back to the caller positions', async () => {
    handler = ingesting;
    const client = new GatewayClient({ url, token: 'site-key-123456789012345678', maxBatch: 3, ...fast });
    const items = Array.from({ length: 8 }, (_, i) => item(i, i === 1 || i === 4 || i === 7 ? 'bad' : `c-${i}`));

    const result = await client.recordTouchpoints(items);

    expect(received.map((r) => (r.variables.input as unknown[]).length)).toEqual([3, 3, 2]);
    expect(received[0].headers.authorization).toBe('Bearer site-key-123456789012345678');
    expect(received[0].query).toContain('recordTouchpoints(input: $input, sentAt: $sentAt)');
    expect(result.accepted).toBe(5);
    expect(result.duplicates).toBe(0);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 4, 7]);
    expect(result.rejected.map((r) => r.id)).toEqual([items[1].id, items[4].id, items[7].id]);
  });

  it('posts to /graphql when given the base URL', async () => {
    handler = ingesting;
    const client = new GatewayClient({ url, ...fast });
    expect(client.endpoint).toBe(`${url}/graphql`);
    await client.recordTouchpoints([item(0)]);
    expect(received).toHaveLength(1);
    expect(received[0].headers.authorization).toBeUndefined();
  });

  it('sends nothing for an empty list', async () => {
    handler = ingesting;
    const result = await new GatewayClient({ url, ...fast }).recordTouchpoints([]);
    expect(result).toEqual({ accepted: 0, duplicates: 0, rejected: [] });
    expect(received).toHaveLength(0);
  });

  it('retries a 503 and then succeeds, resending the same batch with the sender\'s clock of each attempt', async () => {
    handler = (req, res, n) => (n <= 2 ? json(res, 503, { errors: [{ message: 'busy' }] }) : ingesting(req, res, n));
    let clock = Date.parse('2026-12-01T12:10:00Z'); // a sender 10 minutes fast, say: it is the gateway that corrects
    const result = await new GatewayClient({ url, ...fast, clock: () => (clock += 1_000) }).recordTouchpoints([item(0), item(1)]);
    expect(result.accepted).toBe(2);
    expect(received).toHaveLength(3);
    expect(received[2].variables.input).toEqual(received[0].variables.input);
    expect(received.map((r) => r.variables.sentAt)).toEqual(['2026-12-01T12:10:01.000Z', '2026-12-01T12:10:02.000Z', '2026-12-01T12:10:03.000Z']);
  });

  it('retries a 429 and a 5xx without a JSON body', async () => {
    handler = (req, res, n) => {
      if (n === 1) return json(res, 429, { errors: [{ message: 'slow down' }] }, { 'retry-after': '0' });
      if (n === 2) return void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      ingesting(req, res, n);
    };
    const result = await new GatewayClient({ url, ...fast }).recordTouchpoints([item(0)]);
    expect(result.accepted).toBe(1);
    expect(received).toHaveLength(3);
  });

  it('does not retry the gateway\'s own rate-limit refusal and reports its wait', async () => {
    handler = (_req, res) =>
      json(res, 429, { data: null, errors: [{ message: 'too many login attempts for this username; try again in 42 s', extensions: { code: 'TOO_MANY_REQUESTS' } }] }, { 'retry-after': '42' });
    const err = await new GatewayClient({ url, ...fast, retries: 3 }).login('exec', 'guess').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryable: false, status: 429, retryAfterMs: 42_000, attempts: 1 });
    expect(received).toHaveLength(1);
  });

  it('gives up after the configured retries with a retryable error', async () => {
    handler = (_req, res) => json(res, 503, { errors: [{ message: 'down for maintenance' }] });
    const err = await new GatewayClient({ url, ...fast, retries: 2 }).recordTouchpoints([item(0)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ retryable: true, status: 503, attempts: 3 });
    expect(received).toHaveLength(3);
  });

  it.each([
    ['in a 200 answer', 200],
    ['in a 400 answer (variable coercion)', 400],
  ])('does not retry a BAD_USER_INPUT error %s', async (_label, status) => {
    handler = (_req, res) =>
      json(res, status, { errors: [{ message: 'occurredAt is more than 5 minutes in the future', extensions: { code: 'BAD_USER_INPUT' } }] });
    const err = await new GatewayClient({ url, ...fast }).recordTouchpoints([item(0)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', retryable: false, message: 'occurredAt is more than 5 minutes in the future' });
    expect(received).toHaveLength(1);
  });

  it('does not retry UNAUTHENTICATED', async () => {
    handler = (_req, res) => json(res, 200, { data: null, errors: [{ message: 'bad key', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(new GatewayClient({ url, token: 'nope', ...fast }).recordTouchpoints([item(0)])).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      retryable: false,
    });
    expect(received).toHaveLength(1);
  });

  it('halves a batch the gateway finds too large (413) and keeps indices right', async () => {
    handler = (req, res, n) => {
      if ((req.variables.input as unknown[]).length > 2) return void res.writeHead(413).end('too large');
      ingesting(req, res, n);
    };
    const items = [item(0), item(1, 'bad'), item(2), item(3), item(4, 'bad')];
    const result = await new GatewayClient({ url, ...fast }).recordTouchpoints(items);
    expect(result.accepted).toBe(3);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 4]);
    const sizes = received.map((r) => (r.variables.input as unknown[]).length);
    expect(sizes.filter((s) => s <= 2).reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('GatewayClient transport failures', () => {
  it('turns a silent gateway into a retryable TIMEOUT', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const err = await new GatewayClient({ url, timeoutMs: 150, retries: 0 }).recordTouchpoints([item(0)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('recovers when only the first attempt times out', async () => {
    handler = (req, res, n) => (n === 1 ? undefined : ingesting(req, res, n));
    const result = await new GatewayClient({ url, timeoutMs: 150, ...fast }).recordTouchpoints([item(0)]);
    expect(result.accepted).toBe(1);
    expect(received).toHaveLength(2);
  });

  it('reports an unreachable gateway as a retryable NETWORK error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await new GatewayClient({ url: `http://127.0.0.1:${port}`, retries: 1, backoffBaseMs: 1 })
      .recordTouchpoints([item(0)])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK', retryable: true, attempts: 2 });
  });
});

describe('GatewayClient.login and recordSatisfaction', () => {
  it('uses the token from login for the next calls', async () => {
    handler = (req, res) => {
      if (req.query.includes('login(')) {
        return json(res, 200, { data: { login: { token: 'user-token', role: 'AGENT', unitId: 'prj-grid-uhv01' } } });
      }
      json(res, 200, {
        data: {
          recordSatisfaction: {
            id: req.variables.touchpointId,
            unit: { id: 'prj-grid-uhv01' },
            occurredAt: '2026-01-01T00:00:00Z',
            receivedAt: '2026-01-01T00:00:01Z',
            resolved: true,
            satisfaction: req.variables.satisfaction,
          },
        },
      });
    };
    const client = new GatewayClient({ url, ...fast });
    const session = await client.login('agent.uhv', 'demo-agent-uhv-2026');
    expect(session).toEqual({ token: 'user-token', role: 'AGENT', unitId: 'prj-grid-uhv01' });
    expect(received[0].variables).toEqual({ username: 'agent.uhv', password: 'demo-agent-uhv-2026' });

    const rated = await client.recordSatisfaction('tp-1', { score: 4, comment: 'quick' });
    expect(rated.satisfaction).toEqual({ score: 4, comment: 'quick' });
    expect(received[1].headers.authorization).toBe('Bearer user-token');
  });

  it('surfaces NOT_FOUND for an unknown touchpoint without retrying', async () => {
    handler = (_req, res) => json(res, 200, { data: null, errors: [{ message: 'touchpoint tp-x not found', extensions: { code: 'NOT_FOUND' } }] });
    await expect(new GatewayClient({ url, ...fast }).recordSatisfaction('tp-x', { score: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(received).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  const opts = { baseMs: 200, maxMs: 10_000 };

  it.each([
    [0, 200],
    [1, 400],
    [3, 1600],
    [5, 6400],
    [6, 10_000],
    [40, 10_000],
  ])('attempt %i draws below a cap of %i ms', (attempt, cap) => {
    expect(backoffDelay(attempt, opts, () => 0)).toBe(0);
    expect(backoffDelay(attempt, opts, () => 0.5)).toBe(cap / 2);
    expect(backoffDelay(attempt, opts, () => 0.999999)).toBeLessThan(cap);
    expect(backoffDelay(attempt, opts, () => 0.999999)).toBeGreaterThanOrEqual(cap - 1);
  });

  it('stays within [0, min(max, base * 2^attempt)) for any draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, baseMs, maxMs, r) => {
          const d = backoffDelay(attempt, { baseMs, maxMs }, () => r);
          const cap = Math.min(maxMs, baseMs * 2 ** attempt);
          return Number.isInteger(d) && d >= 0 && d < cap;
        },
      ),
    );
  });
});

import { createServer, type Server } from 'node:http';
import { agentFlow, DEAD_LETTERS, LOG_MANY, TestSite, waitFor, type LocalTouchpoint } from './support/site-harness';

// How the forwarder reads answers the real gateway gives only when something is
// wrong: a whole call refused for one bad item, and a gateway whose own
// database is failing. A scripted stand-in plays the gateway here.

jest.setTimeout(60_000);

interface Call {
  op: string;
  customerIds: string[];
}

class ScriptedGateway {
  readonly calls: Call[] = [];
  failuresLeft = 0;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        // Its /health says what its database says: failing while the failures last.
        if (req.url === '/health') {
          res.writeHead(this.failuresLeft > 0 ? 503 : 200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ status: this.failuresLeft > 0 ? 'unavailable' : 'ok' }));
        }
        const { query, variables } = JSON.parse(body) as { query: string; variables: { input?: { customerId: string }[] } };
        const reply = (status: number, payload: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        if (query.includes('login')) return reply(200, { data: { login: { token: 'gw-token', role: 'AGENT', unitId: 'bu-a' } } });
        if (query.includes('orgUnits')) return reply(200, { data: { orgUnits: [{ id: 'bu-a', parent: null }] } });
        if (query.includes('commitmentCatalogue')) return reply(200, { data: { commitmentCatalogue: [] } });
        if (query.includes('perceptionPointCatalogue')) return reply(200, { data: { perceptionPointCatalogue: [] } });
        if (query.includes('followUps')) return reply(200, { data: { followUps: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } });
        const items = variables.input ?? [];
        this.calls.push({ op: 'recordTouchpoints', customerIds: items.map((i) => i.customerId) });
        // Apollo answers a resolver's crash with HTTP 200 and INTERNAL_SERVER_ERROR: not the items' fault.
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          return reply(200, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null });
        }
        if (items.some((i) => i.customerId === 'poison')) {
          return reply(400, { errors: [{ message: 'Variable "$input" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] });
        }
        reply(200, { data: { recordTouchpoints: { accepted: items.length, duplicates: 0, rejected: [] } } });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

describe('site forwarder against unusual gateway answers', () => {
  let gw: ScriptedGateway;
  let site: TestSite;
  let agent: string;

  beforeEach(async () => {
    gw = new ScriptedGateway();
    await gw.start();
    site = await TestSite.start(gw.url);
    agent = await site.login('agent.a1', 'whatever');
  });

  afterEach(async () => {
    await site?.destroy();
    await gw?.stop();
  });

  it('splits a batch refused as a whole until the one bad item stands alone, and forwards the rest', async () => {
    gw.failuresLeft = 0;
    const input = ['a', 'b', 'poison', 'c', 'd'].map((customerId) => agentFlow({ customerId }));
    const res = await site.gql<{ logTouchpoints: LocalTouchpoint[] }>(LOG_MANY, { input }, agent);
    expect(res.errors).toBeUndefined();

    const status = await waitFor('the batch to be settled', async () => {
      const s = await site.status(agent);
      return s.backlog === 0 && s;
    });
    expect(status).toMatchObject({ forwarded: 4, deadLetters: 1 });
    const letters = (await site.gql<{ deadLetters: { code: string; payload: string }[] }>(DEAD_LETTERS, {}, agent)).data!.deadLetters;
    expect(letters.map((l) => [l.code, JSON.parse(l.payload).customerId])).toEqual([['BAD_USER_INPUT', 'poison']]);
    // Every good item reached the gateway in some call that was answered with success.
    const delivered = gw.calls.filter((c) => !c.customerIds.includes('poison')).flatMap((c) => c.customerIds);
    expect(delivered.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never dead-letters work because the gateway itself fails: it retries until the gateway recovers', async () => {
    gw.failuresLeft = 3;
    await site.gql(LOG_MANY, { input: [agentFlow({ customerId: 'x' }), agentFlow({ customerId: 'y' })] }, agent);
    const status = await waitFor('the backlog to drain', async () => {
      const s = await site.status(agent);
      return s.backlog === 0 && s;
    });
    expect(status).toMatchObject({ forwarded: 2, deadLetters: 0 });
    expect(status.lastError).toContain('INTERNAL_SERVER_ERROR');
    // Retried whole while its health said so; once it works again a failed call may be halved to find a culprit.
    expect(gw.calls.slice(0, 3).map((c) => c.customerIds)).toEqual([['x', 'y'], ['x', 'y'], ['x', 'y']]);
    expect(gw.calls.length).toBeLessThanOrEqual(5);
  });
});

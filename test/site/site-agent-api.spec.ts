import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, isObjectType } from 'graphql';
import { randomUUID } from 'node:crypto';
import { idTime } from '@qihe/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findIncompatibilities, reachable } from '../contract/schema-compat';
import { agentFlow, LOG_MANY, LOG_ONE, STATUS, SwitchableGateway, TestSite, TOUCHPOINT, type Gql, type LocalTouchpoint } from './support/site-harness';
import { siteGraphql } from '../__generated__/site';
import { LOGIN as GATEWAY_LOGIN } from '../support/documents';

// The agent API of a site: sign-in online and offline, who may sign in, the
// gateway's validation rules, what the site fills in, and the contract file.

jest.setTimeout(60_000);

const CONTRACT = join(__dirname, '../../libs/contracts/src/site-api.graphql');
const LOGIN = siteGraphql(`mutation AgentLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token username role unitId siteId } }`);
const ME = siteGraphql(`query AgentMe { me { username role unitId siteId token } }`);
const code = (res: Gql<unknown>): string | undefined => res.errors?.[0]?.extensions?.code;

describe('site agent API', () => {
  let gw: SwitchableGateway;
  let site: TestSite;

  beforeAll(async () => {
    gw = await SwitchableGateway.create();
    await gw.up();
    site = await TestSite.start(gw.url);
  });

  afterAll(async () => {
    await site?.destroy();
    await gw?.destroy();
  });

  describe('sign-in', () => {
    afterEach(async () => {
      await gw.up();
    });

    it('signs an agent in through the gateway and answers with a site token', async () => {
      const res = await site.gql(LOGIN, { u: 'agent.a1', p: 'agent-a1-password' });
      expect(res.data?.login).toMatchObject({ username: 'agent.a1', role: 'AGENT', unitId: 'prj-a1', siteId: 'site-a' });
      const token = res.data!.login.token;
      const me = await site.gql(ME, {}, token);
      expect(me.data?.me).toEqual({ username: 'agent.a1', role: 'AGENT', unitId: 'prj-a1', siteId: 'site-a', token });
      // A gateway token is not a site token.
      const gwToken = (await gw.gql(GATEWAY_LOGIN, { u: 'agent.a1', p: 'agent-a1-password' })).data!.login.token;
      expect(code(await site.gql(STATUS, {}, gwToken))).toBe('UNAUTHENTICATED');
      expect(code(await site.gql(STATUS))).toBe('UNAUTHENTICATED');
    });

    it('refuses a wrong password and users of units the site does not serve', async () => {
      expect(code(await site.gql(LOGIN, { u: 'agent.a1', p: 'nope' }))).toBe('UNAUTHENTICATED');
      expect(code(await site.gql(LOGIN, { u: 'nobody', p: 'nope' }))).toBe('UNAUTHENTICATED');
      const other = await site.gql(LOGIN, { u: 'head.b', p: 'head-b-password' });
      expect(code(other)).toBe('FORBIDDEN');
      expect(other.errors?.[0].message).toContain('bu-b');
      // The site's own unit is served, of course.
      expect((await site.gql(LOGIN, { u: 'head.a', p: 'head-a-password' })).errors).toBeUndefined();
    });

    it('signs a known agent in while the gateway is unreachable, with the right password only', async () => {
      await site.login('agent.a1', 'agent-a1-password');
      await gw.down();
      const offline = await site.gql(LOGIN, { u: 'agent.a1', p: 'agent-a1-password' });
      expect(offline.errors).toBeUndefined();
      expect(offline.data?.login.unitId).toBe('prj-a1');
      expect((await site.gql(STATUS, {}, offline.data!.login.token)).errors).toBeUndefined();
      expect(code(await site.gql(LOGIN, { u: 'agent.a1', p: 'wrong-password' }))).toBe('UNAUTHENTICATED');
      // Never signed in here: not known, so not let in while the gateway cannot vouch.
      expect(code(await site.gql(LOGIN, { u: 'exec', p: 'exec-password' }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('logging', () => {
    let agent: string;

    beforeAll(async () => {
      agent = await site.login('agent.a1', 'agent-a1-password');
    });

    it('fills in id, unit, time and agent, and keeps what was given', async () => {
      const before = Date.now();
      const res = await site.gql(LOG_ONE, { input: agentFlow() }, agent);
      expect(res.errors).toBeUndefined();
      const t = res.data!.logTouchpoint;
      // A time-ordered UUIDv7 made now, so the gateway's index grows at its right edge.
      expect(t.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(idTime(t.id)).toBeGreaterThanOrEqual(before);
      expect(idTime(t.id)).toBeLessThanOrEqual(Date.now());
      expect(t).toMatchObject({ unitId: 'prj-a1', agentId: 'agent.a1', customerId: 'cust-1' });
      expect(Date.parse(t.occurredAt)).toBeGreaterThanOrEqual(before - 1000);

      const id = randomUUID();
      const given = await site.gql(LOG_ONE, { input: agentFlow({ id, unitId: 'prj-a2', occurredAt: '2026-01-02T03:04:05Z' }) }, agent);
      expect(given.data?.logTouchpoint).toMatchObject({ id, unitId: 'prj-a2', occurredAt: '2026-01-02T03:04:05.000Z' });
    });

    it('is idempotent on the id: the same content again is the same touchpoint, other content is refused', async () => {
      const id = randomUUID();
      const first = await site.gql(LOG_ONE, { input: agentFlow({ id, occurredAt: '2026-01-02T03:04:05Z' }) }, agent);
      const again = await site.gql(LOG_ONE, { input: agentFlow({ id, occurredAt: '2026-01-02T03:04:05Z' }) }, agent);
      expect(again.data?.logTouchpoint.acceptedAt).toBe(first.data?.logTouchpoint.acceptedAt);
      const other = await site.gql(LOG_ONE, { input: agentFlow({ id, customerId: 'other', occurredAt: '2026-01-02T03:04:05Z' }) }, agent);
      expect(code(other)).toBe('BAD_USER_INPUT');
      expect(other.errors?.[0].extensions?.field).toBe('id');
    });

    it.each([
      ['an empty customer id', { customerId: '' }, 'customerId'],
      ['a score out of range', { satisfaction: { score: 9 } }, 'satisfaction.score'],
      ['a negative handling time', { service: { action: 'x', handleSeconds: -1, resolved: true, firstContact: true } }, 'service.handleSeconds'],
      ['a time far in the future', { occurredAt: '2099-01-01T00:00:00Z' }, 'occurredAt'],
      ['an id that is not a UUID', { id: 'abc' }, 'id'],
      ['a unit outside the site', { unitId: 'bu-b' }, 'unitId'],
    ])('refuses %s with the field named', async (_, change, field) => {
      const res = await site.gql(LOG_ONE, { input: agentFlow(change) }, agent);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(res.errors?.[0].message).toContain(field);
    });

    it('takes a list all or nothing, naming the index of the bad item', async () => {
      const ok = agentFlow({ id: randomUUID() });
      const res = await site.gql(LOG_MANY, { input: [ok, agentFlow({ need: { category: 'FAULT', description: 'x'.repeat(2001) } })] }, agent);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/^input\[1\]\.need\.description/);
      const nothing = await site.gql(TOUCHPOINT, { id: ok.id }, agent);
      expect(nothing.data?.touchpoint).toBeNull();
      expect(code(await site.gql(LOG_MANY, { input: [] }, agent))).toBe('BAD_USER_INPUT');
    });

    it("keeps one agent's touchpoints from another agent", async () => {
      const mine = (await site.gql(LOG_ONE, { input: agentFlow() }, agent)).data!.logTouchpoint;
      await gw.up();
      const head = await site.login('head.a', 'head-a-password');
      expect((await site.gql(TOUCHPOINT, { id: mine.id }, head)).data?.touchpoint?.id).toBe(mine.id);
      const theirs = (await site.gql(LOG_ONE, { input: agentFlow() }, head)).data!.logTouchpoint;
      expect(code(await site.gql(TOUCHPOINT, { id: theirs.id }, agent))).toBe('FORBIDDEN');
    });
  });

  describe('sign-in limit', () => {
    // The gateway limits sign-in attempts per username; once it says "wait", the
    // site must not sign the user in offline instead (that would lift the limit).
    it('passes the gateway\'s TOO_MANY_REQUESTS on, even for a known user with the right password', async () => {
      await gw.up();
      await site.login('head.a', 'head-a-password'); // known here, so an offline sign-in would be possible
      let refusal: string | undefined;
      for (let i = 0; i < 40 && !refusal; i++) {
        const c = code(await site.gql(LOGIN, { u: 'head.a', p: `guess-${i}` }));
        if (c !== 'UNAUTHENTICATED') refusal = c;
      }
      expect(refusal).toBe('TOO_MANY_REQUESTS');
      const right = await site.gql(LOGIN, { u: 'head.a', p: 'head-a-password' });
      expect(code(right)).toBe('TOO_MANY_REQUESTS');
      expect(right.errors?.[0].message).toContain('too many login attempts');
      const agent = await site.login('agent.a1', 'agent-a1-password');
      const status = await site.gql<{ siteStatus: { gatewayReachable: boolean } }>(STATUS, {}, agent);
      expect(status.data?.siteStatus.gatewayReachable).toBe(true);
    });
  });

  describe('contract', () => {
    it('serves every type, field and argument of libs/contracts/src/site-api.graphql', () => {
      const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
      const actual = site.nest.get(GraphQLSchemaHost).schema;
      expect(findIncompatibilities(contract, actual)).toEqual([]);
      for (const root of [contract.getQueryType(), contract.getMutationType()]) {
        const served = actual.getType(root!.name);
        if (!isObjectType(served)) throw new Error(`${root!.name} not served`);
        for (const field of Object.values(root!.getFields())) {
          for (const arg of field.args) expect([field.name, arg.name, served.getFields()[field.name].args.find((a) => a.name === arg.name)?.defaultValue]).toEqual([field.name, arg.name, arg.defaultValue]);
        }
      }
    });

    // The file is the site's whole API, not a subset: the console's agent view is typed from it (npm run codegen).
    it('serves nothing libs/contracts/src/site-api.graphql lacks', () => {
      const contract = buildSchema(readFileSync(CONTRACT, 'utf8'));
      expect(findIncompatibilities(reachable(site.nest.get(GraphQLSchemaHost).schema), contract)).toEqual([]);
    });
  });
});

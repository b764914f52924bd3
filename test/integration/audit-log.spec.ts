import { Client } from 'pg';
import { AuditService } from '../../apps/gateway/src/audit/audit.service';
import { startTestGateway, TEST_ORG, type GqlResponse, type TestGateway } from '../support/gateway-app';
import type { TypedDocument } from '@qihe/client';
import { graphql } from '../__generated__/gateway';
import type { AuditLogQuery } from '../__generated__/gateway/graphql';
import { LOGIN, REVOKE } from '../support/documents';

// The audit trail on a real gateway and PostgreSQL: every audited action adds
// exactly one row saying who, what, when and from where; refused actions add
// none; the ADMIN pages through it; and no role, the gateway's own included,
// can change or remove a row.

const UPSERT_UNIT = graphql(`mutation AuditUpsertUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { id } }`);
const UPSERT_USER = graphql(`mutation AuditUpsertUser($input: UserInput!) { upsertUser(input: $input) { username } }`);
const ISSUE_KEY = graphql(`mutation AuditIssueKey($s: ID!, $u: ID!) { issueSiteKey(siteId: $s, unitId: $u) { key } }`);
const AUDIT_LOG = graphql(`
  query AuditLog($first: Int, $after: String, $action: AuditAction, $actor: String, $from: DateTime, $to: DateTime) {
    auditLog(first: $first, after: $after, action: $action, actor: $actor, from: $from, to: $to) {
      edges { cursor node { id at actorKind actor role action target details clientAddress userAgent requestId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

interface AuditRow {
  id: string;
  at: Date;
  actor_kind: string;
  actor: string;
  actor_role: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  client_address: string | null;
  user_agent: string | null;
  request_id: string | null;
}
type Page = AuditLogQuery;
type Node = Page['auditLog']['edges'][number]['node'];

let gw: TestGateway;
let pg: Client;
let adminToken: string;
let seq = 0;
const secrets: string[] = TEST_ORG.users.map((u) => u.password);

/** A GraphQL call with the headers a browser or proxy would send. */
async function gql<T>(query: string | TypedDocument<T, never>, variables: Record<string, unknown>, token?: string, requestId = `req-${++seq}`): Promise<GqlResponse<T>> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'audit-spec/1.0',
      'x-request-id': requestId,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: String(query), variables }),
  });
  return (await res.json()) as GqlResponse<T>;
}

// pg reads bigint as text, which is what the API's ids are too.
const rows = async (): Promise<AuditRow[]> => (await pg.query<AuditRow>('SELECT * FROM audit_log ORDER BY id')).rows;

/** Runs `act` and returns the rows it added (there must be exactly `n`). */
async function added(act: () => Promise<unknown>, n = 1): Promise<AuditRow[]> {
  const before = (await rows()).length;
  await act();
  const after = await rows();
  expect(after.length - before).toBe(n);
  return after.slice(before);
}

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
  pg = new Client({ connectionString: gw.databaseUrl });
  await pg.connect();
  const res = await gql(LOGIN, { u: 'admin', p: 'admin-password' });
  adminToken = res.data?.login.token ?? '';
});

afterAll(async () => {
  await pg?.end();
  await gw?.close();
});

describe('every audited action writes exactly one row', () => {
  it('a login: the user, their role, the address, the user agent and the request id', async () => {
    const [row] = await added(() => gql(LOGIN, { u: 'head.a', p: 'head-a-password' }, undefined, 'login-ok-1'));
    expect(row).toMatchObject({
      actor_kind: 'USER',
      actor: 'head.a',
      actor_role: 'UNIT_HEAD',
      action: 'LOGIN',
      details: { unitId: 'bu-a' },
      client_address: expect.stringMatching(/127\.0\.0\.1$/),
      user_agent: 'audit-spec/1.0',
      request_id: 'login-ok-1',
    });
    expect(Math.abs(new Date(row.at).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it.each([
    ['a wrong password', 'head.a', 'wrong-password'],
    ['an unknown user', 'nobody.here', 'whatever-password'],
  ])('a failed login (%s): the name claimed, no role', async (_, u, p) => {
    const [row] = await added(() => gql(LOGIN, { u, p }));
    expect(row).toMatchObject({ actor_kind: 'ANONYMOUS', actor: u, actor_role: null, action: 'LOGIN_FAILED', target: null, details: {} });
  });

  it('a failed login with a NUL and a huge name is stored cleaned and bounded', async () => {
    const [row] = await added(() => gql(LOGIN, { u: `x\u0000${'y'.repeat(5000)}`, p: 'whatever-password' }));
    expect(row.action).toBe('LOGIN_FAILED');
    expect(row.actor.startsWith('x\ufffdyyy')).toBe(true);
    expect(row.actor.length).toBeLessThanOrEqual(201);
  });

  it('upsertOrgUnit: a new unit, then a change, each with before and after', async () => {
    const unit = { id: 'prj-a3', name: 'Project A3', level: 'PROJECT', parentId: 'bu-a', region: 'East', industry: 'Energy' };
    const [created] = await added(() => gql(UPSERT_UNIT, { input: unit }, adminToken, 'unit-1'));
    expect(created).toMatchObject({ actor_kind: 'USER', actor: 'admin', actor_role: 'ADMIN', action: 'ORG_UNIT_UPSERTED', target: 'prj-a3', request_id: 'unit-1' });
    expect(created.details).toEqual({ before: null, after: unit });
    const [renamed] = await added(() => gql(UPSERT_UNIT, { input: { ...unit, name: 'Project A3 (renamed)' } }, adminToken));
    expect(renamed.details).toEqual({ before: unit, after: { ...unit, name: 'Project A3 (renamed)' } });
  });

  it('upsertUser: a new user, then a role change (its tokens revoked); never the password', async () => {
    const user = { username: 'agent.a3', password: 'agent-a3-password', role: 'AGENT', unitId: 'prj-a1' };
    secrets.push(user.password, 'agent-a3-new-password');
    const [created] = await added(() => gql(UPSERT_USER, { input: user }, adminToken));
    expect(created).toMatchObject({ actor: 'admin', action: 'USER_UPSERTED', target: 'agent.a3' });
    expect(created.details).toEqual({ before: null, after: { role: 'AGENT', unitId: 'prj-a1' }, passwordChanged: true });
    const [promoted, revoked] = await added(() => gql(UPSERT_USER, { input: { ...user, role: 'UNIT_HEAD', unitId: 'bu-a' } }, adminToken), 2);
    expect(promoted.details).toEqual({ before: { role: 'AGENT', unitId: 'prj-a1' }, after: { role: 'UNIT_HEAD', unitId: 'bu-a' }, passwordChanged: false });
    expect(revoked).toMatchObject({ actor: 'admin', action: 'TOKENS_REVOKED', target: 'agent.a3', details: { reason: 'role, unit or password changed' } });
    const [repassworded, revokedAgain] = await added(
      () => gql(UPSERT_USER, { input: { ...user, role: 'UNIT_HEAD', unitId: 'bu-a', password: 'agent-a3-new-password' } }, adminToken),
      2,
    );
    expect(repassworded.details).toMatchObject({ passwordChanged: true });
    expect(revokedAgain).toMatchObject({ action: 'TOKENS_REVOKED', target: 'agent.a3' });
    // The same again changes nothing: no tokens revoked.
    const [same] = await added(() => gql(UPSERT_USER, { input: { ...user, role: 'UNIT_HEAD', unitId: 'bu-a', password: 'agent-a3-new-password' } }, adminToken));
    expect(same).toMatchObject({ action: 'USER_UPSERTED', details: { passwordChanged: false } });
  });

  it('revokeTokens: who revoked whose tokens, from where', async () => {
    const [row] = await added(() => gql(REVOKE, { u: 'agent.a3' }, adminToken, 'revoke-1'));
    expect(row).toMatchObject({ actor_kind: 'USER', actor: 'admin', action: 'TOKENS_REVOKED', target: 'agent.a3', details: { reason: 'revokeTokens' }, request_id: 'revoke-1' });
  });

  it('issueSiteKey: a new site, then a rotation; never the key', async () => {
    const first = await gql<{ issueSiteKey: { key: string } }>(ISSUE_KEY, { s: 'site-a3', u: 'prj-a1' }, adminToken);
    const [rotationRow] = await added(async () => {
      const again = await gql<{ issueSiteKey: { key: string } }>(ISSUE_KEY, { s: 'site-a3', u: 'prj-a2' }, adminToken);
      secrets.push(first.data?.issueSiteKey.key ?? 'missing', again.data?.issueSiteKey.key ?? 'missing');
    });
    expect(rotationRow).toMatchObject({ actor: 'admin', action: 'SITE_KEY_ISSUED', target: 'site-a3' });
    expect(rotationRow.details).toEqual({ before: { unitId: 'prj-a1' }, after: { unitId: 'prj-a2' }, rotated: true });
    const created = (await rows()).filter((r) => r.target === 'site-a3');
    expect(created.map((r) => r.details.rotated)).toEqual([false, true]);
  });

  it('the API other features call: record(entry) appends one row as given', async () => {
    const audit = gw.app.get(AuditService);
    const [row] = await added(() =>
      audit.record({
        actor: { kind: 'USER', id: 'admin', role: 'ADMIN' },
        action: 'TOKENS_REVOKED',
        target: 'agent.a1',
        details: { reason: 'role changed', tokenVersion: 2 },
        origin: { clientAddress: '10.0.0.9', userAgent: null, requestId: 'r-9' },
      }),
    );
    expect(row).toMatchObject({ actor: 'admin', action: 'TOKENS_REVOKED', target: 'agent.a1', details: { reason: 'role changed', tokenVersion: 2 }, client_address: '10.0.0.9', request_id: 'r-9' });
  });
});

describe('refused actions write nothing', () => {
  it.each([
    ['a non-admin upsertUser', 'exec', UPSERT_USER, { input: { username: 'exec', password: 'promoted-password', role: 'ADMIN', unitId: 'group' } }],
    ['a non-admin issueSiteKey', 'head.a', ISSUE_KEY, { s: 'site-a', u: 'bu-a' }],
    ['an invalid unit', 'admin', UPSERT_UNIT, { input: { id: 'bad unit id', name: 'x', level: 'PROJECT', parentId: 'bu-a' } }],
    ['an anonymous upsertOrgUnit', null, UPSERT_UNIT, { input: { id: 'prj-x', name: 'x', level: 'PROJECT', parentId: 'bu-a' } }],
    ['a revokeTokens of another user by a non-admin', 'head.a', REVOKE, { u: 'exec' }],
    ['a revokeTokens of an unknown user', 'admin', REVOKE, { u: 'nobody-here' }],
  ])('%s', async (_, who, doc, vars) => {
    const user = TEST_ORG.users.find((u) => u.username === who);
    const token = user ? (await gql(LOGIN, { u: user.username, p: user.password })).data?.login.token : undefined;
    await added(async () => expect((await gql<unknown>(doc, vars, token)).errors).toHaveLength(1), 0);
  });
});

describe('the ADMIN reads the trail', () => {
  it('newest first, paged by cursor: every row exactly once, as stored', async () => {
    const stored = await rows();
    const seen: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const res: GqlResponse<Page> = await gql(AUDIT_LOG, { first: 3, after }, adminToken);
      expect(res.errors).toBeUndefined();
      const page: Page['auditLog'] = res.data!.auditLog;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Reading adds no row; the logins of the reads above are not in what was stored before.
    expect(seen.map((n) => n.id)).toEqual(stored.map((r) => r.id).reverse());
    const last = stored[stored.length - 1];
    expect(seen[0]).toEqual({
      id: last.id,
      at: new Date(last.at).toISOString(),
      actorKind: last.actor_kind,
      actor: last.actor,
      role: last.actor_role,
      action: last.action,
      target: last.target,
      details: JSON.stringify(last.details),
      clientAddress: last.client_address,
      userAgent: last.user_agent,
      requestId: last.request_id,
    });
  });

  it('filters by action, actor and time', async () => {
    const stored = await rows();
    const page = async (vars: Record<string, unknown>): Promise<string[]> =>
      (await gql(AUDIT_LOG, { first: 500, ...vars }, adminToken)).data!.auditLog.edges.map((e) => e.node.id);
    const ids = (pred: (r: AuditRow) => boolean): string[] => stored.filter(pred).map((r) => r.id).reverse();
    expect(await page({ action: 'LOGIN_FAILED' })).toEqual(ids((r) => r.action === 'LOGIN_FAILED'));
    expect(await page({ actor: 'head.a' })).toEqual(ids((r) => r.actor === 'head.a'));
    expect(await page({ actor: 'head.a', action: 'LOGIN' })).toEqual(ids((r) => r.actor === 'head.a' && r.action === 'LOGIN'));
    const mid = new Date(stored[Math.floor(stored.length / 2)].at);
    expect(await page({ to: mid.toISOString() })).toEqual(ids((r) => new Date(r.at) < mid));
    const later = await page({ from: mid.toISOString() });
    expect(later.slice(later.length - ids((r) => new Date(r.at) >= mid).length)).toEqual(ids((r) => new Date(r.at) >= mid));
    expect(await page({ from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' })).toEqual([]);
  });

  it.each([
    ['a tampered cursor', { after: Buffer.from('audit:99999999999999999999').toString('base64url') }, 'after'],
    ['a cursor of another query', { after: Buffer.from('1764000000000:00000000-0000-0000-0000-000000000000').toString('base64url') }, 'after'],
    ['first 0', { first: 0 }, 'first'],
    ['first 501', { first: 501 }, 'first'],
    ['to before from', { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'to'],
    ['year 0', { from: '0000-06-01T00:00:00Z' }, 'from'],
  ])('answers %s with BAD_USER_INPUT naming the argument', async (_, vars, field) => {
    const res = await gql(AUDIT_LOG, vars, adminToken);
    expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
  });

  it('no password or site key is anywhere in the trail', async () => {
    const text = (await pg.query<{ t: string }>('SELECT row_to_json(a)::text AS t FROM audit_log a')).rows.map((r) => r.t).join('\n');
    expect(secrets.length).toBeGreaterThan(6);
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
  });
});

describe('rows cannot be changed, even by the gateway\'s own database role', () => {
  it.each([
    ['UPDATE', `UPDATE audit_log SET actor = 'someone-else'`],
    ['DELETE', `DELETE FROM audit_log WHERE action = 'LOGIN_FAILED'`],
    ['TRUNCATE', `TRUNCATE audit_log`],
    ['an INSERT that picks its own id', `INSERT INTO audit_log (id, actor_kind, actor, action) VALUES (1, 'USER', 'x', 'LOGIN')`],
    ['details that are not an object', `INSERT INTO audit_log (actor_kind, actor, action, details) VALUES ('USER', 'x', 'LOGIN', '[]')`],
  ])('%s is refused', async (_, sql) => {
    const before = await rows();
    await expect(pg.query(sql)).rejects.toThrow(/append-only|cannot insert a non-DEFAULT value|check constraint/);
    expect(await rows()).toEqual(before);
  });
});

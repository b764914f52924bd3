import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { Args, GraphQLModule, GraphQLSchemaHost, Int, Query, Resolver } from '@nestjs/graphql';
import { checkWindow, RefusalCode, RefusalError, REFUSAL_CODES, SCORE_READERS, type Caller } from '@qihe/domain';
import { QiheErrorFilter } from '../errors/qihe-error.filter';
import { apiGraphQLOptions } from '../nest/api-graphql';
import { callersGuard, Callers, Public } from './callers.guard';
import { CurrentCaller, OptionalCaller, type CallerContext } from './current-caller.decorator';

// The guard and the error mapping in a real Nest GraphQL app: who may call a
// resolver is stated on it, and domain errors reach the caller with their
// contract code, through the same plumbing as the gateway's and the sites'.

const CALLERS: Record<string, Caller> = {
  head: { kind: 'user', username: 'head.a', role: 'UNIT_HEAD', unitId: 'bu-a' },
  agent: { kind: 'user', username: 'agent.a1', role: 'AGENT', unitId: 'prj-a1' },
  site: { kind: 'site', siteId: 'site-a', unitId: 'bu-a' },
};

@Resolver()
class ProbeResolver {
  @Query(() => String)
  @Callers(...SCORE_READERS)
  scores(@CurrentCaller() caller: Caller): string {
    return caller.kind === 'user' ? caller.username : caller.siteId;
  }

  @Query(() => String)
  @Public()
  hello(@OptionalCaller() caller: Caller | null): string {
    return caller ? 'hello caller' : 'hello stranger';
  }

  @Query(() => String)
  forgotten(): string {
    return 'open by mistake';
  }

  @Query(() => Int)
  @Public()
  window(@Args('from') from: string, @Args('to') to: string): number {
    return checkWindow(new Date(from), new Date(to)).to;
  }

  @Query(() => Int)
  @Public()
  refuse(@Args('code') code: string): number {
    throw new RefusalError(code as RefusalCode, 'touchpointId', `refused: ${code}`);
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      ...apiGraphQLOptions<CallerContext>({ production: true, context: (token) => ({ caller: (token && CALLERS[token]) || null, token }) }),
    }),
  ],
  providers: [ProbeResolver, { provide: APP_FILTER, useClass: QiheErrorFilter }, callersGuard('sign in first')],
})
class ProbeModule {}

let app: INestApplication;
let url: string;

beforeAll(async () => {
  app = await NestFactory.create(ProbeModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  url = `${await app.getUrl()}/graphql`;
});
afterAll(() => app?.close());

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function gql(query: string, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as Answer;
}
const failure = (a: Answer): [unknown, string] => [a.errors?.[0]?.extensions?.code, a.errors?.[0]?.message ?? ''];

describe('@Callers and the CallersGuard', () => {
  it('lets a listed kind of caller through, with the caller as an argument', async () => {
    expect((await gql('{ scores }', 'head')).data).toEqual({ scores: 'head.a' });
  });

  it.each([
    ['agent', 'scores is for UNIT_HEAD, EXECUTIVE, ADMIN; this caller is AGENT'],
    ['site', 'scores is for UNIT_HEAD, EXECUTIVE, ADMIN; this caller is a site key'],
  ])('refuses a caller not listed (%s) with FORBIDDEN, naming who may call', async (who, message) => {
    expect(failure(await gql('{ scores }', who))).toEqual(['FORBIDDEN', message]);
  });

  it("refuses an anonymous caller with UNAUTHENTICATED and the app's sign-in hint", async () => {
    expect(failure(await gql('{ scores }'))).toEqual(['UNAUTHENTICATED', 'sign in first']);
  });

  it('lets anyone call a @Public resolver', async () => {
    expect((await gql('{ hello }')).data).toEqual({ hello: 'hello stranger' });
    expect((await gql('{ hello }', 'agent')).data).toEqual({ hello: 'hello caller' });
  });

  it('refuses a resolver that states neither, whoever calls (fails closed)', async () => {
    for (const who of [undefined, 'head', 'site']) {
      expect((await gql('{ forgotten }', who)).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    }
  });
});

describe('Apollo plumbing', () => {
  it('answers cache-control: no-store without wrapping every resolver in per-field hooks', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Apollo marks a schema whose resolvers it wrapped for willResolveField hooks (the default cache-control plugin's).
    const schema = app.get(GraphQLSchemaHost).schema;
    expect(Object.getOwnPropertySymbols(schema).map((s) => s.description)).not.toContain('apolloServerPluginsEnabled');
  });
});

describe('domain errors reach the caller with their contract code (one mapping, libs/server)', () => {
  it('a WindowError is BAD_USER_INPUT naming its field', async () => {
    const a = await gql('{ window(from: "2026-01-01T00:30:00Z", to: "2026-01-02T00:00:00Z") }');
    expect(a.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^"from" must be a whole UTC hour/), extensions: { code: 'BAD_USER_INPUT', field: 'from' } });
  });

  const SINGLE: [RefusalCode, string][] = [
    [RefusalCode.INVALID, 'BAD_USER_INPUT'],
    [RefusalCode.UNKNOWN_UNIT, 'NOT_FOUND'],
    [RefusalCode.FORBIDDEN_UNIT, 'FORBIDDEN'],
    [RefusalCode.CONFLICT, 'BAD_USER_INPUT'],
    [RefusalCode.NOT_FOUND, 'NOT_FOUND'],
    [RefusalCode.TOUCHPOINT_DEAD, 'BAD_USER_INPUT'],
    [RefusalCode.TOO_OLD, 'BAD_USER_INPUT'],
  ];
  it.each(SINGLE)('a single item refused %s is %s', async (code, graphqlCode) => {
    const a = await gql(`{ refuse(code: "${code}") }`);
    expect(a.errors?.[0]).toMatchObject({ message: `refused: ${code}`, extensions: { code: graphqlCode } });
  });

  it('the table above covers every refusal code', () => {
    expect(SINGLE.map(([code]) => code).sort()).toEqual([...REFUSAL_CODES].sort());
  });
});

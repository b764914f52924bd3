import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildClientSchema, buildSchema, getIntrospectionQuery, isObjectType, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '@qihe/server';
import { GATEWAY_SDL_TITLE, gatewaySchemaSdl } from '../../apps/gateway/src/print-schema';
import { startTestGateway, TEST_ORG, type TestGateway } from '../support/gateway-app';
import { managementCoordinates, MANAGEMENT_PARTS, NOT_BUILT, partContract } from './management-parts';
import { findIncompatibilities } from './schema-compat';
import { sharedContractDir } from './shared-contract';

// The gateway's SDL is committed in the repository (libs/contracts/src/gateway-api.graphql)
// and must be what the code serves. The public contract (shared/contract/schema.graphql,
// and each built part of management.graphql) is compared with the schema the
// gateway really serves: every name, argument and type a contract client uses
// must still be there. The checker itself is first tested on small SDL pairs.

const COMMITTED_SDL = join(__dirname, '../../libs/contracts/src/gateway-api.graphql');
const SHARED = sharedContractDir();
const REGENERATE = 'libs/contracts/src/gateway-api.graphql differs from the code: run `npm run codegen` and commit the result';

const BASE = `
  scalar DateTime
  enum Color { RED GREEN }
  interface Node { id: ID! }
  type Item implements Node { id: ID!, name: String, tags: [String!]!, color: Color!, at: DateTime }
  type Page implements Node { id: ID! }
  union Thing = Item
  input ItemInput { name: String!, note: String, tags: [String!] }
  type Query { item(id: ID!, first: Int = 50, after: String): Item, things: [Thing!]!, names: [String] }
  type Mutation { save(input: ItemInput!): Item! }
`;

// Each row makes one textual change to BASE and names what the checker must say about it.
const BREAKS: [string, string, string, string | string[]][] = [
  ['a type goes missing', 'type Page implements Node { id: ID! }', '', 'Page: type missing'],
  ['a type changes kind', 'enum Color { RED GREEN }', 'scalar Color', 'Color: is SCALAR, contract says ENUM'],
  ['a field goes missing', 'name: String, tags', 'tags', 'Item.name: field missing'],
  ['an output field becomes nullable', 'color: Color!', 'color: Color', 'Item.color: type Color, contract says Color!'],
  ['a list item becomes nullable', 'tags: [String!]!', 'tags: [String]!', 'Item.tags: type [String]!, contract says [String!]!'],
  ['a list becomes a single value', 'tags: [String!]!', 'tags: String!', 'Item.tags: type String!, contract says [String!]!'],
  ['an output field changes its named type', 'at: DateTime', 'at: String', 'Item.at: type String, contract says DateTime'],
  ['an argument goes missing', 'first: Int = 50, after: String', 'first: Int = 50', 'Query.item(after): argument missing'],
  ['an argument becomes non-null', 'first: Int = 50', 'first: Int! = 50', 'Query.item(first): argument type Int!, contract says Int'],
  ['an argument becomes nullable', 'item(id: ID!', 'item(id: ID', 'Query.item(id): argument type ID, contract says ID!'],
  ['an argument changes its default', 'first: Int = 50', 'first: Int = 20', 'Query.item(first): default 20, contract says 50'],
  ['an argument loses its default', 'first: Int = 50', 'first: Int', 'Query.item(first): default none, contract says 50'],
  ['a required argument is added', 'after: String)', 'after: String, mode: Int!)', 'Query.item(mode): new required argument'],
  ['an input field goes missing', 'note: String, tags', 'tags', 'ItemInput.note: input field missing'],
  ['an input field changes its type', 'name: String!, note', 'name: String, note', 'ItemInput.name: input type String, contract says String!'],
  ['a required input field is added', 'tags: [String!] }', 'tags: [String!], owner: ID! }', 'ItemInput.owner: new required input field'],
  ['an enum value goes missing', '{ RED GREEN }', '{ RED BLUE }', 'Color.GREEN: enum value missing'],
  ['an interface is dropped', 'type Item implements Node {', 'type Item {', 'Item: does not implement Node'],
  ['a union member is dropped', 'union Thing = Item', 'type Other { x: Int }\nunion Thing = Other', 'Thing: union member Item missing'],
  ['a root type is renamed', 'type Mutation { save', 'schema { query: Query, mutation: Writes }\ntype Writes { save', ['schema.mutation: root type Writes, contract says Mutation', 'Mutation: type missing']],
];

const ADDITIONS: [string, string, string][] = [
  ['a new type', 'scalar DateTime', 'scalar DateTime\ntype Extra { x: Int }'],
  ['a new field', 'at: DateTime }', 'at: DateTime, extra: [Int] }'],
  ['an output made stricter', 'name: String,', 'name: String!,'],
  ['a nullable list and its items made non-null', 'names: [String]', 'names: [String!]!'],
  ['a new optional argument', 'after: String)', 'after: String, mode: Int)'],
  ['a new required argument with a default', 'after: String)', 'after: String, mode: Int! = 3)'],
  ['a new optional input field', 'tags: [String!] }', 'tags: [String!], owner: ID }'],
  ['a new required input field with a default', 'tags: [String!] }', 'tags: [String!], owner: ID! = "me" }'],
  ['a new enum value', '{ RED GREEN }', '{ RED GREEN BLUE }'],
  ['a new union member', 'union Thing = Item', 'type Other { x: Int }\nunion Thing = Item | Other'],
];

const edited = (from: string, to: string): GraphQLSchema => {
  expect(BASE).toContain(from);
  return buildSchema(BASE.replace(from, to));
};

describe('findIncompatibilities', () => {
  it('finds nothing between a schema and itself', () => {
    expect(findIncompatibilities(buildSchema(BASE), buildSchema(BASE))).toEqual([]);
  });

  it.each(BREAKS)('catches %s', (_, from, to, expected) => {
    expect(findIncompatibilities(buildSchema(BASE), edited(from, to))).toEqual(typeof expected === 'string' ? [expected] : expected);
  });

  it.each(ADDITIONS)('accepts %s', (_, from, to) => {
    expect(findIncompatibilities(buildSchema(BASE), edited(from, to))).toEqual([]);
  });

  it('reports every break, not only the first', () => {
    const broken = buildSchema(BASE.replace('{ RED GREEN }', '{ RED }').replace('name: String, ', ''));
    expect(findIncompatibilities(buildSchema(BASE), broken).sort()).toEqual(['Color.GREEN: enum value missing', 'Item.name: field missing']);
  });
});

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway(TEST_ORG);
});

afterAll(async () => {
  await gw?.close();
});

describe('the committed SDL of the gateway', () => {
  it('is the schema the gateway serves', () => {
    const served = printApiSchema(gw.app.get(GraphQLSchemaHost).schema, GATEWAY_SDL_TITLE);
    expect({ file: readFileSync(COMMITTED_SDL, 'utf8'), why: REGENERATE }).toEqual({ file: served, why: REGENERATE });
  });

  it('is what `npm run codegen` prints (from the resolvers alone, no database)', async () => {
    expect({ file: readFileSync(COMMITTED_SDL, 'utf8'), why: REGENERATE }).toEqual({ file: await gatewaySchemaSdl(), why: REGENERATE });
  });
});

// A dev test: the brief's files are beside the clone in CI, maybe not in a user's clone.
const withShared = SHARED ? describe : describe.skip;
if (!SHARED) console.warn('shared/contract not found beside the clone: the comparison with the public contract is skipped');

withShared('the gateway serves the public contract', () => {
  let contract: GraphQLSchema;

  beforeAll(() => {
    contract = buildSchema(readFileSync(join(SHARED ?? '', 'schema.graphql'), 'utf8'));
  });

  it('the contract file is the one this test means', () => {
    expect(Object.keys(contract.getQueryType()?.getFields() ?? {})).toContain('engagementScore');
    expect(Object.keys(contract.getMutationType()?.getFields() ?? {})).toEqual(['login', 'recordTouchpoints', 'recordSatisfaction']);
  });

  it('the schema built by Nest has no incompatibility with the contract', () => {
    const actual = gw.app.get(GraphQLSchemaHost).schema;
    expect(findIncompatibilities(contract, actual)).toEqual([]);
  });

  it('the committed SDL has none either', () => {
    expect(findIncompatibilities(contract, buildSchema(readFileSync(COMMITTED_SDL, 'utf8')))).toEqual([]);
  });

  it('the schema clients see through introspection has none either', async () => {
    const res = await gw.gql<IntrospectionQuery>(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    const served = buildClientSchema(res.data as IntrospectionQuery);
    expect(findIncompatibilities(contract, served)).toEqual([]);
  });

  it('keeps the default values of arguments (touchpoints.first = 50)', () => {
    const actual = gw.app.get(GraphQLSchemaHost).schema;
    const first = actual.getQueryType()?.getFields().touchpoints.args.find((a) => a.name === 'first');
    expect(first?.defaultValue).toBe(50);
    // …and every other default the contract gives, argument by argument.
    for (const root of [contract.getQueryType(), contract.getMutationType()]) {
      const served = actual.getType(root?.name ?? '');
      if (!root || !isObjectType(served)) throw new Error(`root type ${root?.name} not served`);
      for (const field of Object.values(root.getFields())) {
        for (const arg of field.args) {
          const got = served.getFields()[field.name]?.args.find((a) => a.name === arg.name);
          expect({ arg: `${field.name}(${arg.name})`, default: got?.defaultValue }).toEqual({ arg: `${field.name}(${arg.name})`, default: arg.defaultValue });
        }
      }
    }
  });
});

withShared('the gateway serves each built part of management.graphql', () => {
  const BUILT = Object.keys(MANAGEMENT_PARTS).filter((p) => !NOT_BUILT.includes(p));
  const base = () => parse(readFileSync(join(SHARED ?? '', 'schema.graphql'), 'utf8'));
  const management = () => parse(readFileSync(join(SHARED ?? '', 'management.graphql'), 'utf8'));

  it('the parts cover management.graphql, each coordinate once', () => {
    const listed = Object.values(MANAGEMENT_PARTS).flat();
    expect([...listed].sort()).toEqual(managementCoordinates(management()).sort());
    expect(NOT_BUILT.filter((p) => !MANAGEMENT_PARTS[p])).toEqual([]);
  });

  // The check a built part gets, shown on two parts against a schema that serves them with one drift each.
  it.each([
    ['perception points', 'needCategories: [NeedCategory!]!, target: Float!', 'needCategories: [NeedCategory!]!, target: Float', 'PerceptionPoint.target: type Float, contract says Float!'],
    ['drill-down filter and totalCount', 'touchpoints(unitId: ID!, from: DateTime!, to: DateTime!, first: Int = 50, after: String)', 'touchpoints(unitId: ID!, from: DateTime!, to: DateTime!, first: Int = 50, after: String, filter: String)', 'Query.touchpoints(filter): argument type String, contract says TouchpointFilter'],
  ])('finds a built part "%s" that drifts', (part, from, to, expected) => {
    const contract = partContract(base(), management(), MANAGEMENT_PARTS[part]);
    expect(findIncompatibilities(contract, contract)).toEqual([]);
    const text = `${readFileSync(join(SHARED ?? '', 'schema.graphql'), 'utf8')}\n${readFileSync(join(SHARED ?? '', 'management.graphql'), 'utf8')}`;
    expect(text).toContain(from);
    expect(findIncompatibilities(contract, buildSchema(text.replace(from, to)))).toEqual([expected]);
  });

  it.each(BUILT.length ? BUILT : ['(none built yet)'])('serves the built part "%s" as management.graphql says', (part) => {
    if (!MANAGEMENT_PARTS[part]) return;
    const contract = partContract(base(), management(), MANAGEMENT_PARTS[part]);
    expect(findIncompatibilities(contract, gw.app.get(GraphQLSchemaHost).schema)).toEqual([]);
  });

  // Keeps NOT_BUILT honest: a part served in full must leave the list, so that drifting from it fails from then on.
  // (jest refuses an empty table: with every part built there is nothing left to keep honest.)
  if (NOT_BUILT.length > 0) {
    it.each(NOT_BUILT)('"%s" is not served in full yet (when it is, remove it from NOT_BUILT)', (part) => {
      const contract = partContract(base(), management(), MANAGEMENT_PARTS[part]);
      expect(findIncompatibilities(contract, gw.app.get(GraphQLSchemaHost).schema)).not.toEqual([]);
    });
  }
});

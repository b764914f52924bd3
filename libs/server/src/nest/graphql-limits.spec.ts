import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { costDependsOnVariables, listCost } from './graphql-limits';

// Which documents may keep a remembered cost: only those whose cost cannot
// change between calls. An ingest batch ($input on a field whose cost ignores
// arguments) stays cached; a page or trend whose size comes from a variable does not.

const Item = new GraphQLObjectType({ name: 'Item', fields: { id: { type: GraphQLString } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      page: { type: new GraphQLList(Item), args: { first: { type: GraphQLInt } }, extensions: { complexity: listCost((a) => Number(a.first), 500) } },
      fixed: { type: new GraphQLList(Item), args: { tag: { type: GraphQLString } }, extensions: { complexity: listCost(20) } },
      plain: { type: GraphQLString, args: { input: { type: GraphQLString } } },
    },
  }),
});

it.each([
  ['a variable in an argument the cost reads', 'query($n: Int) { page(first: $n) { id } }', true],
  ['the same argument as a literal', '{ page(first: 10) { id } }', false],
  ['a variable in an argument the cost ignores', 'query($t: String) { fixed(tag: $t) { id } plain(input: $t) }', false],
  ['a variable in @include', 'query($b: Boolean!) { plain @include(if: $b) }', true],
  ['a variable reaching a priced field through a fragment', 'query($n: Int) { ...F } fragment F on Query { page(first: $n) { id } }', true],
])('%s: recomputed = %s', (_what, doc, expected) => {
  expect(costDependsOnVariables(schema, parse(doc))).toBe(expected);
});

it('prices a list by its size times its items, at least one each', () => {
  const page = listCost((a) => Number(a.first), 500);
  const call = (args: Record<string, unknown>, childComplexity: number) => ({ args, childComplexity }) as Parameters<typeof page>[0];
  expect(page(call({ first: 100 }, 3))).toBe(500 + 100 * 3);
  expect(page(call({ first: 0 }, 0))).toBe(500 + 1);
  expect(listCost(4)(call({}, 2))).toBe(1 + 4 * 2);
});

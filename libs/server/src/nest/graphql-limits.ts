import type { ApolloServerPlugin } from '@apollo/server';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from '@nestjs/graphql';
import { BREAK, GraphQLError, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

// What an operation costs, in resolved fields: every field 1 plus what it
// selects, a list its size times its items' cost, a database read DB_READ_COST.
// Fields declare their cost beside their resolver (Nest's `complexity` option),
// with the helpers below; aliases are separate fields, so each one counts.

/** A round trip to the database weighs as much as this many resolved fields. */
export const DB_READ_COST = 500;

/** Sizes assumed for lists that no argument bounds (costs are estimates before anything runs). */
export const ASSUMED_LIST_SIZE = { children: 20, units: 200, slices: 50, measures: 8 } as const;

/** A cost that reads the field's arguments: a document using variables there is priced on every call. */
type ArgumentPriced = ComplexityEstimator & { readsArguments: true };
type Args = ComplexityEstimatorArgs['args'];

/**
 * A list field: `own` to produce it (DB_READ_COST when it reads the database)
 * plus `size` items, each costing its selection (at least 1). `size` is a
 * number or, for lists bounded by arguments (a page's `first`, a trend's
 * points), a function of them.
 */
export function listCost(size: number | ((args: Args) => number), own = 1): ComplexityEstimator {
  if (typeof size === 'number') return ({ childComplexity }) => own + size * Math.max(1, childComplexity);
  const priced = (({ args, childComplexity }: ComplexityEstimatorArgs) => own + Math.max(1, size(args)) * Math.max(1, childComplexity)) as ArgumentPriced;
  priced.readsArguments = true;
  return priced;
}

/** A page of a connection read from the database: `first` items (its default when absent), at most `max`. */
export const pageCost = (max: number): ComplexityEstimator =>
  listCost((args) => (typeof args.first === 'number' ? Math.min(Math.max(args.first, 1), max) : 1), DB_READ_COST);

const readsArguments = (complexity: unknown): boolean => typeof complexity === 'function' && (complexity as Partial<ArgumentPriced>).readsArguments === true;

const ESTIMATORS = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
const CACHE_LIMIT = 1000;

const usesVariables = (node: ASTNode): boolean => {
  let found = false;
  visit(node, {
    Variable() {
      found = true;
      return BREAK;
    },
  });
  return found;
};

/**
 * True when the cost can differ between calls of one document: @skip/@include
 * take a variable, or a variable reaches an argument a field's cost reads
 * (a trend's from/to/interval, a page's first). Only then is it recomputed.
 */
export function costDependsOnVariables(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let depends = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive(node) {
        if ((node.name.value === 'skip' || node.name.value === 'include') && usesVariables(node)) {
          depends = true;
          return BREAK;
        }
        return undefined;
      },
      Field(node) {
        if (node.arguments?.length && readsArguments(typeInfo.getFieldDef()?.extensions?.complexity) && node.arguments.some(usesVariables)) {
          depends = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return depends;
}

/**
 * Refuses operations whose estimated cost is above maxCost, before anything
 * runs, as BAD_USER_INPUT with HTTP 400. A document whose cost cannot change
 * between calls is priced once and remembered: getComplexity coerces the
 * variables, and doing that again for every 500-item batch cost 4–10% of ingest CPU.
 */
export function complexityLimit(maxCost: number): ApolloServerPlugin {
  const costs = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = `${request.operationName ?? ''}\u0000${request.query ?? ''}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators: ESTIMATORS,
              });
            } catch {
              // Variables that do not coerce: execution refuses them with a message naming them, before any resolver runs.
              return;
            }
            if (request.query && !costDependsOnVariables(schema, document)) {
              if (costs.size >= CACHE_LIMIT) costs.clear();
              costs.set(key, cost);
            }
          }
          if (cost > maxCost) {
            throw new GraphQLError(`query is too costly: ${cost} > ${maxCost}; ask for fewer fields, points or items, or split it`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * graphql-depth-limit as a validation rule. It throws on documents that other
 * rules already reject (e.g. a spread of an undefined fragment); those are left
 * to the standard rules, which name the problem.
 */
export function safeDepthLimit(max: number): ValidationRule {
  const rule = depthLimit(max);
  return (context) => {
    try {
      return rule(context);
    } catch {
      return {};
    }
  };
}

import { readPositiveInt, type Env } from './config-error';

/** How much one GraphQL request may ask for; refused before any work is done on it beyond these checks. */
export interface GraphQLLimits {
  /** Lexical tokens in the document: the parser stops past this (a 7.7 MB body of 300,000 operations stops early). */
  maxTokens: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Nesting of selections. */
  maxDepth: number;
  /** Estimated cost: each field's cost times the list sizes and trend points above it (see graphql-limits.ts). */
  maxCost: number;
}

export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = { maxTokens: 10_000, maxAliases: 20, maxDirectives: 50, maxDepth: 10, maxCost: 100_000 };

/** QIHE_GRAPHQL_MAX_TOKENS, _ALIASES, _DIRECTIVES, _DEPTH and _COST, each a whole number, with these defaults. */
export function readGraphQLLimits(env: Env, defaults: GraphQLLimits = DEFAULT_GRAPHQL_LIMITS): GraphQLLimits {
  return {
    maxTokens: readPositiveInt(env, 'QIHE_GRAPHQL_MAX_TOKENS', defaults.maxTokens, 10_000_000),
    maxAliases: readPositiveInt(env, 'QIHE_GRAPHQL_MAX_ALIASES', defaults.maxAliases, 100_000),
    maxDirectives: readPositiveInt(env, 'QIHE_GRAPHQL_MAX_DIRECTIVES', defaults.maxDirectives, 100_000),
    maxDepth: readPositiveInt(env, 'QIHE_GRAPHQL_MAX_DEPTH', defaults.maxDepth, 1000),
    maxCost: readPositiveInt(env, 'QIHE_GRAPHQL_MAX_COST', defaults.maxCost, 1_000_000_000),
  };
}

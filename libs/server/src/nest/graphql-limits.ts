import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 2000;

/** Refuses operations whose estimated cost is above MAX_COMPLEXITY, before anything runs. */
export const complexityLimit: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        const cost = getComplexity({
          schema,
          query: document,
          operationName: request.operationName ?? undefined,
          variables: request.variables ?? {},
          estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        });
        if (cost > MAX_COMPLEXITY) {
          throw new GraphQLError(`query is too costly: ${cost} > ${MAX_COMPLEXITY}; ask for fewer fields or split it`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
      },
    };
  },
};

/**
 * graphql-depth-limit as a validation rule. It throws on documents that other
 * rules already reject (e.g. a spread of an undefined fragment); those are left
 * to the standard rules, which name the problem.
 */
export function safeDepthLimit(max = MAX_DEPTH): ValidationRule {
  const rule = depthLimit(max);
  return (context) => {
    try {
      return rule(context);
    } catch {
      return {};
    }
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
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

import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { LATENCY_BUCKETS, type Metrics } from './metrics';

/**
 * Time of every GraphQL request, labelled by the operation's first root field
 * as the schema names it (not the client's free-form operation name, which
 * would let callers grow the label set) and by outcome. A request that does
 * not parse or validate counts as `invalid`.
 */
export function graphqlMetrics(metrics: Metrics): ApolloServerPlugin {
  const seconds = metrics.histogram('qihe_graphql_seconds', 'GraphQL requests, received to answered, by first root field and outcome (ok, error).', ['operation', 'outcome'], LATENCY_BUCKETS);
  return {
    async requestDidStart() {
      const end = seconds.startTimer();
      let operation = 'invalid';
      return {
        async didResolveOperation({ operation: op }) {
          operation = rootField(op);
        },
        async willSendResponse({ errors }) {
          end({ operation, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

function rootField(op: OperationDefinitionNode | undefined): string {
  const first = op?.selectionSet.selections[0];
  return first?.kind === 'Field' ? first.name.value : 'invalid';
}

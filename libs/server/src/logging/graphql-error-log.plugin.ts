import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { isServerFault } from '../errors/qihe-error';

/**
 * Logs the GraphQL errors that are the server's fault (those answered as
 * INTERNAL_SERVER_ERROR) with the operation's root field, the error's path and
 * stack; written while the request is served, so the line carries its
 * requestId. Refusals and bad input are the caller's and stay out of the error log.
 */
export function graphqlErrorLog(): ApolloServerPlugin {
  const log = new Logger('GraphQL');
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operation }) {
          const first = operation?.selectionSet.selections[0];
          const root = first?.kind === 'Field' ? first.name.value : undefined;
          for (const e of errors) {
            if (!isServerFault(e)) continue;
            const cause = e.originalError ?? e;
            log.error({ operation: root, path: e.path?.join('.'), err: cause }, `${root ?? 'operation'} failed: ${cause.message}`);
          }
        },
      };
    },
  };
}

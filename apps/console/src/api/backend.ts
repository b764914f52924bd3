import { siteGraphql } from '../__generated__/site';
import { graphqlFetch } from './graphql-fetch';
import type { ApiProblem } from './errors';

const PROBE = siteGraphql(`
  query Probe {
    siteStatus {
      siteId
    }
  }
`);

/** A site serves the agent API (site-api.graphql); the gateway the public contract. */
export type Backend = 'site' | 'gateway';

/**
 * Which API answers at `graphqlUrl`. Only a site knows `siteStatus`: a site
 * refuses the anonymous probe (UNAUTHENTICATED), the gateway rejects the
 * unknown field (GRAPHQL_VALIDATION_FAILED). Works with introspection off.
 */
export async function detectBackend(graphqlUrl: string): Promise<{ backend: Backend } | { problem: ApiProblem }> {
  const r = await graphqlFetch(graphqlUrl, PROBE);
  if (r.ok) return { backend: 'site' };
  if (r.problem.code === 'GRAPHQL_VALIDATION_FAILED') return { backend: 'gateway' };
  if (r.problem.code === 'UNAUTHENTICATED' || r.problem.code === 'FORBIDDEN') return { backend: 'site' };
  return { problem: r.problem };
}

import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { problemOf } from './errors';

/**
 * One client per signed-in session: the token is fixed for its lifetime, and
 * signing out drops the client with its cache. An UNAUTHENTICATED answer (an
 * expired or revoked token) ends the session instead of showing stale screens.
 */
export function createApolloClient(graphqlUrl: string, token: string, onUnauthenticated: (message: string) => void): ApolloClient {
  const http = new HttpLink({ uri: graphqlUrl, headers: { authorization: `Bearer ${token}` } });
  const watchAuth = new ErrorLink(({ error }) => {
    const p = problemOf(error);
    if (p?.code === 'UNAUTHENTICATED') onUnauthenticated(p.message);
  });
  return new ApolloClient({
    link: ApolloLink.from([watchAuth, http]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: false } },
  });
}

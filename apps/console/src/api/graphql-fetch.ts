import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { ApiProblem } from './errors';

export type FetchResult<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem; status?: number };

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/**
 * A bare GraphQL POST for the few calls made before a session exists (probe,
 * sign-in): no cache, the server's first error returned as an ApiProblem.
 */
export async function graphqlFetch<T, V extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<T, V>,
  variables: V = {} as V,
  token?: string,
): Promise<FetchResult<T>> {
  const query = print(document);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    return { ok: false, problem: { code: 'NETWORK', message: (err as Error).message } };
  }
  let body: GraphQLBody<T>;
  try {
    body = (await res.json()) as GraphQLBody<T>;
  } catch {
    return { ok: false, status: res.status, problem: { code: 'NETWORK', message: `HTTP ${res.status} from ${url}` } };
  }
  const first = body.errors?.[0];
  if (first) {
    const problem: ApiProblem = { code: first.extensions?.code ?? 'ERROR', message: first.message };
    if (first.extensions?.field) problem.field = first.extensions.field;
    return { ok: false, status: res.status, problem };
  }
  if (body.data == null) return { ok: false, status: res.status, problem: { code: 'NETWORK', message: `HTTP ${res.status}: no data` } };
  return { ok: true, data: body.data };
}

import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What the API said went wrong, in the contract's terms (extensions.code, message, field). */
export interface ApiProblem {
  code: string;
  message: string;
  field?: string;
}

interface RawGraphQLError {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown } | null;
}

function fromRaw(e: RawGraphQLError | undefined): ApiProblem | null {
  if (!e || typeof e.message !== 'string') return null;
  const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'ERROR';
  const field = typeof e.extensions?.field === 'string' ? e.extensions.field : undefined;
  return field ? { code, message: e.message, field } : { code, message: e.message };
}

/**
 * The first problem of any error an Apollo hook or a fetch returns. GraphQL
 * errors keep the server's code and sentence; a 4xx whose body is a GraphQL
 * response does too; anything else is a NETWORK problem.
 */
export function problemOf(error: unknown): ApiProblem | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    return fromRaw(error.errors[0] as RawGraphQLError) ?? { code: 'ERROR', message: error.message };
  }
  if (ServerError.is(error)) {
    const body = parseBody(error.bodyText);
    return fromRaw(body?.errors?.[0]) ?? { code: 'NETWORK', message: `HTTP ${error.statusCode}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'NETWORK', message };
}

function parseBody(text: string | undefined): { errors?: RawGraphQLError[] } | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as { errors?: RawGraphQLError[] };
  } catch {
    return null;
  }
}

import { GraphQLError } from 'graphql';
import { RefusalCode, RefusalError, SeedError, WindowError } from '@qihe/domain';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'PAYLOAD_TOO_LARGE' | 'TOO_MANY_REQUESTS';

/** The one exception type of the API: a code from the contract and a sentence for people. */
export class QiheError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** TOO_MANY_REQUESTS: when to try again (HTTP 429 with Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'QiheError';
  }
}

export const unauthenticated = (msg = 'a valid token is required (Authorization: Bearer <token>)'): QiheError =>
  new QiheError('UNAUTHENTICATED', msg);
export const forbidden = (msg: string): QiheError => new QiheError('FORBIDDEN', msg);
export const badInput = (field: string, msg: string): QiheError => new QiheError('BAD_USER_INPUT', msg, field);
export const notFound = (msg: string): QiheError => new QiheError('NOT_FOUND', msg);
export const tooManyRequests = (msg: string, retryAfterSeconds: number): QiheError =>
  new QiheError('TOO_MANY_REQUESTS', msg, undefined, retryAfterSeconds);

/**
 * The GraphQL error of an item refused where a call carries only that item
 * (recordSatisfaction, a site's rateTouchpoint): exhaustive, so a new refusal
 * code cannot be added without saying what a single call answers.
 */
export function refusalError(code: RefusalCode, field: string, message: string): QiheError {
  switch (code) {
    case RefusalCode.INVALID:
    case RefusalCode.CONFLICT:
    case RefusalCode.TOUCHPOINT_DEAD:
    case RefusalCode.TOO_OLD:
      return badInput(field, message);
    case RefusalCode.UNKNOWN_UNIT:
    case RefusalCode.NOT_FOUND:
      return notFound(message);
    case RefusalCode.FORBIDDEN_UNIT:
      return forbidden(message);
  }
}

/**
 * The one mapping from the errors of libs/domain to contract errors; null for
 * anything else (a bug, not the caller's mistake). Services let these errors
 * through; the error filter and formatError both come here.
 */
export function contractErrorOf(err: unknown): QiheError | null {
  if (err instanceof QiheError) return err;
  if (err instanceof RefusalError) return refusalError(err.code, err.field, err.message);
  if (err instanceof WindowError) return badInput(err.field, err.message);
  if (err instanceof SeedError) return badInput('input', err.problems.join('; '));
  return null;
}

const PASS_THROUGH = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS']);

/**
 * Maps whatever a resolver threw to a contract error. Unknown errors become
 * INTERNAL_SERVER_ERROR with no detail in production: stack traces and SQL
 * never leak to callers.
 */
export function formatGraphQLError(formatted: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[]; locations?: unknown }, error: unknown, production: boolean): Record<string, unknown> {
  const answer = contractAnswer(formatted, error, production);
  // GraphQL's "Did you mean …?" names fields, arguments, types and enum values: in production,
  // where introspection is off, they would show the schema to anyone who guesses near it.
  if (production && typeof answer.message === 'string') answer.message = answer.message.replace(SUGGESTION, '');
  return answer;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** True for an error answered as INTERNAL_SERVER_ERROR (formatGraphQLError's rule): the server's fault, not the caller's. */
export function isServerFault(error: GraphQLError): boolean {
  if (contractErrorOf(error.originalError ?? error)) return false;
  const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  return !PASS_THROUGH.has(code) && code !== 'BAD_REQUEST';
}

function contractAnswer(formatted: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[]; locations?: unknown }, error: unknown, production: boolean): Record<string, unknown> {
  const original = contractErrorOf(error instanceof GraphQLError ? error.originalError : error);
  if (original) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  // Nest/Apollo input coercion problems are the caller's: keep their message (it names the argument).
  if (PASS_THROUGH.has(code)) {
    const field = formatted.extensions?.field;
    return { ...formatted, extensions: { code, ...(typeof field === 'string' ? { field } : {}) } };
  }
  if (code === 'BAD_REQUEST') return { message: formatted.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  return {
    message: production ? 'internal error' : formatted.message,
    path: formatted.path,
    extensions: production ? { code: 'INTERNAL_SERVER_ERROR' } : { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' },
  };
}

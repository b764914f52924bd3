import { GatewayError } from '@qihe/client';

/**
 * Whose fault a failed call is:
 * - `line`: the way to the gateway or the site's own standing (network, timeout,
 *   an HTTP error with no GraphQL answer, a bad or refused site key, rate limits):
 *   the same call may pass later, so it is retried with backoff;
 * - `items`: the gateway said the call's content is wrong (bad input, too big);
 * - `unclear`: the gateway answered with an error that does not say (typically
 *   INTERNAL_SERVER_ERROR): an item its database refuses, or its database is down.
 */
export type Blame = 'line' | 'items' | 'unclear';

const ITEMS = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PAYLOAD_TOO_LARGE']);
const CALLER = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'TOO_MANY_REQUESTS']);

export function blame(err: unknown): Blame {
  if (!(err instanceof GatewayError)) return 'line';
  if (ITEMS.has(err.code)) return 'items';
  if (err.errors.length === 0 || CALLER.has(err.code)) return 'line';
  return 'unclear';
}

export interface Isolation<T, O> {
  /** One call with these items; throws what the gateway or the line answered. */
  call(items: T[]): Promise<O>;
  /** The outcome for an item the gateway will not take, with its answer. */
  dead(item: T, err: GatewayError): O;
  merge(a: O, b: O): O;
  /** A fresh sign, after an unclear failure, that the gateway takes work (a control call or its health). */
  gatewayWorks(): Promise<boolean>;
  /** Overrides `blame` for answers particular to one call (e.g. a gateway too old for it). */
  blame?(err: unknown): Blame | undefined;
}

/**
 * Sends a batch; when the gateway refuses the call as a whole for its content,
 * halves it until each culprit stands alone and is given up on, so one poison
 * item never holds back the rest. An unclear refusal is blamed on the items
 * only while the gateway is seen to work, and an item alone gets one more try
 * before it is given up on: a gateway that is down makes everything wait, never dead.
 */
export async function isolate<T, O>(batch: T[], how: Isolation<T, O>): Promise<O> {
  try {
    return await how.call(batch);
  } catch (err) {
    const fault = await itemsAtFault(err, how);
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      const a = await isolate(batch.slice(0, half), how);
      const b = await isolate(batch.slice(half), how);
      return how.merge(a, b);
    }
    if (fault === 'items') return how.dead(batch[0], err as GatewayError);
    try {
      return await how.call(batch);
    } catch (again) {
      await itemsAtFault(again, how);
      return how.dead(batch[0], again as GatewayError);
    }
  }
}

/** Rethrows a failure that is not the items' (retried later, with backoff); else says how sure the blame is. */
async function itemsAtFault<T, O>(err: unknown, how: Isolation<T, O>): Promise<'items' | 'unclear'> {
  const b = how.blame?.(err) ?? blame(err);
  if (b === 'line' || (b === 'unclear' && !(await how.gatewayWorks()))) throw err;
  return b;
}

import type { TouchpointRecord } from '@qihe/domain';
import { compiledTouchpointCheck } from './compiled-touchpoint-check';

// One pass over a batch instead of two (issue 16): the compiled executor hands
// recordTouchpoints the `input` list as sent (JSON), without GraphQL coercing
// it, when every item is plain for GraphQL (jit-executor.ts checks that) and
// valid here; the records made on the way are kept beside the list, and the
// service takes them instead of checking each item again. Any other list —
// GraphQL-coerced, or with one item these checks are not sure of — has none,
// and is judged item by item as before.

const records = new WeakMap<readonly unknown[], readonly TouchpointRecord[]>();

/** Every item of `items` valid (compiledTouchpointCheck, given JSON): true, and their records are kept for the service. */
export function precheckTouchpoints(items: readonly unknown[]): boolean {
  const out: TouchpointRecord[] = new Array<TouchpointRecord>(items.length);
  for (let i = 0; i < items.length; i++) {
    const r = compiledTouchpointCheck(items[i]);
    if (!r) return false;
    out[i] = r;
  }
  records.set(items, out);
  return true;
}

/**
 * The records of a list precheckTouchpoints passed, one per item in order,
 * each as checkTouchpoint would make it from the item; undefined for any other
 * list. Their times are the sender's: with a clock correction the items must
 * be judged again.
 */
export const precheckedTouchpoints = (items: readonly unknown[]): readonly TouchpointRecord[] | undefined => records.get(items);

import { buildHash } from './hash-route';

// The customer page's URL, one place for every link to it (at-risk list,
// touchpoint rows, the page's own search): #/customer/<customerId>.

export const CUSTOMER_VIEW = 'customer';

export function customerHref(customerId: string): string {
  return buildHash([CUSTOMER_VIEW, customerId]);
}

/** The customer id of a customer-page route (segments after '#/'), else null. */
export function customerOfRoute(segments: readonly string[]): string | null {
  return segments[0] === CUSTOMER_VIEW && segments[1] ? segments[1] : null;
}

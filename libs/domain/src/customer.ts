// The customer across the organisation (MANAGEMENT-MODEL.md §7): who a customer is to Qihe.

/** As accepted on a touchpoint: 1 to 200 characters. Returns the problem, or null. */
export function checkCustomerId(customerId: unknown): string | null {
  if (typeof customerId !== 'string' || customerId.length < 1 || customerId.length > 200) return 'customerId must be 1 to 200 characters';
  if (customerId.includes('\u0000')) return 'customerId must not contain NUL characters';
  return null;
}

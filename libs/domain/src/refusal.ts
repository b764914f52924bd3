// Why one item of a call was refused while the others went on. The gateway
// answers them per item (IngestError.code of recordTouchpoints and
// recordSatisfactions, the feed's subscribe acknowledgement) and sites keep
// them on their dead letters. A new refusal is added here, and libs/server
// maps it (refusalError) to the GraphQL error of a single-item call.

export const RefusalCode = {
  /** The item breaks a rule of the contract; the message names the field. */
  INVALID: 'INVALID',
  /** It names an org unit that does not exist. */
  UNKNOWN_UNIT: 'UNKNOWN_UNIT',
  /** Its unit is outside the caller's part of the organisation. */
  FORBIDDEN_UNIT: 'FORBIDDEN_UNIT',
  /** Its id is already stored with other content (or the touchpoint is already rated otherwise). */
  CONFLICT: 'CONFLICT',
  /** It names a touchpoint that is not stored (yet). */
  NOT_FOUND: 'NOT_FOUND',
  /** A site's own: a rating whose touchpoint the gateway refused, so it is never sent. */
  TOUCHPOINT_DEAD: 'TOUCHPOINT_DEAD',
  /** It (or the touchpoint it names) is older than the retention horizon (QIHE_RETENTION_DAYS): no longer stored, never counted again. */
  TOO_OLD: 'TOO_OLD',
} as const;
export type RefusalCode = (typeof RefusalCode)[keyof typeof RefusalCode];

export const REFUSAL_CODES: readonly RefusalCode[] = Object.values(RefusalCode);

/** One item refused, thrown where a call carries a single item (the API turns it into its GraphQL error). */
export class RefusalError extends Error {
  constructor(
    readonly code: RefusalCode,
    /** The argument or field at fault, as the message names it. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RefusalError';
  }
}

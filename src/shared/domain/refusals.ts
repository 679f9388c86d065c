/**
 * Why the server (or the tablet, running the same rules) refuses a mutation.
 * The client maps each code to a translated sentence: `refusal.<code>`.
 */
export const RefusalCode = {
  invalidArgs: 'invalid_args',
  unknownKind: 'unknown_kind',
  unsupportedProtocol: 'unsupported_protocol',
  unknownStaff: 'unknown_staff',
  notPermitted: 'not_permitted',
  unknownProduct: 'unknown_product',
  alreadyExists: 'already_exists',
  insufficientTender: 'insufficient_tender',
  /** The store could not apply this one mutation (its error is logged on the server); the rest of its batch applied. */
  serverRejected: 'server_rejected',
} as const;
export type RefusalCode = (typeof RefusalCode)[keyof typeof RefusalCode];

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
  /** No proof, or one that does not verify under a key of this staff member of this centre (auth/PROOF.md). */
  badStaffProof: 'bad_staff_proof',
  /** The change would leave the centre without an active admin. */
  lastAdmin: 'last_admin',
  /** An admin cannot deactivate themself: another admin must. */
  cannotDeactivateSelf: 'cannot_deactivate_self',
  /** A key was offered for a staff member who already has one (the first adoption won). */
  keyExists: 'key_exists',
  unknownProduct: 'unknown_product',
  alreadyExists: 'already_exists',
  insufficientTender: 'insufficient_tender',
  /** The store could not apply this one mutation (its error is logged on the server); the rest of its batch applied. */
  serverRejected: 'server_rejected',
} as const;
export type RefusalCode = (typeof RefusalCode)[keyof typeof RefusalCode];

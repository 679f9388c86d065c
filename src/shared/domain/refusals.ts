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
  /** No villager of this centre by that id, or one deleted or merged into another. */
  unknownCustomer: 'unknown_customer',
  unknownOrder: 'unknown_order',
  unknownParcel: 'unknown_parcel',
  unknownPlatform: 'unknown_platform',
  /** An order's total is not the sum of its lines and fees. */
  badTotal: 'bad_total',
  /** The order's status cannot move that way (order-status.ts). */
  illegalTransition: 'illegal_transition',
  /** Another tablet moved the order further first (detail: its status now). */
  orderConflict: 'order_conflict',
  /** A parcel with this tracking number is logged already (detail: its id). */
  duplicateTracking: 'duplicate_tracking',
  wrongPickupCode: 'wrong_pickup_code',
  /** The parcel was handed over or returned already (detail: when). */
  alreadyCollected: 'already_collected',
  /** A discount larger than the staff member's role may give. */
  discountOverLimit: 'discount_over_limit',
  /** The payment's parts do not fit (detail: which rule, see payments.ts). */
  invalidPayment: 'invalid_payment',
  unknownSale: 'unknown_sale',
  /** More of a sale than is left to refund (detail: the line). */
  overRefund: 'over_refund',
  /** Only a sale of the same business day can be voided. */
  voidTooLate: 'void_too_late',
  /** This till was counted already (detail: when). */
  alreadyCounted: 'already_counted',
  /** No training session of this centre by that id. */
  unknownSession: 'unknown_session',
  /** The training session was ended already (detail: when). */
  sessionEnded: 'session_ended',
  /** Only a villager marked present in the session answers its quizzes. */
  notAttending: 'not_attending',
  /** The store could not apply this one mutation (its error is logged on the server); the rest of its batch applied. */
  serverRejected: 'server_rejected',
} as const;
export type RefusalCode = (typeof RefusalCode)[keyof typeof RefusalCode];

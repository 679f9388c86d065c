/**
 * The sync wire format's version.
 * History:
 *   1 — first release: push batches of mutations, pull a per-centre change feed.
 *   2 — push may name its predecessor batch (`after`) so a tablet can send the
 *       next batch before the previous answer; the server applies a batch only
 *       after its predecessor (409 out_of_order otherwise). Batches of up to
 *       1000 mutations. A version 1 push (no `after`) is applied as before;
 *       `after` is accepted with either version (a queue from before an update
 *       is still sent as version 1, pipelined like the rest).
 *   3 — push and pull answers carry `serverTime`; a push answer may cover
 *       only the first mutations of a batch (bounded in bytes), the rest are
 *       answered when sent again; pull pages are bounded in bytes too; the
 *       tablet makes its own device secret and sends it with the enrolment,
 *       which makes enrolling again after a cut return the same device;
 *       every mutation carries `keyId` and `proof`, its staff member's
 *       signature (src/shared/auth/PROOF.md). Pull pages may carry the
 *       villagers, orders and parcels tables (customers, platforms, orders,
 *       parcels, pickupCodes). Versions 1 and 2 still parse, but the server
 *       applies no mutation without a valid proof.
 *   4 — a pull names the tablet's protocol (`protocol`); pages may carry the
 *       centre's `settings` (sent only to tablets of protocol 4 and later)
 *       and the mutation kind `settings.update`; orders, parcels and pickup
 *       codes closed before the centre's history horizon are left out of
 *       pulls, which say so (`historyFrom`, `olderLeftOut`).
 *   5 — pages may carry trainer sessions (`trainingSessions`, `attendances`,
 *       `quizAnswers`) and lesson variants (`lessonVariants`, `variantPhotos`),
 *       sent only to tablets of protocol 5 and later; quantities of weighed
 *       goods (sale lines, stock movements, refunds) may have up to three
 *       decimals; sale lines may carry `unitNames`; the settings row may carry
 *       `centrePhone`. New mutation kinds: `training.*`.
 *   6 — a fresh tablet may fetch the centre's closed orders and parcels
 *       first, whole villagers at a time, as they stood at one feed seq
 *       (`/api/sync/history`, its `upTo`); its pulls then name that seq
 *       (`closedUpTo`) and the feed leaves out the closed orders and
 *       parcels at or before it, which the tablet already holds. Tablets of
 *       older protocols pull the whole feed as before.
 * The server accepts every version listed in SUPPORTED_PROTOCOL_VERSIONS, so a
 * tablet that queued mutations before an app update can still send them (S8).
 */
export const PROTOCOL_VERSION = 6;
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1, 2, 3, 4, 5, 6];

/**
 * The sync wire format's version.
 * History:
 *   1 — first release: push batches of mutations, pull a per-centre change feed.
 * The server accepts every version listed in SUPPORTED_PROTOCOL_VERSIONS, so a
 * tablet that queued mutations before an app update can still send them (S8).
 */
export const PROTOCOL_VERSION = 1;
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1];

import { isPlainArray, isQuickIsoTime, isQuickUuid, isRecordWithKeys, type KeySpec } from '../mutations/quick-fields';
import { PROOF_PATTERN } from '../auth/staff-proof';
import { isStorableText } from '../domain/text';
import { LIMITS, type PushRequest } from './messages';

// Any key order: the route only reads these fields, it never stores them as
// JSON (the tablet sends `after` first).
const REQUEST_KEYS: KeySpec = { keys: ['protocolVersion', 'deviceId', 'after', 'mutations'], optional: ['after'], inOrder: false };
const ENVELOPE_KEYS: KeySpec = {
  keys: ['id', 'kind', 'args', 'staffId', 'createdAt', 'keyId', 'proof'],
  optional: ['keyId', 'proof'],
  inOrder: false,
};

function isQuickEnvelope(value: unknown): boolean {
  return (
    isRecordWithKeys(value, ENVELOPE_KEYS) &&
    isQuickUuid(value.id) &&
    typeof value.kind === 'string' &&
    value.kind.length <= 64 &&
    isStorableText(value.kind) &&
    isQuickUuid(value.staffId) &&
    isQuickIsoTime(value.createdAt) &&
    (value.keyId === undefined || isQuickUuid(value.keyId)) &&
    (value.proof === undefined || (typeof value.proof === 'string' && PROOF_PATTERN.test(value.proof)))
  );
}

/**
 * True only when `pushRequest` accepts the body and outputs it unchanged, so
 * it can be used as it is. Each mutation's args are checked later, by kind.
 * A no means nothing: the schema then decides and explains.
 */
export function quickAcceptPushRequest(body: unknown): body is PushRequest {
  if (!isRecordWithKeys(body, REQUEST_KEYS)) return false;
  const { protocolVersion, after, mutations } = body;
  if (!Number.isInteger(protocolVersion)) return false;
  if (!isQuickUuid(body.deviceId)) return false;
  // Absent, undefined or null all mean "no predecessor", and the schema keeps each as it is.
  if (after !== undefined && after !== null && !isQuickUuid(after)) return false;
  if (!isPlainArray(mutations) || mutations.length > LIMITS.pushMaxMutations) return false;
  for (let i = 0; i < mutations.length; i++) if (!isQuickEnvelope(mutations[i])) return false;
  return true;
}

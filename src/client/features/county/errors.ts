import { PACK_REFUSALS } from '../../../shared/packs/pack-api';
import { CountyError } from './api';

/** The translated message of a failure: its key in the county namespace and what fills it in. */
export interface CountyMessage {
  key: string;
  params?: Record<string, string | number>;
}

export function messageOf(error: unknown): CountyMessage {
  if (!(error instanceof CountyError)) return { key: 'errors.unknown' };
  const seconds = error.retryAfterSeconds;
  if (error.code === 'rate_limited' && seconds !== undefined && seconds > 0) {
    return { key: 'errors.rate_limited_wait', params: { count: seconds, n: seconds } };
  }
  return { key: `errors.${error.code}` };
}

/** A refused pack import or promotion: the pack rule's reason, with the detail it gave; else the general message. */
export interface PackFailure {
  message: CountyMessage;
  detail?: string | undefined;
}

export function packFailureOf(error: unknown): PackFailure {
  if (error instanceof CountyError && error.refusal && (PACK_REFUSALS as readonly string[]).includes(error.refusal.reason)) {
    return { message: { key: `packs.reasons.${error.refusal.reason}` }, detail: error.refusal.detail };
  }
  return { message: messageOf(error) };
}

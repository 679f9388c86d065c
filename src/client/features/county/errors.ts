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
